#pragma once

#include "rodtrad/date.h"
#include "rodtrad/diagnostic.h"
#include "rodtrad/workspace.h"

#include <optional>
#include <vector>

namespace rodtrad {

struct CheckOptions {
    LoadOptions load;
    // The day time-dependent checks (evaluations due, reviews overdue) are judged at.
    // Defaults to Workspace::defaultAsOf().
    std::optional<Date> asOf;
    // Wall time of loading and of checking in seconds, for benchmarks (never in the findings).
    double loadSeconds = 0;
    double checkSeconds = 0;
};

// Runs every cross-document check on a loaded workspace and appends its findings.
void checkWorkspace(const Workspace& workspace, const CheckOptions& options,
                    std::vector<Diagnostic>& diagnostics);

struct CheckReport {
    std::vector<Diagnostic> diagnostics; // sorted
    std::size_t documents = 0;
    std::optional<Date> asOf;
    // Wall time of loading and of checking in seconds, for benchmarks (never in the findings).
    double loadSeconds = 0;
    double checkSeconds = 0;
};

// Loads and checks the workspace in one go, as `rodtrad check` does.
CheckReport checkWorkspaceDirectory(const std::filesystem::path& directory,
                                    const CheckOptions& options);

} // namespace rodtrad
