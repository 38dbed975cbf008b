#pragma once

#include <cstddef>

namespace rodtrad {

// Bounds every XML input is held to before any parser sees it. Documents in the schemas are
// shallow (under 15 levels) and small; the limits leave room for large workspaces while
// keeping a hostile file from costing more than its size in memory.
struct ParseLimits {
    std::size_t maxFileBytes = std::size_t{64} * 1024 * 1024;
    int maxDepth = 64;
    std::size_t maxAttributeBytes = 8 * 1024;
    std::size_t maxNameBytes = 256;
    // libxml2 looks for a repeated attribute by comparing each with every other one.
    int maxAttributes = 256;
};

} // namespace rodtrad
