#pragma once

#include <cstdint>

namespace rodtrad::bench {

// A decimal number as an integer count of 10^-decimals, so that values are generated and
// printed exactly, without binary floating point or the locale in the way.
struct Decimal {
    std::int64_t scaled = 0;
    int decimals = 0;

    // Writes the number ("-12.50", "7") into out, which must hold 24 characters; returns the
    // end.
    char* format(char* out) const;
};

} // namespace rodtrad::bench
