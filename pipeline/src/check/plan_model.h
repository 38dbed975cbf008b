#pragma once

#include "check/index.h"

#include <set>
#include <string>
#include <vector>

namespace rodtrad {

// Helpers over the planning documents shared by the checks and the rollup.

// The indicators a plan measures: its goals' own indicators and the ones they inherit. For a
// strategic plan, the council goals' indicators.
std::set<std::string> planIndicators(pugi::xml_node plan);

// The goals of a plan (council goals for a strategic plan) and the activities under them.
std::vector<pugi::xml_node> planGoals(pugi::xml_node plan);

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
