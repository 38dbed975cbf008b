#pragma once

#include "layout/font_metrics.h"

#include <hpdf.h>
#include <memory>

namespace rodtrad {

// The fonts documents are set in (DejaVu Sans, regular and bold, from fonts-dejavu-core),
// loaded into a libharu document as embedded UTF-8 TrueType fonts. It measures text for the
// layout engine from the fonts' own advance widths, cached per code point, and hands the PDF
// writer the libharu font for each face. Throws rodtrad::IoError when a font file is missing.
class FontSet : public FontMetrics {
public:
    // pdf: the document the fonts are loaded into (it owns them).
    explicit FontSet(HPDF_Doc pdf);
    ~FontSet() override;

    double width(std::string_view utf8, const FontRef& font) const override;
    double ascent(const FontRef& font) const override;
    double descent(const FontRef& font) const override;
    bool hasGlyph(char32_t codePoint, FontFace face) const override;

    HPDF_Font font(FontFace face) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace rodtrad
