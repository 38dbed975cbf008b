// The cross-document checks of the ISO 14001 records, each on a small valid record set broken in
// exactly one place.
#include "temp_workspace.h"

#include <gtest/gtest.h>

namespace rodtrad {
namespace {

using test::TempWorkspace;

const char* const header =
    R"(<header><id>%ID%</id><title>Titel</title><unit>uv</unit><documentNumber>MLS-1</documentNumber><clause edition="2015" number="%CLAUSE%"/></header>)";

std::string withHeader(std::string body, const std::string& id, const std::string& clause) {
    std::string h = header;
    h.replace(h.find("%ID%"), 4, id);
    h.replace(h.find("%CLAUSE%"), 8, clause);
    body.replace(body.find("%HEADER%"), 8, h);
    return body;
}

TempWorkspace emsWorkspace() {
    TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("strategic-plan.xml", "<councilGoal id=\"KF1\">",
               "<councilGoal id=\"KF1\" environmental=\"true\">");
    ws.write("ems/aspects.xml", withHeader(R"(<aspectsRegister xmlns="urn:rodtrad:ems:1">
%HEADER%
<scoringMethod id="m" version="1">
  <criterion id="omfattning" min="1" max="5"><name>Omfattning</name></criterion>
  <criterion id="frekvens" min="1" max="5"><name>Frekvens</name></criterion>
  <combine>sum</combine>
  <significanceThreshold>8</significanceThreshold>
  <legalGate>true</legalGate>
</scoringMethod>
<aspect id="asp-energi" unit="skola" lifecycle="operation" condition="normal" control="direct" significant="true">
  <activity>Uppvärmning</activity><aspect>Energi</aspect><impact>Klimatpåverkan</impact>
  <score criterion="omfattning" value="5"/>
  <score criterion="frekvens" value="4"/>
  <controlRef ref="ctl-drift"/>
</aspect>
<aspect id="asp-kemi" unit="skola" lifecycle="use" condition="abnormal" control="direct" significant="true">
  <activity>Kemikalier</activity><aspect>Spill</aspect><impact>Förorening</impact>
  <score criterion="omfattning" value="2"/>
  <score criterion="frekvens" value="1"/>
  <obligationRef ref="krav-mb"/>
  <objectiveRef ref="mal-kemi"/>
</aspect>
<aspect id="asp-papper" unit="skola" lifecycle="use" condition="normal" control="direct" significant="false">
  <activity>Kontor</activity><aspect>Papper</aspect><impact>Resurser</impact>
  <score criterion="omfattning" value="2"/>
  <score criterion="frekvens" value="3"/>
</aspect>
</aspectsRegister>
)",
                                           "asp", "6.1.2"));
    ws.write("ems/obligations.xml", withHeader(R"(<complianceObligations xmlns="urn:rodtrad:ems:1">
%HEADER%
<obligation id="krav-mb" kind="legal" intervalMonths="12">
  <title>Miljöbalken</title><source>SFS 1998:808</source>
  <requirement><p>Hänsynsreglerna.</p></requirement>
  <appliesTo unit="uv"/>
  <aspectRef ref="asp-kemi"/>
  <evaluation date="2025-03-01" result="compliant" by="Miljöstrateg"/>
</obligation>
</complianceObligations>
)",
                                               "krav", "6.1.3"));
    ws.write("ems/controls.xml", withHeader(R"(<operationalControls xmlns="urn:rodtrad:ems:1">
%HEADER%
<control id="ctl-drift">
  <title>Driftoptimering</title>
  <aspectRef ref="asp-energi"/>
  <unit ref="skola"/>
  <procedure><p>Injustering varje höst.</p></procedure>
  <responsible>Driftchef</responsible>
  <criteria><p>20–22 °C.</p></criteria>
</control>
</operationalControls>
)",
                                            "ctl", "8.1"));
    ws.write("ems/objectives.xml", withHeader(R"(<objectivesProgramme xmlns="urn:rodtrad:ems:1">
%HEADER%
<objective id="mal-over" councilGoal="KF1">
  <title>Övergripande</title>
  <indicatorRef ref="KF1-N1"/>
  <deadline>2027-12-31</deadline>
  <responsible>Kommundirektör</responsible>
  <evaluation><p>Årsredovisningen.</p></evaluation>
</objective>
<objective id="mal-kemi" parent="mal-over">
  <title>Kemikalier</title>
  <deadline>2026-12-31</deadline>
  <responsible>Kemikalieansvarig</responsible>
  <evaluation><p>Inventering.</p></evaluation>
</objective>
</objectivesProgramme>
)",
                                              "mal", "6.2.1"));
    ws.write("ems/nonconformities.xml", withHeader(R"(<nonconformityLog xmlns="urn:rodtrad:ems:1">
%HEADER%
<nonconformity id="nc-1" raised="2025-03-14" due="2025-06-30" status="closed" source="audit">
  <description><p>Rutinen var inte uppdaterad.</p></description>
  <rootCause><p>Ingen ägde uppgiften.</p></rootCause>
  <action id="ka-1" due="2025-05-31" completed="2025-05-20">
    <description><p>Checklista.</p></description>
    <responsible>Fastighetschef</responsible>
    <verification date="2025-06-16" by="Miljöstrateg" effective="true"/>
  </action>
  <closed date="2025-06-16" by="Miljöstrateg"/>
</nonconformity>
<nonconformity id="nc-2" raised="2025-11-02" due="2026-03-31" status="open" source="complaint">
  <description><p>Klagomål.</p></description>
</nonconformity>
</nonconformityLog>
)",
                                                   "nc", "10.2"));
    std::string inputs;
    for (const char* kind :
         {"previous-actions", "changes-issues", "changes-needs", "changes-aspects",
          "changes-obligations", "risks-opportunities", "objectives", "nonconformities",
          "monitoring", "compliance", "audits", "resources", "communications", "improvement"}) {
        inputs += std::string("<input kind=\"") + kind +
                  "\" status=\"covered\"><summary><p>Behandlat.</p></summary></input>\n";
    }
    ws.write("ems/review.xml", withHeader(R"(<managementReview xmlns="urn:rodtrad:ems:1">
%HEADER%
<meeting date="2025-11-20"><chair>Kommundirektören</chair></meeting>
)" + inputs + R"(<output kind="decision"><text><p>Systemet är lämpligt.</p></text></output>
</managementReview>
)",
                                          "lg", "9.3"));
    ws.write("ems/emergency.xml",
             withHeader(R"(<emergencyPreparedness xmlns="urn:rodtrad:ems:1" testIntervalMonths="24">
%HEADER%
<scenario id="sc-spill" testIntervalMonths="24">
  <title>Spill</title>
  <aspectRef ref="asp-kemi"/>
  <response><p>Absorbent.</p></response>
  <responsible>Förråd</responsible>
  <drill date="2024-09-18"><outcome><p>Bra.</p></outcome></drill>
</scenario>
</emergencyPreparedness>
)",
                        "nod", "8.2"));
    ws.write("ems/policy.xml", withHeader(R"(<environmentalPolicy xmlns="urn:rodtrad:ems:1">
%HEADER%
<adoptedBy date="2023-06-12">Kommunfullmäktige</adoptedBy>
<text><p>Hållbart Väsby.</p></text>
<commitment kind="protection"><text><p>Skydda miljön.</p></text></commitment>
<commitment kind="compliance"><text><p>Följa kraven.</p></text></commitment>
<commitment kind="continual-improvement"><text><p>Ständigt bättre.</p></text></commitment>
<communication><internal>Intranätet</internal><external>Webben</external></communication>
</environmentalPolicy>
)",
                                          "pol", "5.2"));
    return ws;
}

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
    const TempWorkspace ws = emsWorkspace();
    const CheckReport report = ws.check();
    EXPECT_TRUE(report.diagnostics.empty()) << test::describe(report);
    EXPECT_EQ(report.documents, 13u);
}

TEST(EmsChecks, ReferencesAcrossRecordsResolve) {
    const TempWorkspace ws = emsWorkspace();
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
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/review.xml", "number=\"9.3\"", "number=\"9.7\"");
    expectOnly(ws.check(), "ref.clause", "ems/review.xml", 2);
}

TEST(EmsChecks, ClauseThatOnlyTheNewEditionHas) {
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/review.xml", "edition=\"2015\" number=\"9.3\"",
               "edition=\"2015\" number=\"6.3\"");
    expectOnly(ws.check(), "ref.clause", "ems/review.xml", 2);
    ws.replace("ems/review.xml", "edition=\"2015\" number=\"6.3\"",
               "edition=\"2026\" number=\"6.3\"");
    EXPECT_TRUE(ws.check().diagnostics.empty());
}

TEST(EmsChecks, ScoreOutsideTheMethodsRange) {
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/aspects.xml", "<score criterion=\"frekvens\" value=\"4\"/>",
               "<score criterion=\"frekvens\" value=\"7\"/>");
    expectOnly(ws.check(), "aspect.score-range", "ems/aspects.xml", 13);
}

TEST(EmsChecks, CriterionNotScored) {
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/aspects.xml", "<score criterion=\"frekvens\" value=\"3\"/>", "");
    expectOnly(ws.check(), "aspect.score-missing", "ems/aspects.xml", 23);
}

TEST(EmsChecks, DeclaredSignificanceDisagreesWithTheMethod) {
    const TempWorkspace ws = emsWorkspace();
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
    const TempWorkspace ws = emsWorkspace();
    // asp-kemi scores 3 but is linked to a legal obligation: declaring it not significant is wrong.
    ws.replace("ems/aspects.xml", "condition=\"abnormal\" control=\"direct\" significant=\"true\"",
               "condition=\"abnormal\" control=\"direct\" significant=\"false\"");
    expectOnly(ws.check(), "aspect.significance", "ems/aspects.xml", 16);
}

TEST(EmsChecks, SignificantAspectWithoutControlOrObjective) {
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/aspects.xml", "<controlRef ref=\"ctl-drift\"/>", "");
    expectOnly(ws.check(), "aspect.uncontrolled", "ems/aspects.xml", 10);
}

TEST(EmsChecks, ObligationEvaluationOverdue) {
    const TempWorkspace ws = emsWorkspace();
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
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/obligations.xml",
               "<evaluation date=\"2025-03-01\" result=\"compliant\" by=\"Miljöstrateg\"/>", "");
    expectOnly(ws.check(), "obligation.not-evaluated", "ems/obligations.xml", 3);
}

TEST(EmsChecks, ClosedNonconformityNeedsRootCauseAndVerifiedAction) {
    const TempWorkspace ws = emsWorkspace();
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
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/nonconformities.xml", "due=\"2026-03-31\"", "due=\"2025-10-31\"");
    const CheckReport report = ws.check();
    expectOnly(report, "nc.overdue", "ems/nonconformities.xml", 13);
    EXPECT_EQ(report.diagnostics[0].severity, Severity::warning);
}

TEST(EmsChecks, ManagementReviewMissingInputs) {
    const TempWorkspace ws = emsWorkspace();
    ws.replace(
        "ems/review.xml",
        "<input kind=\"audits\" status=\"covered\"><summary><p>Behandlat.</p></summary></input>",
        "");
    const CheckReport report = ws.check();
    expectOnly(report, "review.input-missing", "ems/review.xml", 3);
    EXPECT_NE(report.diagnostics[0].message.find("audits"), std::string::npos);
}

TEST(EmsChecks, EmergencyResponseNotTestedInItsInterval) {
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/emergency.xml", "<drill date=\"2024-09-18\">", "<drill date=\"2023-09-18\">");
    expectOnly(ws.check(), "emergency.drill-overdue", "ems/emergency.xml", 3);
}

TEST(EmsChecks, ObjectiveMustServeExactlyOneThing) {
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/objectives.xml", "<objective id=\"mal-kemi\" parent=\"mal-over\">",
               "<objective id=\"mal-kemi\" parent=\"mal-over\" councilGoal=\"KF1\">");
    expectOnly(ws.check(), "objective.link", "ems/objectives.xml", 10);
}

TEST(EmsChecks, ObjectiveCycle) {
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/objectives.xml", "<objective id=\"mal-over\" councilGoal=\"KF1\">",
               "<objective id=\"mal-over\" parent=\"mal-kemi\">");
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "objective.cycle").size(), 2u) << test::describe(report);
}

TEST(EmsChecks, AMinorFindingMustBeLoggedAsANonconformity) {
    const TempWorkspace ws = emsWorkspace();
    ws.write("ems/audit-programme.xml", withHeader(R"(<auditProgramme xmlns="urn:rodtrad:ems:1">
%HEADER%
<audit id="ir-1" planned="2025-03-12" status="held">
  <scope><p>Kemikalier.</p></scope>
  <auditor>Karin Berglund</auditor>
</audit>
</auditProgramme>
)",
                                                   "irp", "9.2.2"));
    ws.write("ems/audit-report.xml", withHeader(R"(<auditReport xmlns="urn:rodtrad:ems:1">
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
    const TempWorkspace ws = emsWorkspace();
    ws.replace("ems/policy.xml",
               "<commitment kind=\"compliance\"><text><p>Följa kraven.</p></text></commitment>",
               "");
    const CheckReport report = ws.check();
    expectOnly(report, "policy.commitment-missing", "ems/policy.xml", 1);
    EXPECT_NE(report.diagnostics[0].message.find("compliance"), std::string::npos);
}

} // namespace rodtrad
