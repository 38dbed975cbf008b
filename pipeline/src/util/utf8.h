#pragma once

#include <cstddef>
#include <string_view>

namespace rodtrad {

struct DecodedCodePoint {
    char32_t value = 0;     // 0 when not valid
    std::size_t length = 1; // bytes taken; for invalid input, the maximal ill-formed subsequence
    bool valid = false;
};

// Decodes the code point of UTF-8 starting at text[i] (i < text.size()), strictly: no overlong
// forms, no surrogates, nothing above U+10FFFF. Bytes that are not UTF-8 come back as one
// invalid unit per maximal ill-formed subsequence (the Unicode recommendation for U+FFFD
// substitution), so a caller never splits a code point and replaces each error once.
DecodedCodePoint decodeUtf8(std::string_view text, std::size_t i);

} // namespace rodtrad
