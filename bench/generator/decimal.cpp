#include "decimal.h"

#include <charconv>

namespace rodtrad::bench {

char* Decimal::format(char* out) const {
    std::uint64_t magnitude =
        scaled < 0 ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
    if (scaled < 0) {
        *out++ = '-';
    }
    std::uint64_t unit = 1;
    for (int i = 0; i < decimals; ++i) {
        unit *= 10;
    }
    out = std::to_chars(out, out + 20, magnitude / unit).ptr;
    if (decimals > 0) {
        *out++ = '.';
        std::uint64_t fraction = magnitude % unit;
        for (int i = decimals - 1; i >= 0; --i) {
            out[i] = static_cast<char>('0' + fraction % 10);
            fraction /= 10;
        }
        out += decimals;
    }
    return out;
}

} // namespace rodtrad::bench
