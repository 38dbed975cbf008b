// The cross-document checks of the ISO 14001 records, each on a small valid record set broken in
// exactly one place.
#include "temp_workspace.h"

#include <gtest/gtest.h>

namespace rodtrad {
namespace {

using test::TempWorkspace;

void expectOnly(const CheckReport& report, const std::string& code, const std::string& file,
                int line) {
    const auto found = test::withCode(report, code);
    ASSERT_EQ(found.size(), 1u) << test::describe(report);
    EXPECT_TRUE(found[0].file.ends_with(file)) << found[0].file;
    EXPECT_EQ(found[0].line, line) << formatDiagnostic(found[0]);
    EXPECT_EQ(report.diagnostics.size(), 1u) << test::describe(report);
}

} // namespace

TEST(EmsChecks, ValidRecordSetIsClean) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    const CheckReport report = ws.check();
    EXPECT_TRUE(report.diagnostics.empty()) << test::describe(report);
    EXPECT_EQ(report.documents, 13u);
}

TEST(EmsChecks, ReferencesAcrossRecordsResolve) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/aspects.xml", "<controlRef ref=\"ctl-drift\"/>", "<controlRef ref=\"ctl-x\"/>");
    ws.replace("ems/obligations.xml", "<appliesTo unit=\"uv\"/>", "<appliesTo unit=\"nowhere\"/>");
    ws.replace("ems/objectives.xml", "councilGoal=\"KF1\"", "councilGoal=\"KF8\"");
    ws.replace("ems/objectives.xml", "<indicatorRef ref=\"KF1-N1\"/>",
               "<indicatorRef ref=\"N1\"/>");
    ws.replace("ems/controls.xml", "<aspectRef ref=\"asp-energi\"/>", "<aspectRef ref=\"asp-z\"/>");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "ref.control").size(), 1u) << test::describe(report);
    EXPECT_EQ(test::withCode(report, "ref.unit").size(), 1u) << test::describe(report);
    EXPECT_EQ(test::withCode(report, "ref.goal").size(), 1u) << test::describe(report);
    EXPECT_EQ(test::withCode(report, "ref.indicator").size(), 1u) << test::describe(report);
    EXPECT_EQ(test::withCode(report, "ref.aspect").size(), 1u) << test::describe(report);
}

TEST(EmsChecks, UnknownClause) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/review.xml", "number=\"9.3\"", "number=\"9.7\"");
    expectOnly(ws.check(), "ref.clause", "ems/review.xml", 2);
}

TEST(EmsChecks, ClauseThatOnlyTheNewEditionHas) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/review.xml", "edition=\"2015\" number=\"9.3\"",
               "edition=\"2015\" number=\"6.3\"");
    expectOnly(ws.check(), "ref.clause", "ems/review.xml", 2);
    ws.replace("ems/review.xml", "edition=\"2015\" number=\"6.3\"",
               "edition=\"2026\" number=\"6.3\"");
    EXPECT_TRUE(ws.check().diagnostics.empty());
}

TEST(EmsChecks, ScoreOutsideTheMethodsRange) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/aspects.xml", "<score criterion=\"frekvens\" value=\"4\"/>",
               "<score criterion=\"frekvens\" value=\"7\"/>");
    expectOnly(ws.check(), "aspect.score-range", "ems/aspects.xml", 13);
}

TEST(EmsChecks, CriterionNotScored) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/aspects.xml", "<score criterion=\"frekvens\" value=\"3\"/>", "");
    expectOnly(ws.check(), "aspect.score-missing", "ems/aspects.xml", 23);
}

TEST(EmsChecks, DeclaredSignificanceDisagreesWithTheMethod) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    // 2 + 3 = 5 is below the threshold 8 and no legal obligation is linked.
    ws.replace("ems/aspects.xml",
               "id=\"asp-papper\" unit=\"skola\" lifecycle=\"use\" condition=\"normal\" "
               "control=\"direct\" significant=\"false\"",
               "id=\"asp-papper\" unit=\"skola\" lifecycle=\"use\" condition=\"normal\" "
               "control=\"direct\" significant=\"true\"");
    const CheckReport report = ws.check();
    ASSERT_EQ(test::withCode(report, "aspect.significance").size(), 1u) << test::describe(report);
    EXPECT_NE(test::withCode(report, "aspect.significance")[0].message.find(
                  "gives 5 against threshold 8"),
              std::string::npos);
    // Being significant now, it also lacks a control.
    EXPECT_EQ(test::withCode(report, "aspect.uncontrolled").size(), 1u);
}

TEST(EmsChecks, LegalGateMakesAnAspectSignificant) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    // asp-kemi scores 3 but is linked to a legal obligation: declaring it not significant is wrong.
    ws.replace("ems/aspects.xml", "condition=\"abnormal\" control=\"direct\" significant=\"true\"",
               "condition=\"abnormal\" control=\"direct\" significant=\"false\"");
    expectOnly(ws.check(), "aspect.significance", "ems/aspects.xml", 16);
}

TEST(EmsChecks, SignificantAspectWithoutControlOrObjective) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/aspects.xml", "<controlRef ref=\"ctl-drift\"/>", "");
    expectOnly(ws.check(), "aspect.uncontrolled", "ems/aspects.xml", 10);
}

TEST(EmsChecks, ObligationEvaluationOverdue) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/obligations.xml", "date=\"2025-03-01\"", "date=\"2024-11-30\"");
    const CheckReport report = ws.check("2025-12-31");
    expectOnly(report, "obligation.evaluation-overdue", "ems/obligations.xml", 8);
    EXPECT_NE(test::withCode(report, "obligation.evaluation-overdue")[0].message.find(
                  "was due 2025-11-30"),
              std::string::npos);
    // Judged a month earlier, it was not yet due.
    EXPECT_TRUE(ws.check("2025-11-15").diagnostics.empty());
}

TEST(EmsChecks, ObligationNeverEvaluated) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/obligations.xml",
               "<evaluation date=\"2025-03-01\" result=\"compliant\" by=\"Miljöstrateg\"/>", "");
    expectOnly(ws.check(), "obligation.not-evaluated", "ems/obligations.xml", 3);
}

TEST(EmsChecks, ClosedNonconformityNeedsRootCauseAndVerifiedAction) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/nonconformities.xml", "<rootCause><p>Ingen ägde uppgiften.</p></rootCause>",
               "");
    expectOnly(ws.check(), "nc.closed-without-cause", "ems/nonconformities.xml", 3);
    ws.replace("ems/nonconformities.xml",
               "<description><p>Rutinen var inte uppdaterad.</p></description>",
               "<description><p>Rutinen var inte "
               "uppdaterad.</p></description><rootCause><p>X.</p></rootCause>");
    ws.replace("ems/nonconformities.xml", "effective=\"true\"", "effective=\"false\"");
    expectOnly(ws.check(), "nc.closed-unverified", "ems/nonconformities.xml", 3);
}

TEST(EmsChecks, OpenNonconformityPastItsDueDate) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/nonconformities.xml", "due=\"2026-03-31\"", "due=\"2025-10-31\"");
    const CheckReport report = ws.check();
    expectOnly(report, "nc.overdue", "ems/nonconformities.xml", 13);
    EXPECT_EQ(report.diagnostics[0].severity, Severity::warning);
}

TEST(EmsChecks, ManagementReviewMissingInputs) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace(
        "ems/review.xml",
        "<input kind=\"audits\" status=\"covered\"><summary><p>Behandlat.</p></summary></input>",
        "");
    const CheckReport report = ws.check();
    expectOnly(report, "review.input-missing", "ems/review.xml", 3);
    EXPECT_NE(report.diagnostics[0].message.find("audits"), std::string::npos);
}

TEST(EmsChecks, EmergencyResponseNotTestedInItsInterval) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/emergency.xml", "<drill date=\"2024-09-18\">", "<drill date=\"2023-09-18\">");
    expectOnly(ws.check(), "emergency.drill-overdue", "ems/emergency.xml", 3);
}

TEST(EmsChecks, ObjectiveMustServeExactlyOneThing) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/objectives.xml", "<objective id=\"mal-kemi\" parent=\"mal-over\">",
               "<objective id=\"mal-kemi\" parent=\"mal-over\" councilGoal=\"KF1\">");
    expectOnly(ws.check(), "objective.link", "ems/objectives.xml", 10);
}

TEST(EmsChecks, ObjectiveCycle) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/objectives.xml", "<objective id=\"mal-over\" councilGoal=\"KF1\">",
               "<objective id=\"mal-over\" parent=\"mal-kemi\">");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "objective.cycle").size(), 2u) << test::describe(report);
}

TEST(EmsChecks, AMinorFindingMustBeLoggedAsANonconformity) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.write("ems/audit-programme.xml",
             test::withEmsHeader(R"(<auditProgramme xmlns="urn:rodtrad:ems:1">
%HEADER%
<audit id="ir-1" planned="2025-03-12" status="held">
  <scope><p>Kemikalier.</p></scope>
  <auditor>Karin Berglund</auditor>
</audit>
</auditProgramme>
)",
                                 "irp", "9.2.2"));
    ws.write("ems/audit-report.xml", test::withEmsHeader(R"(<auditReport xmlns="urn:rodtrad:ems:1">
%HEADER%
<audit ref="ir-1" held="2025-03-12"/>
<leadAuditor>Karin Berglund</leadAuditor>
<auditee ref="skola"/>
<summary><p>Bra ordning.</p></summary>
<finding id="f-1" severity="minor">
  <description><p>Förteckningen saknades.</p></description>
</finding>
<conclusion><p>Fungerar.</p></conclusion>
</auditReport>
)",
                                                         "irr", "9.2.2"));
    expectOnly(ws.check(), "finding.unlogged", "ems/audit-report.xml", 7);
}

TEST(EmsChecks, PolicyWithoutAllThreeCommitments) {
    const TempWorkspace ws = TempWorkspace::withEmsRecords();
    ws.replace("ems/policy.xml",
               "<commitment kind=\"compliance\"><text><p>Följa kraven.</p></text></commitment>",
               "");
    const CheckReport report = ws.check();
    expectOnly(report, "policy.commitment-missing", "ems/policy.xml", 1);
    EXPECT_NE(report.diagnostics[0].message.find("compliance"), std::string::npos);
}

} // namespace rodtrad
