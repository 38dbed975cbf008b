#pragma once

#include "rodtrad/diagnostic.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rodtrad {

// One value of a Kolada data record: T (total), K (women) or M (men); a null value is missing,
// with Kolada's status (for instance "Missing").
struct KoladaValue {
    char gender = 'T';
    std::optional<double> value;
    std::string status;
};

struct KoladaRecord {
    std::string kpi;
    std::string municipality; // Kolada municipality id, or empty
    std::string ou;           // Kolada organisational unit id, or empty
    int period = 0;
    std::vector<KoladaValue> values;
    std::string path; // "values[3]" in its response, for messages
};

// Reads one response: the v2 envelope {"values": [...], "count": N, "next_page": url} or the
// v3 one with "next_url". Anything malformed, truncated or of the wrong shape is an error
// naming the file and the line (syntax) or the field (shape); returns nullopt then.
std::optional<std::vector<KoladaRecord>> readKoladaResponse(const std::filesystem::path& file,
                                                            std::vector<Diagnostic>& diagnostics);

} // namespace rodtrad
