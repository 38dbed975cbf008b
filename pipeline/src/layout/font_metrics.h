#pragma once

#include "layout/drawing.h"

#include <string>
#include <string_view>

namespace rodtrad {

// Measures text in the fonts documents are set in. The layout engine depends only on this
// interface, so it can be tested without writing a PDF.
class FontMetrics {
public:
    virtual ~FontMetrics() = default;
    // Advance width of UTF-8 text in points (no kerning: the PDF writer sets none either).
    virtual double width(std::string_view utf8, const FontRef& font) const = 0;
    // Distance from the baseline to the top and (positive) to the bottom of the face, in points.
    virtual double ascent(const FontRef& font) const = 0;
    virtual double descent(const FontRef& font) const = 0;
    // True if the face has a glyph for the code point.
    virtual bool hasGlyph(char32_t codePoint, FontFace face) const = 0;
};

} // namespace rodtrad
