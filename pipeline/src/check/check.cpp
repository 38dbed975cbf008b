#include "rodtrad/check.h"

#include "check/checks.h"

#include <chrono>

namespace rodtrad {

void checkWorkspace(const Workspace& workspace, const CheckOptions& options,
                    std::vector<Diagnostic>& diagnostics) {
    Reporter reporter(diagnostics);
    const WorkspaceIndex index(workspace.impl(), reporter);
    const CheckContext context{index, reporter,
                               options.asOf ? options.asOf : workspace.defaultAsOf()};
    checkOrganisation(context);
    checkPlans(context);
    checkFollowUps(context);
    checkEms(context);
    checkClauseReferences(context);
}

CheckReport checkWorkspaceDirectory(const std::filesystem::path& directory,
                                    const CheckOptions& options) {
    using Clock = std::chrono::steady_clock;
    CheckReport report;
    const auto start = Clock::now();
    const auto workspace = Workspace::load(directory, options.load, report.diagnostics);
    const auto loaded = Clock::now();
    report.documents = workspace->documentCount();
    report.asOf = options.asOf ? options.asOf : workspace->defaultAsOf();
    CheckOptions resolved = options;
    resolved.asOf = report.asOf;
    checkWorkspace(*workspace, resolved, report.diagnostics);
    sortDiagnostics(report.diagnostics);
    report.loadSeconds = std::chrono::duration<double>(loaded - start).count();
    report.checkSeconds = std::chrono::duration<double>(Clock::now() - loaded).count();
    return report;
}

} // namespace rodtrad
