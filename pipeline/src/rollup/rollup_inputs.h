#pragma once

#include "check/index.h"
#include "model/period.h"
#include "rollup/assessment.h"
#include "rollup/consolidation.h"
#include "rollup/indicator_status.h"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rodtrad {

// Everything the rollup reads from a checked workspace for one period, gathered once and
// indexed for the computation.
struct RollupUnit {
    std::string id;
    std::string type;
    std::string name;
    int parent = -1;
    std::vector<int> children;
    int depth = 0;
    int order = 0; // pre-order position in the organisation
    pugi::xml_node node;
};

struct IndicatorDefinition {
    std::string id;
    int index = -1; // interned
    Located at;
    std::string goal; // the goal that defines it
    int unit = -1;    // the unit owning that goal
    Direction direction = Direction::higher;
    Formula formula = Formula::own;
    std::string weightName;
    int decimals = 1;
    double weight = 1.0;
    YellowBand band;
    struct Target {
        double value = 0;
        std::optional<double> yellow;
        pugi::xml_node node;
    };
    std::vector<std::pair<int, Target>> targets; // by year, ascending
    const Target* targetFor(int year) const;
    // Read once from the definition, for every place the indicator is written.
    std::string_view name;
    std::string_view measure;
    pugi::xml_attribute kolada;
    bool genderSplit = false;
    pugi::xml_node baseline;
    std::string source; // "path#id"
};

struct ReportedOutcome {
    std::optional<double> value;
    // The attributes as written (null when absent), read once.
    const char* valueText = nullptr;
    const char* status = nullptr;
    const char* source = nullptr;
    const Document* doc = nullptr;
    pugi::xml_node node;
};

// Where a figure came from, appended to out: "path#id" for an element with an id (a
// definition), "path:line" for one without (a reported value).
void appendSource(std::string& out, const Document& doc, pugi::xml_node node);

struct RollupGoal {
    std::string id;
    Located at;
    int unit = -1;
    bool council = false;
    std::string rule;
    std::vector<std::string> children; // plan goals breaking this one down, in organisation order
};

class RollupInputs {
public:
    RollupInputs(const WorkspaceIndex& index, Period period);

    const WorkspaceIndex& index;
    Period period;
    const Document* strategicPlan = nullptr;
    AssessmentScale scale;
    std::map<std::string, AssessmentRule> rules;
    std::string defaultRule;

    std::vector<RollupUnit> units; // index 0 is the top
    std::unordered_map<std::string, int> unitIndex;
    std::unordered_map<std::string, IndicatorDefinition> indicators;
    std::unordered_map<std::string, RollupGoal> goals;
    std::vector<const Document*> plans;                  // of the year, in organisation order
    std::unordered_map<int, const Document*> followUpOf; // the unit's follow-up for the period

    int unitOf(const std::string& id) const;
    // Indicators are interned: every id an outcome or a definition names gets a small number.
    int indicatorIndex(const std::string& id) const;
    const ReportedOutcome* reported(int indicator, int unit, int year) const;
    std::optional<double> weightOf(int unit, const std::string& name) const;
    // Years with an outcome for the indicator anywhere, up to the period's year.
    std::span<const int> outcomeYears(int indicator) const;
    // Units whose subtree holds a report of the indicator.
    bool relevant(int indicator, int unit) const;
    // Dense numbering for caches of per-indicator results: the position of a relevant unit and
    // of a year with data among the indicator's, or -1; and how many of each there are.
    int relevantSlot(int indicator, int unit) const;
    int yearSlot(int indicator, int year) const;
    std::size_t relevantCount(int indicator) const;
    std::size_t indicatorCount() const { return data_.size(); }
    // The children of a unit whose subtrees hold a report of the indicator, in organisation
    // order.
    std::span<const int> relevantChildren(int indicator, int unit) const;
    // The effective status of an activity for the period and where it was last reported.
    std::pair<std::string_view, pugi::xml_node> activityStatus(pugi::xml_node activity) const;
    // The manual assessment of a goal in the follow-up of the period, if any.
    pugi::xml_node manualAssessment(const std::string& goal, int unit) const;
    pugi::xml_node analysis(const std::string& goal, int unit) const;
    // Environmental objectives serving a council goal, and the objectives under one.
    std::vector<Located> objectivesOf(const std::string& councilGoal) const;
    std::vector<Located> objectivesUnder(const std::string& objective) const;

private:
    void gatherUnits();
    void gatherStrategicPlan();
    void gatherPlans();
    void gatherFollowUps();
    void addIndicator(pugi::xml_node node, const Document& doc, const std::string& goal, int unit);

    int intern(std::string_view id);
    // Ids looked up by string_view without building a string.
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view id) const {
            return std::hash<std::string_view>{}(id);
        }
    };
    template <typename T> using IdMap = std::unordered_map<std::string, T, IdHash, std::equal_to<>>;

    struct Reported {
        int unit = 0;
        int year = 0;
        int sequence = 0; // order of reading: a later report of the same unit and year wins
        ReportedOutcome outcome;
    };
    // What is known of one indicator, in flat sorted arrays: indicators are many and most are
    // reported by few units.
    struct IndicatorData {
        std::vector<Reported> reported; // by unit, then year
        std::vector<int> years;         // with a report, ascending
        std::vector<int> relevant;      // units whose subtree reports, ascending
        // Relevant children by parent: parents[i] has children[begin[i]..begin[i+1]).
        std::vector<int> parents;
        std::vector<int> childBegin;
        std::vector<int> children;
    };
    void indexReports(IndicatorData& data) const;
    IdMap<int> indicatorIndex_;
    std::vector<IndicatorData> data_; // by indicator index
    std::unordered_map<int, std::map<std::string, double>> weights_;
    IdMap<std::pair<std::string_view, pugi::xml_node>> activityReports_;
    // Of the period's follow-ups, by goal id: the unit reporting and the element.
    using ByUnit = std::vector<std::pair<int, pugi::xml_node>>;
    IdMap<ByUnit> assessments_;
    IdMap<ByUnit> analyses_;
    static pugi::xml_node find(const IdMap<ByUnit>& map, std::string_view goal, int unit);
    std::unordered_map<std::string, std::vector<Located>> objectivesByGoal_;
    std::unordered_map<std::string, std::vector<Located>> objectivesByParent_;
};

} // namespace rodtrad
