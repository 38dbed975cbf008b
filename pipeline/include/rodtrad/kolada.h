#pragma once

#include "rodtrad/diagnostic.h"

#include <filesystem>
#include <vector>

namespace rodtrad {

struct KoladaImportReport {
    std::vector<Diagnostic> diagnostics; // refusals (errors), unknown ids (warnings), notes
    std::vector<std::filesystem::path> written;
    int values = 0;   // values read from the responses
    int outcomes = 0; // outcome elements written or confirmed
};

// Reads Kolada API responses (v2 or v3 envelopes: values, count, next_page or next_url) and
// writes their values as outcomes into the follow-ups of every plan that measures an indicator
// with that KPI id, for the municipality (Kolada municipality id, written to the follow-ups of
// the strategic plan) or an organisational unit (Kolada ou id, written to that unit's
// follow-ups), in every draft follow-up of the value's year or later. Gender splits are kept
// for indicators split by gender; a null value stays missing with its status. Re-running gives
// the same files; everything else in them is left byte for byte as it was. Approved follow-ups
// are not changed (reported as notes). A malformed or truncated response refuses the whole
// import: nothing is written unless every response and every changed file is valid.
KoladaImportReport importKolada(const std::vector<std::filesystem::path>& responses,
                                const std::filesystem::path& workspace);

} // namespace rodtrad
