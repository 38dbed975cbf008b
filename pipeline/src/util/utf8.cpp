#include "util/utf8.h"

namespace rodtrad {

DecodedCodePoint decodeUtf8(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned lead = byte(i);
    if (lead < 0x80) {
        return {lead, 1, true};
    }
    std::size_t length = 0;
    char32_t value = 0;
    unsigned low = 0x80;
    unsigned high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
        low = lead == 0xE0 ? 0xA0 : low;   // no overlong forms
        high = lead == 0xED ? 0x9F : high; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
        low = lead == 0xF0 ? 0x90 : low;
        high = lead == 0xF4 ? 0x8F : high; // nothing above U+10FFFF
    } else {
        return {0, 1, false};
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (i + k >= text.size() || byte(i + k) < low || byte(i + k) > high) {
            return {0, k, false};
        }
        value = (value << 6) | (byte(i + k) & 0x3Fu);
        low = 0x80;
        high = 0xBF;
    }
    return {value, length, true};
}

} // namespace rodtrad
