#include "layout/drawing.h"

namespace rodtrad {

Color Color::fromHex(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') {
        return {};
    }
    auto channel = [&](std::size_t at) {
        int value = 0;
        for (std::size_t i = at; i < at + 2; ++i) {
            const char c = hex[i];
            value *= 16;
            if (c >= '0' && c <= '9') {
                value += c - '0';
            } else if (c >= 'a' && c <= 'f') {
                value += c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                value += c - 'A' + 10;
            } else {
                return -1;
            }
        }
        return value;
    };
    const int r = channel(1);
    const int g = channel(3);
    const int b = channel(5);
    if (r < 0 || g < 0 || b < 0) {
        return {};
    }
    return {r / 255.0, g / 255.0, b / 255.0};
}

} // namespace rodtrad
