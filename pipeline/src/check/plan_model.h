#pragma once

#include "check/index.h"

#include <set>
#include <string>

namespace rodtrad {

// Helpers over the planning documents shared by the checks and the rollup.

// The indicators a plan measures: its goals' own indicators and the ones they inherit.
std::set<std::string> planIndicators(pugi::xml_node operationalPlan);

// The goal that owns an indicator (council goal or plan goal), if any.
pugi::xml_node owningGoal(const Located& indicator);

// True if goalId's chain of parents (goal, its parent, ...) reaches ancestorId. Bounded, so a
// cycle in the data ends the walk.
bool goalChainContains(const WorkspaceIndex& index, std::string_view goalId,
                       std::string_view ancestorId);

// True if goalId's chain of parents resolves all the way up to a council goal.
bool goalChainComplete(const WorkspaceIndex& index, std::string_view goalId);

// The level ids of the assessment scale of a strategic plan, notAssessable included.
std::set<std::string> scaleLevels(pugi::xml_node strategicPlan);

} // namespace rodtrad
