#include "document_header.h"
#include "document_writers.h"
#include "indicator_writer.h"
#include "prose.h"
#include "random.h"

#include <array>

namespace rodtrad::bench {
namespace {

constexpr std::uint64_t strategicTextStream = 31;

struct Level {
    std::string_view id;
    int rank;
    std::string_view swedish;
    std::string_view english;
    std::string_view status; // for the worst-of rule
    std::string_view minShare;
};

constexpr std::array<Level, 3> levels{{
    {"uppfyllt", 3, "Uppfyllt", "Achieved", "green", "0.75"},
    {"delvis", 2, "Delvis uppfyllt", "Partly achieved", "yellow", "0.4"},
    {"ej", 1, "Ej uppfyllt", "Not achieved", "red", "0"},
}};

void writeLabels(XmlWriter& xml, std::string_view swedish, std::string_view english) {
    xml.start("label");
    xml.attribute("lang", "sv");
    xml.text(swedish);
    xml.end();
    xml.start("label");
    xml.attribute("lang", "en");
    xml.text(english);
    xml.end();
}

// The scale and the three rules as the schema describes them. Every level of a share rule
// carries minShare, the lowest one 0.
void writeAssessment(XmlWriter& xml) {
    xml.start("assessment");
    xml.attribute("defaultRule", "andel");
    xml.start("scale");
    for (const Level& level : levels) {
        xml.start("level");
        xml.attribute("id", level.id);
        xml.attribute("rank", static_cast<std::int64_t>(level.rank));
        writeLabels(xml, level.swedish, level.english);
        xml.end();
    }
    xml.start("notAssessable");
    xml.attribute("id", "kan-inte-bedomas");
    writeLabels(xml, "Kan inte bedömas", "Cannot be assessed");
    xml.end();
    xml.end();
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> rules{
        {{"andel", "share"}, {"viktad", "weighted"}, {"samst", "worst-of"}}};
    for (const auto& [id, kind] : rules) {
        xml.start("rule");
        xml.attribute("id", id);
        xml.attribute("kind", kind);
        xml.attribute("minAssessable", "0.5");
        for (const Level& level : levels) {
            xml.start("level");
            xml.attribute("level", level.id);
            if (kind == "worst-of") {
                xml.attribute("status", level.status);
            } else {
                xml.attribute("minShare", level.minShare);
            }
            xml.end();
        }
        xml.end();
    }
    xml.end();
}

std::string_view ruleId(RuleChoice rule) {
    return rule == RuleChoice::weighted ? "viktad" : rule == RuleChoice::worstOf ? "samst" : "";
}

void writeBudget(XmlWriter& xml, const Model& model) {
    xml.start("budget");
    xml.attribute("measure", "mnkr");
    std::array<std::int64_t, 3> costs{};
    for (const OrgNode& node : model.nodes) {
        if (node.type == OrgType::executiveBoard || node.type == OrgType::committee) {
            const Plan& plan = model.plans[static_cast<std::size_t>(node.plan)];
            for (std::size_t y = 0; y < costs.size(); ++y) {
                costs[y] += plan.costs[y] - plan.revenues[y];
            }
        }
    }
    for (std::size_t y = 0; y < costs.size(); ++y) {
        // Tax revenue covers the committees' net costs with a surplus of two percent.
        const std::int64_t net = costs[y] / 100;
        const std::int64_t revenues = net * 102 / 100;
        xml.start("year");
        xml.attribute("year",
                      static_cast<std::int64_t>(Model::periodFrom) + static_cast<std::int64_t>(y));
        xml.attribute("revenues", Decimal{revenues, 1});
        xml.attribute("costs", Decimal{net, 1});
        xml.attribute("result", Decimal{revenues - net, 1});
        xml.end();
    }
    for (const OrgNode& node : model.nodes) {
        if (node.type != OrgType::executiveBoard && node.type != OrgType::committee) {
            continue;
        }
        const Plan& plan = model.plans[static_cast<std::size_t>(node.plan)];
        for (std::size_t y = 0; y < plan.costs.size(); ++y) {
            xml.start("frame");
            xml.attribute("unit", node.id);
            xml.attribute("year", static_cast<std::int64_t>(Model::periodFrom) +
                                      static_cast<std::int64_t>(y));
            xml.attribute("net", Decimal{(plan.revenues[y] - plan.costs[y]) / 100, 1});
            xml.end();
        }
    }
    xml.end();
}

} // namespace

void writeStrategicPlan(XmlWriter& xml, const Model& model, const std::filesystem::path& file) {
    Random random = Random::stream(model.seed, strategicTextStream, 0);
    std::string text;
    xml.open(file);
    xml.start("strategicPlan");
    xml.attribute("xmlns", planNamespace);
    DocumentHeader header;
    header.id = Model::strategicPlanId;
    header.title = "Mål och budget 2025–2027";
    header.unit = model.nodes[static_cast<std::size_t>(model.councilNode)].id;
    const IdText number = model.documentNumber(model.executiveBoardNode, Model::planYear - 1, 560);
    header.documentNumber = number;
    header.owner = "Kommundirektören";
    header.approvedBy = "Kommunfullmäktige";
    header.approvalDate = {Model::planYear - 1, 11, 25};
    header.approvalReference = "KF 2024-11-25 § 112";
    static constexpr std::array<std::string_view, 2> clauses{"4.1", "6.2.1"};
    header.clauses = clauses;
    writeHeader(xml, header);

    xml.start("period");
    xml.attribute("from", static_cast<std::int64_t>(Model::periodFrom));
    xml.attribute("to", static_cast<std::int64_t>(Model::periodTo));
    xml.end();
    xml.paragraph("vision", "Ekbacka – en hållbar kommun att leva, bo och verka i, där alla kan "
                            "växa och känna sig trygga.");
    xml.start("introduction");
    text.clear();
    text += "Mål och budget beskriver kommunfullmäktiges mål för mandatperioden och de ekonomiska "
            "ramarna för nämnderna. Målen bryts ned i nämndernas och enheternas verksamhetsplaner, "
            "och arbetet med ";
    prose::compound(text, random);
    text += " följs upp i tertialrapport, delårsrapport och årsredovisning.";
    xml.element("p", text);
    xml.start("list");
    xml.element("item", "Fyra perspektiv: samhälle och miljö, medborgare och brukare, medarbetare "
                        "samt ekonomi.");
    xml.element("item", "Målen bedöms på en tregradig skala utifrån nyckeltalens utfall.");
    xml.element("item", "Miljömålen är också miljöledningssystemets övergripande miljömål.");
    xml.end();
    xml.end();
    writeAssessment(xml);

    std::array<int, 10> phraseUse{};
    for (std::size_t p = 0; p < perspectives().size(); ++p) {
        const Perspective& perspective = perspectives()[p];
        xml.start("perspective");
        xml.attribute("id", perspective.id);
        xml.element("name", perspective.name);
        xml.paragraph("description", perspective.description);
        for (int g = 0; g < model.councilGoalCount; ++g) {
            const Goal& goal = model.goals[static_cast<std::size_t>(g)];
            const Theme& theme = model.goalTheme(g);
            if (theme.perspective != static_cast<int>(p)) {
                continue;
            }
            xml.start("councilGoal");
            xml.attribute("id", model.goalId(g));
            if (theme.environmental) {
                xml.attribute("environmental", "true");
            }
            if (goal.rule != RuleChoice::byDefault) {
                xml.attribute("rule", ruleId(goal.rule));
            }
            text.clear();
            prose::goalTitle(text, random, theme, phraseUse[static_cast<std::size_t>(goal.theme)]++,
                             false);
            xml.element("title", text);
            text.clear();
            prose::goalDescription(text, random, theme);
            xml.paragraph("description", text);
            for (int i = 0; i < goal.indicatorCount; ++i) {
                writeIndicator(xml, model, goal.firstIndicator + i, text);
            }
            xml.end();
        }
        xml.end();
    }
    writeBudget(xml, model);
    xml.close();
}

} // namespace rodtrad::bench
