#pragma once

#include "rodtrad/date.h"
#include "rodtrad/workspace.h"

#include <optional>
#include <string>

namespace rodtrad {

struct RollupOptions {
    // "2025-helar", "2025-delar", "2025-tertial" or a bare year (helår).
    std::string period;
};

// Computes the red thread for one period and writes the rolled-up document
// (schemas/rollup.xsd): the goal tree from perspective to unit activities, every indicator's
// targets, outcome history, consolidation, status and trend, goal assessments by the plan's
// rules (manual assessments shown as such), each council goal's coverage by the committees and
// their fulfilment, environmental objectives joined to the council goals they serve, and where
// every figure came from. Deterministic: the same workspace gives the same bytes.
//
// The workspace must have passed checkWorkspace without errors. Throws UsageError for a
// malformed period and InputError when no strategic plan covers it.
std::string rollupDocument(const Workspace& workspace, const RollupOptions& options);

} // namespace rodtrad
