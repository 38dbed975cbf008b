#pragma once

#include "scale.h"

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace rodtrad::bench {

struct GeneratorOptions {
    Scale scale = Scale::s;
    std::uint64_t seed = 1;
    std::filesystem::path output;
    bool help = false;
};

// Parses rodtrad-gen's command line. Throws UsageError.
GeneratorOptions parseOptions(int argc, const char* const* argv);
std::string_view usageText();

} // namespace rodtrad::bench
