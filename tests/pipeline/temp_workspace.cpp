#include "temp_workspace.h"

#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sstream>

namespace rodtrad::test {

namespace fs = std::filesystem;

const std::map<std::string, std::string>& minimalDocuments() {
    static const std::map<std::string, std::string> docs{
        {"organisation.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<organisation xmlns="urn:rodtrad:org:1">
  <header>
    <id>org</id>
    <title>Organisation</title>
    <unit>uv</unit>
    <documentNumber>KS 2024/1</documentNumber>
  </header>
  <unit id="uv" type="municipality" kolada="0114">
    <name>Upplands Väsby kommun</name>
    <unit id="kf" type="council">
      <name>Kommunfullmäktige</name>
      <unit id="ks" type="executive-board">
        <name>Kommunstyrelsen</name>
      </unit>
      <unit id="bun" type="committee">
        <name>Barn- och utbildningsnämnden</name>
        <unit id="buf" type="administration">
          <name>Barn- och utbildningsförvaltningen</name>
          <unit id="skola" type="unit">
            <name>Vilunda skola</name>
          </unit>
          <unit id="forskola" type="unit">
            <name>Förskolan Ekebo</name>
          </unit>
        </unit>
      </unit>
    </unit>
  </unit>
</organisation>
)"},
        {"strategic-plan.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<strategicPlan xmlns="urn:rodtrad:plan:1">
  <header>
    <id>sp</id>
    <title>Mål och budget 2025–2027</title>
    <unit>kf</unit>
    <documentNumber>KS 2024/2</documentNumber>
  </header>
  <period from="2025" to="2027"/>
  <vision><p>Väsby växer.</p></vision>
  <assessment defaultRule="andel">
    <scale>
      <level id="uppfyllt" rank="3"><label lang="sv">Uppfyllt</label></level>
      <level id="delvis" rank="2"><label lang="sv">Delvis uppfyllt</label></level>
      <level id="ej" rank="1"><label lang="sv">Ej uppfyllt</label></level>
      <notAssessable id="kib"><label lang="sv">Kan inte bedömas</label></notAssessable>
    </scale>
    <rule id="andel" kind="share">
      <level level="uppfyllt" minShare="0.75"/>
      <level level="delvis" minShare="0.4"/>
      <level level="ej" minShare="0"/>
    </rule>
  </assessment>
  <perspective id="kund">
    <name>Kund</name>
    <councilGoal id="KF1">
      <title>Eleverna når målen</title>
      <indicator id="KF1-N1" direction="higher" kolada="N15419">
        <name>Andel elever som når målen</name>
        <measure>procent</measure>
        <consolidation formula="weighted-average" weight="antal-elever"/>
        <target year="2025" value="80" yellow="75"/>
      </indicator>
    </councilGoal>
  </perspective>
</strategicPlan>
)"},
        {"plans/bun-2025.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<operationalPlan xmlns="urn:rodtrad:plan:1">
  <header>
    <id>vp-bun-2025</id>
    <title>Verksamhetsplan 2025</title>
    <unit>bun</unit>
    <documentNumber>BUN 2024/3</documentNumber>
  </header>
  <year>2025</year>
  <strategicPlan ref="sp"/>
  <goal id="BUN-M1" parent="KF1">
    <title>Fler elever når målen</title>
    <indicatorRef ref="KF1-N1"/>
    <activity id="BUN-A1" due="2025-06-30" status="ongoing">
      <title>Läsfrämjande insatser</title>
      <owner>Anna Berg</owner>
    </activity>
  </goal>
</operationalPlan>
)"},
        {"plans/skola-2025.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<operationalPlan xmlns="urn:rodtrad:plan:1">
  <header>
    <id>vp-skola-2025</id>
    <title>Verksamhetsplan Vilunda skola 2025</title>
    <unit>skola</unit>
    <documentNumber>BUN 2024/4</documentNumber>
  </header>
  <year>2025</year>
  <strategicPlan ref="sp"/>
  <goal id="SK-M1" parent="BUN-M1">
    <title>Alla elever läser</title>
    <indicator id="SK-N1" direction="lower">
      <name>Elever med otillräcklig läsförmåga</name>
      <measure>antal</measure>
      <consolidation formula="sum"/>
      <target year="2025" value="10" yellow="15"/>
    </indicator>
    <indicatorRef ref="KF1-N1"/>
    <activity id="SK-A1" due="2025-10-31">
      <title>Läsgrupper i åk 2</title>
      <owner>Per Ek</owner>
    </activity>
  </goal>
</operationalPlan>
)"},
        {"follow-ups/skola-2025-helar.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<followUp xmlns="urn:rodtrad:plan:1">
  <header>
    <id>fu-skola-2025-helar</id>
    <title>Uppföljning helår 2025 Vilunda skola</title>
    <unit>skola</unit>
    <documentNumber>BUN 2026/5</documentNumber>
  </header>
  <period year="2025" kind="helar"/>
  <plan ref="vp-skola-2025"/>
  <weight name="antal-elever" value="412"/>
  <outcome indicator="SK-N1" year="2024" value="14"/>
  <outcome indicator="SK-N1" year="2025" value="9"/>
  <outcome indicator="KF1-N1" year="2025" status="Missing"/>
  <activityReport activity="SK-A1" status="completed"/>
  <goalAssessment goal="SK-M1" level="delvis">
    <justification><p>Läsningen har förbättrats men inte för alla.</p></justification>
  </goalAssessment>
  <analysis goal="SK-M1"><p>Läsgrupperna har gett effekt.</p></analysis>
</followUp>
)"},
    };
    return docs;
}

TempWorkspace::TempWorkspace() {
    std::random_device device;
    dir_ = fs::temp_directory_path() /
           ("rodtrad-test-" + std::to_string(device()) + "-" + std::to_string(device()));
    fs::create_directories(dir_);
}

TempWorkspace::~TempWorkspace() {
    if (dir_.empty()) {
        return;
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

TempWorkspace TempWorkspace::minimal() {
    TempWorkspace ws;
    for (const auto& [path, text] : minimalDocuments()) {
        ws.write(path, text);
    }
    return ws;
}

void TempWorkspace::write(const std::string& relative, const std::string& text) const {
    const fs::path file = dir_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
}

std::string TempWorkspace::read(const std::string& relative) const {
    std::ifstream in(dir_ / relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void TempWorkspace::replace(const std::string& relative, const std::string& from,
                            const std::string& to) const {
    std::string text = read(relative);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << relative << " has no " << from;
    text.replace(at, from.size(), to);
    write(relative, text);
}

void TempWorkspace::writePlan(const std::string& file, const std::string& id,
                              const std::string& unit, const std::string& goals) const {
    write("plans/" + file + ".xml",
          "<operationalPlan xmlns=\"urn:rodtrad:plan:1\">\n  <header><id>" + id +
              "</id><title>Plan</title><unit>" + unit +
              "</unit><documentNumber>1</documentNumber></header>\n  <year>2025</year>\n"
              "  <strategicPlan ref=\"sp\"/>\n" +
              goals + "\n</operationalPlan>");
}

void TempWorkspace::remove(const std::string& relative) const {
    fs::remove(dir_ / relative);
}

CheckReport TempWorkspace::check(const std::string& asOf) const {
    CheckOptions options;
    options.asOf = Date::parse(asOf);
    return checkWorkspaceDirectory(dir_, options);
}

std::vector<Diagnostic> withCode(const CheckReport& report, const std::string& code) {
    std::vector<Diagnostic> found;
    for (const auto& d : report.diagnostics) {
        if (d.code == code) {
            found.push_back(d);
        }
    }
    return found;
}

std::string describe(const CheckReport& report) {
    std::string text;
    for (const auto& d : report.diagnostics) {
        text += formatDiagnostic(d) + "\n";
    }
    return text;
}

namespace {

const char* const header =
    R"(<header><id>%ID%</id><title>Titel</title><unit>uv</unit><documentNumber>MLS-1</documentNumber><clause edition="2015" number="%CLAUSE%"/></header>)";

} // namespace

std::string withEmsHeader(std::string body, const std::string& id, const std::string& clause) {
    std::string h = header;
    h.replace(h.find("%ID%"), 4, id);
    h.replace(h.find("%CLAUSE%"), 8, clause);
    body.replace(body.find("%HEADER%"), 8, h);
    return body;
}

TempWorkspace TempWorkspace::withEmsRecords() {
    TempWorkspace ws = TempWorkspace::minimal();
    ws.replace("strategic-plan.xml", "<councilGoal id=\"KF1\">",
               "<councilGoal id=\"KF1\" environmental=\"true\">");
    ws.write("ems/aspects.xml", withEmsHeader(R"(<aspectsRegister xmlns="urn:rodtrad:ems:1">
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
    ws.write("ems/obligations.xml",
             withEmsHeader(R"(<complianceObligations xmlns="urn:rodtrad:ems:1">
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
    ws.write("ems/controls.xml", withEmsHeader(R"(<operationalControls xmlns="urn:rodtrad:ems:1">
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
    ws.write("ems/objectives.xml", withEmsHeader(R"(<objectivesProgramme xmlns="urn:rodtrad:ems:1">
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
    ws.write("ems/nonconformities.xml",
             withEmsHeader(R"(<nonconformityLog xmlns="urn:rodtrad:ems:1">
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
    ws.write("ems/review.xml", withEmsHeader(R"(<managementReview xmlns="urn:rodtrad:ems:1">
%HEADER%
<meeting date="2025-11-20"><chair>Kommundirektören</chair></meeting>
)" + inputs + R"(<output kind="decision"><text><p>Systemet är lämpligt.</p></text></output>
</managementReview>
)",
                                             "lg", "9.3"));
    ws.write(
        "ems/emergency.xml",
        withEmsHeader(R"(<emergencyPreparedness xmlns="urn:rodtrad:ems:1" testIntervalMonths="24">
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
    ws.write("ems/policy.xml", withEmsHeader(R"(<environmentalPolicy xmlns="urn:rodtrad:ems:1">
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

} // namespace rodtrad::test
