// Rendering the example's documents, checked with the tools a reader's software trusts: qpdf,
// pdffonts, pdfinfo and pdftotext from poppler. Plus golden layout dumps and PDF digests
// (tests/golden/render/<case>/), with UPDATE_GOLDEN=1 to accept a reviewed change.
#include "rendered_examples.h"
#include "rodtrad/error.h"
#include "rodtrad/render.h"
#include "temp_workspace.h"

#include <Poco/SHA2Engine.h>
#include <array>
#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>

namespace rodtrad {
namespace {

namespace fs = std::filesystem;
using namespace test;

std::string folded(const std::string& text) {
    std::string out;
    bool space = false;
    for (char ch : text) {
        if (ch == '\n' || ch == ' ' || ch == '\t' || ch == '\f') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += ch;
    }
    return out;
}

} // namespace

TEST(Render, QpdfFindsNothingWrong) {
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        const std::string out = run("qpdf --check " + rendered(c).file.string());
        EXPECT_NE(out.find("No syntax or stream encoding errors found"), std::string::npos) << out;
        EXPECT_EQ(out.find("WARNING"), std::string::npos) << out;
    }
}

TEST(Render, EveryFontIsEmbeddedWithAUnicodeMapAndPopplerHasNoComplaint) {
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        const std::string out = run("pdffonts " + rendered(c).file.string());
        EXPECT_EQ(out.find("Syntax"), std::string::npos) << out;
        int fonts = 0;
        std::istringstream lines(out);
        for (std::string line; std::getline(lines, line);) {
            if (line.find("TrueType") == std::string::npos) {
                continue;
            }
            ++fonts;
            EXPECT_NE(line.find(" yes yes yes "), std::string::npos)
                << "not embedded with ToUnicode: " << line;
        }
        EXPECT_EQ(fonts, 2) << out;
    }
}

TEST(Render, DocumentInformationAndMetadata) {
    const Case c = cases().front();
    const std::string info = run("pdfinfo " + rendered(c).file.string());
    EXPECT_NE(info.find("Title:           Mål och budget 2025–2027"), std::string::npos) << info;
    EXPECT_NE(info.find("Producer:        rodtrad"), std::string::npos) << info;
    EXPECT_NE(info.find("CreationDate:    Mon Nov 25 00:00:00 2024"), std::string::npos) << info;
    EXPECT_NE(info.find("Metadata Stream: yes"), std::string::npos) << info;
    const std::string xmp = run("pdfinfo -meta " + rendered(c).file.string());
    EXPECT_NE(xmp.find("<pdfaid:part>1</pdfaid:part>"), std::string::npos) << xmp;
    EXPECT_NE(xmp.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos);
    EXPECT_NE(xmp.find("Mål och budget 2025–2027"), std::string::npos);
    // Well-formed: xmllint reads the packet without complaint.
    const fs::path packet = fs::temp_directory_path() / "rodtrad-xmp.xml";
    std::ofstream(packet) << xmp.substr(xmp.find("<x:xmpmeta"),
                                        xmp.rfind("</x:xmpmeta>") + 12 - xmp.find("<x:xmpmeta"));
    EXPECT_EQ(run("xmllint --noout " + packet.string()), "");
}

TEST(Render, TextExtractionGivesBackEveryGoalTitleAndIndicatorName) {
    const Case c = cases()[1]; // the follow-up report names every council goal and indicator
    const std::string text =
        folded(run("pdftotext -enc UTF-8 " + rendered(c).file.string() + " -"));
    // Hyphens the renderer inserted at line ends are joined again, as a reader's software does.
    const std::string joined = std::regex_replace(text, std::regex("(\\w)- (\\w)"), "$1$2");
    std::ifstream plan(example / "strategic-plan.xml");
    std::stringstream content;
    content << plan.rdbuf();
    const std::string xml = content.str();
    const std::regex titles("<(title|name)>([^<]+)</(title|name)>");
    int checked = 0;
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), titles);
         it != std::sregex_iterator(); ++it) {
        const std::string expected = folded((*it)[2]);
        if (expected.find("Mål och budget") != std::string::npos) {
            continue; // the plan's own title is in the header as plain text
        }
        ++checked;
        EXPECT_TRUE(text.find(expected) != std::string::npos ||
                    joined.find(expected) != std::string::npos)
            << "not found in the extracted text: " << expected;
    }
    EXPECT_GT(checked, 30);
}

TEST(Render, SameBytesOnASecondRender) {
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        const RenderResult again = renderDocument(exampleWorkspace(), c.options);
        EXPECT_TRUE(again.pdf == rendered(c).result.pdf);
    }
}

TEST(Render, DraftsCarryTheWatermarkAndFinalDocumentsDoNot) {
    EXPECT_NE(rendered(cases()[0]).result.layoutDump.find("rotated [artifact] UTKAST"),
              std::string::npos);
    EXPECT_EQ(rendered(cases()[3]).result.layoutDump.find("rotated"), std::string::npos);
    EXPECT_NE(rendered(cases()[3]).result.layoutDump.find("Page 2 of"), std::string::npos);
    EXPECT_NE(rendered(cases()[0]).result.layoutDump.find("Sida 2 av"), std::string::npos);
}

TEST(Render, TextTheFontCannotShowIsReportedWithItsSource) {
    test::TempWorkspace ws = test::TempWorkspace::minimal();
    ws.replace("strategic-plan.xml", "<title>Eleverna når målen</title>",
               "<title>Eleverna når målen \xF0\x9F\x98\x80</title>");
    std::vector<Diagnostic> diagnostics;
    const auto workspace = Workspace::load(ws.dir(), {}, diagnostics);
    RenderOptions options;
    options.templateName = "strategic-plan";
    options.period = "2025";
    const RenderResult result = renderDocument(*workspace, options);
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_EQ(result.diagnostics[0].code, "text.glyph");
    EXPECT_EQ(result.diagnostics[0].file, "strategic-plan.xml#KF1");
    EXPECT_NE(result.diagnostics[0].message.find("U+1F600"), std::string::npos)
        << result.diagnostics[0].message;
}

TEST(Render, UnknownTemplateAndMissingUnitAreUsageErrors) {
    RenderOptions options;
    options.templateName = "no-such-template";
    options.period = "2025";
    EXPECT_THROW(renderDocument(exampleWorkspace(), options), UsageError);
    options.templateName = "operational-plan";
    EXPECT_THROW(renderDocument(exampleWorkspace(), options), UsageError);
    options.unit = "nowhere";
    EXPECT_THROW(renderDocument(exampleWorkspace(), options), UsageError);
}

TEST(Render, GoldenLayoutDumpsAndDigests) {
    const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        const fs::path dir = source / "tests/golden/render" / c.name;
        Poco::SHA2Engine sha;
        sha.update(rendered(c).result.pdf);
        const std::string digest = Poco::DigestEngine::digestToHex(sha.digest()) + "\n";
        if (update) {
            fs::create_directories(dir);
            std::ofstream(dir / "layout.txt", std::ios::binary) << rendered(c).result.layoutDump;
            std::ofstream(dir / "pdf.sha256", std::ios::binary) << digest;
            continue;
        }
        std::ifstream layout(dir / "layout.txt", std::ios::binary);
        std::stringstream expected;
        expected << layout.rdbuf();
        ASSERT_FALSE(expected.str().empty())
            << "no golden layout; run with UPDATE_GOLDEN=1 and review";
        EXPECT_TRUE(expected.str() == rendered(c).result.layoutDump)
            << "the layout differs from " << (dir / "layout.txt")
            << "; review with UPDATE_GOLDEN=1 and git diff";
        std::ifstream hash(dir / "pdf.sha256");
        std::string expectedDigest;
        std::getline(hash, expectedDigest);
        EXPECT_EQ(expectedDigest + "\n", digest) << "the PDF bytes changed";
    }
}

} // namespace rodtrad

namespace rodtrad {

// A perspective with more goals than a page can show readably is drawn one council goal at a
// time, each figure's columns named from the council goal on; a small one stays one figure.
TEST(Render, ALargeRedThreadIsDrawnOneCouncilGoalAtATime) {
    const auto count = [](const std::string& text, const std::string& what) {
        std::size_t n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
            ++n;
        }
        return n;
    };
    RenderOptions options;
    options.templateName = "strategic-plan";
    options.period = "2025";
    options.keepLayoutDump = true;
    const std::string small = renderDocument(exampleWorkspace(), options).layoutDump;
    EXPECT_EQ(count(small, "[Figure] Perspektiv\n"), 4u); // one figure for each perspective
    EXPECT_EQ(count(small, "[Figure] KF-mål\n"), 4u);

    test::TempWorkspace ws = test::TempWorkspace::minimal();
    const std::string plan = ws.read("strategic-plan.xml");
    const auto start = plan.find("<councilGoal id=\"KF1\">");
    const auto end = plan.find("</councilGoal>") + std::string("</councilGoal>").size();
    const std::string goal = plan.substr(start, end - start);
    std::string more;
    for (int i = 2; i <= 70; ++i) {
        std::string copy = goal;
        for (const std::string id : {"KF1-N1", "KF1"}) {
            const std::string numbered = "KF" + std::to_string(i) + id.substr(3);
            copy.replace(copy.find("\"" + id + "\""), id.size() + 2, "\"" + numbered + "\"");
        }
        more += copy;
    }
    ws.replace("strategic-plan.xml", "</councilGoal>\n  </perspective>",
               "</councilGoal>" + more + "\n  </perspective>");
    std::vector<Diagnostic> diagnostics;
    const auto workspace = Workspace::load(ws.dir(), {}, diagnostics);
    ASSERT_TRUE(workspace) << (diagnostics.empty() ? "" : formatDiagnostic(diagnostics[0]));
    const std::string large = renderDocument(*workspace, options).layoutDump;
    EXPECT_EQ(count(large, "[Figure] Perspektiv\n"), 0u);
    EXPECT_EQ(count(large, "[Figure] KF-mål\n"), 70u); // a figure for each council goal
}

} // namespace rodtrad
