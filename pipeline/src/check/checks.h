#pragma once

#include "check/index.h"
#include "rodtrad/date.h"

#include <optional>

namespace rodtrad {

// The cross-document checks, by family. Each appends its findings through the reporter; none
// stops at the first. Codes are listed in pipeline/README.md.
struct CheckContext {
    const WorkspaceIndex& index;
    Reporter& report;
    std::optional<Date> asOf;
};

void checkOrganisation(const CheckContext& context);
void checkPlans(const CheckContext& context);
void checkFollowUps(const CheckContext& context);
void checkEms(const CheckContext& context);
void checkClauseReferences(const CheckContext& context);

} // namespace rodtrad
