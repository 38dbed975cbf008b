#pragma once

#include "calendar_date.h"
#include "ems_model.h"
#include "id_text.h"
#include "scale.h"
#include "vocabulary.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad::bench {

// The workspace as the generator sees it before a byte is written: the organisation tree,
// the goal breakdown with its indicators and activities, and the EMS records. Only structure
// and numbers live here; the prose is drawn while writing, from a random stream per entity, so
// writing order never changes the output.

enum class OrgType : std::uint8_t {
    municipality,
    council,
    executiveBoard,
    committee,
    administration,
    unit,
    company
};
std::string_view orgTypeName(OrgType type);

enum class ActivityStatus : std::uint8_t { planned, ongoing, completed, delayed, cancelled };
std::string_view activityStatusName(ActivityStatus status);

enum class PeriodKind : std::uint8_t { tertial, delar, helar };
std::string_view periodKindName(PeriodKind kind);
inline constexpr std::array<PeriodKind, 3> periodKinds{PeriodKind::tertial, PeriodKind::delar,
                                                       PeriodKind::helar};

// The rule a goal is assessed by; the strategic plan defines them as andel, viktad and samst.
enum class RuleChoice : std::uint8_t { byDefault, weighted, worstOf };

struct OrgNode {
    std::string id;
    std::string name;
    std::string manager;  // empty: none recorded
    std::string koladaOu; // empty: none
    OrgType type = OrgType::unit;
    int parent = -1;
    int domain = 0;      // the committee area (domains()) the node belongs to
    int body = -1;       // the committee, executive board or company whose diary numbers it uses
    int planParent = -1; // nearest node above with a plan; -1: breaks down council goals
    int plan = -1;
    int depth = 0; // units below the administration: 1 for a unit directly under it
    std::vector<int> children;
};

struct Plan {
    int node = -1;
    int firstGoal = 0;
    int goalCount = 0;
    int riskCount = 0;
    std::array<std::int64_t, 3> costs{};    // tkr, per year of the plan period
    std::array<std::int64_t, 3> revenues{}; // tkr
};

struct Goal {
    int plan = -1;        // -1: a council goal
    int number = 0;       // 1-based within its plan or the strategic plan
    int parent = -1;      // the goal it breaks down
    int councilGoal = -1; // top of the chain (itself for a council goal)
    int theme = 0;
    RuleChoice rule = RuleChoice::byDefault;
    int firstIndicator = 0, indicatorCount = 0;
    int firstRef = 0, refCount = 0;
    int firstActivity = 0, activityCount = 0;
};

struct Indicator {
    int goal = -1;
    int number = 0;        // 1-based within the goal
    int templateIndex = 0; // in the goal's theme
    bool kolada = false;
    std::int64_t level = 0; // expected value in the first year of the history
    std::int64_t trend = 0; // expected change per year
    int weightTenths = 0;   // weight under a weighted rule; 0: none given
};

struct IndicatorRef {
    int indicator = -1;
    int weightTenths = 0;
};

struct Activity {
    int goal = -1;
    int number = 0;
    CalendarDate due;
    ActivityStatus status = ActivityStatus::planned;
};

struct Model {
    static constexpr int planYear = 2025;
    static constexpr int periodFrom = 2025;
    static constexpr int periodTo = 2027;
    static constexpr int historyYears = 10;
    static constexpr int firstHistoryYear = planYear - historyYears + 1;
    // The end of the latest follow-up period: the date `rodtrad check` judges due dates at.
    static constexpr CalendarDate asOf{planYear, 12, 31};

    Scale scale = Scale::s;
    std::uint64_t seed = 0;
    int unitIdWidth = 3;

    std::vector<OrgNode> nodes; // parents before children; nodes[0] is the municipality
    int councilNode = 1;
    int executiveBoardNode = 2;
    std::vector<Plan> plans;
    int councilGoalCount = 0;
    std::vector<Goal> goals; // council goals first
    std::vector<Indicator> indicators;
    std::vector<IndicatorRef> refs;
    std::vector<Activity> activities;
    EmsModel ems;

    const IndicatorTemplate& indicatorTemplate(int indicator) const;
    const Theme& goalTheme(int goal) const;

    static constexpr std::string_view strategicPlanId = "mal-och-budget-2025";
    IdText goalId(int goal) const;
    IdText indicatorId(int indicator) const;
    IdText activityId(int activity) const;
    IdText planId(int plan) const;
    IdText followUpId(int plan, PeriodKind kind) const;
    // "BUN 2024/0123": the diary number of a document of node's committee.
    IdText documentNumber(int node, int year, int serial) const;
};

} // namespace rodtrad::bench
