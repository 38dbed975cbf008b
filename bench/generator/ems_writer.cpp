#include "document_header.h"
#include "document_writers.h"
#include "ems_vocabulary.h"
#include "indicator_values.h"
#include "prose.h"
#include "random.h"

#include <algorithm>
#include <array>

namespace rodtrad::bench {
namespace {

constexpr std::uint64_t emsTextStream = 61;

// Writes the EMS records of a model, one document per kind (one audit report per held
// audit). Every record is owned by the executive board except the policy, which the council
// adopts.
class EmsWriter {
public:
    EmsWriter(XmlWriter& xml, const Model& model, const std::filesystem::path& directory)
        : xml_(xml), model_(model), ems_(model.ems), directory_(directory),
          random_(Random::stream(model.seed, emsTextStream, 0)) {}

    int writeAll() {
        writeScope();
        writePolicy();
        writeContext();
        writeAspects();
        writeObligations();
        writeObjectives();
        writeControls();
        writeEmergencyPreparedness();
        writeMonitoring();
        writeAuditProgramme();
        for (std::size_t a = 0; a < ems_.audits.size(); ++a) {
            if (ems_.audits[a].held) {
                writeAuditReport(static_cast<int>(a));
            }
        }
        writeNonconformities();
        writeManagementReview();
        writeCompetence();
        writeCommunication();
        return files_;
    }

private:
    const OrgNode& node(int index) const { return model_.nodes[static_cast<std::size_t>(index)]; }
    std::string_view boardId() const { return node(model_.executiveBoardNode).id; }

    void begin(std::string_view fileName, std::string_view root, std::string_view id,
               std::string_view title, std::span<const std::string_view> clauses, int serial) {
        xml_.open(directory_ / fileName);
        xml_.start(root);
        xml_.attribute("xmlns", emsNamespace);
        const IdText number =
            model_.documentNumber(model_.executiveBoardNode, Model::planYear, serial);
        DocumentHeader header;
        header.id = id;
        header.title = title;
        header.unit = boardId();
        header.documentNumber = number;
        header.owner = "Miljöstrategen";
        header.hasNextReview = true;
        header.nextReview = {Model::planYear + 1, 3 + serial % 9, 15};
        header.clauses = clauses;
        writeHeader(xml_, header);
        ++files_;
    }

    void person(std::string_view element, std::string_view name, std::string_view role, int unit) {
        xml_.start(element);
        if (!role.empty()) {
            xml_.attribute("role", role);
        }
        if (unit >= 0) {
            xml_.attribute("unit", node(unit).id);
        }
        xml_.text(name);
        xml_.end();
    }

    void recordedPerson(std::string_view element, int index) {
        const EmsPerson& who = ems_.people[static_cast<std::size_t>(index)];
        text_.clear();
        text_ += firstNames()[static_cast<std::size_t>(who.first)];
        text_ += ' ';
        text_ += lastNames()[static_cast<std::size_t>(who.last)];
        person(element, text_, roleTemplates()[static_cast<std::size_t>(who.role)].title, who.unit);
    }

    void unitRef(std::string_view element, int unit) {
        xml_.start(element);
        xml_.attribute("ref", node(unit).id);
        xml_.end();
    }

    void ref(std::string_view element, const IdText& id) {
        xml_.start(element);
        xml_.attribute("ref", id);
        xml_.end();
    }

    void clause(std::string_view number) {
        xml_.start("clause");
        xml_.attribute("edition", "2015");
        xml_.attribute("number", number);
        xml_.end();
    }

    static IdText numbered(std::string_view prefix, long number, int width) {
        IdText id;
        id << prefix;
        return id.number(number, width);
    }
    static IdText aspectId(int a) { return numbered("aspekt-", a + 1, 4); }
    static IdText obligationId(int o) { return numbered("krav-", o + 1, 3); }
    static IdText controlId(int c) { return numbered("styrning-", c + 1, 3); }
    static IdText auditId(int a) { return numbered("ir-", a + 1, 3); }
    static IdText nonconformityId(int n) { return numbered("avvikelse-2025-", n + 1, 3); }
    IdText objectiveId(int o) const {
        const EmsObjective& objective = ems_.objectives[static_cast<std::size_t>(o)];
        int councilGoal = objective.councilGoal;
        for (int up = o; councilGoal < 0;) {
            up = ems_.objectives[static_cast<std::size_t>(up)].parent;
            councilGoal = ems_.objectives[static_cast<std::size_t>(up)].councilGoal;
        }
        IdText id =
            numbered("miljomal-", model_.goals[static_cast<std::size_t>(councilGoal)].number, 2);
        if (objective.councilGoal < 0) {
            id << "-";
            id.number(objective.number, 3);
        }
        return id;
    }
    IdText findingId(int f) const {
        const EmsFinding& finding = ems_.findings[static_cast<std::size_t>(f)];
        IdText id = numbered("iakttagelse-", finding.audit + 1, 3);
        id << "-";
        return id.number(finding.number);
    }

    void writeScope() {
        static constexpr std::array<std::string_view, 1> clauses{"4.3"};
        begin("ems-scope.xml", "emsScope", "ems-omfattning", "Miljöledningssystemets omfattning",
              clauses, 101);
        xml_.paragraph("statement", "Miljöledningssystemet omfattar hela kommunkoncernen: "
                                    "kommunens nämnder och förvaltningar och de helägda bolagen.");
        xml_.paragraph("boundaries",
                       "Verksamhet som bedrivs i egen regi inom kommunens geografiska gränser samt "
                       "upphandlad verksamhet som kommunen kan påverka.");
        unitRef("includedUnit", 0);
        static constexpr std::string_view siteKinds[] = {"Kommunhuset", "Förrådet {}",
                                                         "Reningsverket {}", "Depån {}",
                                                         "Återvinningscentralen {}"};
        for (std::size_t s = 0; s < ems_.scopeSites.size(); ++s) {
            const std::string_view place = places()[static_cast<std::size_t>(ems_.scopeSites[s])];
            xml_.start("site");
            text_.clear();
            prose::fill(text_, siteKinds[s % std::size(siteKinds)], place);
            if (s >= std::size(siteKinds)) {
                text_ += ' ';
                text_ += std::to_string(s / std::size(siteKinds) + 1);
            }
            xml_.element("name", text_);
            text_.clear();
            text_ += place;
            text_ += "vägen ";
            text_ += std::to_string(random_.between(1, 120));
            text_ += ", 199 ";
            text_ += std::to_string(random_.between(30, 99));
            text_ += " Ekbacka";
            xml_.element("address", text_);
            xml_.end();
        }
        xml_.start("exclusion");
        xml_.element("what", "Lokaler som hyrs ut till externa hyresgäster");
        xml_.paragraph("justification",
                       "Hyresgästen bedriver verksamheten och ansvarar för dess miljöpåverkan.");
        xml_.end();
        xml_.close();
    }

    void writePolicy() {
        xml_.open(directory_ / "environmental-policy.xml");
        xml_.start("environmentalPolicy");
        xml_.attribute("xmlns", emsNamespace);
        static constexpr std::array<std::string_view, 1> clauses{"5.2"};
        const IdText number =
            model_.documentNumber(model_.executiveBoardNode, Model::planYear - 2, 412);
        DocumentHeader header;
        header.id = "miljopolicy";
        header.title = "Miljöpolicy för Ekbacka kommunkoncern";
        header.unit = node(model_.councilNode).id;
        header.documentNumber = number;
        header.owner = "Kommundirektören";
        header.approvedBy = "Kommunfullmäktige";
        header.approvalDate = {Model::planYear - 2, 6, 12};
        header.approvalReference = "KF 2023-06-12 § 85";
        header.hasNextReview = true;
        header.nextReview = {Model::planYear + 1, 6, 30};
        header.clauses = clauses;
        writeHeader(xml_, header);
        ++files_;
        xml_.start("adoptedBy");
        xml_.attribute("date", CalendarDate{Model::planYear - 2, 6, 12});
        xml_.attribute("reference", "KF 2023-06-12 § 85");
        xml_.text("Kommunfullmäktige");
        xml_.end();
        xml_.start("text");
        xml_.element("p", "Ekbacka ska vara en hållbar kommun där miljöhänsyn är en självklar del "
                          "av all verksamhet – i planering, upphandling, drift och tillsyn.");
        xml_.element("p", "Miljöledningssystemet och miljöledningssystemsamordnarens arbete är en "
                          "del av kommunens ordinarie styrning och uppföljning.");
        xml_.end();
        static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> commitments{{
            {"protection", "Vi skyddar miljön och förebygger föroreningar."},
            {"compliance", "Vi uppfyller lagar och andra bindande krav."},
            {"continual-improvement",
             "Vi förbättrar ständigt miljöledningssystemet och vår miljöprestanda."},
            {"other", "Vi ställer miljökrav i alla upphandlingar där det är relevant."},
        }};
        for (const auto& [kind, words] : commitments) {
            xml_.start("commitment");
            xml_.attribute("kind", kind);
            xml_.paragraph("text", words);
            xml_.end();
        }
        xml_.start("communication");
        xml_.element("internal", "Intranätet och arbetsplatsträffar");
        xml_.element("internal", "Introduktionen för nyanställda");
        xml_.start("external");
        xml_.attribute("url", "https://www.ekbacka.se/miljo");
        xml_.text("Kommunens webbplats");
        xml_.end();
        xml_.end();
        xml_.close();
    }

    void writeContext() {
        static constexpr std::array<std::string_view, 2> clauses{"4.1", "4.2"};
        begin("ems-context.xml", "emsContext", "omvarldsanalys-2025",
              "Omvärldsanalys och intressenter 2025", clauses, 102);
        for (int i = 0; i < ems_.issueCount; ++i) {
            const IssueTemplate& issue = issueTemplates()[static_cast<std::size_t>(i)];
            xml_.start("issue");
            xml_.attribute("id", numbered("fraga-", i + 1, 2));
            xml_.attribute("category", issue.category);
            xml_.attribute("scope", issue.scope);
            xml_.paragraph("description", issue.description);
            xml_.start("effect");
            xml_.attribute("kind", issue.effectKind);
            xml_.element("p", issue.effect);
            xml_.end();
            xml_.end();
        }
        xml_.start("climateChange");
        xml_.attribute("relevant", "true");
        xml_.paragraph("justification", "Skyfall, värmeböljor och torka påverkar kommunens "
                                        "fastigheter, verksamheter och invånare.");
        xml_.end();
        for (int p = 0; p < ems_.partyCount; ++p) {
            const PartyTemplate& party = partyTemplates()[static_cast<std::size_t>(p)];
            const IdText partyId = numbered("intressent-", p + 1, 2);
            xml_.start("interestedParty");
            xml_.attribute("id", partyId);
            xml_.element("name", party.name);
            for (std::size_t n = 0; n < party.needs.size(); ++n) {
                IdText needId = numbered("behov-", p + 1, 2);
                needId << "-";
                needId.number(static_cast<long>(n) + 1);
                xml_.start("need");
                xml_.attribute("id", needId);
                xml_.attribute("relevant", n == 0 || random_.percent(70) ? "true" : "false");
                if (n == 0 && party.obligation >= 0) {
                    // The first obligations follow the templates one to one.
                    xml_.attribute("obligation", obligationId(party.obligation));
                }
                xml_.text(party.needs[n]);
                xml_.end();
            }
            xml_.end();
        }
        xml_.close();
    }

    void writeAspects() {
        static constexpr std::array<std::string_view, 1> clauses{"6.1.2"};
        begin("aspects-register.xml", "aspectsRegister", "miljoaspekter-2025",
              "Miljöaspektregister 2025", clauses, 103);
        xml_.start("scoringMethod");
        xml_.attribute("id", "metod-summa");
        xml_.attribute("version", "3");
        static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> criteria{{
            {"omfattning", "Omfattning"},
            {"frekvens", "Frekvens"},
            {"lagkrav", "Lagkrav och andra bindande krav"},
            {"intressenter", "Intressenters oro"},
        }};
        for (const auto& [id, name] : criteria) {
            xml_.start("criterion");
            xml_.attribute("id", id);
            xml_.attribute("min", "1");
            xml_.attribute("max", "5");
            if (id == "intressenter") {
                xml_.attribute("weight", "0.5");
            }
            xml_.element("name", name);
            xml_.end();
        }
        xml_.element("combine", "sum");
        xml_.element("significanceThreshold", "12");
        xml_.element("legalGate", "true");
        xml_.end();
        for (std::size_t a = 0; a < ems_.aspects.size(); ++a) {
            const EmsAspect& aspect = ems_.aspects[a];
            const AspectTemplate& pattern =
                aspectTemplates()[static_cast<std::size_t>(aspect.templateIndex)];
            xml_.start("aspect");
            xml_.attribute("id", aspectId(static_cast<int>(a)));
            xml_.attribute("unit", node(aspect.unit).id);
            xml_.attribute("lifecycle", pattern.lifecycle);
            xml_.attribute("condition", pattern.condition);
            xml_.attribute("control", pattern.influence);
            xml_.attribute("significant", aspect.significant ? "true" : "false");
            text_.clear();
            text_ += pattern.activity;
            text_ += " – ";
            text_ += node(aspect.unit).name;
            xml_.element("activity", text_);
            xml_.element("aspect", pattern.aspect);
            xml_.element("impact", pattern.impact);
            for (std::size_t c = 0; c < criteria.size(); ++c) {
                xml_.start("score");
                xml_.attribute("criterion", criteria[c].first);
                xml_.attribute("value", static_cast<std::int64_t>(aspect.scores[c]));
                xml_.end();
            }
            for (const int o : aspect.obligations) {
                ref("obligationRef", obligationId(o));
            }
            for (const int c : aspect.controls) {
                ref("controlRef", controlId(c));
            }
            for (const int o : aspect.objectives) {
                ref("objectiveRef", objectiveId(o));
            }
            const int halves =
                2 * (aspect.scores[0] + aspect.scores[1] + aspect.scores[2]) + aspect.scores[3];
            text_.clear();
            text_ += "Summa enligt metoden ";
            prose::decimal(text_, Decimal{halves * 5, 1});
            text_ += " poäng, tröskel 12.";
            if (aspect.significant && halves < 24) {
                text_ += " Betydande eftersom aspekten omfattas av lagkrav.";
            }
            xml_.paragraph("justification", text_);
            person("owner", "Enhetschefen", "enhetschef", aspect.unit);
            text_.clear();
            char date[16];
            text_.append(date, aspect.reviewDate.format(date));
            xml_.element("reviewDate", text_);
            xml_.end();
        }
        xml_.close();
    }

    void writeObligations() {
        static constexpr std::array<std::string_view, 2> clauses{"6.1.3", "9.1.2"};
        begin("compliance-obligations.xml", "complianceObligations", "bindande-krav-2025",
              "Register över bindande krav", clauses, 104);
        for (std::size_t o = 0; o < ems_.obligations.size(); ++o) {
            const EmsObligation& obligation = ems_.obligations[o];
            const ObligationTemplate& pattern =
                obligationTemplates()[static_cast<std::size_t>(obligation.templateIndex)];
            xml_.start("obligation");
            xml_.attribute("id", obligationId(static_cast<int>(o)));
            xml_.attribute("kind", pattern.kind);
            xml_.attribute("intervalMonths", static_cast<std::int64_t>(obligation.intervalMonths));
            text_.clear();
            text_ += pattern.title;
            if (o >= obligationTemplates().size()) {
                text_ += " – ";
                text_ += node(obligation.units.front()).name;
            }
            xml_.element("title", text_);
            xml_.start("source");
            if (!pattern.url.empty()) {
                xml_.attribute("url", pattern.url);
            }
            xml_.text(pattern.source);
            xml_.end();
            xml_.paragraph("requirement", pattern.requirement);
            for (const int unit : obligation.units) {
                xml_.start("appliesTo");
                xml_.attribute("unit", node(unit).id);
                xml_.end();
            }
            for (const int aspect : obligation.aspects) {
                ref("aspectRef", aspectId(aspect));
            }
            for (const ComplianceEvaluation& evaluation : obligation.evaluations) {
                xml_.start("evaluation");
                xml_.attribute("date", evaluation.date);
                xml_.attribute("result",
                               evaluation.result == ComplianceResult::compliant ? "compliant"
                               : evaluation.result == ComplianceResult::partly  ? "partly"
                                                                                : "noncompliant");
                xml_.attribute("by", "Miljöstrategen");
                if (evaluation.result != ComplianceResult::compliant) {
                    xml_.paragraph("note", "Brister i dokumentationen; åtgärder är beslutade.");
                }
                xml_.end();
            }
            xml_.end();
        }
        xml_.close();
    }

    void writeObjectives() {
        static constexpr std::array<std::string_view, 2> clauses{"6.2.1", "6.2.2"};
        begin("objectives-programme.xml", "objectivesProgramme", "miljoprogram-2025",
              "Miljömål och miljöprogram 2025–2027", clauses, 105);
        int actionSerial = 0;
        for (std::size_t o = 0; o < ems_.objectives.size(); ++o) {
            const EmsObjective& objective = ems_.objectives[o];
            xml_.start("objective");
            xml_.attribute("id", objectiveId(static_cast<int>(o)));
            if (objective.councilGoal >= 0) {
                xml_.attribute("councilGoal", model_.goalId(objective.councilGoal));
            } else {
                xml_.attribute("parent", objectiveId(objective.parent));
            }
            const int firstIndicator = objective.indicators.front();
            const IndicatorTemplate& pattern = model_.indicatorTemplate(firstIndicator);
            text_.clear();
            if (objective.councilGoal >= 0) {
                const Theme& theme = model_.goalTheme(objective.councilGoal);
                text_ += theme.goalPhrases[static_cast<std::size_t>(objective.councilGoal) %
                                           theme.goalPhrases.size()];
            } else {
                text_ += pattern.name;
                text_ += " – ";
                text_ += node(objective.unit).name;
            }
            xml_.element("title", text_);
            for (const int indicator : objective.indicators) {
                ref("indicatorRef", model_.indicatorId(indicator));
            }
            if (objective.councilGoal < 0) {
                xml_.start("target");
                xml_.attribute(
                    "value", asDecimal(model_, firstIndicator,
                                       targetValue(model_, firstIndicator, Model::periodTo).value));
                xml_.attribute("year", static_cast<std::int64_t>(Model::periodTo));
                xml_.element("measure", pattern.measure);
                xml_.end();
                xml_.start("baseline");
                xml_.attribute(
                    "value", asDecimal(model_, firstIndicator,
                                       expectedValue(model_, firstIndicator, Model::planYear - 2)));
                xml_.attribute("year", static_cast<std::int64_t>(Model::planYear - 2));
                xml_.end();
            }
            xml_.element("deadline", "2027-12-31");
            if (objective.councilGoal >= 0) {
                person("responsible", "Kommundirektören", "kommundirektör",
                       model_.executiveBoardNode);
            } else {
                person("responsible", "Enhetschefen", "enhetschef", objective.unit);
            }
            const Theme& theme =
                model_.goalTheme(model_.indicators[static_cast<std::size_t>(firstIndicator)].goal);
            for (int a = 0; a < objective.actionCount; ++a) {
                ++actionSerial;
                const int draw = random_.between(0, 99);
                const std::string_view status = draw < 30   ? "completed"
                                                : draw < 75 ? "ongoing"
                                                            : "planned";
                const CalendarDate due =
                    status == "completed"
                        ? CalendarDate{Model::planYear, random_.between(3, 11), 30}
                        : CalendarDate{Model::planYear + random_.between(1, 2),
                                       random_.between(3, 11), 30};
                xml_.start("action");
                xml_.attribute("id", numbered("atgard-", actionSerial, 4));
                xml_.attribute("due", due);
                xml_.attribute("status", status);
                text_.clear();
                text_ += random_.pick(theme.activities);
                text_ += '.';
                xml_.paragraph("what", text_);
                text_.clear();
                if (random_.percent(50)) {
                    text_ += "Inom befintlig ram";
                } else {
                    prose::decimal(text_, Decimal{random_.between(2, 60), 1});
                    text_ += " mnkr i investeringsbudgeten";
                }
                xml_.element("resources", text_);
                person("who", node(objective.unit).name, "", objective.unit);
                xml_.end();
            }
            xml_.paragraph("evaluation", "Följs upp med nyckeltalen i tertialrapport, "
                                         "delårsrapport och årsredovisning.");
            xml_.end();
        }
        xml_.close();
    }

    void writeControls() {
        static constexpr std::array<std::string_view, 1> clauses{"8.1"};
        begin("operational-controls.xml", "operationalControls", "verksamhetsstyrning",
              "Rutiner för verksamhetsstyrning", clauses, 106);
        std::vector<int> seen(controlTemplates().size(), 0);
        for (std::size_t c = 0; c < ems_.controls.size(); ++c) {
            const EmsControl& control = ems_.controls[c];
            const ControlTemplate& pattern =
                controlTemplates()[static_cast<std::size_t>(control.templateIndex)];
            const int part = ++seen[static_cast<std::size_t>(control.templateIndex)];
            xml_.start("control");
            xml_.attribute("id", controlId(static_cast<int>(c)));
            text_.clear();
            text_ += pattern.title;
            if (part > 1) {
                text_ += ", del ";
                text_ += std::to_string(part);
            }
            xml_.element("title", text_);
            for (const int aspect : control.aspects) {
                ref("aspectRef", aspectId(aspect));
            }
            for (const int unit : control.units) {
                unitRef("unit", unit);
            }
            xml_.paragraph("procedure", pattern.procedure);
            person("responsible", pattern.role, "", -1);
            xml_.paragraph("criteria", pattern.criteria);
            xml_.end();
        }
        xml_.close();
    }

    void writeEmergencyPreparedness() {
        static constexpr std::array<std::string_view, 1> clauses{"8.2"};
        xml_.open(directory_ / "emergency-preparedness.xml");
        xml_.start("emergencyPreparedness");
        xml_.attribute("xmlns", emsNamespace);
        xml_.attribute("testIntervalMonths", "12");
        const IdText number =
            model_.documentNumber(model_.executiveBoardNode, Model::planYear, 107);
        DocumentHeader header;
        header.id = "nodlagesberedskap";
        header.title = "Beredskap för nödlägen";
        header.unit = boardId();
        header.documentNumber = number;
        header.owner = "Säkerhetssamordnaren";
        header.clauses = clauses;
        writeHeader(xml_, header);
        ++files_;
        for (std::size_t s = 0; s < ems_.scenarios.size(); ++s) {
            const EmsScenario& scenario = ems_.scenarios[s];
            const ScenarioTemplate& pattern =
                scenarioTemplates()[static_cast<std::size_t>(scenario.templateIndex)];
            xml_.start("scenario");
            xml_.attribute("id", numbered("scenario-", static_cast<long>(s) + 1, 2));
            if (scenario.intervalMonths > 0) {
                xml_.attribute("testIntervalMonths",
                               static_cast<std::int64_t>(scenario.intervalMonths));
            }
            text_.clear();
            text_ += pattern.title;
            text_ += " – ";
            text_ += places()[static_cast<std::size_t>(scenario.place)];
            xml_.element("title", text_);
            for (const int aspect : scenario.aspects) {
                ref("aspectRef", aspectId(aspect));
            }
            xml_.paragraph("response", pattern.response);
            person("responsible", pattern.role, "", -1);
            for (const CalendarDate& drill : scenario.drills) {
                xml_.start("drill");
                xml_.attribute("date", drill);
                xml_.paragraph("outcome", pattern.drillOutcome);
                xml_.paragraph("lessons", pattern.lessons);
                xml_.end();
            }
            xml_.end();
        }
        xml_.close();
    }

    void writeMonitoring() {
        static constexpr std::array<std::string_view, 1> clauses{"9.1.1"};
        begin("monitoring-results.xml", "monitoringResults", "matresultat-2025",
              "Övervakning och mätning 2025", clauses, 108);
        for (std::size_t p = 0; p < ems_.parameters.size(); ++p) {
            const EmsParameter& parameter = ems_.parameters[p];
            const ParameterTemplate& pattern =
                parameterTemplates()[static_cast<std::size_t>(parameter.templateIndex)];
            const std::string_view unitName = node(parameter.unit).name;
            xml_.start("parameter");
            xml_.attribute("id", numbered("parameter-", static_cast<long>(p) + 1, 3));
            if (parameter.indicator >= 0) {
                xml_.attribute("indicator", model_.indicatorId(parameter.indicator));
            }
            xml_.attribute("measure", pattern.measure);
            text_.clear();
            prose::fill(text_, pattern.name, unitName);
            xml_.element("name", text_);
            xml_.paragraph("method", pattern.method);
            for (int e = 0; e < parameter.equipmentCount; ++e) {
                IdText equipment = numbered("matare-", static_cast<long>(p) + 1, 3);
                equipment << "-";
                equipment.number(e + 1);
                xml_.start("equipment");
                xml_.attribute("id", equipment);
                // Calibrated in the last three years, next calibration due after the as-of date.
                const int yearsAgo = random_.between(0, 2);
                const CalendarDate calibrated{Model::planYear - yearsAgo, random_.between(1, 11),
                                              random_.between(1, 28)};
                xml_.attribute("calibrated", calibrated);
                xml_.attribute("calibrationDue",
                               calibrated.addMonths(12 * (yearsAgo + random_.between(1, 3))));
                text_.clear();
                prose::fill(text_, pattern.equipment, unitName);
                if (e > 0) {
                    text_ += ", reserv";
                }
                xml_.element("name", text_);
                xml_.end();
            }
            for (int month = 1; month <= 12; ++month) {
                IdText equipment = numbered("matare-", static_cast<long>(p) + 1, 3);
                equipment << "-";
                equipment.number(random_.between(1, parameter.equipmentCount));
                xml_.start("measurement");
                xml_.attribute("date", CalendarDate{Model::planYear, month,
                                                    daysInMonth(Model::planYear, month)});
                xml_.attribute("value", Decimal{random_.between64(pattern.low, pattern.high),
                                                pattern.decimals});
                xml_.attribute("equipment", equipment);
                if (random_.percent(5)) {
                    xml_.element("comment", random_.pick(outcomeComments()));
                }
                xml_.end();
            }
            xml_.end();
        }
        xml_.close();
    }

    void writeAuditProgramme() {
        static constexpr std::array<std::string_view, 1> clauses{"9.2.2"};
        begin("audit-programme.xml", "auditProgramme", "revisionsprogram-2025",
              "Internrevisionsprogram 2025–2026", clauses, 109);
        for (std::size_t a = 0; a < ems_.audits.size(); ++a) {
            const EmsAudit& audit = ems_.audits[a];
            const AuditTemplate& pattern =
                auditTemplates()[static_cast<std::size_t>(audit.templateIndex)];
            xml_.start("audit");
            xml_.attribute("id", auditId(static_cast<int>(a)));
            xml_.attribute("planned", audit.planned);
            xml_.attribute("status", audit.held ? "held" : "planned");
            xml_.paragraph("scope", pattern.scope);
            for (const std::string_view number : pattern.clauses) {
                clause(number);
            }
            for (const int unit : audit.units) {
                unitRef("unit", unit);
            }
            for (const int auditor : audit.auditors) {
                recordedPerson("auditor", auditor);
            }
            xml_.end();
        }
        xml_.close();
    }

    void writeAuditReport(int a) {
        const EmsAudit& audit = ems_.audits[static_cast<std::size_t>(a)];
        static constexpr std::array<std::string_view, 2> clauses{"9.2.2", "10.2"};
        const IdText auditName = auditId(a);
        IdText file;
        file << "audit-report-" << auditName << ".xml";
        IdText id;
        id << "revisionsrapport-" << auditName;
        std::string title = "Revisionsrapport, internrevision ";
        title += auditName.view();
        begin(file, "auditReport", id, title, clauses, 110 + a);
        xml_.start("audit");
        xml_.attribute("ref", auditName);
        xml_.attribute("held", audit.planned);
        xml_.end();
        recordedPerson("leadAuditor", audit.auditors.front());
        for (const int unit : audit.units) {
            unitRef("auditee", unit);
        }
        text_.clear();
        text_ += "Revisionen omfattade ";
        text_ += node(audit.units.front()).name;
        text_ += ". Verksamheten har god kännedom om sina miljöaspekter och arbetet med ";
        prose::compound(text_, random_);
        text_ += " har kommit långt.";
        xml_.paragraph("summary", text_);
        for (int f = audit.firstFinding; f < audit.firstFinding + audit.findingCount; ++f) {
            const EmsFinding& finding = ems_.findings[static_cast<std::size_t>(f)];
            static constexpr std::string_view severities[] = {"major", "minor", "observation",
                                                              "opportunity"};
            xml_.start("finding");
            xml_.attribute("id", findingId(f));
            xml_.attribute("severity", severities[static_cast<std::size_t>(finding.severity)]);
            if (finding.nonconformity >= 0) {
                xml_.attribute("nonconformity", nonconformityId(finding.nonconformity));
            }
            if (finding.clause >= 0) {
                clause(findingClauses()[static_cast<std::size_t>(finding.clause)]);
            }
            xml_.paragraph("description", findingTexts()[static_cast<std::size_t>(finding.text)]);
            xml_.end();
        }
        xml_.paragraph("conclusion", "Miljöledningssystemet är i huvudsak infört och fungerar.");
        xml_.close();
    }

    void writeNonconformities() {
        static constexpr std::array<std::string_view, 1> clauses{"10.2"};
        begin("nonconformity-log.xml", "nonconformityLog", "avvikelser-2025",
              "Avvikelser och korrigerande åtgärder 2025", clauses, 111);
        static constexpr std::string_view sources[] = {"audit", "complaint", "monitoring",
                                                       "incident", "other"};
        for (std::size_t n = 0; n < ems_.nonconformities.size(); ++n) {
            const EmsNonconformity& nc = ems_.nonconformities[n];
            const NonconformityTemplate& pattern =
                nonconformityTemplates()[static_cast<std::size_t>(nc.templateIndex)];
            const IdText id = nonconformityId(static_cast<int>(n));
            xml_.start("nonconformity");
            xml_.attribute("id", id);
            xml_.attribute("raised", nc.raised);
            xml_.attribute("due", nc.due);
            xml_.attribute("status", nc.closed ? "closed" : "open");
            xml_.attribute("source", sources[static_cast<std::size_t>(nc.source)]);
            std::string_view clauseNumber = pattern.clause;
            if (nc.finding >= 0) {
                xml_.attribute("finding", findingId(nc.finding));
                const int findingClause =
                    ems_.findings[static_cast<std::size_t>(nc.finding)].clause;
                if (findingClause >= 0) {
                    clauseNumber = findingClauses()[static_cast<std::size_t>(findingClause)];
                }
            }
            clause(clauseNumber);
            text_.clear();
            text_ += pattern.description;
            text_ += " (";
            text_ += node(nc.unit).name;
            text_ += ')';
            xml_.paragraph("description", text_);
            if (nc.closed || random_.percent(50)) {
                xml_.paragraph("rootCause", pattern.rootCause);
            }
            if (nc.closed) {
                xml_.paragraph("correction", pattern.correction);
            }
            IdText actionId;
            actionId << "ka" << id.view().substr(id.view().find('-')) << "-1";
            xml_.start("action");
            xml_.attribute("id", actionId);
            xml_.attribute("due", nc.actionDue);
            if (nc.closed) {
                xml_.attribute("completed", nc.actionCompleted);
            }
            xml_.paragraph("description", pattern.action);
            person("responsible", "Enhetschefen", "enhetschef", nc.unit);
            if (nc.closed) {
                xml_.start("verification");
                xml_.attribute("date", nc.verified);
                xml_.attribute("by", "Miljöstrategen");
                xml_.attribute("effective", "true");
                xml_.paragraph("note", "Stickprov visar att åtgärden har fått avsedd effekt.");
                xml_.end();
            }
            xml_.end();
            if (nc.closed) {
                xml_.start("closed");
                xml_.attribute("date", nc.verified);
                xml_.attribute("by", "Miljöstrategen");
                xml_.end();
            }
            xml_.end();
        }
        xml_.close();
    }

    void writeManagementReview() {
        static constexpr std::array<std::string_view, 1> clauses{"9.3"};
        begin("management-review.xml", "managementReview", "ledningens-genomgang-2025",
              "Ledningens genomgång 2025", clauses, 112);
        xml_.start("meeting");
        xml_.attribute("date", CalendarDate{Model::planYear, 11, 20});
        person("chair", "Kommundirektören", "kommundirektör", model_.executiveBoardNode);
        recordedPerson("participant", 0);
        int participants = 0;
        for (std::size_t n = 0; n < model_.nodes.size() && participants < 6; ++n) {
            if (model_.nodes[n].type != OrgType::administration) {
                continue;
            }
            ++participants;
            text_.clear();
            text_ += "Förvaltningschefen, ";
            text_ += model_.nodes[n].name;
            person("participant", text_, "förvaltningschef", static_cast<int>(n));
        }
        xml_.end();
        for (const ReviewInputTemplate& input : reviewInputs()) {
            xml_.start("input");
            xml_.attribute("kind", input.kind);
            xml_.attribute("status", random_.percent(80) ? "covered" : "partly");
            xml_.paragraph("summary", input.summary);
            xml_.end();
        }
        int serial = 0;
        for (const ReviewOutputTemplate& output : reviewOutputs()) {
            xml_.start("output");
            xml_.attribute("kind", output.kind);
            if (output.kind != "decision") {
                xml_.attribute("id", numbered("lg-2025-", ++serial, 1));
            }
            xml_.paragraph("text", output.text);
            if (output.kind != "decision") {
                person("responsible", "Miljöstrategen", "miljöstrateg", model_.executiveBoardNode);
                text_.clear();
                char date[16];
                text_.append(date, CalendarDate{Model::planYear + 1, 2 + serial, 28}.format(date));
                xml_.element("due", text_);
            }
            xml_.end();
        }
        xml_.close();
    }

    void writeCompetence() {
        static constexpr std::array<std::string_view, 1> clauses{"7.2"};
        begin("competence-records.xml", "competenceRecords", "kompetens-miljo",
              "Kompetens inom miljöledning", clauses, 113);
        for (const RoleTemplate& role : roleTemplates()) {
            xml_.start("role");
            xml_.attribute("id", role.id);
            xml_.element("title", role.title);
            for (const std::string_view requirement : role.requirements) {
                xml_.element("requirement", requirement);
            }
            xml_.end();
        }
        for (std::size_t p = 0; p < ems_.people.size(); ++p) {
            const EmsPerson& who = ems_.people[p];
            xml_.start("person");
            xml_.attribute("id", numbered("person-", static_cast<long>(p) + 1, 4));
            xml_.attribute("role", roleTemplates()[static_cast<std::size_t>(who.role)].id);
            text_.clear();
            text_ += firstNames()[static_cast<std::size_t>(who.first)];
            text_ += ' ';
            text_ += lastNames()[static_cast<std::size_t>(who.last)];
            xml_.element("name", text_);
            const int trainings = random_.between(1, 2);
            for (int t = 0; t < trainings; ++t) {
                const TrainingTemplate& training = who.role == 1 && t == 0
                                                       ? trainingTemplates()[1]
                                                       : random_.pick(trainingTemplates());
                xml_.start("training");
                xml_.attribute("date",
                               CalendarDate{Model::planYear - random_.between(0, 3),
                                            random_.between(1, 11), random_.between(1, 28)});
                xml_.element("title", training.title);
                xml_.element("provider", training.provider);
                xml_.end();
            }
            if (random_.percent(60)) {
                xml_.start("evaluation");
                xml_.attribute("date", CalendarDate{Model::planYear, random_.between(1, 11),
                                                    random_.between(1, 28)});
                xml_.attribute("result", random_.percent(85) ? "competent" : "partly");
                xml_.paragraph("note", "Utvärderat i medarbetarsamtalet.");
                xml_.end();
            }
            xml_.end();
        }
        xml_.close();
    }

    void writeCommunication() {
        static constexpr std::array<std::string_view, 1> clauses{"7.4.1"};
        begin("communication-log.xml", "communicationLog", "kommunikation-2025",
              "Kommunikationslogg 2025", clauses, 114);
        std::vector<long> days;
        const long first = CalendarDate{Model::planYear, 1, 8}.days();
        const long last = CalendarDate{Model::planYear, 12, 19}.days();
        for (int e = 0; e < ems_.communicationCount; ++e) {
            days.push_back(first + static_cast<long>(random_.below(
                                       static_cast<std::uint64_t>(last - first + 1))));
        }
        std::sort(days.begin(), days.end());
        for (std::size_t e = 0; e < days.size(); ++e) {
            const CommunicationTemplate& entry = random_.pick(communicationTemplates());
            const std::string_view place = random_.pick(places());
            xml_.start("entry");
            xml_.attribute("id", numbered("kom-2025-", static_cast<long>(e) + 1, 4));
            xml_.attribute("date", CalendarDate::fromDays(days[e]));
            xml_.attribute("direction", entry.direction);
            xml_.attribute("channel", entry.channel);
            if (entry.kind != "information") {
                xml_.attribute("kind", entry.kind);
            }
            text_.clear();
            prose::fill(text_, entry.party, place);
            xml_.element("party", text_);
            text_.clear();
            prose::fill(text_, entry.topic, place);
            xml_.element("topic", text_);
            xml_.paragraph("summary", entry.summary);
            if (!entry.response.empty()) {
                xml_.paragraph("response", entry.response);
            }
            xml_.end();
        }
        xml_.close();
    }

    XmlWriter& xml_;
    const Model& model_;
    const EmsModel& ems_;
    std::filesystem::path directory_;
    Random random_;
    std::string text_;
    int files_ = 0;
};

} // namespace

int writeEmsRecords(XmlWriter& xml, const Model& model, const std::filesystem::path& directory) {
    return EmsWriter(xml, model, directory).writeAll();
}

} // namespace rodtrad::bench
