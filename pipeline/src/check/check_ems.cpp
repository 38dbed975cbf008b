#include "check/checks.h"

namespace rodtrad {

void checkEms(const CheckContext& /*context*/) {}

void checkClauseReferences(const CheckContext& /*context*/) {}

} // namespace rodtrad
