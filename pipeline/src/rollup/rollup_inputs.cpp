#include "rollup/rollup_inputs.h"

#include "rodtrad/error.h"
#include "rollup/number_format.h"

#include <algorithm>
#include <set>

namespace rodtrad {

RollupInputs::RollupInputs(const WorkspaceIndex& workspaceIndex, Period rollupPeriod)
    : index(workspaceIndex), period(rollupPeriod) {
    gatherUnits();
    gatherStrategicPlan();
    gatherPlans();
    gatherFollowUps();
    for (const auto& doc : index.workspace.documents) {
        if (doc->kind != DocumentKind::objectivesProgramme) {
            continue;
        }
        for (pugi::xml_node objective : doc->root().children("objective")) {
            if (pugi::xml_attribute goal = objective.attribute("councilGoal")) {
                objectivesByGoal_[goal.value()].push_back({doc.get(), objective});
            }
            if (pugi::xml_attribute parent = objective.attribute("parent")) {
                objectivesByParent_[parent.value()].push_back({doc.get(), objective});
            }
        }
    }
}

std::uint64_t RollupInputs::key(int indicator, int unit, int year) {
    return (static_cast<std::uint64_t>(indicator) << 40) |
           (static_cast<std::uint64_t>(unit) << 12) | static_cast<std::uint64_t>(year & 0xFFF);
}

int RollupInputs::intern(const std::string& id) {
    const auto [it, fresh] = indicatorIndex_.try_emplace(id, static_cast<int>(years_.size()));
    if (fresh) {
        years_.emplace_back();
        relevant_.emplace_back();
        relevantChildren_.emplace_back();
    }
    return it->second;
}

int RollupInputs::indicatorIndex(const std::string& id) const {
    const auto it = indicatorIndex_.find(id);
    return it == indicatorIndex_.end() ? -1 : it->second;
}

int RollupInputs::unitOf(const std::string& id) const {
    const auto it = unitIndex.find(id);
    return it == unitIndex.end() ? -1 : it->second;
}

void RollupInputs::gatherUnits() {
    if (index.organisation == nullptr) {
        throw InputError("the workspace has no organisation document");
    }
    // Pre-order walk without recursion, children in document order.
    std::vector<std::pair<pugi::xml_node, int>> stack{
        {index.organisation->root().child("unit"), -1}};
    while (!stack.empty()) {
        const auto [node, parent] = stack.back();
        stack.pop_back();
        RollupUnit unit;
        unit.id = node.attribute("id").value();
        unit.type = node.attribute("type").value();
        unit.name = node.child_value("name");
        unit.parent = parent;
        unit.node = node;
        unit.order = static_cast<int>(units.size());
        unit.depth = parent < 0 ? 0 : units[static_cast<std::size_t>(parent)].depth + 1;
        const int self = static_cast<int>(units.size());
        if (parent >= 0) {
            units[static_cast<std::size_t>(parent)].children.push_back(self);
        }
        unitIndex.emplace(unit.id, self);
        units.push_back(std::move(unit));
        std::vector<pugi::xml_node> children;
        for (pugi::xml_node child : node.children("unit")) {
            children.push_back(child);
        }
        for (auto it = children.rbegin(); it != children.rend(); ++it) {
            stack.emplace_back(*it, self);
        }
    }
}

void RollupInputs::addIndicator(pugi::xml_node node, const Document& doc, const std::string& goal,
                                int unit) {
    IndicatorDefinition def;
    def.id = node.attribute("id").value();
    def.index = intern(def.id);
    def.at = {&doc, node};
    def.goal = goal;
    def.unit = unit;
    def.direction = std::string_view(node.attribute("direction").value()) == "lower"
                        ? Direction::lower
                        : Direction::higher;
    const pugi::xml_node consolidation = node.child("consolidation");
    def.formula = parseFormula(consolidation.attribute("formula").value()).value_or(Formula::own);
    def.weightName = consolidation.attribute("weight").value();
    def.decimals = node.attribute("decimals").as_int(1);
    def.weight = node.attribute("weight").as_double(1.0);
    if (const pugi::xml_node thresholds = node.child("thresholds")) {
        def.band.margin = parseDecimal(thresholds.attribute("yellowMargin").value());
        def.band.marginIsPercent =
            std::string_view(thresholds.attribute("kind").value()) != "absolute";
    }
    for (pugi::xml_node target : node.children("target")) {
        IndicatorDefinition::Target t;
        t.value = parseDecimal(target.attribute("value").value()).value_or(0);
        t.yellow = parseDecimal(target.attribute("yellow").value());
        t.node = target;
        def.targets[target.attribute("year").as_int()] = t;
    }
    indicators.emplace(def.id, std::move(def));
}

void RollupInputs::gatherStrategicPlan() {
    for (const Document* doc : index.workspace.ofKind(DocumentKind::strategicPlan)) {
        const pugi::xml_node span = doc->root().child("period");
        if (span.attribute("from").as_int() <= period.year &&
            period.year <= span.attribute("to").as_int()) {
            if (strategicPlan != nullptr) {
                throw InputError("both " + strategicPlan->path + " and " + doc->path + " cover " +
                                 std::to_string(period.year));
            }
            strategicPlan = doc;
        }
    }
    if (strategicPlan == nullptr) {
        throw InputError("no strategic plan in the workspace covers " +
                         std::to_string(period.year));
    }
    const pugi::xml_node root = strategicPlan->root();
    const pugi::xml_node assessment = root.child("assessment");
    for (pugi::xml_node level : assessment.child("scale").children("level")) {
        scale.levels.push_back({level.attribute("id").value(), level.attribute("rank").as_int()});
    }
    scale.notAssessable = assessment.child("scale").child("notAssessable").attribute("id").value();
    defaultRule = assessment.attribute("defaultRule").value();
    for (pugi::xml_node ruleNode : assessment.children("rule")) {
        AssessmentRule rule;
        rule.id = ruleNode.attribute("id").value();
        const std::string_view kind = ruleNode.attribute("kind").value();
        rule.kind = kind == "worst-of"   ? RuleKind::worstOf
                    : kind == "weighted" ? RuleKind::weighted
                                         : RuleKind::share;
        rule.minAssessable = ruleNode.attribute("minAssessable").as_double(0.5);
        for (pugi::xml_node level : ruleNode.children("level")) {
            RuleLevel ruleLevel;
            ruleLevel.level = level.attribute("level").value();
            ruleLevel.minShare = parseDecimal(level.attribute("minShare").value());
            const std::string_view status = level.attribute("status").value();
            if (status == "green") {
                ruleLevel.status = IndicatorStatus::green;
            } else if (status == "yellow") {
                ruleLevel.status = IndicatorStatus::yellow;
            } else if (status == "red") {
                ruleLevel.status = IndicatorStatus::red;
            }
            rule.levels.push_back(ruleLevel);
        }
        rules.emplace(rule.id, std::move(rule));
    }
    // Council goals are the whole municipal group's: they are evaluated at the top of the
    // organisation, whichever body owns the plan document.
    const int top = 0;
    for (pugi::xml_node perspective : root.children("perspective")) {
        for (pugi::xml_node goalNode : perspective.children("councilGoal")) {
            RollupGoal goal;
            goal.id = goalNode.attribute("id").value();
            goal.at = {strategicPlan, goalNode};
            goal.unit = top;
            goal.council = true;
            goal.rule = goalNode.attribute("rule").value();
            for (pugi::xml_node indicator : goalNode.children("indicator")) {
                addIndicator(indicator, *strategicPlan, goal.id, top);
            }
            goals.emplace(goal.id, std::move(goal));
        }
    }
}

void RollupInputs::gatherPlans() {
    const std::string strategicId = strategicPlan->id();
    for (const Document* doc : index.workspace.ofKind(DocumentKind::operationalPlan)) {
        const pugi::xml_node root = doc->root();
        if (root.child("year").text().as_int() != period.year ||
            strategicId != root.child("strategicPlan").attribute("ref").value()) {
            continue;
        }
        if (unitOf(root.child("header").child_value("unit")) >= 0) {
            plans.push_back(doc);
        }
    }
    std::stable_sort(plans.begin(), plans.end(), [&](const Document* a, const Document* b) {
        return units[static_cast<std::size_t>(
                         unitOf(a->root().child("header").child_value("unit")))]
                   .order < units[static_cast<std::size_t>(
                                      unitOf(b->root().child("header").child_value("unit")))]
                                .order;
    });
    for (const Document* doc : plans) {
        const int unit = unitOf(doc->root().child("header").child_value("unit"));
        for (pugi::xml_node goalNode : doc->root().children("goal")) {
            RollupGoal goal;
            goal.id = goalNode.attribute("id").value();
            goal.at = {doc, goalNode};
            goal.unit = unit;
            goal.rule = goalNode.attribute("rule").value();
            for (pugi::xml_node indicator : goalNode.children("indicator")) {
                addIndicator(indicator, *doc, goal.id, unit);
            }
            goals.emplace(goal.id, std::move(goal));
        }
    }
    for (const Document* doc : plans) {
        for (pugi::xml_node goalNode : doc->root().children("goal")) {
            const auto parent = goals.find(goalNode.attribute("parent").value());
            if (parent != goals.end()) {
                parent->second.children.push_back(goalNode.attribute("id").value());
            }
        }
    }
}

void RollupInputs::gatherFollowUps() {
    struct Candidate {
        const Document* doc;
        int unit;
        int rank;
    };
    std::vector<Candidate> followUps;
    const std::string strategicId = strategicPlan->id();
    std::set<std::string> planIds{strategicId};
    for (const Document* plan : plans) {
        planIds.insert(plan->id());
    }
    for (const Document* doc : index.workspace.ofKind(DocumentKind::followUp)) {
        const pugi::xml_node root = doc->root();
        const pugi::xml_node periodNode = root.child("period");
        const auto kind = parsePeriodKind(periodNode.attribute("kind").value());
        if (!kind || periodNode.attribute("year").as_int() != period.year ||
            planIds.count(root.child("plan").attribute("ref").value()) == 0) {
            continue;
        }
        const Period of{period.year, *kind};
        if (period < of) {
            continue; // a later period than the one rolled up
        }
        // The follow-up of the strategic plan reports for the whole group.
        const int unit = strategicId == root.child("plan").attribute("ref").value()
                             ? 0
                             : unitOf(root.child("header").child_value("unit"));
        if (unit >= 0) {
            followUps.push_back({doc, unit, static_cast<int>(*kind)});
        }
    }
    // Earlier periods first, so the period's own follow-up has the last word.
    std::stable_sort(followUps.begin(), followUps.end(),
                     [](const Candidate& a, const Candidate& b) { return a.rank < b.rank; });
    for (const Candidate& candidate : followUps) {
        const pugi::xml_node root = candidate.doc->root();
        if (candidate.rank == static_cast<int>(period.kind)) {
            followUpOf[candidate.unit] = candidate.doc;
            for (pugi::xml_node assessment : root.children("goalAssessment")) {
                assessments_[{candidate.unit, assessment.attribute("goal").value()}] = assessment;
            }
            for (pugi::xml_node analysis : root.children("analysis")) {
                analyses_.try_emplace({candidate.unit, analysis.attribute("goal").value()},
                                      analysis);
            }
        }
        for (pugi::xml_node weight : root.children("weight")) {
            if (const auto value = parseDecimal(weight.attribute("value").value())) {
                weights_[candidate.unit][weight.attribute("name").value()] = *value;
            }
        }
        for (pugi::xml_node outcome : root.children("outcome")) {
            const int indicator = intern(outcome.attribute("indicator").value());
            const int year = outcome.attribute("year").as_int();
            if (year > period.year) {
                continue;
            }
            ReportedOutcome reportedOutcome;
            reportedOutcome.value = parseDecimal(outcome.attribute("value").value());
            reportedOutcome.doc = candidate.doc;
            reportedOutcome.node = outcome;
            reportedOutcome.periodRank = candidate.rank;
            const auto [it, fresh] =
                outcomes_.insert_or_assign(key(indicator, candidate.unit, year), reportedOutcome);
            static_cast<void>(it);
            if (fresh) {
                years_[static_cast<std::size_t>(indicator)].push_back(year);
                // Mark the path up from the reporter; a unit newly on it joins its parent's
                // list of children to consolidate, so nobody iterates children without data.
                auto& paths = relevant_[static_cast<std::size_t>(indicator)];
                auto& below = relevantChildren_[static_cast<std::size_t>(indicator)];
                for (int u = candidate.unit; u >= 0 && paths.insert(u).second;
                     u = units[static_cast<std::size_t>(u)].parent) {
                    const int parent = units[static_cast<std::size_t>(u)].parent;
                    if (parent >= 0) {
                        below[parent].push_back(u);
                    }
                }
            }
        }
        for (pugi::xml_node activity : root.children("activityReport")) {
            activityReports_[activity.attribute("activity").value()] = {
                activity.attribute("status").value(), activity};
        }
    }
    for (auto& years : years_) {
        std::sort(years.begin(), years.end());
        years.erase(std::unique(years.begin(), years.end()), years.end());
    }
    // In organisation order, as the tree has them.
    for (auto& byUnit : relevantChildren_) {
        for (auto& [parent, children] : byUnit) {
            std::sort(children.begin(), children.end());
        }
    }
}

const ReportedOutcome* RollupInputs::reported(int indicator, int unit, int year) const {
    const auto it = outcomes_.find(key(indicator, unit, year));
    return it == outcomes_.end() ? nullptr : &it->second;
}

std::optional<double> RollupInputs::weightOf(int unit, const std::string& name) const {
    const auto it = weights_.find(unit);
    if (it == weights_.end()) {
        return std::nullopt;
    }
    const auto weight = it->second.find(name);
    return weight == it->second.end() ? std::nullopt : std::optional<double>(weight->second);
}

const std::vector<int>& RollupInputs::outcomeYears(int indicator) const {
    static const std::vector<int> none;
    return indicator < 0 ? none : years_[static_cast<std::size_t>(indicator)];
}

const std::vector<int>& RollupInputs::relevantChildren(int indicator, int unit) const {
    static const std::vector<int> none;
    if (indicator < 0) {
        return none;
    }
    const auto& byUnit = relevantChildren_[static_cast<std::size_t>(indicator)];
    const auto it = byUnit.find(unit);
    return it == byUnit.end() ? none : it->second;
}

bool RollupInputs::relevant(int indicator, int unit) const {
    return indicator >= 0 && relevant_[static_cast<std::size_t>(indicator)].count(unit) != 0;
}

std::pair<std::string_view, pugi::xml_node>
RollupInputs::activityStatus(pugi::xml_node activity) const {
    const auto it = activityReports_.find(activity.attribute("id").value());
    if (it != activityReports_.end()) {
        return it->second;
    }
    const std::string_view planned = activity.attribute("status").value();
    return {planned.empty() ? std::string_view("planned") : planned, activity};
}

pugi::xml_node RollupInputs::manualAssessment(const std::string& goal, int unit) const {
    const auto it = assessments_.find({unit, goal});
    return it == assessments_.end() ? pugi::xml_node() : it->second;
}

pugi::xml_node RollupInputs::analysis(const std::string& goal, int unit) const {
    const auto it = analyses_.find({unit, goal});
    return it == analyses_.end() ? pugi::xml_node() : it->second;
}

std::vector<Located> RollupInputs::objectivesOf(const std::string& councilGoal) const {
    const auto it = objectivesByGoal_.find(councilGoal);
    return it == objectivesByGoal_.end() ? std::vector<Located>{} : it->second;
}

std::vector<Located> RollupInputs::objectivesUnder(const std::string& objective) const {
    const auto it = objectivesByParent_.find(objective);
    return it == objectivesByParent_.end() ? std::vector<Located>{} : it->second;
}

} // namespace rodtrad
