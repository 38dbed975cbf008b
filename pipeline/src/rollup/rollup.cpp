#include "rollup/rollup.h"

#include "check/index.h"
#include "load/rolled_up.h"
#include "rodtrad/check.h"
#include "rodtrad/error.h"
#include "rodtrad/rollup.h"
#include "rollup/number_format.h"
#include "rollup/rollup_inputs.h"
#include "util/xml_writer.h"

#include <algorithm>

namespace rodtrad {
namespace {

constexpr int historyYears = 10;

// Copies rich text (p, list/item) into the rolled-up document, into the element open in `out`.
void copyRichText(pugi::xml_node from, XmlWriter& out) {
    if (const pugi::xml_attribute lang = from.attribute("lang")) {
        out.attribute("lang", lang.value());
    }
    for (pugi::xml_node child : from.children()) {
        if (child.type() != pugi::node_element) {
            continue;
        }
        out.open(child.name());
        if (const pugi::xml_attribute lang = child.attribute("lang")) {
            out.attribute("lang", lang.value());
        }
        if (std::string_view(child.name()) == "list") {
            for (pugi::xml_node item : child.children("item")) {
                out.open("item");
                if (const pugi::xml_attribute lang = item.attribute("lang")) {
                    out.attribute("lang", lang.value());
                }
                out.text(item.child_value());
                out.close();
            }
        } else {
            out.text(child.child_value());
        }
        out.close();
    }
}

void copyRichTextChild(pugi::xml_node from, const char* name, XmlWriter& out) {
    if (const pugi::xml_node text = from.child(name)) {
        out.open(name);
        copyRichText(text, out);
        out.close();
    }
}

// Computes the red thread and writes it as it goes: results a goal element shows before its
// sub-goals (activity summary, assessment) are computed first, depth first, and remembered.
class RollupWriter {
public:
    RollupWriter(const RollupInputs& inputs, std::string& out)
        : in_(inputs), out_(out), memo_(inputs.indicatorCount()) {
        for (const Document* plan : in_.plans) {
            const int u = in_.unitOf(plan->root().child("header").child_value("unit"));
            const std::string& type = unit(u).type;
            if (type == "committee" || type == "executive-board") {
                committees_.push_back(u);
            }
        }
    }

    void write() {
        out_.declaration();
        out_.open("rollup");
        writeHead();
        writeOrganisation();
        writeUnitPlans();
        for (pugi::xml_node perspective : in_.strategicPlan->root().children("perspective")) {
            writePerspective(perspective);
        }
        if (const pugi::xml_node budget = in_.strategicPlan->root().child("budget")) {
            out_.open("budget");
            out_.copyAttributes(budget);
            for (pugi::xml_node child : budget.children()) {
                if (std::string_view(child.name()) != "frame") {
                    out_.copy(child);
                    continue;
                }
                out_.open("frame");
                out_.copyAttributes(child);
                const int u = in_.unitOf(child.attribute("unit").value());
                if (u >= 0) {
                    out_.attribute("name", unit(u).name);
                }
                for (pugi::xml_node content : child.children()) {
                    out_.copy(content);
                }
                out_.close();
            }
            out_.close();
        }
        out_.close();
    }

private:
    struct ValueAt {
        std::optional<double> value;
        const ReportedOutcome* reported = nullptr;
        Aggregate aggregate;
    };

    // What a goal's element says about the goal as a whole.
    struct GoalResult {
        std::string level;
        AssessmentResult computed;
        std::string rule;
        bool fromIndicators = false;
        pugi::xml_node manual;
        int activities = 0;
        int completed = 0;
    };

    void writeSource(const Document& doc, pugi::xml_node node) {
        source_.clear();
        appendSource(source_, doc, node);
        out_.attribute("src", source_);
    }

    const RollupUnit& unit(int index) const { return in_.units[static_cast<std::size_t>(index)]; }

    void writeHead() {
        out_.attribute("xmlns", rollupNamespace);
        out_.attribute("period", in_.period.id());
        out_.attribute("year", in_.period.year);
        out_.attribute("kind", periodKindName(in_.period.kind));
        out_.attribute("periodEnd", in_.period.end().toString());
        out_.open("inputs");
        for (const auto& doc : in_.index.workspace.documents) {
            out_.open("input");
            out_.attribute("file", doc->relativePath);
            out_.attribute("kind", kindInfo(doc->kind).rootElement);
            out_.attribute("id", doc->id());
            out_.close();
        }
        out_.close();
        const RollupUnit& top = unit(0);
        out_.open("municipality");
        out_.attribute("unit", top.id);
        out_.attribute("name", top.name);
        if (const pugi::xml_attribute kolada = top.node.attribute("kolada")) {
            out_.attribute("kolada", kolada.value());
        }
        out_.close();
        const pugi::xml_node sp = in_.strategicPlan->root();
        const pugi::xml_node header = sp.child("header");
        out_.open("plan");
        writeHeaderAttributes(header);
        out_.attribute("from", sp.child("period").attribute("from").as_int());
        out_.attribute("to", sp.child("period").attribute("to").as_int());
        out_.attribute("src", in_.strategicPlan->relativePath);
        writeApproval(header);
        copyRichTextChild(sp, "vision", out_);
        copyRichTextChild(sp, "introduction", out_);
        out_.open("scale");
        for (pugi::xml_node level : sp.child("assessment").child("scale").children()) {
            out_.copy(level);
        }
        out_.close();
        out_.close();
    }

    // What identifies a plan document: id, title, unit, document number and revision.
    void writeHeaderAttributes(pugi::xml_node header) {
        for (const char* name : {"id", "title", "unit", "documentNumber"}) {
            out_.attribute(name, header.child_value(name));
        }
        out_.attribute("revision", header.child("revision").text().as_int(1));
    }

    void writeApproval(pugi::xml_node header) {
        if (const pugi::xml_node approval = header.child("approval")) {
            out_.open("approval");
            out_.copyAttributes(approval);
            out_.close();
        }
    }

    void writeOrganisation() {
        out_.open("organisation");
        for (const RollupUnit& u : in_.units) {
            out_.open("unit");
            out_.attribute("id", u.id);
            out_.attribute("type", u.type);
            out_.attribute("name", u.name);
            if (u.parent >= 0) {
                out_.attribute("parent", unit(u.parent).id);
            }
            out_.attribute("depth", u.depth);
            for (const char* attribute : {"kolada", "koladaOu"}) {
                if (const pugi::xml_attribute a = u.node.attribute(attribute)) {
                    out_.attribute(attribute, a.value());
                }
            }
            out_.close();
        }
        out_.close();
    }

    // What each operational plan of the year says besides its goals: summary, risks, budget
    // frame and analysis, for the documents of one committee or unit.
    void writeUnitPlans() {
        out_.open("unitPlans");
        for (const Document* doc : in_.plans) {
            const pugi::xml_node source = doc->root();
            const pugi::xml_node header = source.child("header");
            out_.open("unitPlan");
            writeHeaderAttributes(header);
            if (const pugi::xml_node owner = header.child("owner")) {
                out_.attribute("owner", owner.child_value());
            }
            out_.attribute("src", doc->relativePath);
            writeApproval(header);
            copyRichTextChild(source, "summary", out_);
            for (pugi::xml_node risk : source.children("risk")) {
                out_.open("risk");
                for (const char* name : {"id", "likelihood", "consequence", "goal"}) {
                    if (const pugi::xml_attribute a = risk.attribute(name)) {
                        out_.attribute(name, a.value());
                    }
                }
                out_.attribute("score", risk.attribute("likelihood").as_int() *
                                            risk.attribute("consequence").as_int());
                out_.attribute("description", risk.child_value("description"));
                if (const pugi::xml_node mitigation = risk.child("mitigation")) {
                    out_.attribute("mitigation", mitigation.child_value());
                }
                out_.close();
            }
            if (const pugi::xml_node budget = source.child("budget")) {
                out_.open("budget");
                out_.attribute("measure", budget.attribute("measure").as_string("tkr"));
                for (pugi::xml_node frame : budget.children("frame")) {
                    out_.copy(frame);
                }
                out_.close();
            }
            copyRichTextChild(source, "analysis", out_);
            out_.close();
        }
        out_.close();
    }

    // Consolidation of an indicator over the subtree below a unit: each child contributes its
    // own reported value if it reported one (it stands for its subtree), else its subtree.
    Aggregate consolidate(const IndicatorDefinition& def, int at, int year) {
        const int unitSlot = in_.relevantSlot(def.index, at);
        const int yearSlot = in_.yearSlot(def.index, year);
        if (unitSlot < 0 || yearSlot < 0) {
            return {}; // nothing reported below, or nothing that year
        }
        auto& memo = memo_[static_cast<std::size_t>(def.index)];
        const std::size_t years = in_.outcomeYears(def.index).size();
        if (memo.empty()) {
            memo.resize(in_.relevantCount(def.index) * years);
        }
        Memo& slot =
            memo[static_cast<std::size_t>(unitSlot) * years + static_cast<std::size_t>(yearSlot)];
        if (slot.done) {
            return slot.aggregate;
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
        slot = {aggregate, true};
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
            }
        }
        return result;
    }

    // The target of the period's year and the yellow band around it.
    std::pair<std::optional<double>, YellowBand> targetOf(const IndicatorDefinition& def) const {
        YellowBand band = def.band;
        std::optional<double> value;
        if (const auto* target = def.targetFor(in_.period.year)) {
            value = target->value;
            band.limit = target->yellow;
        }
        return {value, band};
    }

    IndicatorStatus statusAt(const IndicatorDefinition& def, int at) {
        const auto [target, band] = targetOf(def);
        return indicatorStatus(valueAt(def, at, in_.period.year).value, target, def.direction,
                               band);
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

    void writeIndicator(const IndicatorDefinition& def, int at, bool inherited, double weight) {
        out_.open("indicator");
        out_.attribute("id", def.id);
        out_.attribute("name", def.name);
        out_.attribute("measure", def.measure);
        out_.attribute("direction", def.direction == Direction::higher ? "higher" : "lower");
        out_.attribute("formula", formulaName(def.formula));
        if (!def.weightName.empty()) {
            out_.attribute("weightName", def.weightName);
        }
        out_.attribute("decimals", def.decimals);
        if (def.kolada) {
            out_.attribute("kolada", def.kolada.value());
        }
        out_.attribute("genderSplit", def.genderSplit);
        out_.attribute("inherited", inherited);
        out_.attribute("unit", unit(at).id);
        out_.attribute("definedBy", def.goal);
        out_.attribute("weight", formatDecimal(weight, 2));
        out_.attribute("src", def.source);
        for (const auto& [year, target] : def.targets) {
            out_.open("target");
            out_.attribute("year", year);
            out_.attribute("value", formatDecimal(target.value, def.decimals));
            const YellowBand band{target.yellow, def.band.margin, def.band.marginIsPercent};
            if (const auto limit = yellowLimit(target.value, def.direction, band)) {
                out_.attribute("yellow", formatDecimal(*limit, def.decimals));
            }
            out_.close();
        }
        if (def.baseline) {
            out_.copy(def.baseline);
        }

        valueOfYear_.clear();
        for (int year : in_.outcomeYears(def.index)) {
            if (year <= in_.period.year - historyYears) {
                continue;
            }
            const ValueAt v = valueAt(def, at, year);
            if (v.reported != nullptr) {
                writeReported(*v.reported, year);
            }
            if (v.aggregate.reporters + v.aggregate.missing > 0) {
                writeConsolidated(def, at, year, v.aggregate);
            }
            if (v.reported != nullptr || v.aggregate.reporters + v.aggregate.missing > 0) {
                valueOfYear_.emplace_back(year, v.value);
            }
        }
        writeStatus(def, valueOfYear_);
        out_.close();
    }

    void writeReported(const ReportedOutcome& reported, int year) {
        out_.open("outcome");
        out_.attribute("year", year);
        if (reported.valueText != nullptr) {
            out_.attribute("value", reported.valueText);
        }
        if (reported.status != nullptr) {
            out_.attribute("status", reported.status);
        }
        out_.attribute("source", reported.source != nullptr ? reported.source : "manual");
        writeSource(*reported.doc, reported.node);
        pugi::xml_node comment;
        for (pugi::xml_node child = reported.node.first_child(); child;
             child = child.next_sibling()) {
            const std::string_view name = child.name();
            if (name == "split") {
                out_.copy(child);
            } else if (name == "comment" && !comment) {
                comment = child;
            }
        }
        if (comment) {
            out_.textElement("comment", comment.child_value());
        }
        out_.close();
    }

    void writeConsolidated(const IndicatorDefinition& def, int at, int year,
                           const Aggregate& aggregate) {
        out_.open("consolidated");
        out_.attribute("year", year);
        if (const auto value = aggregate.value(def.formula)) {
            out_.attribute("value", formatDecimal(*value, def.decimals));
        }
        out_.attribute("formula", formulaName(def.formula));
        out_.attribute("reporters", aggregate.reporters);
        out_.attribute("missing", aggregate.missing);
        std::string from;
        contributors(def, at, year, from);
        out_.attribute("from", from);
        out_.close();
    }

    // valueOfYear: the indicator's value in each year with data, ascending.
    void writeStatus(const IndicatorDefinition& def,
                     const std::vector<std::pair<int, std::optional<double>>>& valueOfYear) {
        const int year = in_.period.year;
        const auto found = std::find_if(valueOfYear.begin(), valueOfYear.end(),
                                        [year](const auto& entry) { return entry.first == year; });
        const auto outcome = found != valueOfYear.end() ? found->second : std::nullopt;
        const auto [targetValue, band] = targetOf(def);
        const IndicatorStatus status = indicatorStatus(outcome, targetValue, def.direction, band);
        out_.open("status");
        out_.attribute("year", year);
        out_.attribute("value", statusName(status));
        if (outcome) {
            out_.attribute("outcome", formatDecimal(*outcome, def.decimals));
        }
        if (targetValue) {
            out_.attribute("target", formatDecimal(*targetValue, def.decimals));
        }
        if (status == IndicatorStatus::notAssessable) {
            out_.attribute("reason", !targetValue ? "no-target" : "no-outcome");
        }
        out_.close();
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
        out_.open("trend");
        out_.attribute("value", trendName(trend(previous, latest, def.direction)));
        if (previous) {
            out_.attribute("from", previousYear);
            out_.attribute("to", latestYear);
        }
        out_.close();
    }

    // The indicators a goal measures itself: its own, then those it inherits with a weight.
    template <typename Visit> void forEachIndicator(const RollupGoal& goal, Visit visit) const {
        const pugi::xml_node source = goal.at.node;
        for (pugi::xml_node indicator : source.children("indicator")) {
            const auto it = in_.indicators.find(indicator.attribute("id").value());
            if (it != in_.indicators.end()) {
                visit(it->second, false, it->second.weight);
            }
        }
        for (pugi::xml_node ref : source.children("indicatorRef")) {
            const auto it = in_.indicators.find(ref.attribute("ref").value());
            if (it != in_.indicators.end()) {
                visit(it->second, true, ref.attribute("weight").as_double(it->second.weight));
            }
        }
    }

    // The goal's assessment and activity counts, from its indicators or, without any, from its
    // sub-goals; computed once per goal.
    const GoalResult& evaluate(const RollupGoal& goal) {
        if (const auto it = results_.find(&goal); it != results_.end()) {
            return it->second;
        }
        GoalResult result;
        std::vector<AssessmentInput> inputs;
        forEachIndicator(goal, [&](const IndicatorDefinition& def, bool, double weight) {
            inputs.push_back({statusAt(def, goal.unit), weight});
        });
        for (pugi::xml_node activity : goal.at.node.children("activity")) {
            ++result.activities;
            result.completed += in_.activityStatus(activity).first == "completed" ? 1 : 0;
        }
        std::vector<AssessmentInput> childInputs;
        for (const std::string& childId : goal.children) {
            const GoalResult& child = evaluate(in_.goals.at(childId));
            childInputs.push_back({levelAsStatus(child.level, in_.scale), 1.0});
            result.activities += child.activities;
            result.completed += child.completed;
        }
        result.fromIndicators = !inputs.empty();
        result.rule = goal.rule.empty() ? in_.defaultRule : goal.rule;
        result.computed.level = in_.scale.notAssessable;
        if (const auto rule = in_.rules.find(result.rule); rule != in_.rules.end()) {
            result.computed =
                assess(result.fromIndicators ? inputs : childInputs, rule->second, in_.scale);
        }
        result.manual = in_.manualAssessment(goal.id, goal.unit);
        result.level =
            result.manual ? result.manual.attribute("level").value() : result.computed.level;
        return results_.emplace(&goal, std::move(result)).first->second;
    }

    // Indicators, activities, the activity summary and assessment, then the sub-goals.
    void writeGoalBody(const RollupGoal& goal) {
        forEachIndicator(goal, [&](const IndicatorDefinition& def, bool inherited, double weight) {
            writeIndicator(def, goal.unit, inherited, weight);
        });
        writeActivities(goal.at.node);
        const GoalResult& result = evaluate(goal);
        out_.open("activitySummary");
        out_.attribute("total", result.activities);
        out_.attribute("completed", result.completed);
        if (result.activities > 0) {
            out_.attribute(
                "share",
                formatDecimal(static_cast<double>(result.completed) / result.activities, 2));
        }
        out_.close();
        writeAssessment(goal, result);
        for (const std::string& childId : goal.children) {
            out_.open("goal");
            writeGoal(in_.goals.at(childId));
            out_.close();
        }
    }

    void writeActivities(pugi::xml_node source) {
        for (pugi::xml_node activity : source.children("activity")) {
            const auto [status, from] = in_.activityStatus(activity);
            out_.open("activity");
            out_.attribute("id", activity.attribute("id").value());
            out_.attribute("title", activity.child_value("title"));
            out_.attribute("owner", activity.child_value("owner"));
            out_.attribute("due", activity.attribute("due").value());
            out_.attribute("status", status);
            if (const pugi::xml_node comment = from.child("comment")) {
                out_.attribute("comment", comment.child_value());
            }
            out_.close();
        }
    }

    void writeAssessment(const RollupGoal& goal, const GoalResult& result) {
        const AssessmentResult& computed = result.computed;
        out_.open("assessment");
        out_.attribute("level", result.level);
        out_.attribute("status", statusName(levelAsStatus(result.level, in_.scale)));
        out_.attribute("computed", computed.level);
        out_.attribute("manual", static_cast<bool>(result.manual));
        out_.attribute("rule", result.rule);
        out_.attribute("basis", result.fromIndicators ? "indicators" : "goals");
        out_.attribute("inputs", computed.inputs);
        out_.attribute("assessable", computed.assessableInputs);
        out_.attribute("green", computed.green);
        if (computed.assessable) {
            out_.attribute("share", formatDecimal(computed.share, 2));
        }
        if (result.manual) {
            const auto followUp = in_.followUpOf.find(goal.unit);
            writeSource(*followUp->second, result.manual);
            if (const pugi::xml_attribute by = result.manual.attribute("by")) {
                out_.attribute("by", by.value());
            }
            copyRichTextChild(result.manual, "justification", out_);
        }
        out_.close();
    }

    // The attributes and content of a goal element already opened.
    void writeGoal(const RollupGoal& goal) {
        const pugi::xml_node source = goal.at.node;
        out_.attribute("id", goal.id);
        out_.attribute("title", source.child_value("title"));
        out_.attribute("unit", unit(goal.unit).id);
        out_.attribute("unitName", unit(goal.unit).name);
        out_.attribute("unitType", unit(goal.unit).type);
        if (const pugi::xml_attribute parent = source.attribute("parent")) {
            out_.attribute("parent", parent.value());
        }
        writeSource(*goal.at.doc, source);
        copyRichTextChild(source, "description", out_);
        if (const pugi::xml_node analysis = in_.analysis(goal.id, goal.unit)) {
            out_.open("analysis");
            copyRichText(analysis, out_);
            out_.close();
        }
        writeGoalBody(goal);
    }

    void writePerspective(pugi::xml_node source) {
        out_.open("perspective");
        out_.attribute("id", source.attribute("id").value());
        out_.attribute("name", source.child_value("name"));
        copyRichTextChild(source, "description", out_);
        for (pugi::xml_node goalNode : source.children("councilGoal")) {
            const RollupGoal& goal = in_.goals.at(goalNode.attribute("id").value());
            out_.open("councilGoal");
            out_.attribute("environmental", goalNode.attribute("environmental").as_bool());
            writeGoal(goal);
            writeTwoStepView(goal);
            writeObjectives(goal.id);
            out_.close();
        }
        out_.close();
    }

    // Malmö's two-step view: how well the committees' goals cover the council goal, then how
    // far those goals were met.
    void writeTwoStepView(const RollupGoal& goal) {
        std::unordered_map<int, int> goalsOf; // by committee
        for (const std::string& child : goal.children) {
            ++goalsOf[in_.goals.at(child).unit];
        }
        int contributing = 0;
        for (int committee : committees_) {
            contributing += goalsOf.count(committee) != 0 ? 1 : 0;
        }
        out_.open("coverage");
        out_.attribute("committees", static_cast<int>(committees_.size()));
        out_.attribute("contributing", contributing);
        if (!committees_.empty()) {
            out_.attribute("share", formatDecimal(static_cast<double>(contributing) /
                                                      static_cast<double>(committees_.size()),
                                                  2));
        }
        for (int committee : committees_) {
            out_.open("committee");
            out_.attribute("unit", unit(committee).id);
            out_.attribute("name", unit(committee).name);
            const auto goals = goalsOf.find(committee);
            out_.attribute("goals", goals == goalsOf.end() ? 0 : goals->second);
            out_.close();
        }
        out_.close();

        std::map<std::string, int> count;
        int assessed = 0;
        for (const std::string& child : goal.children) {
            const std::string& level = evaluate(in_.goals.at(child)).level;
            ++count[level];
            assessed += level != in_.scale.notAssessable ? 1 : 0;
        }
        out_.open("fulfilment");
        out_.attribute("goals", static_cast<int>(goal.children.size()));
        out_.attribute("assessed", assessed);
        if (assessed > 0) {
            out_.attribute(
                "share",
                formatDecimal(static_cast<double>(count[in_.scale.highest()]) / assessed, 2));
        }
        for (const ScaleLevel& level : in_.scale.levels) {
            out_.open("level");
            out_.attribute("id", level.id);
            out_.attribute("goals", count[level.id]);
            out_.close();
        }
        out_.open("level");
        out_.attribute("id", in_.scale.notAssessable);
        out_.attribute("goals", count[in_.scale.notAssessable]);
        out_.close();
        out_.close();
    }

    void writeObjectives(const std::string& councilGoal) {
        for (const Located& objective : in_.objectivesOf(councilGoal)) {
            writeObjective(objective, 0);
        }
    }

    void writeObjective(const Located& at, int depth) {
        const pugi::xml_node source = at.node;
        out_.open("objective");
        const std::string id = source.attribute("id").value();
        out_.attribute("id", id);
        out_.attribute("title", source.child_value("title"));
        out_.attribute("deadline", source.child_value("deadline"));
        out_.attribute("responsible", source.child_value("responsible"));
        writeSource(*at.doc, source);
        std::optional<double> latest;
        int latestYear = 0;
        for (pugi::xml_node ref : source.children("indicatorRef")) {
            const auto def = in_.indicators.find(ref.attribute("ref").value());
            out_.open("indicatorStatus");
            out_.attribute("ref", ref.attribute("ref").value());
            if (def == in_.indicators.end()) {
                out_.attribute("value", "not-assessable");
                out_.close();
                continue;
            }
            out_.attribute("name", def->second.name);
            std::optional<double> value;
            int valueYear = 0;
            for (int year : in_.outcomeYears(def->second.index)) {
                const ValueAt v = valueAt(def->second, def->second.unit, year);
                if (v.value) {
                    value = v.value;
                    valueYear = year;
                }
            }
            out_.attribute("value", statusName(statusAt(def->second, def->second.unit)));
            if (value) {
                out_.attribute("latest", formatDecimal(*value, def->second.decimals));
                out_.attribute("year", valueYear);
                if (!latest) {
                    latest = value;
                    latestYear = valueYear;
                }
            }
            out_.close();
        }
        const pugi::xml_node target = source.child("target");
        const pugi::xml_node baseline = source.child("baseline");
        if (target) {
            out_.open("target");
            out_.attribute("value", target.attribute("value").value());
            out_.attribute("year", target.attribute("year").value());
            out_.attribute("measure", target.child_value("measure"));
            out_.close();
        }
        if (baseline) {
            out_.copy(baseline);
        }
        const auto targetValue = parseDecimal(target.attribute("value").value());
        const auto baselineValue = parseDecimal(baseline.attribute("value").value());
        if (latest && targetValue && baselineValue && *targetValue != *baselineValue) {
            out_.open("progress");
            out_.attribute(
                "share",
                formatDecimal((*latest - *baselineValue) / (*targetValue - *baselineValue), 2));
            out_.attribute("latest", formatDecimal(*latest, 2));
            out_.attribute("year", latestYear);
            out_.close();
        }
        int actions = 0;
        int completed = 0;
        for (pugi::xml_node action : source.children("action")) {
            ++actions;
            completed +=
                std::string_view(action.attribute("status").value()) == "completed" ? 1 : 0;
        }
        out_.open("actionSummary");
        out_.attribute("total", actions);
        out_.attribute("completed", completed);
        out_.close();
        if (depth < 16) {
            for (const Located& child : in_.objectivesUnder(id)) {
                writeObjective(child, depth + 1);
            }
        }
        out_.close();
    }

    const RollupInputs& in_;
    XmlWriter out_;
    // Consolidations by indicator, then relevant unit and year (the inputs' slots).
    struct Memo {
        Aggregate aggregate;
        bool done = false;
    };
    std::vector<std::vector<Memo>> memo_;
    std::unordered_map<const RollupGoal*, GoalResult> results_;
    std::vector<std::pair<int, std::optional<double>>> valueOfYear_;
    std::vector<int> committees_;
    std::string source_; // units of type committee or executive board with a plan
};

} // namespace

std::string rollupText(const Workspace::Impl& workspace, Period period) {
    std::vector<Diagnostic> ignored;
    Reporter reporter(ignored);
    const WorkspaceIndex index(workspace, reporter);
    const RollupInputs inputs(index, period);
    std::string text;
    // The rolled-up document is about as large as the workspace it reads, often more: one
    // allocation up front instead of a run of growing copies.
    std::size_t workspaceBytes = 0;
    for (const auto& doc : workspace.documents) {
        workspaceBytes += doc->size;
    }
    text.reserve(workspaceBytes + workspaceBytes / 2);
    RollupWriter(inputs, text).write();
    return text;
}

std::unique_ptr<pugi::xml_document> buildRollup(const Workspace::Impl& workspace, Period period) {
    const std::string text = rollupText(workspace, period);
    auto doc = std::make_unique<pugi::xml_document>();
    const pugi::xml_parse_result parsed = doc->load_buffer(text.data(), text.size());
    if (!parsed) {
        throw InputError(std::string("the rolled-up document does not parse: ") +
                         parsed.description());
    }
    return doc;
}

std::string rollupDocument(const Workspace& workspace, const RollupOptions& options) {
    const auto period = Period::parse(options.period);
    if (!period) {
        throw UsageError("--period must be YEAR or YEAR-tertial, YEAR-delar, YEAR-helar, not \"" +
                         options.period + "\"");
    }
    return rollupText(workspace.impl(), *period);
}

} // namespace rodtrad
