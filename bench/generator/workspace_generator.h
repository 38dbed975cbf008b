#pragma once

#include "options.h"

#include <cstdint>

namespace rodtrad::bench {

struct GenerationSummary {
    std::uint64_t organisationUnits = 0;
    std::uint64_t plans = 0;
    std::uint64_t goals = 0; // council goals and plan goals
    std::uint64_t indicators = 0;
    std::uint64_t activities = 0;
    std::uint64_t outcomes = 0;
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
};

// Writes a whole workspace: builds the model, writes every document into DIR.tmp and renames
// it to DIR only when all of it is written, so that DIR never holds half a workspace.
//
//   organisation.xml, strategic-plan.xml
//   plans/<unit>-<year>.xml
//   follow-ups/<unit>-<year>-<tertial|delar|helar>.xml (the council's: follow-ups of the
//   strategic plan)
//   ems/<kind>.xml (one audit report per held audit: ems/audit-report-<audit>.xml)
class WorkspaceGenerator {
public:
    explicit WorkspaceGenerator(GeneratorOptions options);
    // Throws IoError when DIR is not new or empty, or when writing fails.
    GenerationSummary run();

private:
    GeneratorOptions options_;
};

} // namespace rodtrad::bench
