#include "pdf/font_set.h"

#include "rodtrad/error.h"
#include "util/utf8.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <string>
#include <string_view>
#include <system_error>

namespace rodtrad {
namespace {

constexpr std::string_view kFontPackage = "fonts-dejavu-core";
constexpr std::array<std::string_view, 2> kFontFiles = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",      // FontFace::regular
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", // FontFace::bold
};
constexpr const char* kEncoding = "UTF-8";
// libharu gives widths, ascent and descent in thousandths of an em.
constexpr double kUnitsPerEm = 1000;
constexpr std::size_t kBmpSize = 0x10000;
constexpr char32_t kReplacementCharacter = 0xFFFD;

// A glyph cache entry: 0 until looked up, then kKnown, kHasGlyph if the font has a glyph, and
// the advance width (libharu's HPDF_INT16, as unsigned 16 bits) in the low bits.
constexpr std::uint32_t kKnown = 1u << 31;
constexpr std::uint32_t kHasGlyph = 1u << 30;
constexpr std::uint32_t kWidthMask = 0xFFFFu;

std::size_t faceIndex(FontFace face) {
    return face == FontFace::bold ? 1 : 0;
}

// One code point of UTF-8 at text[i] and its length in bytes; bytes that are not UTF-8 read as
// U+FFFD, one per maximal ill-formed subsequence, as sanitizeText replaces them.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    const DecodedCodePoint d = decodeUtf8(text, i);
    return {d.valid ? d.value : kReplacementCharacter, d.length};
}

std::string hex(unsigned value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%04X", value);
    return text;
}

// Routes libharu's errors into this object while it lives, so that the document's own handler
// (which may longjmp or abort) never runs during FontSet's calls, and restores it afterwards.
class ErrorTrap {
public:
    explicit ErrorTrap(HPDF_Doc pdf)
        : pdf_(pdf), savedHandler_(pdf->error.error_fn), savedData_(pdf->error.user_data) {
        pdf_->error.error_fn = &ErrorTrap::record;
        pdf_->error.user_data = this;
    }
    ~ErrorTrap() {
        pdf_->error.error_fn = savedHandler_;
        pdf_->error.user_data = savedData_;
    }
    ErrorTrap(const ErrorTrap&) = delete;
    ErrorTrap& operator=(const ErrorTrap&) = delete;

    // Throws IoError if libharu reported an error since the last check (some calls only set
    // the document's error state without calling the handler) or if ok is false.
    void check(bool ok, const std::string& what) {
        if (status_ == HPDF_OK) {
            status_ = HPDF_GetError(pdf_);
            detail_ = HPDF_GetErrorDetail(pdf_);
        }
        if (ok && status_ == HPDF_OK) {
            return;
        }
        const std::string message =
            what + ": libharu error " + hex(status_) + " (detail " + std::to_string(detail_) + ")";
        status_ = HPDF_OK;
        detail_ = HPDF_OK;
        HPDF_ResetError(pdf_);
        throw IoError(message);
    }

private:
    static void record(HPDF_STATUS status, HPDF_STATUS detail, void* data) noexcept {
        auto* trap = static_cast<ErrorTrap*>(data);
        if (trap->status_ == HPDF_OK) {
            trap->status_ = status;
            trap->detail_ = detail;
        }
    }

    HPDF_Doc pdf_;
    HPDF_Error_Handler savedHandler_;
    void* savedData_;
    HPDF_STATUS status_ = HPDF_OK;
    HPDF_STATUS detail_ = HPDF_OK;
};

} // namespace

struct FontSet::Impl {
    struct Face {
        HPDF_Font font = nullptr;
        HPDF_FontDef definition = nullptr;
        double ascent = 0;  // thousandths of an em, above the baseline
        double descent = 0; // thousandths of an em, below the baseline (positive)
        // Filled lazily per code point. Relaxed atomics make concurrent measuring safe: two
        // threads looking up the same code point store the same value.
        std::unique_ptr<std::atomic<std::uint32_t>[]> glyphs =
            std::make_unique<std::atomic<std::uint32_t>[]>(kBmpSize);

        std::uint32_t glyph(char32_t c) const {
            std::atomic<std::uint32_t>& slot = glyphs[c];
            std::uint32_t entry = slot.load(std::memory_order_relaxed);
            if (entry == 0) {
                // The same lookup libharu's HPDF_TTFontDef_GetCharWidth makes, without marking
                // the glyph for embedding (drawing marks what is drawn) and without writing to
                // the font definition, so measuring stays read-only.
                const HPDF_UINT16 id =
                    HPDF_TTFontDef_GetGlyphid(definition, static_cast<HPDF_UINT16>(c));
                const HPDF_INT16 width = HPDF_TTFontDef_GetGidWidth(definition, id);
                entry = kKnown | (id != 0 ? kHasGlyph : 0u) |
                        (static_cast<std::uint32_t>(static_cast<std::uint16_t>(width)));
                slot.store(entry, std::memory_order_relaxed);
            }
            return entry;
        }

        // Thousandths of an em; libharu draws code points beyond the BMP as nothing useful,
        // and sanitizeText puts U+FFFD in their place, so they measure as U+FFFD.
        int advance(char32_t c) const {
            if (c >= kBmpSize) {
                c = kReplacementCharacter;
            }
            return static_cast<std::int16_t>(static_cast<std::uint16_t>(glyph(c) & kWidthMask));
        }
    };

    std::array<Face, 2> faces;

    const Face& face(FontFace f) const { return faces[faceIndex(f)]; }
};

FontSet::FontSet(HPDF_Doc pdf) : impl_(std::make_unique<Impl>()) {
    if (pdf == nullptr) {
        throw Error("FontSet needs a libharu document");
    }
    ErrorTrap trap(pdf);
    if (HPDF_Doc_FindEncoder(pdf, kEncoding) == nullptr) {
        trap.check(HPDF_UseUTFEncodings(pdf) == HPDF_OK, "cannot enable UTF-8 in libharu");
    }
    for (std::size_t i = 0; i < kFontFiles.size(); ++i) {
        const std::string file(kFontFiles[i]);
        std::error_code error;
        if (!std::filesystem::is_regular_file(file, error)) {
            throw IoError("font file " + file + " not found (Debian package " +
                          std::string(kFontPackage) + ")");
        }
        const char* name = HPDF_LoadTTFontFromFile(pdf, file.c_str(), HPDF_TRUE);
        trap.check(name != nullptr, "cannot load font " + file);
        Impl::Face& face = impl_->faces[i];
        face.font = HPDF_GetFont(pdf, name, kEncoding);
        trap.check(face.font != nullptr, "cannot use font " + file + " with UTF-8");
        face.definition = static_cast<HPDF_FontAttr>(face.font->attr)->fontdef;
        if (face.definition == nullptr || face.definition->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
            throw IoError("font " + file + " did not load as a TrueType font");
        }
        face.ascent = HPDF_Font_GetAscent(face.font);
        face.descent = -static_cast<double>(HPDF_Font_GetDescent(face.font));
        trap.check(true, "cannot read the metrics of font " + file);
    }
}

FontSet::~FontSet() = default;

double FontSet::width(std::string_view utf8, const FontRef& font) const {
    const Impl::Face& face = impl_->face(font.face);
    long total = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte < 0x80) {
            total += face.advance(byte);
            ++i;
            continue;
        }
        const auto [c, length] = decode(utf8, i);
        total += face.advance(c);
        i += length;
    }
    return static_cast<double>(total) * font.size / kUnitsPerEm;
}

double FontSet::ascent(const FontRef& font) const {
    return impl_->face(font.face).ascent * font.size / kUnitsPerEm;
}

double FontSet::descent(const FontRef& font) const {
    return impl_->face(font.face).descent * font.size / kUnitsPerEm;
}

bool FontSet::hasGlyph(char32_t codePoint, FontFace face) const {
    // libharu's UTF-8 encoder has 16-bit codes only: nothing beyond the BMP can be shown.
    if (codePoint >= kBmpSize) {
        return false;
    }
    return (impl_->face(face).glyph(codePoint) & kHasGlyph) != 0;
}

HPDF_Font FontSet::font(FontFace face) const {
    return impl_->face(face).font;
}

} // namespace rodtrad
