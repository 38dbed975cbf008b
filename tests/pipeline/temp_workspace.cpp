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

} // namespace rodtrad::test
