// Kolada import into a real workspace: what is written, what is kept, what is refused.
#include "rodtrad/kolada.h"
#include "temp_workspace.h"

#include <gtest/gtest.h>

namespace rodtrad {
namespace {

using test::TempWorkspace;

const std::filesystem::path fixtures =
    std::filesystem::path(RODTRAD_SOURCE_DIR) / "tests/data/kolada";

// The minimal workspace with a council follow-up of the strategic plan, a committee
// follow-up, and the school known to Kolada.
TempWorkspace koladaWorkspace() {
    TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("organisation.xml", "<unit id=\"skola\" type=\"unit\">",
               "<unit id=\"skola\" type=\"unit\" koladaOu=\"V15E011400101\">");
    ws.replace("strategic-plan.xml", "<indicator id=\"KF1-N1\" direction=\"higher\"",
               "<indicator id=\"KF1-N1\" direction=\"higher\" genderSplit=\"true\"");
    ws.write("follow-ups/kf-2025-helar.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- Årsredovisning: kommunnivå -->
<followUp xmlns="urn:rodtrad:plan:1">
  <header>
    <id>fu-kf-2025</id>
    <title>Årsredovisning 2025</title>
    <unit>kf</unit>
    <documentNumber>KS 2026/0101</documentNumber>
  </header>
  <period year="2025" kind="helar"/>
  <plan   ref="sp" />
  <outcome indicator="KF1-N1" year="2023" value="74.9"/>
  <goalAssessment goal="KF1" level="delvis">
    <justification><p>Skolresultaten förbättras långsamt.</p></justification>
  </goalAssessment>
</followUp>
)");
    return ws;
}

} // namespace

TEST(Kolada, WritesMunicipalityAndUnitValuesWithGenderSplit) {
    const TempWorkspace ws = koladaWorkspace();
    const auto report =
        importKolada({fixtures / "v2-municipality.json", fixtures / "v3-unit.json"}, ws.dir());
    EXPECT_EQ(countErrors(report.diagnostics), 0u);
    const std::string council = ws.read("follow-ups/kf-2025-helar.xml");
    EXPECT_NE(council.find(R"(<outcome indicator="KF1-N1" year="2024" value="75.6" source="kolada">
    <split gender="K" value="79.4"/>
    <split gender="M" value="71.8"/>
  </outcome>)"),
              std::string::npos)
        << council;
    // A null value stays missing, with Kolada's status: never a zero.
    EXPECT_NE(council.find(
                  R"(<outcome indicator="KF1-N1" year="2025" status="Missing" source="kolada"/>)"),
              std::string::npos)
        << council;
    const std::string school = ws.read("follow-ups/skola-2025-helar.xml");
    EXPECT_NE(
        school.find(R"(<outcome indicator="KF1-N1" year="2025" value="82.5" source="kolada">)"),
        std::string::npos)
        << school;
    // The school had reported the value as missing by hand; that outcome was replaced, not doubled.
    EXPECT_EQ(school.find("indicator=\"KF1-N1\" year=\"2025\" status=\"Missing\""),
              std::string::npos);
    // The workspace still checks clean.
    const CheckReport check = ws.check();
    EXPECT_EQ(countErrors(check.diagnostics), 0u) << test::describe(check);
}

TEST(Kolada, LeavesEverythingElseByteForByte) {
    const TempWorkspace ws = koladaWorkspace();
    const std::string before = ws.read("follow-ups/kf-2025-helar.xml");
    importKolada({fixtures / "v2-municipality.json"}, ws.dir());
    std::string after = ws.read("follow-ups/kf-2025-helar.xml");
    // Remove what the import added; what remains is the file as it was.
    const std::size_t from = after.find("\n  <outcome indicator=\"KF1-N1\" year=\"2024\"");
    ASSERT_NE(from, std::string::npos) << after;
    const std::size_t to = after.find("  <goalAssessment");
    after.erase(from, to - from - 1);
    EXPECT_EQ(after, before);
}

TEST(Kolada, RerunningChangesNothing) {
    const TempWorkspace ws = koladaWorkspace();
    importKolada({fixtures / "v2-municipality.json", fixtures / "v3-unit.json"}, ws.dir());
    const std::string council = ws.read("follow-ups/kf-2025-helar.xml");
    const std::string school = ws.read("follow-ups/skola-2025-helar.xml");
    const auto again =
        importKolada({fixtures / "v2-municipality.json", fixtures / "v3-unit.json"}, ws.dir());
    EXPECT_TRUE(again.written.empty());
    EXPECT_EQ(ws.read("follow-ups/kf-2025-helar.xml"), council);
    EXPECT_EQ(ws.read("follow-ups/skola-2025-helar.xml"), school);
}

TEST(Kolada, ReportsUnknownIdsAndPaging) {
    const TempWorkspace ws = koladaWorkspace();
    const auto report =
        importKolada({fixtures / "v2-municipality.json", fixtures / "v3-unit.json"}, ws.dir());
    std::vector<std::string> unknown;
    bool paging = false;
    for (const auto& d : report.diagnostics) {
        if (d.code == "kolada.unknown") {
            unknown.push_back(d.message);
        }
        paging = paging || d.code == "kolada.paging";
    }
    ASSERT_EQ(unknown.size(), 2u);
    EXPECT_NE(unknown[0].find("N00401"), std::string::npos) << unknown[0];
    EXPECT_NE(unknown[1].find("V15E011499999"), std::string::npos) << unknown[1];
    EXPECT_TRUE(paging);
}

TEST(Kolada, TruncatedResponseIsRefusedWithItsLineAndNothingWritten) {
    const TempWorkspace ws = koladaWorkspace();
    const std::string before = ws.read("follow-ups/kf-2025-helar.xml");
    const auto report =
        importKolada({fixtures / "v3-unit.json", fixtures / "truncated.json"}, ws.dir());
    ASSERT_EQ(countErrors(report.diagnostics), 1u);
    const Diagnostic& d = report.diagnostics.back();
    EXPECT_TRUE(d.file.ends_with("truncated.json"));
    EXPECT_GT(d.line, 1);
    EXPECT_NE(d.message.find("truncated"), std::string::npos) << d.message;
    EXPECT_TRUE(report.written.empty());
    EXPECT_EQ(ws.read("follow-ups/kf-2025-helar.xml"), before);
}

TEST(Kolada, WrongShapeNamesTheField) {
    const TempWorkspace ws = koladaWorkspace();
    const auto report = importKolada({fixtures / "wrong-shape.json"}, ws.dir());
    ASSERT_EQ(countErrors(report.diagnostics), 1u);
    EXPECT_NE(report.diagnostics[0].message.find("values[0].period: expected a year"),
              std::string::npos)
        << report.diagnostics[0].message;
}

TEST(Kolada, ApprovedFollowUpsAreNotChanged) {
    const TempWorkspace ws = koladaWorkspace();
    ws.replace("follow-ups/kf-2025-helar.xml", "<documentNumber>KS 2026/0101</documentNumber>",
               "<documentNumber>KS 2026/0101</documentNumber>\n    <approval "
               "by=\"Kommunfullmäktige\" date=\"2026-04-20\"/>");
    const std::string before = ws.read("follow-ups/kf-2025-helar.xml");
    const auto report = importKolada({fixtures / "v2-municipality.json"}, ws.dir());
    EXPECT_EQ(ws.read("follow-ups/kf-2025-helar.xml"), before);
    bool noted = false;
    for (const auto& d : report.diagnostics) {
        noted = noted || (d.code == "kolada.approved" && d.file.ends_with("kf-2025-helar.xml"));
    }
    EXPECT_TRUE(noted);
}

} // namespace rodtrad
