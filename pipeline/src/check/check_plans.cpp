#include "check/checks.h"
#include "check/plan_model.h"

#include <algorithm>
#include <map>
#include <set>

namespace rodtrad {
namespace {

// Checks one indicator definition on its own: thresholds on the right side of the target,
// the named weight a weighted average needs, targets within the plan's years.
void checkIndicator(const CheckContext& context, const Document& doc, pugi::xml_node indicator,
                    int firstYear, int lastYear) {
    Reporter& report = context.report;
    const std::string id = indicator.attribute("id").value();
    const bool higher = std::string_view(indicator.attribute("direction").value()) == "higher";
    for (pugi::xml_node target : indicator.children("target")) {
        const int year = target.attribute("year").as_int();
        if (year < firstYear || year > lastYear) {
            report.warning(doc, target, "year", "period.target-outside",
                           "target for " + std::to_string(year) + " of indicator " + quote(id) +
                               " lies outside the plan's years " + std::to_string(firstYear) + "–" +
                               std::to_string(lastYear));
        }
        if (pugi::xml_attribute yellow = target.attribute("yellow")) {
            const double value = target.attribute("value").as_double();
            const double limit = yellow.as_double();
            if (higher ? limit > value : limit < value) {
                report.error(doc, target, "yellow", "indicator.threshold-order",
                             "the yellow limit " + std::string(yellow.value()) + " of " +
                                 quote(id) + " is better than its target " +
                                 target.attribute("value").value() + " (direction " +
                                 (higher ? "higher" : "lower") + " is better)");
            }
        }
    }
    const pugi::xml_node baseline = indicator.child("baseline");
    int firstTargetYear = 0;
    for (pugi::xml_node target : indicator.children("target")) {
        const int year = target.attribute("year").as_int();
        firstTargetYear = firstTargetYear == 0 ? year : std::min(firstTargetYear, year);
    }
    if (baseline && firstTargetYear != 0 &&
        baseline.attribute("year").as_int() >= firstTargetYear) {
        report.warning(doc, baseline, "year", "period.baseline",
                       "the baseline of " + quote(id) + " is not before its first target");
    }
    const pugi::xml_node consolidation = indicator.child("consolidation");
    const std::string_view formula = consolidation.attribute("formula").value();
    const bool weighted = formula == "weighted-average";
    if (weighted && !consolidation.attribute("weight")) {
        report.error(doc, consolidation, "indicator.weight-missing",
                     "weighted-average consolidation of " + quote(id) +
                         " needs the name of its weight (weight=\"...\")");
    } else if (!weighted && consolidation.attribute("weight")) {
        report.warning(doc, consolidation, "weight", "indicator.weight-unused",
                       "the weight is used only by weighted-average consolidation");
    }
}

void checkAssessment(const CheckContext& context, const Document& doc) {
    Reporter& report = context.report;
    const pugi::xml_node assessment = doc.root().child("assessment");
    const pugi::xml_node scale = assessment.child("scale");
    std::map<std::string, int> rankOf;
    std::set<int> ranks;
    for (pugi::xml_node level : scale.children("level")) {
        const int rank = level.attribute("rank").as_int();
        if (!ranks.insert(rank).second) {
            report.error(doc, level, "rank", "assessment.rank-duplicate",
                         "two levels of the scale have rank " + std::to_string(rank));
        }
        rankOf[level.attribute("id").value()] = rank;
        bool swedish = false;
        for (pugi::xml_node label : level.children("label")) {
            swedish = swedish || std::string_view(label.attribute("lang").value()) == "sv";
        }
        if (!swedish) {
            report.warning(doc, level, "assessment.label",
                           "level " + quote(level.attribute("id").value()) +
                               " has no Swedish label (lang=\"sv\")");
        }
    }
    const std::string notAssessable = scale.child("notAssessable").attribute("id").value();
    for (pugi::xml_node rule : assessment.children("rule")) {
        const std::string_view kind = rule.attribute("kind").value();
        const bool byShare = kind == "share" || kind == "weighted";
        double previousShare = 2.0;
        int previousRank = 1 << 30;
        for (pugi::xml_node level : rule.children("level")) {
            const std::string id = level.attribute("level").value();
            if (id == notAssessable) {
                report.error(doc, level, "level", "assessment.rule-level",
                             "a rule cannot yield " + quote(id) +
                                 "; a goal is not assessable only when too few indicators have "
                                 "an outcome");
                continue;
            }
            const auto rank = rankOf.find(id);
            if (rank == rankOf.end()) {
                continue; // the schema's keyref reports it
            }
            if (rank->second >= previousRank) {
                report.error(doc, level, "level", "assessment.rule-order",
                             "rule " + quote(rule.attribute("id").value()) +
                                 " must list the levels from the best down");
            }
            previousRank = rank->second;
            const bool lowest = !level.next_sibling("level");
            if (byShare && !level.attribute("minShare") && !lowest) {
                report.error(doc, level, "assessment.rule-incomplete",
                             "a " + std::string(kind) +
                                 " rule needs minShare on every level but the lowest");
            } else if (byShare && level.attribute("minShare")) {
                const double share = level.attribute("minShare").as_double();
                if (share >= previousShare) {
                    report.error(doc, level, "minShare", "assessment.rule-order",
                                 "minShare must fall from the best level down");
                }
                previousShare = share;
            }
            if (kind == "worst-of" && !level.attribute("status")) {
                report.error(doc, level, "assessment.rule-incomplete",
                             "a worst-of rule needs the indicator status (green, yellow, red) "
                             "each level stands for");
            }
        }
    }
}

void checkStrategicPlan(const CheckContext& context, const Document& doc) {
    const pugi::xml_node root = doc.root();
    const int from = root.child("period").attribute("from").as_int();
    const int to = root.child("period").attribute("to").as_int();
    if (from > to) {
        context.report.error(doc, root.child("period"), "period.range",
                             "the plan period ends before it starts");
    }
    checkAssessment(context, doc);
    for (pugi::xml_node perspective : root.children("perspective")) {
        for (pugi::xml_node goal : perspective.children("councilGoal")) {
            for (pugi::xml_node indicator : goal.children("indicator")) {
                checkIndicator(context, doc, indicator, from, to);
            }
        }
    }
    for (pugi::xml_node frame : root.child("budget").children("frame")) {
        const std::string unit = frame.attribute("unit").value();
        if (!context.index.find(context.index.units, unit)) {
            context.report.error(doc, frame, "unit", "ref.unit",
                                 "unit " + quote(unit) + " is not in the organisation");
        }
    }
}

void checkGoalParent(const CheckContext& context, const Document& doc, pugi::xml_node goal,
                     std::string_view planUnit, std::string_view strategicPlanId) {
    const WorkspaceIndex& index = context.index;
    Reporter& report = context.report;
    const std::string id = goal.attribute("id").value();
    const std::string parent = goal.attribute("parent").value();
    const Located parentAt = index.goal(parent);
    if (!parentAt) {
        report.error(doc, goal, "parent", "ref.goal",
                     "goal " + quote(id) + " breaks down " + quote(parent) +
                         ", which is no council goal or plan goal in the workspace");
        return;
    }
    if (goalChainContains(index, parent, id)) {
        report.error(doc, goal, "parent", "goal.cycle",
                     "goal " + quote(id) + " is its own ancestor through " + quote(parent));
        return;
    }
    // Council goals cover the whole municipal group; a plan goal is broken down only by units
    // below (or in) the unit that owns it.
    const std::string owner = index.goalOwner(parent);
    if (parentAt.doc->kind != DocumentKind::strategicPlan &&
        !index.isAncestorOrSelf(owner, planUnit) && index.find(index.units, planUnit)) {
        report.error(doc, goal, "parent", "goal.breakdown",
                     "goal " + quote(id) + " breaks down " + quote(parent) + " of " + quote(owner) +
                         ", which is not above " + quote(planUnit) + " in the organisation");
    }
    if (parentAt.doc->kind == DocumentKind::strategicPlan &&
        parentAt.doc->id() != strategicPlanId) {
        report.error(doc, goal, "parent", "goal.breakdown",
                     "goal " + quote(id) + " breaks down a council goal of " +
                         quote(parentAt.doc->id()) + ", not of the plan's strategic plan " +
                         quote(strategicPlanId));
    }
}

void checkOperationalPlan(const CheckContext& context, const Document& doc,
                          std::map<std::pair<std::string, int>, const Document*>& planOf) {
    const WorkspaceIndex& index = context.index;
    Reporter& report = context.report;
    const pugi::xml_node root = doc.root();
    const std::string unit = root.child("header").child_value("unit");
    const int year = root.child("year").text().as_int();
    const std::string strategicId = root.child("strategicPlan").attribute("ref").value();

    const auto [existing, fresh] = planOf.try_emplace({unit, year}, &doc);
    if (!fresh) {
        report.error(doc, root.child("header").child("unit"), "plan.duplicate",
                     "unit " + quote(unit) + " already has a plan for " + std::to_string(year) +
                         ": " + existing->second->path);
    }
    int from = year;
    int to = year;
    const Located strategic = index.find(index.strategicPlans, strategicId);
    if (!strategic) {
        report.error(doc, root.child("strategicPlan"), "ref", "ref.strategic-plan",
                     "strategic plan " + quote(strategicId) + " is not in the workspace");
    } else {
        const pugi::xml_node period = strategic.node.child("period");
        from = period.attribute("from").as_int();
        to = period.attribute("to").as_int();
        if (year < from || year > to) {
            report.error(doc, root.child("year"), "period.plan-year",
                         "the plan is for " + std::to_string(year) + ", outside " +
                             quote(strategicId) + "'s period " + std::to_string(from) + "–" +
                             std::to_string(to));
        }
    }
    for (pugi::xml_node goal : root.children("goal")) {
        checkGoalParent(context, doc, goal, unit, strategicId);
        for (pugi::xml_node indicator : goal.children("indicator")) {
            checkIndicator(context, doc, indicator, from, to);
        }
        for (pugi::xml_node ref : goal.children("indicatorRef")) {
            const std::string id = ref.attribute("ref").value();
            const Located indicator = index.find(index.indicators, id);
            if (!indicator) {
                report.error(doc, ref, "ref", "ref.indicator",
                             "indicator " + quote(id) + " is not defined in the workspace");
                continue;
            }
            const std::string owner = owningGoal(indicator).attribute("id").value();
            // A broken chain is reported where it breaks, not again for every indicator.
            if (goalChainComplete(index, goal.attribute("parent").value()) &&
                !goalChainContains(index, goal.attribute("parent").value(), owner)) {
                report.warning(doc, ref, "ref", "indicator.not-inherited",
                               "indicator " + quote(id) + " belongs to goal " + quote(owner) +
                                   ", which goal " + quote(goal.attribute("id").value()) +
                                   " does not break down");
            }
        }
        for (pugi::xml_node activity : goal.children("activity")) {
            const auto due = Date::parse(activity.attribute("due").value());
            if (due && due->year != year) {
                report.warning(doc, activity, "due", "period.activity-due",
                               "activity " + quote(activity.attribute("id").value()) +
                                   " is due in " + std::to_string(due->year) +
                                   ", outside the plan year " + std::to_string(year));
            }
        }
    }
    for (pugi::xml_node frame : root.child("budget").children("frame")) {
        const int frameYear = frame.attribute("year").as_int();
        if (frameYear < year || frameYear > to) {
            report.warning(doc, frame, "year", "period.budget-year",
                           "budget frame for " + std::to_string(frameYear) +
                               " lies outside the plan's years");
        }
    }
}

} // namespace

void checkPlans(const CheckContext& context) {
    const auto& ws = context.index.workspace;
    for (const Document* doc : ws.ofKind(DocumentKind::strategicPlan)) {
        checkStrategicPlan(context, *doc);
    }
    std::map<std::pair<std::string, int>, const Document*> planOf;
    for (const Document* doc : ws.ofKind(DocumentKind::operationalPlan)) {
        checkOperationalPlan(context, *doc, planOf);
    }
}

} // namespace rodtrad
