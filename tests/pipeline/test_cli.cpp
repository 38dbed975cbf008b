// The rodtrad command line as a user runs it: exit status, stderr and stdout.
#include "rodtrad/cli.h"
#include "temp_workspace.h"

#include <gtest/gtest.h>
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
