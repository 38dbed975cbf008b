// The rollup on real workspaces: consolidation up an organisation, statuses, assessments,
// manual overrides, the two-step view and traceability, read back with XPath as a template
// would.
#include "load/schema_set.h"
#include "rollup/number_format.h"
#include "rollup/rollup.h"
#include "temp_workspace.h"

#include <gtest/gtest.h>
#include <random>
#include <sstream>

namespace rodtrad {
namespace {

using test::TempWorkspace;

std::unique_ptr<pugi::xml_document> rollupOf(const TempWorkspace& ws, const std::string& period) {
    const CheckReport report = ws.check();
    EXPECT_EQ(countErrors(report.diagnostics), 0u) << test::describe(report);
    std::vector<Diagnostic> diagnostics;
    const auto workspace = Workspace::load(ws.dir(), {}, diagnostics);
    auto doc = buildRollup(workspace->impl(), *Period::parse(period));
    // Every rolled-up document validates against its schema.
    std::ostringstream text;
    doc->save(text);
    std::vector<Diagnostic> invalid;
    EXPECT_TRUE(SchemaSet::instance().validate(text.str(), "rollup.xsd", "rollup", invalid))
        << (invalid.empty() ? "" : formatDiagnostic(invalid.front()));
    return doc;
}

std::string attr(const pugi::xml_document& doc, const std::string& xpath) {
    const pugi::xpath_node found = doc.select_node(xpath.c_str());
    EXPECT_TRUE(found) << "nothing at " << xpath;
    return found ? found.attribute().value() : "";
}

bool exists(const pugi::xml_document& doc, const std::string& xpath) {
    return static_cast<bool>(doc.select_node(xpath.c_str()));
}

// A committee with an administration and three schools; the council goal has one indicator
// per consolidation formula, every school inherits them all and reports its own values.
TempWorkspace consolidationWorkspace(const std::string& s1, const std::string& s2,
                                     const std::string& s3) {
    TempWorkspace ws = TempWorkspace::minimal();
    ws.remove("plans/skola-2025.xml");
    ws.remove("follow-ups/skola-2025-helar.xml");
    ws.replace("organisation.xml", R"(<unit id="skola" type="unit">
            <name>Vilunda skola</name>
          </unit>
          <unit id="forskola" type="unit">
            <name>Förskolan Ekebo</name>
          </unit>)",
               R"(<unit id="s1" type="unit"><name>Skola 1</name></unit>
          <unit id="s2" type="unit"><name>Skola 2</name></unit>
          <unit id="s3" type="unit"><name>Skola 3</name></unit>)");
    std::string indicators;
    std::string refs;
    for (const char* formula : {"sum", "average", "weighted-average", "max", "min", "own"}) {
        const std::string id = std::string("N-") + formula;
        indicators += "<indicator id=\"" + id + "\" direction=\"higher\"><name>" + formula +
                      "</name><measure>st</measure><consolidation formula=\"" + formula + "\"" +
                      (std::string(formula) == "weighted-average" ? " weight=\"elever\"" : "") +
                      "/><target year=\"2025\" value=\"12\" yellow=\"9\"/></indicator>\n";
        refs += "<indicatorRef ref=\"" + id + "\"/>";
    }
    ws.replace("strategic-plan.xml", "</councilGoal>", indicators + "</councilGoal>");
    ws.replace("plans/bun-2025.xml", "<indicatorRef ref=\"KF1-N1\"/>",
               "<indicatorRef ref=\"KF1-N1\"/>" + refs);
    const std::string values[] = {s1, s2, s3};
    for (int i = 1; i <= 3; ++i) {
        const std::string unit = "s" + std::to_string(i);
        ws.write("plans/" + unit + "-2025.xml",
                 R"(<operationalPlan xmlns="urn:rodtrad:plan:1">
  <header><id>vp-)" + unit +
                     R"(</id><title>Plan</title><unit>)" + unit +
                     R"(</unit><documentNumber>1</documentNumber></header>
  <year>2025</year>
  <strategicPlan ref="sp"/>
  <goal id=")" + unit +
                     R"(-M1" parent="BUN-M1"><title>Mål</title>)" + refs +
                     R"(</goal>
</operationalPlan>)");
        std::string outcomes;
        for (const char* formula : {"sum", "average", "weighted-average", "max", "min", "own"}) {
            outcomes += "<outcome indicator=\"N-" + std::string(formula) + "\" year=\"2025\" " +
                        values[i - 1] + "/>\n";
        }
        ws.write("follow-ups/" + unit + "-2025-helar.xml",
                 R"(<followUp xmlns="urn:rodtrad:plan:1">
  <header><id>fu-)" + unit +
                     R"(</id><title>Uppföljning</title><unit>)" + unit +
                     R"(</unit><documentNumber>1</documentNumber></header>
  <period year="2025" kind="helar"/>
  <plan ref="vp-)" + unit +
                     R"("/>
  <weight name="elever" value=")" +
                     std::to_string(i * 100) + R"("/>
)" + outcomes + "</followUp>");
    }
    return ws;
}

std::string councilValue(const pugi::xml_document& doc, const std::string& indicator) {
    return attr(doc, "/rollup/perspective/councilGoal[@id='KF1']/indicator[@id='" + indicator +
                         "']/consolidated[@year='2025']/@value");
}

} // namespace

TEST(Rollup, EveryConsolidationFormula) {
    const auto ws = consolidationWorkspace("value=\"10\"", "value=\"20\"", "value=\"6\"");
    const auto doc = rollupOf(ws, "2025-helar");
    EXPECT_EQ(councilValue(*doc, "N-sum"), "36.0");
    EXPECT_EQ(councilValue(*doc, "N-average"), "12.0");
    // (10·100 + 20·200 + 6·300) / 600
    EXPECT_EQ(councilValue(*doc, "N-weighted-average"), "11.3");
    EXPECT_EQ(councilValue(*doc, "N-max"), "20.0");
    EXPECT_EQ(councilValue(*doc, "N-min"), "6.0");
    // "own" never consolidates: the council has no value of its own, so no status.
    EXPECT_FALSE(
        exists(*doc, "/rollup/perspective/councilGoal/indicator[@id='N-own']/consolidated"));
    EXPECT_EQ(attr(*doc, "/rollup/perspective/councilGoal/indicator[@id='N-own']/status/@value"),
              "not-assessable");
    // Traceable: which units' values were combined.
    EXPECT_EQ(
        attr(*doc, "/rollup/perspective/councilGoal/indicator[@id='N-sum']/consolidated/@from"),
        "s1 s2 s3");
}

TEST(Rollup, MissingValuesAreCountedNeverAdded) {
    const auto ws = consolidationWorkspace("value=\"10\"", "value=\"20\"", "status=\"Missing\"");
    const auto doc = rollupOf(ws, "2025-helar");
    EXPECT_EQ(councilValue(*doc, "N-sum"), "30.0");
    EXPECT_EQ(councilValue(*doc, "N-average"), "15.0");
    EXPECT_EQ(councilValue(*doc, "N-min"), "10.0");
    EXPECT_EQ(
        attr(*doc, "/rollup/perspective/councilGoal/indicator[@id='N-min']/consolidated/@missing"),
        "1");
    // The school with no value keeps its status as reported, and its indicator has no status.
    EXPECT_EQ(attr(*doc, "//goal[@id='s3-M1']/indicator[@id='N-sum']/outcome/@status"), "Missing");
    EXPECT_FALSE(exists(*doc, "//goal[@id='s3-M1']/indicator[@id='N-sum']/outcome/@value"));
    EXPECT_EQ(attr(*doc, "//goal[@id='s3-M1']/indicator[@id='N-sum']/status/@value"),
              "not-assessable");
}

TEST(Rollup, AllMissingGivesNoConsolidatedValue) {
    const auto ws =
        consolidationWorkspace("status=\"Missing\"", "status=\"Missing\"", "status=\"Missing\"");
    const auto doc = rollupOf(ws, "2025-helar");
    EXPECT_FALSE(
        exists(*doc, "/rollup/perspective/councilGoal/indicator[@id='N-sum']/consolidated/@value"));
    EXPECT_EQ(attr(*doc, "/rollup/perspective/councilGoal/indicator[@id='N-sum']/status/@value"),
              "not-assessable");
}

TEST(Rollup, AReportedValueIsNeverOverwrittenByConsolidation) {
    auto ws = consolidationWorkspace("value=\"10\"", "value=\"20\"", "value=\"6\"");
    // The committee reports its own figure for the sum indicator.
    ws.write("follow-ups/bun-2025-helar.xml", R"(<followUp xmlns="urn:rodtrad:plan:1">
  <header><id>fu-bun</id><title>Uppföljning</title><unit>bun</unit><documentNumber>1</documentNumber></header>
  <period year="2025" kind="helar"/>
  <plan ref="vp-bun-2025"/>
  <weight name="antal-elever" value="1"/>
  <weight name="elever" value="600"/>
  <outcome indicator="N-sum" year="2025" value="40"/>
</followUp>)");
    const auto doc = rollupOf(ws, "2025-helar");
    const std::string committee = "//goal[@id='BUN-M1']/indicator[@id='N-sum']";
    EXPECT_EQ(attr(*doc, committee + "/outcome[@year='2025']/@value"), "40");
    EXPECT_EQ(attr(*doc, committee + "/consolidated[@year='2025']/@value"), "36.0");
    EXPECT_EQ(attr(*doc, committee + "/status/@outcome"), "40.0");
    // Above the committee its own figure stands for its subtree.
    EXPECT_EQ(councilValue(*doc, "N-sum"), "40.0");
    EXPECT_EQ(
        attr(*doc, "/rollup/perspective/councilGoal/indicator[@id='N-sum']/consolidated/@from"),
        "bun");
}

TEST(Rollup, StatusesAndTrend) {
    const auto ws = consolidationWorkspace("value=\"12\"", "value=\"10\"", "value=\"8\"");
    const auto doc = rollupOf(ws, "2025-helar");
    EXPECT_EQ(attr(*doc, "//goal[@id='s1-M1']/indicator[@id='N-own']/status/@value"), "green");
    EXPECT_EQ(attr(*doc, "//goal[@id='s2-M1']/indicator[@id='N-own']/status/@value"), "yellow");
    EXPECT_EQ(attr(*doc, "//goal[@id='s3-M1']/indicator[@id='N-own']/status/@value"), "red");
    // Nobody reports KF1-N1: no outcome, so no status, and never a zero.
    EXPECT_EQ(attr(*doc, "//goal[@id='BUN-M1']/indicator[@id='KF1-N1']/status/@reason"),
              "no-outcome");
}

TEST(Rollup, AssessmentByTheDefaultShareRule) {
    const auto ws = consolidationWorkspace("value=\"12\"", "value=\"10\"", "value=\"8\"");
    const auto doc = rollupOf(ws, "2025-helar");
    // s1: six green of six: uppfyllt. The committee: KF1-N1 has no outcome and "own" does not
    // consolidate, so five of its seven inputs are assessable.

    EXPECT_EQ(attr(*doc, "//goal[@id='s1-M1']/assessment/@level"), "uppfyllt");
    EXPECT_EQ(attr(*doc, "//goal[@id='s1-M1']/assessment/@assessable"), "6");
    EXPECT_EQ(attr(*doc, "//goal[@id='BUN-M1']/assessment/@inputs"), "7");
    EXPECT_EQ(attr(*doc, "//goal[@id='BUN-M1']/assessment/@assessable"), "5");
    EXPECT_EQ(attr(*doc, "//goal[@id='s3-M1']/assessment/@level"), "ej");
}

TEST(Rollup, ManualAssessmentOverridesAndShowsBoth) {
    auto ws = consolidationWorkspace("value=\"12\"", "value=\"10\"", "value=\"8\"");
    ws.replace(
        "follow-ups/s3-2025-helar.xml", "</followUp>",
        R"(<goalAssessment goal="s3-M1" level="delvis" by="Rektor"><justification><p>Resultaten vänder under hösten.</p></justification></goalAssessment></followUp>)");
    const auto doc = rollupOf(ws, "2025-helar");
    EXPECT_EQ(attr(*doc, "//goal[@id='s3-M1']/assessment/@level"), "delvis");
    EXPECT_EQ(attr(*doc, "//goal[@id='s3-M1']/assessment/@computed"), "ej");
    EXPECT_EQ(attr(*doc, "//goal[@id='s3-M1']/assessment/@manual"), "true");
    EXPECT_EQ(attr(*doc, "//goal[@id='s3-M1']/assessment/@src"), "follow-ups/s3-2025-helar.xml:12");
    EXPECT_TRUE(exists(*doc, "//goal[@id='s3-M1']/assessment/justification/p"));
}

TEST(Rollup, WorstOfAndWeightedRulesFromThePlan) {
    auto ws = consolidationWorkspace("value=\"12\"", "value=\"10\"", "value=\"8\"");
    ws.replace("strategic-plan.xml", "</assessment>", R"(<rule id="samst" kind="worst-of">
      <level level="uppfyllt" status="green"/><level level="delvis" status="yellow"/><level level="ej" status="red"/>
    </rule></assessment>)");
    ws.replace("plans/s1-2025.xml", "<goal id=\"s1-M1\" parent=\"BUN-M1\">",
               "<goal id=\"s1-M1\" parent=\"BUN-M1\" rule=\"samst\">");
    ws.replace("follow-ups/s1-2025-helar.xml",
               "<outcome indicator=\"N-min\" year=\"2025\" value=\"12\"/>",
               "<outcome indicator=\"N-min\" year=\"2025\" value=\"10\"/>");
    const auto doc = rollupOf(ws, "2025-helar");
    EXPECT_EQ(attr(*doc, "//goal[@id='s1-M1']/assessment/@rule"), "samst");
    EXPECT_EQ(attr(*doc, "//goal[@id='s1-M1']/assessment/@level"), "delvis");
}

TEST(Rollup, GoalsWithoutIndicatorsAreAssessedFromTheirSubGoals) {
    auto ws = consolidationWorkspace("value=\"12\"", "value=\"12\"", "value=\"12\"");
    ws.replace("plans/bun-2025.xml", "<indicatorRef ref=\"KF1-N1\"/>", "");
    std::string text = ws.read("plans/bun-2025.xml");
    while (text.find("<indicatorRef") != std::string::npos) {
        const auto at = text.find("<indicatorRef");
        text.erase(at, text.find("/>", at) + 2 - at);
    }
    ws.write("plans/bun-2025.xml", text);
    const auto doc = rollupOf(ws, "2025-helar");
    EXPECT_EQ(attr(*doc, "//goal[@id='BUN-M1']/assessment/@basis"), "goals");
    EXPECT_EQ(attr(*doc, "//goal[@id='BUN-M1']/assessment/@level"), "uppfyllt");
}

TEST(Rollup, TwoStepViewOfACouncilGoal) {
    auto ws = consolidationWorkspace("value=\"12\"", "value=\"12\"", "value=\"12\"");
    ws.replace("organisation.xml", R"(<unit id="ks" type="executive-board">
        <name>Kommunstyrelsen</name>
      </unit>)",
               R"(<unit id="ks" type="executive-board">
        <name>Kommunstyrelsen</name>
      </unit>
      <unit id="kfn" type="committee"><name>Kultur- och fritidsnämnden</name></unit>)");
    ws.writePlan("kfn-2025", "vp-kfn", "kfn",
                 R"(  <goal id="KFN-M1" parent="KF1"><title>Fler läser</title></goal>)");
    ws.writePlan("ks-2025", "vp-ks", "ks",
                 R"(  <goal id="KS-M1" parent="KF1"><title>Styrning</title></goal>)");
    const auto doc = rollupOf(ws, "2025-helar");
    const std::string goal = "/rollup/perspective/councilGoal[@id='KF1']";
    EXPECT_EQ(attr(*doc, goal + "/coverage/@committees"), "3");
    EXPECT_EQ(attr(*doc, goal + "/coverage/@contributing"), "3");
    EXPECT_EQ(attr(*doc, goal + "/fulfilment/@goals"), "3");
    EXPECT_EQ(attr(*doc, goal + "/fulfilment/level[@id='uppfyllt']/@goals"), "1");
    EXPECT_EQ(attr(*doc, goal + "/fulfilment/level[@id='kib']/@goals"), "2");
}

TEST(Rollup, ActivityStatusFromTheLatestReport) {
    const TempWorkspace ws = TempWorkspace::minimal();
    const auto doc = rollupOf(ws, "2025-helar");
    EXPECT_EQ(attr(*doc, "//activity[@id='SK-A1']/@status"), "completed");
    EXPECT_EQ(attr(*doc, "//activity[@id='BUN-A1']/@status"), "ongoing");
    EXPECT_EQ(attr(*doc, "/rollup/perspective/councilGoal[@id='KF1']/activitySummary/@total"), "2");
    EXPECT_EQ(attr(*doc, "/rollup/perspective/councilGoal[@id='KF1']/activitySummary/@completed"),
              "1");
}

TEST(Rollup, ATertialSeesNothingReportedLater) {
    auto ws = TempWorkspace::minimal();
    std::string tertial = ws.read("follow-ups/skola-2025-helar.xml");
    tertial.replace(tertial.find("fu-skola-2025-helar"), 19, "fu-skola-2025-tertial");
    tertial.replace(tertial.find("kind=\"helar\""), 12, "kind=\"tertial\"");
    tertial.replace(tertial.find("status=\"completed\""), 18, "status=\"ongoing\"");
    ws.write("follow-ups/skola-2025-tertial.xml", tertial);
    const auto doc = rollupOf(ws, "2025-tertial");
    EXPECT_EQ(attr(*doc, "/rollup/@periodEnd"), "2025-04-30");
    EXPECT_EQ(attr(*doc, "//activity[@id='SK-A1']/@status"), "ongoing");
    const auto year = rollupOf(ws, "2025");
    EXPECT_EQ(attr(*year, "//activity[@id='SK-A1']/@status"), "completed");
}

TEST(Rollup, IsDeterministic) {
    const auto ws = consolidationWorkspace("value=\"12\"", "value=\"10\"", "status=\"Missing\"");
    std::ostringstream first;
    std::ostringstream second;
    rollupOf(ws, "2025-helar")->save(first);
    rollupOf(ws, "2025-helar")->save(second);
    EXPECT_EQ(first.str(), second.str());
}

// Property: for sum, min and max (and, exactly, for the averages) consolidating through any
// organisation tree gives what consolidating the flattened leaves gives.
TEST(Rollup, PropertyTreeConsolidationEqualsFlattenedLeaves) {
    std::mt19937 random(14001);
    for (int trial = 0; trial < 12; ++trial) {
        TempWorkspace ws = TempWorkspace::minimal();
        ws.remove("plans/skola-2025.xml");
        ws.remove("follow-ups/skola-2025-helar.xml");
        // A random tree of units under the administration.
        struct Node {
            std::string id;
            int parent;
            std::vector<int> children;
        };
        std::vector<Node> nodes{{"buf", -1, {}}};
        const int count = 3 + static_cast<int>(random() % 25);
        for (int i = 1; i <= count; ++i) {
            const int parent = static_cast<int>(random() % nodes.size());
            nodes.push_back({"u" + std::to_string(i), parent, {}});
            nodes[static_cast<std::size_t>(parent)].children.push_back(i);
        }
        std::function<std::string(int)> xml = [&](int i) {
            std::string text;
            for (int child : nodes[static_cast<std::size_t>(i)].children) {
                text += "<unit id=\"" + nodes[static_cast<std::size_t>(child)].id +
                        "\" type=\"unit\"><name>Enhet</name>" + xml(child) + "</unit>";
            }
            return text;
        };
        std::string org = ws.read("organisation.xml");
        const std::size_t from = org.find("<unit id=\"skola\"");
        const std::size_t to = org.find("</unit>\n      </unit>", from);
        org.replace(from, to - from, xml(0));
        ws.write("organisation.xml", org);
        std::string indicators;
        for (const char* formula : {"sum", "min", "max", "average"}) {
            indicators += std::string("<indicator id=\"P-") + formula +
                          "\" direction=\"higher\"><name>p</name><measure>st</measure>"
                          "<consolidation formula=\"" +
                          formula + "\"/></indicator>";
        }
        ws.replace("strategic-plan.xml", "</councilGoal>", indicators + "</councilGoal>");
        double sum = 0;
        double lo = 1e300;
        double hi = -1e300;
        int leaves = 0;
        for (std::size_t i = 1; i < nodes.size(); ++i) {
            if (!nodes[i].children.empty()) {
                continue; // only leaves report
            }
            const double value = static_cast<double>(random() % 10000) / 10.0;
            sum += value;
            lo = std::min(lo, value);
            hi = std::max(hi, value);
            ++leaves;
            const std::string& unit = nodes[i].id;
            ws.write(
                "plans/" + unit + ".xml",
                R"(<operationalPlan xmlns="urn:rodtrad:plan:1">
  <header><id>vp-)" +
                    unit + "</id><title>P</title><unit>" + unit +
                    R"(</unit><documentNumber>1</documentNumber></header>
  <year>2025</year><strategicPlan ref="sp"/>
  <goal id="G-)" + unit +
                    R"(" parent="KF1"><title>M</title><indicatorRef ref="P-sum"/><indicatorRef ref="P-min"/><indicatorRef ref="P-max"/><indicatorRef ref="P-average"/></goal>
</operationalPlan>)");
            std::string outcomes;
            for (const char* formula : {"sum", "min", "max", "average"}) {
                outcomes += std::string("<outcome indicator=\"P-") + formula +
                            "\" year=\"2025\" value=\"" + formatDecimal(value, 1) + "\"/>";
            }
            ws.write("follow-ups/" + unit + ".xml",
                     R"(<followUp xmlns="urn:rodtrad:plan:1">
  <header><id>fu-)" + unit +
                         "</id><title>U</title><unit>" + unit +
                         R"(</unit><documentNumber>1</documentNumber></header>
  <period year="2025" kind="helar"/><plan ref="vp-)" +
                         unit + "\"/>" + outcomes + "</followUp>");
        }
        const auto doc = rollupOf(ws, "2025-helar");
        SCOPED_TRACE("trial " + std::to_string(trial) + " with " + std::to_string(leaves) +
                     " leaves");
        EXPECT_EQ(councilValue(*doc, "P-sum"), formatDecimal(sum, 1));
        EXPECT_EQ(councilValue(*doc, "P-min"), formatDecimal(lo, 1));
        EXPECT_EQ(councilValue(*doc, "P-max"), formatDecimal(hi, 1));
        EXPECT_EQ(councilValue(*doc, "P-average"), formatDecimal(sum / leaves, 1));
    }
}

} // namespace rodtrad
