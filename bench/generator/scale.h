#pragma once

#include <optional>
#include <string_view>

namespace rodtrad::bench {

// S is about the size of the bundled example; each step up is roughly ten times the one
// before.
enum class Scale { s, m, l, xl };

std::optional<Scale> parseScale(std::string_view text);
std::string_view scaleName(Scale scale);

// The shape a scale asks for. Counts are targets: the seed varies the tree around them.
struct ScaleParameters {
    int organisationUnits;  // every node of the organisation tree
    int committees;         // besides the executive board
    int maxAdministrations; // per committee
    int companies;
    int nestPercent; // share of units placed under another unit rather than an administration
    int maxNestDepth;
    int councilGoals;
    int minGoals, maxGoals;           // per operational plan
    int minIndicators, maxIndicators; // own indicators per plan goal
    int maxRefs;                      // inherited indicators per plan goal
    int minActivities, maxActivities; // per plan goal
};

ScaleParameters parametersFor(Scale scale);

} // namespace rodtrad::bench
