#include "check/checks.h"
#include "check/plan_model.h"
#include "model/period.h"

#include <map>
#include <set>

namespace rodtrad {
namespace {

// The strategic plan a follow-up is judged against: the one its operational plan refers to.
// The strategic plan a follow-up is judged against: the one its operational plan refers to, or
// the plan itself when the follow-up is the council's own of the strategic plan.
pugi::xml_node strategicPlanOf(const WorkspaceIndex& index, pugi::xml_node plan) {
    if (std::string_view(plan.name()) == "strategicPlan") {
        return plan;
    }
    const Located at =
        index.find(index.strategicPlans, plan.child("strategicPlan").attribute("ref").value());
    return at ? at.node : pugi::xml_node();
}

void checkOutcomes(const CheckContext& context, const Document& doc, pugi::xml_node plan,
                   int periodYear) {
    const WorkspaceIndex& index = context.index;
    Reporter& report = context.report;
    const pugi::xml_node root = doc.root();
    const std::set<std::string> measured = planIndicators(plan);
    std::set<std::string> weights;
    for (pugi::xml_node weight : root.children("weight")) {
        weights.insert(weight.attribute("name").value());
    }
    std::set<std::string> missingWeights;
    for (pugi::xml_node outcome : root.children("outcome")) {
        const std::string id = outcome.attribute("indicator").value();
        const Located indicator = index.find(index.indicators, id);
        if (!indicator) {
            report.error(doc, outcome, "indicator", "ref.indicator",
                         "indicator " + quote(id) + " is not defined in the workspace");
            continue;
        }
        if (measured.count(id) == 0) {
            report.error(doc, outcome, "indicator", "followup.indicator",
                         "indicator " + quote(id) + " is not measured by plan " +
                             quote(plan.child("header").child_value("id")));
        }
        const int year = outcome.attribute("year").as_int();
        if (year > periodYear) {
            report.error(doc, outcome, "year", "period.outcome-future",
                         "outcome for " + std::to_string(year) + " in a follow-up of " +
                             std::to_string(periodYear));
        }
        const bool split = indicator.node.attribute("genderSplit").as_bool();
        if (outcome.child("split") && !split) {
            report.warning(doc, outcome.child("split"), "outcome.split-unexpected",
                           "indicator " + quote(id) + " is not split by gender");
        }
        if (!outcome.attribute("value") && outcome.child("split").attribute("value")) {
            report.warning(doc, outcome, "outcome.total-missing",
                           "outcome of " + quote(id) + " has values by gender but no total value");
        }
        // Values consolidate upwards with their weights; the strategic plan's are at the top.
        const pugi::xml_node consolidation = indicator.node.child("consolidation");
        if (std::string_view(plan.name()) != "strategicPlan" &&
            std::string_view(consolidation.attribute("formula").value()) == "weighted-average") {
            const std::string weight = consolidation.attribute("weight").value();
            if (!weight.empty() && weights.count(weight) == 0 &&
                missingWeights.insert(weight).second) {
                report.warning(doc, outcome, "followup.weight-missing",
                               "indicator " + quote(id) + " consolidates weighted by " +
                                   quote(weight) + ", which this follow-up does not report");
            }
        }
    }
}

void checkFollowUp(const CheckContext& context, const Document& doc,
                   std::map<std::pair<std::string, std::string>, const Document*>& seen) {
    const WorkspaceIndex& index = context.index;
    Reporter& report = context.report;
    const pugi::xml_node root = doc.root();
    const std::string planId = root.child("plan").attribute("ref").value();
    const pugi::xml_node periodNode = root.child("period");
    const int periodYear = periodNode.attribute("year").as_int();
    const auto kind = parsePeriodKind(periodNode.attribute("kind").value());
    const std::string periodId = kind ? Period{periodYear, *kind}.id() : "";

    const auto [existing, fresh] = seen.try_emplace({planId, periodId}, &doc);
    if (!fresh) {
        report.error(doc, periodNode, "followup.duplicate",
                     "plan " + quote(planId) + " already has a follow-up for " + periodId + ": " +
                         existing->second->path);
    }
    Located planAt = index.find(index.operationalPlans, planId);
    if (!planAt) {
        planAt = index.find(index.strategicPlans, planId);
    }
    if (!planAt) {
        report.error(doc, root.child("plan"), "ref", "ref.plan",
                     "plan " + quote(planId) + " is not in the workspace");
        return;
    }
    const pugi::xml_node plan = planAt.node;
    const std::string planUnit = plan.child("header").child_value("unit");
    const std::string unit = root.child("header").child_value("unit");
    if (unit != planUnit) {
        report.error(doc, root.child("header").child("unit"), "followup.unit",
                     "the follow-up belongs to " + quote(unit) + " but plan " + quote(planId) +
                         " to " + quote(planUnit));
    }
    const bool strategic = planAt.doc->kind == DocumentKind::strategicPlan;
    const int firstYear = strategic ? plan.child("period").attribute("from").as_int()
                                    : plan.child("year").text().as_int();
    const int lastYear = strategic ? plan.child("period").attribute("to").as_int() : firstYear;
    if (periodYear < firstYear || periodYear > lastYear) {
        report.error(doc, periodNode, "year", "period.followup-year",
                     "a follow-up of " + std::to_string(periodYear) + " for a plan of " +
                         std::to_string(firstYear) +
                         (lastYear != firstYear ? "–" + std::to_string(lastYear) : ""));
    }
    checkOutcomes(context, doc, plan, periodYear);

    std::set<std::string> activities;
    std::set<std::string> goals;
    for (pugi::xml_node goal : planGoals(plan)) {
        goals.insert(goal.attribute("id").value());
        for (pugi::xml_node activity : goal.children("activity")) {
            activities.insert(activity.attribute("id").value());
        }
    }
    for (pugi::xml_node activityReport : root.children("activityReport")) {
        const std::string id = activityReport.attribute("activity").value();
        if (activities.count(id) == 0) {
            report.error(doc, activityReport, "activity", "ref.activity",
                         "activity " + quote(id) + " is not in plan " + quote(planId));
        }
    }
    const std::set<std::string> levels = scaleLevels(strategicPlanOf(index, plan));
    for (pugi::xml_node assessment : root.children("goalAssessment")) {
        const std::string goal = assessment.attribute("goal").value();
        if (goals.count(goal) == 0) {
            report.error(doc, assessment, "goal", "ref.goal",
                         "goal " + quote(goal) + " is not a goal of plan " + quote(planId));
        }
        const std::string level = assessment.attribute("level").value();
        if (levels.count(level) == 0) {
            std::string known;
            for (const auto& l : levels) {
                known += known.empty() ? l : ", " + l;
            }
            report.error(doc, assessment, "level", "assessment.level",
                         "level " + quote(level) + " is not on the assessment scale (" + known +
                             ")");
        }
    }
    for (pugi::xml_node analysis : root.children("analysis")) {
        const std::string goal = analysis.attribute("goal").value();
        if (!goal.empty() && goals.count(goal) == 0) {
            report.error(doc, analysis, "goal", "ref.goal",
                         "goal " + quote(goal) + " is not a goal of plan " + quote(planId));
        }
    }
}

} // namespace

void checkFollowUps(const CheckContext& context) {
    std::map<std::pair<std::string, std::string>, const Document*> seen;
    for (const Document* doc : context.index.workspace.ofKind(DocumentKind::followUp)) {
        checkFollowUp(context, *doc, seen);
    }
}

} // namespace rodtrad
