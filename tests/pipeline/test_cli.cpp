// The rodtrad command line as a user runs it: exit status, stderr and stdout.
#include "rodtrad/cli.h"
#include "temp_workspace.h"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <sstream>

namespace rodtrad {
namespace {

struct CliRun {
    int status;
    std::string out;
    std::string err;
};

CliRun run(std::vector<std::string> args) {
    args.insert(args.begin(), "rodtrad");
    std::vector<const char*> argv;
    for (const auto& a : args) {
        argv.push_back(a.c_str());
    }
    std::ostringstream out;
    std::ostringstream err;
    const int status = runCommandLine(static_cast<int>(argv.size()), argv.data(), out, err);
    return {status, out.str(), err.str()};
}

} // namespace

TEST(Cli, CheckOfACleanWorkspaceExitsZero) {
    const auto ws = test::TempWorkspace::minimal();
    const CliRun r = run({"check", ws.dir().string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("5 documents, 0 errors, 0 warnings"), std::string::npos) << r.err;
}

TEST(Cli, CheckReportsFindingsLikeACompiler) {
    const auto ws = test::TempWorkspace::minimal();
    ws.replace("plans/bun-2025.xml", "parent=\"KF1\"", "parent=\"KF7\"");
    const CliRun r = run({"check", ws.dir().string()});
    EXPECT_EQ(r.status, 1);
    const std::string expected = (ws.dir() / "plans/bun-2025.xml").string() + ":11:";
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(": error: goal \"BUN-M1\" breaks down \"KF7\""), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("[ref.goal]"), std::string::npos) << r.err;
}

TEST(Cli, CheckWritesJsonOnRequest) {
    const auto ws = test::TempWorkspace::minimal();
    ws.replace("plans/bun-2025.xml", "parent=\"KF1\"", "parent=\"KF7\"");
    const CliRun r = run({"check", ws.dir().string(), "--format", "json"});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("\"code\":\"ref.goal\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"line\":11"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"errors\":1"), std::string::npos) << r.out;
}

TEST(Cli, UsageErrorsExitTwo) {
    EXPECT_EQ(run({}).status, 2);
    EXPECT_EQ(run({"frobnicate"}).status, 2);
    EXPECT_EQ(run({"check"}).status, 2);
    const CliRun bad = run({"check", "/nonexistent/workspace"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("not a workspace directory"), std::string::npos) << bad.err;
    EXPECT_EQ(run({"check", ".", "--format", "xml"}).status, 2);
    EXPECT_EQ(run({"check", ".", "--as-of", "2025-02-30"}).status, 2);
}

TEST(Cli, HelpExitsZero) {
    const CliRun r = run({"check", "--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("usage: rodtrad check"), std::string::npos);
    EXPECT_EQ(run({"--help"}).status, 0);
}

} // namespace rodtrad

namespace rodtrad {

TEST(Cli, TemplatesListsEveryDocument) {
    const CliRun r = run({"templates"});
    EXPECT_EQ(r.status, 0);
    for (const char* name : {"strategic-plan", "follow-up-report", "operational-plan"}) {
        EXPECT_NE(r.out.find(name), std::string::npos) << r.out;
    }
}

TEST(Cli, RenderWritesAPdfAndRefusesAMissingUnit) {
    const auto ws = test::TempWorkspace::minimal();
    const std::string pdf = (ws.dir() / "plan.pdf").string();
    const CliRun ok = run({"render", ws.dir().string(), "--template", "strategic-plan", "-o", pdf});
    EXPECT_EQ(ok.status, 0) << ok.err;
    EXPECT_NE(ok.out.find(" pages"), std::string::npos);
    EXPECT_EQ(ws.read("plan.pdf").substr(0, 5), "%PDF-");
    const CliRun missing = run({"render", ws.dir().string(), "--template", "operational-plan", "-o",
                                (ws.dir() / "op.pdf").string()});
    EXPECT_EQ(missing.status, 2);
    EXPECT_NE(missing.err.find("needs --unit"), std::string::npos) << missing.err;
    EXPECT_FALSE(std::filesystem::exists(ws.dir() / "op.pdf"));
}

} // namespace rodtrad

#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace rodtrad {

TEST(Cli, OutputThroughASymlinkKeepsTheLink) {
    const auto ws = test::TempWorkspace::minimal();
    ws.write("target.out", "old");
    std::filesystem::create_symlink(ws.path("target.out"), ws.path("link.out"));
    const CliRun r =
        run({"rollup", ws.dir().string(), "--period", "2025", "-o", ws.path("link.out").string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(std::filesystem::is_symlink(ws.path("link.out")));
    EXPECT_NE(ws.read("target.out").find("<rollup"), std::string::npos);
}

TEST(Cli, OutputToAPipeIsWrittenInPlace) {
    const auto ws = test::TempWorkspace::minimal();
    const auto fifo = ws.path("pipe");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    std::string received;
    std::thread reader([&] {
        const int fd = ::open(fifo.c_str(), O_RDONLY);
        char buffer[4096];
        for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
            received.append(buffer, static_cast<std::size_t>(n));
        }
        ::close(fd);
    });
    const CliRun r = run({"rollup", ws.dir().string(), "--period", "2025", "-o", fifo.string()});
    reader.join();
    EXPECT_EQ(r.status, 0) << r.err;
    struct stat info {};
    ASSERT_EQ(::stat(fifo.c_str(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode)) << "the pipe was replaced by a file";
    EXPECT_NE(received.find("<rollup"), std::string::npos);
}

} // namespace rodtrad

namespace rodtrad {
namespace {

const std::filesystem::path example =
    std::filesystem::path(RODTRAD_SOURCE_DIR) / "examples" / "upplands-vasby";

std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The example rolled up for 2025-helar into dir/rollup.xml.
std::filesystem::path rolledUpExample(const test::TempWorkspace& dir) {
    const std::filesystem::path file = dir.path("rollup.xml");
    const CliRun r =
        run({"rollup", example.string(), "--period", "2025-helar", "-o", file.string()});
    EXPECT_EQ(r.status, 0) << r.err;
    return file;
}

} // namespace

TEST(Cli, RenderFromARolledUpDocumentGivesTheBytesOfTheWorkspace) {
    const test::TempWorkspace dir;
    const std::string rollup = rolledUpExample(dir).string();
    const std::vector<std::vector<std::string>> renders{
        {"--template", "strategic-plan"},
        {"--template", "follow-up-report", "--final"},
        {"--template", "follow-up-report", "--lang", "en"},
        {"--template", "operational-plan", "--unit", "tn"}};
    for (const auto& options : renders) {
        std::vector<std::string> fromWorkspace{
            "render", example.string(), "--period", "2025-helar", "-o", dir.path("a.pdf").string()};
        std::vector<std::string> fromRollup{"render", rollup, "-o", dir.path("b.pdf").string()};
        fromWorkspace.insert(fromWorkspace.end(), options.begin(), options.end());
        fromRollup.insert(fromRollup.end(), options.begin(), options.end());
        const CliRun a = run(fromWorkspace);
        const CliRun b = run(fromRollup);
        ASSERT_EQ(a.status, 0) << a.err;
        ASSERT_EQ(b.status, 0) << b.err;
        EXPECT_EQ(b.out.substr(b.out.find(": ")), a.out.substr(a.out.find(": "))); // pages
        EXPECT_TRUE(fileText(dir.path("a.pdf")) == fileText(dir.path("b.pdf"))) << options[1];
        // Unchecked against the schema, as the rollup wrote it: the same document.
        fromRollup.push_back("--no-validate");
        fromRollup[3] = dir.path("d.pdf").string();
        const CliRun d = run(fromRollup);
        ASSERT_EQ(d.status, 0) << d.err;
        EXPECT_TRUE(fileText(dir.path("a.pdf")) == fileText(dir.path("d.pdf"))) << options[1];
    }
    // The period, when given, is the one the document was rolled up for, in either spelling.
    for (const std::string period : {"2025-helar", "2025"}) {
        const CliRun same = run({"render", rollup, "--template", "strategic-plan", "--period",
                                 period, "-o", dir.path("c.pdf").string()});
        EXPECT_EQ(same.status, 0) << same.err;
    }
}

TEST(Cli, RenderRefusesARolledUpDocumentItCannotTrustAndWritesNothing) {
    const test::TempWorkspace dir;
    const std::filesystem::path rollup = rolledUpExample(dir);
    const std::string text = fileText(rollup);
    const std::string pdf = dir.path("out.pdf").string();
    const auto render = [&](const std::string& content, std::vector<std::string> more = {}) {
        dir.write("bad.xml", content);
        std::vector<std::string> args{
            "render", dir.path("bad.xml").string(), "--template", "follow-up-report", "-o", pdf};
        args.insert(args.end(), more.begin(), more.end());
        return run(args);
    };
    const auto lineOf = [&](std::size_t offset) {
        return std::to_string(1 + std::count(text.begin(), text.begin() + offset, '\n'));
    };

    // A traffic light the schema does not know, found at its line.
    const std::size_t status = text.find("<status year=\"2025\" value=\"");
    ASSERT_NE(status, std::string::npos);
    std::string purple = text;
    purple.replace(purple.find("value=\"", status) + 7, 0, "purple-");
    CliRun r = render(purple);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("bad.xml:" + lineOf(status) + ":"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("[schema]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;

    // A goal of a unit the organisation does not have.
    const std::size_t goal = text.find(" unit=\"", text.find("<goal "));
    std::string stranger = text;
    stranger.replace(goal + 7, 0, "ingen-");
    r = render(stranger);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("bad.xml:" + lineOf(goal) + ":"), std::string::npos) << r.err;

    // Cut short: not well-formed.
    r = render(text.substr(0, text.size() / 2));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("bad.xml:"), std::string::npos) << r.err;

    // A document type declaration (the road to entity expansion) is refused before parsing.
    std::string withDtd = text;
    withDtd.insert(withDtd.find("<rollup"),
                   "<!DOCTYPE rollup [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n");
    r = render(withDtd);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("[xml.dtd]"), std::string::npos) << r.err;

    // Larger than any rolled-up document may be: refused before a byte is read (sparse here).
    dir.write("huge.xml", "");
    std::filesystem::resize_file(dir.path("huge.xml"), std::uintmax_t{3} << 30);
    r = run({"render", dir.path("huge.xml").string(), "--template", "strategic-plan", "-o", pdf});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("huge.xml: error: file is 3.0 GiB; the limit is 2.0 GiB [xml.limit]"),
              std::string::npos)
        << r.err;

    // A document of a workspace is not a rolled-up one.
    r = render(fileText(example / "strategic-plan.xml"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("not a rolled-up document"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("<strategicPlan>"), std::string::npos) << r.err;

    // Another period than the document's, a record template, a path that is not there.
    r = render(text, {"--period", "2025-tertial"});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("rolled up for 2025-helar, not 2025-tertial"), std::string::npos) << r.err;
    r = run({"render", rollup.string(), "--template", "aspects-register", "-o", pdf});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("render it from the workspace"), std::string::npos) << r.err;
    r = run(
        {"render", dir.path("missing.xml").string(), "--template", "strategic-plan", "-o", pdf});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("missing.xml: no such workspace directory or rolled-up document"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

TEST(Cli, RenderWithoutTheSchemaCheckStillRefusesWhatItCannotReadAndWritesNothing) {
    const test::TempWorkspace dir;
    const std::string text = fileText(rolledUpExample(dir));
    const std::string pdf = dir.path("out.pdf").string();
    const auto render = [&](const std::string& content, const std::string& code) {
        dir.write("bad.xml", content);
        const CliRun r = run({"render", dir.path("bad.xml").string(), "--template",
                              "follow-up-report", "--no-validate", "-o", pdf});
        EXPECT_EQ(r.status, 1) << code << ": " << r.err;
        EXPECT_NE(r.err.find("bad.xml:"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("[" + code + "]"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
        EXPECT_FALSE(std::filesystem::exists(pdf)) << code;
        return r.err;
    };
    const auto lineOf = [](const std::string& content, std::size_t offset) {
        return std::to_string(1 + std::count(content.begin(), content.begin() + offset, '\n'));
    };
    // Not well-formed, also where the template reads nothing: every byte is parsed.
    const std::size_t split = text.find("<split ");
    ASSERT_NE(split, std::string::npos) << "the example has no gender split";
    std::string broken = text;
    broken.replace(split, 6, "<split <");
    std::string err = render(broken, "xml.malformed");
    EXPECT_NE(err.find("bad.xml:" + lineOf(broken, split) + ":"), std::string::npos) << err;
    render(text.substr(0, text.size() * 2 / 3), "xml.malformed");
    render(text + "<rollup/>", "xml.malformed");
    // Bytes that are not UTF-8 in a part the template does not read.
    std::string latin1 = text;
    latin1.insert(latin1.find('"', split) + 1, "\xE5");
    err = render(latin1, "xml.malformed");
    EXPECT_NE(err.find("bad.xml:" + lineOf(latin1, split) + ":"), std::string::npos) << err;
    render("\xFF\xFE<\0r\0/\0>\0", "xml.encoding");
    // Entities, nesting and sizes stay bounded.
    std::string withDtd = text;
    withDtd.insert(withDtd.find("<rollup"),
                   "<!DOCTYPE rollup [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n");
    render(withDtd, "xml.dtd");
    std::string deep = text;
    std::string nest;
    for (int i = 0; i < 80; ++i) {
        nest += "<x>";
    }
    for (int i = 0; i < 80; ++i) {
        nest += "</x>";
    }
    deep.insert(split, nest);
    err = render(deep, "xml.depth");
    EXPECT_NE(err.find("bad.xml:" + lineOf(deep, split) + ":"), std::string::npos) << err;
    std::string wide = text;
    wide.insert(split + 7, "note=\"" + std::string(std::size_t{2} << 20, 'a') + "\" ");
    render(wide, "xml.limit");
    // So many attributes that the parser's check for repeated ones would take minutes.
    std::string crowded = text;
    std::string many;
    for (int i = 0; i < 300; ++i) {
        many += " a" + std::to_string(i) + "=\"1\"";
    }
    crowded.insert(split + 6, many);
    err = render(crowded, "xml.limit");
    EXPECT_NE(err.find("bad.xml:" + lineOf(crowded, split) + ":"), std::string::npos) << err;
    // Only UTF-8, whatever the declaration says; nothing at all is no document.
    std::string latin1Declared = text;
    latin1Declared.replace(latin1Declared.find("UTF-8"), 5, "ISO-8859-1");
    render(latin1Declared, "xml.encoding");
    err = render("<?xml version=\"1.0\"?>\n", "xml.malformed");
    EXPECT_NE(err.find("no root element"), std::string::npos) << err;
    // A document of another kind, whatever its name.
    std::string other = text;
    other.replace(other.find("urn:rodtrad:rollup:1"), 20, "urn:rodtrad:other:1");
    err = render(other, "doc.kind");
    EXPECT_NE(err.find("not a rolled-up document"), std::string::npos) << err;
    // UTF-8's byte-order mark is no reason to refuse.
    dir.write("bom.xml", "\xEF\xBB\xBF" + text);
    const CliRun bom = run({"render", dir.path("bom.xml").string(), "--template", "strategic-plan",
                            "--no-validate", "-o", pdf});
    EXPECT_EQ(bom.status, 0) << bom.err;
}

} // namespace rodtrad
