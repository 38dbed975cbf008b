// Every cross-document check, each on the minimal workspace broken in exactly one place.
#include "temp_workspace.h"

#include <gtest/gtest.h>

namespace rodtrad {
namespace {

using test::TempWorkspace;

// The one finding the test expects: its code, file and line.
void expectOnly(const CheckReport& report, const std::string& code, const std::string& file,
                int line = 0) {
    const auto found = test::withCode(report, code);
    ASSERT_EQ(found.size(), 1u) << test::describe(report);
    EXPECT_TRUE(found[0].file.ends_with(file)) << found[0].file;
    if (line > 0) {
        EXPECT_EQ(found[0].line, line) << formatDiagnostic(found[0]);
    }
    EXPECT_EQ(report.diagnostics.size(), 1u) << "expected no other finding:\n"
                                             << test::describe(report);
}

} // namespace

TEST(Checks, MinimalWorkspaceIsClean) {
    const TempWorkspace ws = TempWorkspace::minimal();
    const CheckReport report = ws.check();
    EXPECT_TRUE(report.diagnostics.empty()) << test::describe(report);
    EXPECT_EQ(report.documents, 5u);
}

TEST(Checks, NamespacePrefixesReadTheSame) {
    const TempWorkspace ws = TempWorkspace::minimal();
    std::string text = ws.read("plans/bun-2025.xml");
    std::string prefixed;
    for (std::size_t i = 0; i < text.size(); ++i) {
        prefixed += text[i];
        if (text[i] == '<' && i + 1 < text.size() && text[i + 1] != '?' && text[i + 1] != '!') {
            if (text[i + 1] == '/') {
                prefixed += '/';
                ++i;
            }
            prefixed += "p:";
        }
    }
    const std::string from = "xmlns=\"urn:rodtrad:plan:1\"";
    prefixed.replace(prefixed.find(from), from.size(), "xmlns:p=\"urn:rodtrad:plan:1\"");
    ws.write("plans/bun-2025.xml", prefixed);
    ws.replace("plans/bun-2025.xml", "parent=\"KF1\"", "parent=\"KF9\"");
    // Still checked: the broken parent is found, at its line.
    expectOnly(ws.check(), "ref.goal", "plans/bun-2025.xml", 11);
}

TEST(Checks, UnknownOwningUnit) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("plans/bun-2025.xml", "<unit>bun</unit>", "<unit>bun-x</unit>");
    const CheckReport report = ws.check();
    const auto found = test::withCode(report, "ref.unit");
    ASSERT_EQ(found.size(), 1u) << test::describe(report);
    EXPECT_EQ(found[0].line, 6);
    EXPECT_NE(found[0].message.find("bun-x"), std::string::npos);
}

TEST(Checks, MissingOrganisation) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.remove("organisation.xml");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "org.missing").size(), 1u) << test::describe(report);
}

TEST(Checks, OrganisationStructure) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("organisation.xml", "<unit id=\"skola\" type=\"unit\">",
               "<unit id=\"skola\" type=\"committee\">");
    expectOnly(ws.check(), "org.structure", "organisation.xml", 20);
}

TEST(Checks, DuplicateIdsAcrossDocuments) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("plans/skola-2025.xml", "<goal id=\"SK-M1\"", "<goal id=\"BUN-M1\"");
    const CheckReport report = ws.check();
    const auto found = test::withCode(report, "id.duplicate");
    ASSERT_FALSE(found.empty()) << test::describe(report);
    EXPECT_NE(found[0].message.find("already used at"), std::string::npos);
}

TEST(Checks, PlanGoalMayNotReuseACouncilGoalId) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("plans/skola-2025.xml", "<goal id=\"SK-M1\"", "<goal id=\"KF1\"");
    ws.replace("follow-ups/skola-2025-helar.xml", "goal=\"SK-M1\" level", "goal=\"KF1\" level");
    ws.replace("follow-ups/skola-2025-helar.xml", "<analysis goal=\"SK-M1\"",
               "<analysis goal=\"KF1\"");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "id.duplicate").size(), 1u) << test::describe(report);
}

TEST(Checks, UnresolvedParentGoal) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("plans/bun-2025.xml", "parent=\"KF1\"", "parent=\"KF7\"");
    expectOnly(ws.check(), "ref.goal", "plans/bun-2025.xml", 11);
}

TEST(Checks, GoalBreakdownCycle) {
    const TempWorkspace ws = TempWorkspace::minimal();
    // BUN-M1 breaks down SK-M1, which breaks down BUN-M1.
    ws.replace("plans/bun-2025.xml", "parent=\"KF1\"", "parent=\"SK-M1\"");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "goal.cycle").size(), 2u) << test::describe(report);
}

TEST(Checks, GoalBreakdownFollowsTheOrganisation) {
    const TempWorkspace ws = TempWorkspace::minimal();
    // The pre-school is no part of the school: it cannot break down the school's goal.
    ws.writePlan("forskola-2025", "vp-forskola", "forskola",
                 R"(  <goal id="FS-M1" parent="SK-M1"><title>Mål</title></goal>)");
    expectOnly(ws.check(), "goal.breakdown", "plans/forskola-2025.xml", 5);
}

TEST(Checks, UnknownStrategicPlan) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("plans/skola-2025.xml", "<strategicPlan ref=\"sp\"/>",
               "<strategicPlan ref=\"sp-old\"/>");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "ref.strategic-plan").size(), 1u) << test::describe(report);
}

TEST(Checks, PlanYearOutsideTheStrategicPeriod) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("plans/bun-2025.xml", "<year>2025</year>", "<year>2029</year>");
    ws.replace("plans/bun-2025.xml", "due=\"2025-06-30\"", "due=\"2029-06-30\"");
    expectOnly(ws.check(), "period.plan-year", "plans/bun-2025.xml", 9);
}

TEST(Checks, TwoPlansForOneUnitAndYear) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.writePlan("skola-2025-copy", "vp-skola-2", "skola",
                 R"(  <goal id="SK2-M1" parent="BUN-M1"><title>Mål</title></goal>)");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "plan.duplicate").size(), 1u) << test::describe(report);
}

TEST(Checks, InheritedIndicatorMustBelongToAnAncestorGoal) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.writePlan("forskola-2025", "vp-forskola", "forskola", R"(  <goal id="FS-M1" parent="BUN-M1">
    <title>Mål</title>
    <indicatorRef ref="SK-N1"/>
  </goal>)");
    expectOnly(ws.check(), "indicator.not-inherited", "plans/forskola-2025.xml", 7);
}

TEST(Checks, UnknownInheritedIndicator) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("plans/bun-2025.xml", "<indicatorRef ref=\"KF1-N1\"/>",
               "<indicatorRef ref=\"KF1-N9\"/>");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "ref.indicator").size(), 1u) << test::describe(report);
}

TEST(Checks, YellowLimitOnTheWrongSideOfTheTarget) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("strategic-plan.xml", "value=\"80\" yellow=\"75\"", "value=\"80\" yellow=\"85\"");
    expectOnly(ws.check(), "indicator.threshold-order", "strategic-plan.xml", 32);
}

TEST(Checks, WeightedAverageNeedsItsWeight) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("strategic-plan.xml",
               "<consolidation formula=\"weighted-average\" weight=\"antal-elever\"/>",
               "<consolidation formula=\"weighted-average\"/>");
    expectOnly(ws.check(), "indicator.weight-missing", "strategic-plan.xml", 31);
}

TEST(Checks, TargetOutsideThePlanPeriod) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("strategic-plan.xml", "<target year=\"2025\" value=\"80\"",
               "<target year=\"2031\" value=\"80\"");
    expectOnly(ws.check(), "period.target-outside", "strategic-plan.xml", 32);
}

TEST(Checks, ActivityDueOutsideThePlanYear) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("plans/skola-2025.xml", "due=\"2025-10-31\"", "due=\"2026-10-31\"");
    expectOnly(ws.check(), "period.activity-due", "plans/skola-2025.xml", 20);
}

TEST(Checks, ScaleRanksAndRuleOrder) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("strategic-plan.xml", "<level id=\"ej\" rank=\"1\">",
               "<level id=\"ej\" rank=\"2\">");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "assessment.rank-duplicate").size(), 1u)
        << test::describe(report);
    EXPECT_EQ(test::withCode(report, "assessment.rule-order").size(), 1u) << test::describe(report);
}

TEST(Checks, RuleCannotYieldNotAssessable) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("strategic-plan.xml", "<level level=\"ej\" minShare=\"0\"/>",
               "<level level=\"kib\" minShare=\"0\"/>");
    expectOnly(ws.check(), "assessment.rule-level", "strategic-plan.xml", 21);
}

TEST(Checks, FollowUpOfAnUnknownPlan) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "<plan ref=\"vp-skola-2025\"/>",
               "<plan ref=\"vp-skola-2024\"/>");
    expectOnly(ws.check(), "ref.plan", "follow-ups/skola-2025-helar.xml", 10);
}

TEST(Checks, FollowUpOfAnotherUnitsPlan) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "<unit>skola</unit>", "<unit>forskola</unit>");
    expectOnly(ws.check(), "followup.unit", "follow-ups/skola-2025-helar.xml", 6);
}

TEST(Checks, FollowUpYearDiffersFromThePlan) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "<period year=\"2025\"", "<period year=\"2026\"");
    expectOnly(ws.check(), "period.followup-year", "follow-ups/skola-2025-helar.xml", 9);
}

TEST(Checks, TwoFollowUpsForOnePeriod) {
    const TempWorkspace ws = TempWorkspace::minimal();
    std::string copy = ws.read("follow-ups/skola-2025-helar.xml");
    copy.replace(copy.find("fu-skola-2025-helar"), 19, "fu-skola-2025-helar-2");
    ws.write("follow-ups/skola-2025-helar-2.xml", copy);
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "followup.duplicate").size(), 1u) << test::describe(report);
}

TEST(Checks, OutcomeForAnIndicatorThePlanDoesNotMeasure) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.writePlan("forskola-2025", "vp-forskola", "forskola", R"(  <goal id="FS-M1" parent="BUN-M1">
    <title>Mål</title>
    <indicator id="FS-N1" direction="higher"><name>Nöjdhet</name><measure>procent</measure></indicator>
  </goal>)");
    ws.replace("follow-ups/skola-2025-helar.xml", "<outcome indicator=\"SK-N1\" year=\"2024\"",
               "<outcome indicator=\"FS-N1\" year=\"2024\"");
    expectOnly(ws.check(), "followup.indicator", "follow-ups/skola-2025-helar.xml", 12);
}

TEST(Checks, OutcomeForAnUnknownIndicator) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "<outcome indicator=\"SK-N1\" year=\"2024\"",
               "<outcome indicator=\"SK-N9\" year=\"2024\"");
    expectOnly(ws.check(), "ref.indicator", "follow-ups/skola-2025-helar.xml", 12);
}

TEST(Checks, OutcomeFromTheFuture) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "<outcome indicator=\"SK-N1\" year=\"2024\"",
               "<outcome indicator=\"SK-N1\" year=\"2027\"");
    expectOnly(ws.check(), "period.outcome-future", "follow-ups/skola-2025-helar.xml", 12);
}

TEST(Checks, GenderSplitOnAnIndicatorWithout) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml",
               "<outcome indicator=\"SK-N1\" year=\"2025\" value=\"9\"/>",
               "<outcome indicator=\"SK-N1\" year=\"2025\" value=\"9\"><split gender=\"K\" "
               "value=\"4\"/></outcome>");
    expectOnly(ws.check(), "outcome.split-unexpected", "follow-ups/skola-2025-helar.xml", 13);
}

TEST(Checks, WeightedIndicatorWithoutItsWeight) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "<weight name=\"antal-elever\" value=\"412\"/>",
               "");
    expectOnly(ws.check(), "followup.weight-missing", "follow-ups/skola-2025-helar.xml", 14);
}

TEST(Checks, ReportOnAnActivityNotInThePlan) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "activity=\"SK-A1\"", "activity=\"BUN-A1\"");
    expectOnly(ws.check(), "ref.activity", "follow-ups/skola-2025-helar.xml", 15);
}

TEST(Checks, AssessmentOnALevelNotOnTheScale) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "level=\"delvis\"", "level=\"halvvags\"");
    const CheckReport report = ws.check();
    const auto found = test::withCode(report, "assessment.level");
    ASSERT_EQ(found.size(), 1u) << test::describe(report);
    EXPECT_NE(found[0].message.find("uppfyllt"), std::string::npos) << found[0].message;
}

TEST(Checks, AssessmentOfAGoalNotInThePlan) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "goal=\"SK-M1\" level", "goal=\"BUN-M1\" level");
    expectOnly(ws.check(), "ref.goal", "follow-ups/skola-2025-helar.xml", 16);
}

TEST(Checks, SchemaErrorsNameTheLineAndField) {
    const TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("plans/skola-2025.xml", "<measure>antal</measure>", "");
    const CheckReport report = ws.check();
    const auto found = test::withCode(report, "schema");
    ASSERT_EQ(found.size(), 1u) << test::describe(report);
    EXPECT_EQ(found[0].line, 16); // where <measure> was expected
    EXPECT_NE(found[0].message.find("measure"), std::string::npos) << found[0].message;
}

TEST(Checks, AHundredFaultsGiveAHundredFindings) {
    const TempWorkspace ws = TempWorkspace::minimal();
    std::string outcomes;
    for (int i = 0; i < 100; ++i) {
        outcomes +=
            "  <outcome indicator=\"NOPE-" + std::to_string(i) + "\" year=\"2025\" value=\"1\"/>\n";
    }
    ws.replace("follow-ups/skola-2025-helar.xml", "  <activityReport",
               outcomes + "  <activityReport");
    const CheckReport report = ws.check();
    const auto found = test::withCode(report, "ref.indicator");
    EXPECT_EQ(found.size(), 100u);
    EXPECT_EQ(countErrors(report.diagnostics), 100u) << test::describe(report);
    for (std::size_t i = 0; i < found.size(); ++i) {
        EXPECT_EQ(found[i].line, static_cast<int>(15 + i)) << "sorted by line";
    }
}

} // namespace rodtrad

namespace rodtrad {

TEST(Checks, TheCouncilFollowsUpTheStrategicPlanItself) {
    const test::TempWorkspace ws = test::TempWorkspace::minimal();
    ws.write("follow-ups/kf-2025-helar.xml", R"(<followUp xmlns="urn:rodtrad:plan:1">
  <header><id>fu-kf-2025</id><title>Årsredovisning 2025</title><unit>kf</unit><documentNumber>KS 2026/1</documentNumber></header>
  <period year="2025" kind="helar"/>
  <plan ref="sp"/>
  <outcome indicator="KF1-N1" year="2025" value="78.5" source="kolada"/>
  <goalAssessment goal="KF1" level="delvis"><justification><p>Nära målet.</p></justification></goalAssessment>
</followUp>)");
    EXPECT_TRUE(ws.check().diagnostics.empty()) << test::describe(ws.check());
    ws.replace("follow-ups/kf-2025-helar.xml", "indicator=\"KF1-N1\"", "indicator=\"SK-N1\"");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "followup.indicator").size(), 1u) << test::describe(report);
}

} // namespace rodtrad

namespace rodtrad {

TEST(Checks, CouncilGoalsCoverTheWholeGroupWhereverTheCouncilSits) {
    // Many municipalities draw the council as a sibling of the board and the committees.
    const test::TempWorkspace ws = test::TempWorkspace::minimal();
    std::string org = ws.read("organisation.xml");
    const std::string council = R"(<unit id="kf" type="council">
      <name>Kommunfullmäktige</name>
)";
    org.replace(org.find(council), council.size(), R"(<unit id="kf" type="council">
      <name>Kommunfullmäktige</name>
    </unit>
)");
    const std::string end = "    </unit>\n  </unit>\n</organisation>";
    org.replace(org.find(end), end.size(), "  </unit>\n</organisation>");
    ws.write("organisation.xml", org);
    const CheckReport report = ws.check();
    EXPECT_TRUE(report.diagnostics.empty()) << test::describe(report);
}

} // namespace rodtrad

namespace rodtrad {

TEST(Checks, TheLowestLevelOfAShareRuleNeedsNoMinimum) {
    const test::TempWorkspace ws = test::TempWorkspace::minimal();
    ws.replace("strategic-plan.xml", "<level level=\"ej\" minShare=\"0\"/>",
               "<level level=\"ej\"/>");
    EXPECT_TRUE(ws.check().diagnostics.empty()) << test::describe(ws.check());
    ws.replace("strategic-plan.xml", "<level level=\"delvis\" minShare=\"0.4\"/>",
               "<level level=\"delvis\"/>");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "assessment.rule-incomplete").size(), 1u)
        << test::describe(report);
}

TEST(Checks, AUnitFollowUpAssessesOnlyItsOwnGoals) {
    const test::TempWorkspace ws = test::TempWorkspace::minimal();
    ws.replace("follow-ups/skola-2025-helar.xml", "goal=\"SK-M1\" level", "goal=\"KF1\" level");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "ref.goal").size(), 1u) << test::describe(report);
}

} // namespace rodtrad
