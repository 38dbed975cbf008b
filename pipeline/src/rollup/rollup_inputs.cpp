#include "rollup/rollup_inputs.h"

#include "rodtrad/error.h"
#include "rollup/number_format.h"

#include <algorithm>
#include <set>
#include <tuple>

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

namespace {

// The element a unit reported in a list by unit, or null; const or not as the list is.
template <typename ByUnit> auto* entryFor(ByUnit& byUnit, int unit) {
    for (auto& [reporter, node] : byUnit) {
        if (reporter == unit) {
            return &node;
        }
    }
    return static_cast<decltype(&byUnit.front().second)>(nullptr);
}

} // namespace

void appendSource(std::string& out, const Document& doc, pugi::xml_node node) {
    out += doc.relativePath;
    const std::string_view id = node.attribute("id").value();
    if (!id.empty()) {
        out += '#';
        out += id;
    } else {
        out += ':';
        out += std::to_string(doc.position(node).line);
    }
}

const IndicatorDefinition::Target* IndicatorDefinition::targetFor(int year) const {
    const auto it = std::lower_bound(targets.begin(), targets.end(), year,
                                     [](const auto& target, int y) { return target.first < y; });
    return it != targets.end() && it->first == year ? &it->second : nullptr;
}

int RollupInputs::intern(std::string_view id) {
    if (const auto it = indicatorIndex_.find(id); it != indicatorIndex_.end()) {
        return it->second;
    }
    const int interned = static_cast<int>(data_.size());
    indicatorIndex_.emplace(std::string(id), interned);
    data_.emplace_back();
    return interned;
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
        def.targets.emplace_back(target.attribute("year").as_int(), t);
    }
    std::stable_sort(def.targets.begin(), def.targets.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    def.name = node.child_value("name");
    def.measure = node.child_value("measure");
    def.kolada = node.attribute("kolada");
    def.genderSplit = node.attribute("genderSplit").as_bool();
    def.baseline = node.child("baseline");
    appendSource(def.source, doc, node);
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
    int sequence = 0;
    indicatorIndex_.reserve(indicators.size() * 2);
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
            // The last assessment of a goal stands; the first analysis.
            for (pugi::xml_node assessment : root.children("goalAssessment")) {
                ByUnit& byUnit = assessments_[assessment.attribute("goal").value()];
                if (pugi::xml_node* entry = entryFor(byUnit, candidate.unit)) {
                    *entry = assessment;
                } else {
                    byUnit.emplace_back(candidate.unit, assessment);
                }
            }
            for (pugi::xml_node analysis : root.children("analysis")) {
                ByUnit& byUnit = analyses_[analysis.attribute("goal").value()];
                if (entryFor(byUnit, candidate.unit) == nullptr) {
                    byUnit.emplace_back(candidate.unit, analysis);
                }
            }
        }
        for (pugi::xml_node weight : root.children("weight")) {
            if (const auto value = parseDecimal(weight.attribute("value").value())) {
                weights_[candidate.unit][weight.attribute("name").value()] = *value;
            }
        }
        // The hot loop of the rollup's reading: one pass over each outcome's attributes, and
        // the indicator looked up once for the run of years a follow-up reports it in.
        std::string_view lastIndicator;
        int lastIndex = -1;
        for (pugi::xml_node outcome : root.children("outcome")) {
            Reported reported;
            std::string_view indicatorId;
            int year = 0;
            for (pugi::xml_attribute a : outcome.attributes()) {
                const std::string_view name = a.name();
                if (name == "indicator") {
                    indicatorId = a.value();
                } else if (name == "year") {
                    year = a.as_int();
                } else if (name == "value") {
                    reported.outcome.valueText = a.value();
                } else if (name == "status") {
                    reported.outcome.status = a.value();
                } else if (name == "source") {
                    reported.outcome.source = a.value();
                }
            }
            if (year > period.year) {
                continue;
            }
            reported.unit = candidate.unit;
            reported.year = year;
            reported.sequence = sequence++;
            if (reported.outcome.valueText != nullptr) {
                reported.outcome.value = parseDecimal(reported.outcome.valueText);
            }
            reported.outcome.doc = candidate.doc;
            reported.outcome.node = outcome;
            if (lastIndex < 0 || indicatorId != lastIndicator) {
                lastIndicator = indicatorId;
                lastIndex = intern(indicatorId);
            }
            data_[static_cast<std::size_t>(lastIndex)].reported.push_back(reported);
        }
        for (pugi::xml_node activity : root.children("activityReport")) {
            activityReports_[activity.attribute("activity").value()] = {
                activity.attribute("status").value(), activity};
        }
    }
    for (IndicatorData& data : data_) {
        indexReports(data);
    }
}

void RollupInputs::indexReports(IndicatorData& data) const {
    auto& reported = data.reported;
    std::sort(reported.begin(), reported.end(), [](const Reported& a, const Reported& b) {
        return std::tie(a.unit, a.year, a.sequence) < std::tie(b.unit, b.year, b.sequence);
    });
    // Of several reports of one unit and year, the last read (the latest period) stands.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < reported.size(); ++i) {
        if (kept > 0 && reported[kept - 1].unit == reported[i].unit &&
            reported[kept - 1].year == reported[i].year) {
            reported[kept - 1] = reported[i];
        } else {
            reported[kept++] = reported[i];
        }
    }
    reported.resize(kept);
    for (const Reported& r : reported) {
        data.years.push_back(r.year);
    }
    std::sort(data.years.begin(), data.years.end());
    data.years.erase(std::unique(data.years.begin(), data.years.end()), data.years.end());
    // The paths up from the reporters; each unit on them is a relevant child of its parent.
    std::vector<std::pair<int, int>> edges; // parent, child
    for (std::size_t i = 0; i < reported.size(); ++i) {
        if (i > 0 && reported[i - 1].unit == reported[i].unit) {
            continue;
        }
        for (int u = reported[i].unit; u >= 0; u = units[static_cast<std::size_t>(u)].parent) {
            data.relevant.push_back(u);
            edges.emplace_back(units[static_cast<std::size_t>(u)].parent, u);
        }
    }
    std::sort(data.relevant.begin(), data.relevant.end());
    data.relevant.erase(std::unique(data.relevant.begin(), data.relevant.end()),
                        data.relevant.end());
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    for (const auto& [parent, child] : edges) {
        if (parent < 0) {
            continue;
        }
        if (data.parents.empty() || data.parents.back() != parent) {
            data.parents.push_back(parent);
            data.childBegin.push_back(static_cast<int>(data.children.size()));
        }
        data.children.push_back(child);
    }
    data.childBegin.push_back(static_cast<int>(data.children.size()));
}

const ReportedOutcome* RollupInputs::reported(int indicator, int unit, int year) const {
    if (indicator < 0) {
        return nullptr;
    }
    const auto& reported = data_[static_cast<std::size_t>(indicator)].reported;
    const auto it = std::lower_bound(reported.begin(), reported.end(), std::pair(unit, year),
                                     [](const Reported& r, const std::pair<int, int>& key) {
                                         return std::pair(r.unit, r.year) < key;
                                     });
    return it != reported.end() && it->unit == unit && it->year == year ? &it->outcome : nullptr;
}

std::optional<double> RollupInputs::weightOf(int unit, const std::string& name) const {
    const auto it = weights_.find(unit);
    if (it == weights_.end()) {
        return std::nullopt;
    }
    const auto weight = it->second.find(name);
    return weight == it->second.end() ? std::nullopt : std::optional<double>(weight->second);
}

std::span<const int> RollupInputs::outcomeYears(int indicator) const {
    return indicator < 0 ? std::span<const int>()
                         : data_[static_cast<std::size_t>(indicator)].years;
}

std::span<const int> RollupInputs::relevantChildren(int indicator, int unit) const {
    if (indicator < 0) {
        return {};
    }
    const IndicatorData& data = data_[static_cast<std::size_t>(indicator)];
    const auto it = std::lower_bound(data.parents.begin(), data.parents.end(), unit);
    if (it == data.parents.end() || *it != unit) {
        return {};
    }
    const auto i = static_cast<std::size_t>(it - data.parents.begin());
    return std::span<const int>(data.children)
        .subspan(static_cast<std::size_t>(data.childBegin[i]),
                 static_cast<std::size_t>(data.childBegin[i + 1] - data.childBegin[i]));
}

namespace {

int positionIn(const std::vector<int>& sorted, int value) {
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), value);
    return it != sorted.end() && *it == value ? static_cast<int>(it - sorted.begin()) : -1;
}

} // namespace

bool RollupInputs::relevant(int indicator, int unit) const {
    return relevantSlot(indicator, unit) >= 0;
}

int RollupInputs::relevantSlot(int indicator, int unit) const {
    return indicator < 0 ? -1
                         : positionIn(data_[static_cast<std::size_t>(indicator)].relevant, unit);
}

int RollupInputs::yearSlot(int indicator, int year) const {
    return indicator < 0 ? -1 : positionIn(data_[static_cast<std::size_t>(indicator)].years, year);
}

std::size_t RollupInputs::relevantCount(int indicator) const {
    return indicator < 0 ? 0 : data_[static_cast<std::size_t>(indicator)].relevant.size();
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

pugi::xml_node RollupInputs::find(const IdMap<ByUnit>& map, std::string_view goal, int unit) {
    const auto it = map.find(goal);
    const pugi::xml_node* entry = it == map.end() ? nullptr : entryFor(it->second, unit);
    return entry != nullptr ? *entry : pugi::xml_node();
}

pugi::xml_node RollupInputs::manualAssessment(const std::string& goal, int unit) const {
    return find(assessments_, goal, unit);
}

pugi::xml_node RollupInputs::analysis(const std::string& goal, int unit) const {
    return find(analyses_, goal, unit);
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
