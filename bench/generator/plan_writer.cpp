#include "document_header.h"
#include "document_writers.h"
#include "indicator_writer.h"
#include "prose.h"
#include "random.h"

namespace rodtrad::bench {
namespace {

constexpr std::uint64_t planTextStream = 41;

std::string_view ruleId(RuleChoice rule) {
    return rule == RuleChoice::weighted ? "viktad" : rule == RuleChoice::worstOf ? "samst" : "";
}

// Who approves a plan: a committee or board its own plan, the administration's head a unit's.
std::string_view approver(const OrgNode& node) {
    return node.type == OrgType::unit ? std::string_view("Förvaltningschefen")
                                      : std::string_view(node.name);
}

} // namespace

void writeOperationalPlan(XmlWriter& xml, const Model& model, int planIndex,
                          const std::filesystem::path& file) {
    const Plan& plan = model.plans[static_cast<std::size_t>(planIndex)];
    const OrgNode& node = model.nodes[static_cast<std::size_t>(plan.node)];
    Random random =
        Random::stream(model.seed, planTextStream, static_cast<std::uint64_t>(planIndex));
    std::string text;
    std::string title;
    std::string reference;

    xml.open(file);
    xml.start("operationalPlan");
    xml.attribute("xmlns", planNamespace);
    title.clear();
    title += "Verksamhetsplan ";
    title += std::to_string(Model::planYear);
    title += " – ";
    title += node.name;
    const IdText number = model.documentNumber(plan.node, Model::planYear - 1, 1000 + planIndex);
    const CalendarDate approved{Model::planYear - 1, 12, random.between(2, 18)};
    reference.clear();
    reference += number.view().substr(0, number.view().find(' '));
    reference += ' ';
    char date[16];
    reference.append(date, approved.format(date));
    reference += " § ";
    reference += std::to_string(random.between(40, 180));
    const IdText id = model.planId(planIndex);
    DocumentHeader header;
    header.id = id;
    header.title = title;
    header.unit = node.id;
    header.documentNumber = number;
    header.owner = node.manager;
    header.approvedBy = approver(node);
    header.approvalDate = approved;
    header.approvalReference = reference;
    writeHeader(xml, header);
    xml.element("year", std::to_string(Model::planYear));
    xml.start("strategicPlan");
    xml.attribute("ref", Model::strategicPlanId);
    xml.end();

    text.clear();
    text += node.name;
    text += " bidrar till kommunfullmäktiges mål genom ";
    prose::compound(text, random);
    text += " och ett systematiskt kvalitetsarbete. Planen bryter ned målen från nivån ovanför "
            "och anger nyckeltal, aktiviteter och risker för året.";
    xml.paragraph("summary", text);

    for (int g = plan.firstGoal; g < plan.firstGoal + plan.goalCount; ++g) {
        const Goal& goal = model.goals[static_cast<std::size_t>(g)];
        const Theme& theme = model.goalTheme(g);
        xml.start("goal");
        xml.attribute("id", model.goalId(g));
        xml.attribute("parent", model.goalId(goal.parent));
        if (goal.rule != RuleChoice::byDefault) {
            xml.attribute("rule", ruleId(goal.rule));
        }
        text.clear();
        prose::goalTitle(text, random, theme,
                         static_cast<int>(random.index(theme.goalPhrases.size())),
                         random.percent(60));
        xml.element("title", text);
        if (random.percent(50)) {
            text.clear();
            prose::goalDescription(text, random, theme);
            xml.paragraph("description", text);
        }
        for (int i = 0; i < goal.indicatorCount; ++i) {
            writeIndicator(xml, model, goal.firstIndicator + i, text);
        }
        for (int r = 0; r < goal.refCount; ++r) {
            const IndicatorRef& ref = model.refs[static_cast<std::size_t>(goal.firstRef + r)];
            xml.start("indicatorRef");
            xml.attribute("ref", model.indicatorId(ref.indicator));
            if (ref.weightTenths > 0) {
                xml.attribute("weight", Decimal{ref.weightTenths, 1});
            }
            xml.end();
        }
        for (int a = 0; a < goal.activityCount; ++a) {
            const int index = goal.firstActivity + a;
            const Activity& activity = model.activities[static_cast<std::size_t>(index)];
            xml.start("activity");
            xml.attribute("id", model.activityId(index));
            xml.attribute("due", activity.due);
            if (activity.status != ActivityStatus::planned) {
                xml.attribute("status", activityStatusName(activity.status));
            }
            text.clear();
            prose::activityTitle(text, random, theme);
            xml.element("title", text);
            if (random.percent(30)) {
                text.clear();
                text += "Aktiviteten är en del av arbetet med ";
                prose::compound(text, random);
                text += " inom förvaltningen.";
                xml.paragraph("description", text);
            }
            xml.element("owner", random.pick(ownerRoles()));
            xml.end();
        }
        xml.end();
    }

    for (int r = 1; r <= plan.riskCount; ++r) {
        IdText riskId;
        riskId << node.id << "-risk";
        riskId.number(r);
        xml.start("risk");
        xml.attribute("id", riskId);
        xml.attribute("likelihood", static_cast<std::int64_t>(random.between(1, 5)));
        xml.attribute("consequence", static_cast<std::int64_t>(random.between(1, 5)));
        xml.attribute("goal", model.goalId(plan.firstGoal + random.between(0, plan.goalCount - 1)));
        const std::size_t risk = random.index(risks().size());
        xml.element("description", risks()[risk]);
        if (random.percent(80)) {
            xml.element("mitigation", mitigations()[risk]);
        }
        xml.end();
    }

    xml.start("budget");
    for (std::size_t y = 0; y < plan.costs.size(); ++y) {
        xml.start("frame");
        xml.attribute("year",
                      static_cast<std::int64_t>(Model::periodFrom) + static_cast<std::int64_t>(y));
        xml.attribute("revenues", plan.revenues[y]);
        xml.attribute("costs", plan.costs[y]);
        xml.attribute("net", plan.revenues[y] - plan.costs[y]);
        xml.end();
    }
    text.clear();
    text += "Ramen för 2026 och 2027 är preliminär och räknas upp med ";
    prose::decimal(text, Decimal{random.between(10, 45), 1});
    text += " procent per år.";
    xml.paragraph("comment", text);
    xml.end();

    text.clear();
    prose::analysis(text, random, "verksamhetens nyckeltal");
    xml.paragraph("analysis", text);
    xml.close();
}

} // namespace rodtrad::bench
