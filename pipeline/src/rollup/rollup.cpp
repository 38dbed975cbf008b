#include "rollup/rollup.h"

#include "check/index.h"
#include "rodtrad/check.h"
#include "rodtrad/error.h"
#include "rodtrad/rollup.h"
#include "rollup/number_format.h"
#include "rollup/rollup_inputs.h"

#include <algorithm>

namespace rodtrad {
namespace {

constexpr const char* rollupNamespace = "urn:rodtrad:rollup:1";
constexpr int historyYears = 10;

// Where a figure came from: "path#id" for a definition, "path:line" for a reported value.
std::string sourceOf(const Document& doc, pugi::xml_node node) {
    const std::string id = node.attribute("id").value();
    if (!id.empty()) {
        return doc.relativePath + "#" + id;
    }
    return doc.relativePath + ":" + std::to_string(doc.position(node).line);
}

// Copies rich text (p, list/item) into the rolled-up document.
void copyRichText(pugi::xml_node from, pugi::xml_node to) {
    if (const pugi::xml_attribute lang = from.attribute("lang")) {
        to.append_attribute("lang") = lang.value();
    }
    for (pugi::xml_node child : from.children()) {
        if (child.type() != pugi::node_element) {
            continue;
        }
        pugi::xml_node copy = to.append_child(child.name());
        if (const pugi::xml_attribute lang = child.attribute("lang")) {
            copy.append_attribute("lang") = lang.value();
        }
        if (std::string_view(child.name()) == "list") {
            for (pugi::xml_node item : child.children("item")) {
                pugi::xml_node itemCopy = copy.append_child("item");
                if (const pugi::xml_attribute lang = item.attribute("lang")) {
                    itemCopy.append_attribute("lang") = lang.value();
                }
                itemCopy.text() = item.child_value();
            }
        } else {
            copy.text() = child.child_value();
        }
    }
}

void copyRichTextChild(pugi::xml_node from, const char* name, pugi::xml_node to) {
    if (const pugi::xml_node text = from.child(name)) {
        copyRichText(text, to.append_child(name));
    }
}

void setText(pugi::xml_node parent, const char* name, const char* value) {
    parent.append_attribute(name) = value;
}

class RollupWriter {
public:
    RollupWriter(const RollupInputs& inputs, pugi::xml_node root) : in_(inputs), root_(root) {}

    void write() {
        writeHead();
        writeOrganisation();
        writeUnitPlans();
        for (pugi::xml_node perspective : in_.strategicPlan->root().children("perspective")) {
            writePerspective(perspective);
        }
        if (const pugi::xml_node budget = in_.strategicPlan->root().child("budget")) {
            pugi::xml_node copy = root_.append_copy(budget);
            for (pugi::xml_node frame : copy.children("frame")) {
                const int u = in_.unitOf(frame.attribute("unit").value());
                if (u >= 0) {
                    frame.append_attribute("name") = unit(u).name.c_str();
                }
            }
        }
    }

private:
    struct ValueAt {
        std::optional<double> value;
        const ReportedOutcome* reported = nullptr;
        Aggregate aggregate;
        bool consolidated = false;
    };

    const RollupUnit& unit(int index) const { return in_.units[static_cast<std::size_t>(index)]; }

    void writeHead() {
        root_.append_attribute("xmlns") = rollupNamespace;
        setText(root_, "period", in_.period.id().c_str());
        root_.append_attribute("year") = in_.period.year;
        setText(root_, "kind", std::string(periodKindName(in_.period.kind)).c_str());
        setText(root_, "periodEnd", in_.period.end().toString().c_str());
        pugi::xml_node inputs = root_.append_child("inputs");
        for (const auto& doc : in_.index.workspace.documents) {
            pugi::xml_node input = inputs.append_child("input");
            setText(input, "file", doc->relativePath.c_str());
            setText(input, "kind", std::string(kindInfo(doc->kind).rootElement).c_str());
            setText(input, "id", doc->id().c_str());
        }
        const RollupUnit& top = unit(0);
        pugi::xml_node municipality = root_.append_child("municipality");
        setText(municipality, "unit", top.id.c_str());
        setText(municipality, "name", top.name.c_str());
        if (const pugi::xml_attribute kolada = top.node.attribute("kolada")) {
            setText(municipality, "kolada", kolada.value());
        }
        const pugi::xml_node sp = in_.strategicPlan->root();
        const pugi::xml_node header = sp.child("header");
        pugi::xml_node plan = root_.append_child("plan");
        setText(plan, "id", header.child_value("id"));
        setText(plan, "title", header.child_value("title"));
        setText(plan, "unit", header.child_value("unit"));
        setText(plan, "documentNumber", header.child_value("documentNumber"));
        plan.append_attribute("revision") = header.child("revision").text().as_int(1);
        plan.append_attribute("from") = sp.child("period").attribute("from").as_int();
        plan.append_attribute("to") = sp.child("period").attribute("to").as_int();
        setText(plan, "src", in_.strategicPlan->relativePath.c_str());
        if (const pugi::xml_node approval = header.child("approval")) {
            pugi::xml_node copy = plan.append_child("approval");
            for (pugi::xml_attribute attribute : approval.attributes()) {
                setText(copy, attribute.name(), attribute.value());
            }
        }
        copyRichTextChild(sp, "vision", plan);
        copyRichTextChild(sp, "introduction", plan);
        pugi::xml_node scale = plan.append_child("scale");
        for (pugi::xml_node level : sp.child("assessment").child("scale").children()) {
            scale.append_copy(level);
        }
    }

    void writeOrganisation() {
        pugi::xml_node organisation = root_.append_child("organisation");
        for (const RollupUnit& u : in_.units) {
            pugi::xml_node node = organisation.append_child("unit");
            setText(node, "id", u.id.c_str());
            setText(node, "type", u.type.c_str());
            setText(node, "name", u.name.c_str());
            if (u.parent >= 0) {
                setText(node, "parent", unit(u.parent).id.c_str());
            }
            node.append_attribute("depth") = u.depth;
            for (const char* attribute : {"kolada", "koladaOu"}) {
                if (const pugi::xml_attribute a = u.node.attribute(attribute)) {
                    setText(node, attribute, a.value());
                }
            }
        }
    }

    // What each operational plan of the year says besides its goals: summary, risks, budget
    // frame and analysis, for the documents of one committee or unit.
    void writeUnitPlans() {
        pugi::xml_node plans = root_.append_child("unitPlans");
        for (const Document* doc : in_.plans) {
            const pugi::xml_node source = doc->root();
            const pugi::xml_node header = source.child("header");
            pugi::xml_node plan = plans.append_child("unitPlan");
            setText(plan, "id", header.child_value("id"));
            setText(plan, "unit", header.child_value("unit"));
            setText(plan, "title", header.child_value("title"));
            setText(plan, "documentNumber", header.child_value("documentNumber"));
            plan.append_attribute("revision") = header.child("revision").text().as_int(1);
            if (const pugi::xml_node owner = header.child("owner")) {
                setText(plan, "owner", owner.child_value());
            }
            setText(plan, "src", doc->relativePath.c_str());
            if (const pugi::xml_node approval = header.child("approval")) {
                pugi::xml_node copy = plan.append_child("approval");
                for (pugi::xml_attribute attribute : approval.attributes()) {
                    setText(copy, attribute.name(), attribute.value());
                }
            }
            copyRichTextChild(source, "summary", plan);
            for (pugi::xml_node risk : source.children("risk")) {
                pugi::xml_node r = plan.append_child("risk");
                for (const char* name : {"id", "likelihood", "consequence", "goal"}) {
                    if (const pugi::xml_attribute a = risk.attribute(name)) {
                        setText(r, name, a.value());
                    }
                }
                r.append_attribute("score") =
                    risk.attribute("likelihood").as_int() * risk.attribute("consequence").as_int();
                setText(r, "description", risk.child_value("description"));
                if (const pugi::xml_node mitigation = risk.child("mitigation")) {
                    setText(r, "mitigation", mitigation.child_value());
                }
            }
            if (const pugi::xml_node budget = source.child("budget")) {
                pugi::xml_node b = plan.append_child("budget");
                setText(b, "measure", budget.attribute("measure").as_string("tkr"));
                for (pugi::xml_node frame : budget.children("frame")) {
                    b.append_copy(frame);
                }
            }
            copyRichTextChild(source, "analysis", plan);
        }
    }

    // Consolidation of an indicator over the subtree below a unit: each child contributes its
    // own reported value if it reported one (it stands for its subtree), else its subtree.
    Aggregate consolidate(const IndicatorDefinition& def, int at, int year) {
        const std::uint64_t memoKey = (static_cast<std::uint64_t>(def.index) << 40) |
                                      (static_cast<std::uint64_t>(at) << 12) |
                                      static_cast<std::uint64_t>(year & 0xFFF);
        if (const auto it = memo_.find(memoKey); it != memo_.end()) {
            return it->second;
        }
        Aggregate aggregate;
        for (int child : in_.relevantChildren(def.index, at)) {
            if (const ReportedOutcome* reported = in_.reported(def.index, child, year)) {
                if (!reported->value) {
                    aggregate.addMissing();
                    continue;
                }
                std::optional<double> weight;
                if (def.formula == Formula::weightedAverage) {
                    weight = in_.weightOf(child, def.weightName);
                    if (!weight) {
                        aggregate.addMissing();
                        continue;
                    }
                }
                aggregate.add(*reported->value, weight);
            } else {
                aggregate.merge(consolidate(def, child, year));
            }
        }
        memo_.emplace(memoKey, aggregate);
        return aggregate;
    }

    ValueAt valueAt(const IndicatorDefinition& def, int at, int year) {
        ValueAt result;
        result.reported = in_.reported(def.index, at, year);
        if (result.reported != nullptr && result.reported->value) {
            result.value = result.reported->value;
        }
        if (def.formula != Formula::own && in_.relevant(def.index, at)) {
            result.aggregate = consolidate(def, at, year);
            if (!result.value) {
                result.value = result.aggregate.value(def.formula);
                result.consolidated = result.value.has_value();
            }
        }
        return result;
    }

    // Which units' reported values went into a consolidation, for tracing it.
    void contributors(const IndicatorDefinition& def, int at, int year, std::string& out) {
        for (int child : in_.relevantChildren(def.index, at)) {
            if (in_.reported(def.index, child, year) != nullptr) {
                out += out.empty() ? "" : " ";
                out += unit(child).id;
            } else {
                contributors(def, child, year, out);
            }
        }
    }

    // The part of an indicator element that is the same wherever it is measured, built once per
    // definition and copied: inherited indicators appear at every goal that measures them.
    pugi::xml_node prototype(const IndicatorDefinition& def) {
        const auto found = prototypes_.find(def.index);
        if (found != prototypes_.end()) {
            return found->second;
        }
        const pugi::xml_node source = def.at.node;
        pugi::xml_node node = scratch_.append_child("indicator");
        setText(node, "id", def.id.c_str());
        setText(node, "name", source.child_value("name"));
        setText(node, "measure", source.child_value("measure"));
        setText(node, "direction", def.direction == Direction::higher ? "higher" : "lower");
        setText(node, "formula", std::string(formulaName(def.formula)).c_str());
        if (!def.weightName.empty()) {
            setText(node, "weightName", def.weightName.c_str());
        }
        node.append_attribute("decimals") = def.decimals;
        if (const pugi::xml_attribute kolada = source.attribute("kolada")) {
            setText(node, "kolada", kolada.value());
        }
        node.append_attribute("genderSplit") = source.attribute("genderSplit").as_bool();
        setText(node, "definedBy", def.goal.c_str());
        setText(node, "src", sourceOf(*def.at.doc, source).c_str());
        for (const auto& [year, target] : def.targets) {
            pugi::xml_node t = node.append_child("target");
            t.append_attribute("year") = year;
            setText(t, "value", formatDecimal(target.value, def.decimals).c_str());
            const YellowBand band{target.yellow, def.band.margin, def.band.marginIsPercent};
            if (const auto limit = yellowLimit(target.value, def.direction, band)) {
                setText(t, "yellow", formatDecimal(*limit, def.decimals).c_str());
            }
        }
        if (const pugi::xml_node baseline = source.child("baseline")) {
            node.append_copy(baseline);
        }
        prototypes_.emplace(def.index, node);
        return node;
    }

    IndicatorStatus writeIndicator(pugi::xml_node parent, const IndicatorDefinition& def, int at,
                                   bool inherited, double weight) {
        pugi::xml_node node = parent.append_copy(prototype(def));
        const pugi::xml_attribute split = node.attribute("genderSplit");
        pugi::xml_attribute placed = node.insert_attribute_after("inherited", split);
        placed = inherited;
        placed = node.insert_attribute_after("unit", placed);
        placed = unit(at).id.c_str();
        pugi::xml_attribute definedBy = node.attribute("definedBy");
        node.insert_attribute_after("weight", definedBy) = formatDecimal(weight, 2).c_str();

        std::map<int, std::optional<double>> valueOfYear;
        for (int year : in_.outcomeYears(def.index)) {
            if (year <= in_.period.year - historyYears) {
                continue;
            }
            const ValueAt v = valueAt(def, at, year);
            if (v.reported != nullptr) {
                writeReported(node, *v.reported, year);
            }
            if (v.aggregate.reporters + v.aggregate.missing > 0) {
                writeConsolidated(node, def, at, year, v.aggregate);
            }
            if (v.reported != nullptr || v.aggregate.reporters + v.aggregate.missing > 0) {
                valueOfYear[year] = v.value;
            }
        }
        return writeStatus(node, def, valueOfYear);
    }

    void writeReported(pugi::xml_node node, const ReportedOutcome& reported, int year) {
        pugi::xml_node outcome = node.append_child("outcome");
        outcome.append_attribute("year") = year;
        if (const pugi::xml_attribute value = reported.node.attribute("value")) {
            setText(outcome, "value", value.value());
        }
        if (const pugi::xml_attribute status = reported.node.attribute("status")) {
            setText(outcome, "status", status.value());
        }
        setText(outcome, "source",
                reported.node.attribute("source") ? reported.node.attribute("source").value()
                                                  : "manual");
        setText(outcome, "src", sourceOf(*reported.doc, reported.node).c_str());
        for (pugi::xml_node split : reported.node.children("split")) {
            outcome.append_copy(split);
        }
        if (const pugi::xml_node comment = reported.node.child("comment")) {
            outcome.append_child("comment").text() = comment.child_value();
        }
    }

    void writeConsolidated(pugi::xml_node node, const IndicatorDefinition& def, int at, int year,
                           const Aggregate& aggregate) {
        pugi::xml_node consolidated = node.append_child("consolidated");
        consolidated.append_attribute("year") = year;
        if (const auto value = aggregate.value(def.formula)) {
            setText(consolidated, "value", formatDecimal(*value, def.decimals).c_str());
        }
        setText(consolidated, "formula", std::string(formulaName(def.formula)).c_str());
        consolidated.append_attribute("reporters") = aggregate.reporters;
        consolidated.append_attribute("missing") = aggregate.missing;
        std::string from;
        contributors(def, at, year, from);
        setText(consolidated, "from", from.c_str());
    }

    IndicatorStatus writeStatus(pugi::xml_node node, const IndicatorDefinition& def,
                                const std::map<int, std::optional<double>>& valueOfYear) {
        const int year = in_.period.year;
        const auto outcome = valueOfYear.count(year) != 0 ? valueOfYear.at(year) : std::nullopt;
        const auto target = def.targets.find(year);
        std::optional<double> targetValue;
        YellowBand band = def.band;
        if (target != def.targets.end()) {
            targetValue = target->second.value;
            band.limit = target->second.yellow;
        }
        const IndicatorStatus status = indicatorStatus(outcome, targetValue, def.direction, band);
        pugi::xml_node statusNode = node.append_child("status");
        statusNode.append_attribute("year") = year;
        setText(statusNode, "value", std::string(statusName(status)).c_str());
        if (outcome) {
            setText(statusNode, "outcome", formatDecimal(*outcome, def.decimals).c_str());
        }
        if (targetValue) {
            setText(statusNode, "target", formatDecimal(*targetValue, def.decimals).c_str());
        }
        if (status == IndicatorStatus::notAssessable) {
            setText(statusNode, "reason", !targetValue ? "no-target" : "no-outcome");
        }
        // Trend: the latest outcome against the one before it.
        std::optional<double> latest;
        std::optional<double> previous;
        int latestYear = 0;
        int previousYear = 0;
        for (auto it = valueOfYear.rbegin(); it != valueOfYear.rend(); ++it) {
            if (!it->second) {
                continue;
            }
            if (!latest) {
                latest = it->second;
                latestYear = it->first;
            } else {
                previous = it->second;
                previousYear = it->first;
                break;
            }
        }
        pugi::xml_node trendNode = node.append_child("trend");
        setText(trendNode, "value",
                std::string(trendName(trend(previous, latest, def.direction))).c_str());
        if (previous) {
            trendNode.append_attribute("from") = previousYear;
            trendNode.append_attribute("to") = latestYear;
        }
        return status;
    }

    struct GoalResult {
        std::string level;
        int activities = 0;
        int completed = 0;
    };

    // Indicators, activities, sub-goals and the assessment of one goal, depth first.
    GoalResult writeGoalBody(pugi::xml_node node, const RollupGoal& goal) {
        const pugi::xml_node source = goal.at.node;
        std::vector<AssessmentInput> inputs;
        for (pugi::xml_node indicator : source.children("indicator")) {
            const auto it = in_.indicators.find(indicator.attribute("id").value());
            if (it != in_.indicators.end()) {
                inputs.push_back(
                    {writeIndicator(node, it->second, goal.unit, false, it->second.weight),
                     it->second.weight});
            }
        }
        for (pugi::xml_node ref : source.children("indicatorRef")) {
            const auto it = in_.indicators.find(ref.attribute("ref").value());
            if (it != in_.indicators.end()) {
                const double weight = ref.attribute("weight").as_double(it->second.weight);
                inputs.push_back(
                    {writeIndicator(node, it->second, goal.unit, true, weight), weight});
            }
        }
        GoalResult result;
        writeActivities(node, source, result);

        std::vector<AssessmentInput> childInputs;
        for (const std::string& childId : goal.children) {
            const RollupGoal& child = in_.goals.at(childId);
            pugi::xml_node childNode = node.append_child("goal");
            const GoalResult childResult = writeGoal(childNode, child);
            childInputs.push_back({levelAsStatus(childResult.level, in_.scale), 1.0});
            result.activities += childResult.activities;
            result.completed += childResult.completed;
        }
        // Summary and assessment read before the sub-goals.
        const pugi::xml_node firstGoal = node.child("goal");
        pugi::xml_node summary = firstGoal ? node.insert_child_before("activitySummary", firstGoal)
                                           : node.append_child("activitySummary");
        summary.append_attribute("total") = result.activities;
        summary.append_attribute("completed") = result.completed;
        if (result.activities > 0) {
            setText(summary, "share",
                    formatDecimal(static_cast<double>(result.completed) / result.activities, 2)
                        .c_str());
        }

        const bool fromIndicators = !inputs.empty();
        result.level = writeAssessment(node, firstGoal, goal, fromIndicators ? inputs : childInputs,
                                       fromIndicators ? "indicators" : "goals");
        return result;
    }

    void writeActivities(pugi::xml_node node, pugi::xml_node source, GoalResult& result) {
        for (pugi::xml_node activity : source.children("activity")) {
            const auto [status, from] = in_.activityStatus(activity);
            pugi::xml_node a = node.append_child("activity");
            setText(a, "id", activity.attribute("id").value());
            setText(a, "title", activity.child_value("title"));
            setText(a, "owner", activity.child_value("owner"));
            setText(a, "due", activity.attribute("due").value());
            setText(a, "status", std::string(status).c_str());
            if (const pugi::xml_node comment = from.child("comment")) {
                setText(a, "comment", comment.child_value());
            }
            ++result.activities;
            result.completed += status == "completed" ? 1 : 0;
        }
    }

    std::string writeAssessment(pugi::xml_node node, pugi::xml_node before, const RollupGoal& goal,
                                const std::vector<AssessmentInput>& inputs, const char* basis) {
        const std::string ruleId = goal.rule.empty() ? in_.defaultRule : goal.rule;
        const auto rule = in_.rules.find(ruleId);
        AssessmentResult computed;
        computed.level = in_.scale.notAssessable;
        if (rule != in_.rules.end()) {
            computed = assess(inputs, rule->second, in_.scale);
        }
        pugi::xml_node assessment = before ? node.insert_child_before("assessment", before)
                                           : node.append_child("assessment");
        const pugi::xml_node manual = in_.manualAssessment(goal.id, goal.unit);
        const std::string level = manual ? manual.attribute("level").value() : computed.level;
        setText(assessment, "level", level.c_str());
        setText(assessment, "status",
                std::string(statusName(levelAsStatus(level, in_.scale))).c_str());
        setText(assessment, "computed", computed.level.c_str());
        assessment.append_attribute("manual") = static_cast<bool>(manual);
        setText(assessment, "rule", ruleId.c_str());
        setText(assessment, "basis", basis);
        assessment.append_attribute("inputs") = computed.inputs;
        assessment.append_attribute("assessable") = computed.assessableInputs;
        assessment.append_attribute("green") = computed.green;
        if (computed.assessable) {
            setText(assessment, "share", formatDecimal(computed.share, 2).c_str());
        }
        if (manual) {
            const auto followUp = in_.followUpOf.find(goal.unit);
            setText(assessment, "src", sourceOf(*followUp->second, manual).c_str());
            if (const pugi::xml_attribute by = manual.attribute("by")) {
                setText(assessment, "by", by.value());
            }
            copyRichTextChild(manual, "justification", assessment);
        }
        return level;
    }

    GoalResult writeGoal(pugi::xml_node node, const RollupGoal& goal) {
        const pugi::xml_node source = goal.at.node;
        setText(node, "id", goal.id.c_str());
        setText(node, "title", source.child_value("title"));
        setText(node, "unit", unit(goal.unit).id.c_str());
        setText(node, "unitName", unit(goal.unit).name.c_str());
        setText(node, "unitType", unit(goal.unit).type.c_str());
        if (const pugi::xml_attribute parent = source.attribute("parent")) {
            setText(node, "parent", parent.value());
        }
        setText(node, "src", sourceOf(*goal.at.doc, source).c_str());
        copyRichTextChild(source, "description", node);
        if (const pugi::xml_node analysis = in_.analysis(goal.id, goal.unit)) {
            copyRichText(analysis, node.append_child("analysis"));
        }
        return writeGoalBody(node, goal);
    }

    void writePerspective(pugi::xml_node source) {
        pugi::xml_node perspective = root_.append_child("perspective");
        setText(perspective, "id", source.attribute("id").value());
        setText(perspective, "name", source.child_value("name"));
        copyRichTextChild(source, "description", perspective);
        for (pugi::xml_node goalNode : source.children("councilGoal")) {
            const RollupGoal& goal = in_.goals.at(goalNode.attribute("id").value());
            pugi::xml_node node = perspective.append_child("councilGoal");
            node.append_attribute("environmental") = goalNode.attribute("environmental").as_bool();
            writeGoal(node, goal);
            writeTwoStepView(node, goal);
            writeObjectives(node, goal.id);
        }
    }

    // Malmö's two-step view: how well the committees' goals cover the council goal, then how
    // far those goals were met.
    void writeTwoStepView(pugi::xml_node node, const RollupGoal& goal) {
        std::vector<int> committees;
        for (const Document* plan : in_.plans) {
            const int u = in_.unitOf(plan->root().child("header").child_value("unit"));
            const std::string& type = unit(u).type;
            if (type == "committee" || type == "executive-board") {
                committees.push_back(u);
            }
        }
        pugi::xml_node coverage = node.append_child("coverage");
        int contributing = 0;
        for (int committee : committees) {
            int goals = 0;
            for (const std::string& child : goal.children) {
                goals += in_.goals.at(child).unit == committee ? 1 : 0;
            }
            contributing += goals > 0 ? 1 : 0;
            pugi::xml_node c = coverage.append_child("committee");
            setText(c, "unit", unit(committee).id.c_str());
            setText(c, "name", unit(committee).name.c_str());
            c.append_attribute("goals") = goals;
        }
        coverage.append_attribute("committees") = static_cast<int>(committees.size());
        coverage.append_attribute("contributing") = contributing;
        if (!committees.empty()) {
            setText(coverage, "share",
                    formatDecimal(static_cast<double>(contributing) /
                                      static_cast<double>(committees.size()),
                                  2)
                        .c_str());
        }

        pugi::xml_node fulfilment = node.append_child("fulfilment");
        std::map<std::string, int> count;
        int assessed = 0;
        for (pugi::xml_node child : node.children("goal")) {
            const std::string level = child.child("assessment").attribute("level").value();
            ++count[level];
            assessed += level != in_.scale.notAssessable ? 1 : 0;
        }
        fulfilment.append_attribute("goals") = static_cast<int>(
            std::distance(node.children("goal").begin(), node.children("goal").end()));
        fulfilment.append_attribute("assessed") = assessed;
        for (const ScaleLevel& level : in_.scale.levels) {
            pugi::xml_node l = fulfilment.append_child("level");
            setText(l, "id", level.id.c_str());
            l.append_attribute("goals") = count[level.id];
        }
        pugi::xml_node na = fulfilment.append_child("level");
        setText(na, "id", in_.scale.notAssessable.c_str());
        na.append_attribute("goals") = count[in_.scale.notAssessable];
        if (assessed > 0) {
            setText(fulfilment, "share",
                    formatDecimal(static_cast<double>(count[in_.scale.highest()]) / assessed, 2)
                        .c_str());
        }
    }

    void writeObjectives(pugi::xml_node node, const std::string& councilGoal) {
        for (const Located& objective : in_.objectivesOf(councilGoal)) {
            writeObjective(node, objective, 0);
        }
    }

    void writeObjective(pugi::xml_node parent, const Located& at, int depth) {
        const pugi::xml_node source = at.node;
        pugi::xml_node node = parent.append_child("objective");
        const std::string id = source.attribute("id").value();
        setText(node, "id", id.c_str());
        setText(node, "title", source.child_value("title"));
        setText(node, "deadline", source.child_value("deadline"));
        setText(node, "responsible", source.child_value("responsible"));
        setText(node, "src", sourceOf(*at.doc, source).c_str());
        std::optional<double> latest;
        int latestYear = 0;
        for (pugi::xml_node ref : source.children("indicatorRef")) {
            const auto def = in_.indicators.find(ref.attribute("ref").value());
            pugi::xml_node indicator = node.append_child("indicatorStatus");
            setText(indicator, "ref", ref.attribute("ref").value());
            if (def == in_.indicators.end()) {
                setText(indicator, "value", "not-assessable");
                continue;
            }
            setText(indicator, "name", def->second.at.node.child_value("name"));
            std::optional<double> value;
            int valueYear = 0;
            for (int year : in_.outcomeYears(def->second.index)) {
                const ValueAt v = valueAt(def->second, def->second.unit, year);
                if (v.value) {
                    value = v.value;
                    valueYear = year;
                }
            }
            const ValueAt now = valueAt(def->second, def->second.unit, in_.period.year);
            const auto target = def->second.targets.find(in_.period.year);
            YellowBand band = def->second.band;
            std::optional<double> targetValue;
            if (target != def->second.targets.end()) {
                targetValue = target->second.value;
                band.limit = target->second.yellow;
            }
            setText(indicator, "value",
                    std::string(statusName(indicatorStatus(now.value, targetValue,
                                                           def->second.direction, band)))
                        .c_str());
            if (value) {
                setText(indicator, "latest", formatDecimal(*value, def->second.decimals).c_str());
                indicator.append_attribute("year") = valueYear;
                if (!latest) {
                    latest = value;
                    latestYear = valueYear;
                }
            }
        }
        const pugi::xml_node target = source.child("target");
        const pugi::xml_node baseline = source.child("baseline");
        if (target) {
            pugi::xml_node t = node.append_child("target");
            setText(t, "value", target.attribute("value").value());
            setText(t, "year", target.attribute("year").value());
            setText(t, "measure", target.child_value("measure"));
        }
        if (baseline) {
            node.append_copy(baseline);
        }
        const auto targetValue = parseDecimal(target.attribute("value").value());
        const auto baselineValue = parseDecimal(baseline.attribute("value").value());
        if (latest && targetValue && baselineValue && *targetValue != *baselineValue) {
            pugi::xml_node progress = node.append_child("progress");
            setText(progress, "share",
                    formatDecimal((*latest - *baselineValue) / (*targetValue - *baselineValue), 2)
                        .c_str());
            setText(progress, "latest", formatDecimal(*latest, 2).c_str());
            progress.append_attribute("year") = latestYear;
        }
        int actions = 0;
        int completed = 0;
        for (pugi::xml_node action : source.children("action")) {
            ++actions;
            completed +=
                std::string_view(action.attribute("status").value()) == "completed" ? 1 : 0;
        }
        pugi::xml_node summary = node.append_child("actionSummary");
        summary.append_attribute("total") = actions;
        summary.append_attribute("completed") = completed;
        if (depth < 16) {
            for (const Located& child : in_.objectivesUnder(id)) {
                writeObjective(node, child, depth + 1);
            }
        }
    }

    const RollupInputs& in_;
    pugi::xml_node root_;
    std::unordered_map<std::uint64_t, Aggregate> memo_;
    pugi::xml_document scratch_;
    std::unordered_map<int, pugi::xml_node> prototypes_;
};

} // namespace

std::unique_ptr<pugi::xml_document> buildRollup(const Workspace::Impl& workspace, Period period) {
    std::vector<Diagnostic> ignored;
    Reporter reporter(ignored);
    const WorkspaceIndex index(workspace, reporter);
    const RollupInputs inputs(index, period);
    auto doc = std::make_unique<pugi::xml_document>();
    pugi::xml_node declaration = doc->append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    RollupWriter(inputs, doc->append_child("rollup")).write();
    return doc;
}

std::string rollupDocument(const Workspace& workspace, const RollupOptions& options) {
    const auto period = Period::parse(options.period);
    if (!period) {
        throw UsageError("--period must be YEAR or YEAR-tertial, YEAR-delar, YEAR-helar, not \"" +
                         options.period + "\"");
    }
    const auto doc = buildRollup(workspace.impl(), *period);
    // Straight into one string: the document is tens of megabytes for a large municipality.
    struct StringWriter : pugi::xml_writer {
        std::string text;
        void write(const void* data, std::size_t size) override {
            text.append(static_cast<const char*>(data), size);
        }
    } writer;
    doc->save(writer, "  ", pugi::format_default | pugi::format_no_declaration,
              pugi::encoding_utf8);
    return std::move(writer.text);
}

} // namespace rodtrad
