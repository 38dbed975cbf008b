#include "layout/line_breaker.h"
#include "pdf/font_set.h"
#include "rodtrad/error.h"

#include <cmath>
#include <gtest/gtest.h>
#include <hpdf.h>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad {
namespace {

constexpr FontRef kRegular{FontFace::regular, 10};
constexpr FontRef kBold{FontFace::bold, 10};
constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// Counts the calls of a libharu document's error handler; never jumps out of libharu.
void countError(HPDF_STATUS, HPDF_STATUS, void* count) {
    ++*static_cast<int*>(count);
}

// A libharu document with the real fonts loaded.
class RealFonts {
public:
    RealFonts() : pdf_(HPDF_New(countError, &errors_)), fonts_(pdf_) {}
    ~RealFonts() { HPDF_Free(pdf_); }
    RealFonts(const RealFonts&) = delete;
    RealFonts& operator=(const RealFonts&) = delete;

    HPDF_Doc pdf() const { return pdf_; }
    const FontSet& fonts() const { return fonts_; }
    int errors() const { return errors_; }

private:
    int errors_ = 0;
    HPDF_Doc pdf_;
    FontSet fonts_;
};

const Hyphenator& swedish() {
    static const Hyphenator hyphenator(Hyphenator::defaultDictionary());
    return hyphenator;
}

// Every character is half an em wide in the regular face and 0.6 em in bold; bytes that are not
// UTF-8 continuation bytes count as characters. Ascent 0.8 em, descent 0.2 em.
class FixedMetrics : public FontMetrics {
public:
    double width(std::string_view utf8, const FontRef& font) const override {
        double characters = 0;
        for (const char c : utf8) {
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++characters;
            }
        }
        return characters * font.size * (font.face == FontFace::bold ? 0.6 : 0.5);
    }
    double ascent(const FontRef& font) const override { return 0.8 * font.size; }
    double descent(const FontRef& font) const override { return 0.2 * font.size; }
    bool hasGlyph(char32_t codePoint, FontFace) const override { return codePoint < 0x10000; }
};

std::vector<TextRun> plain(std::string_view text, FontRef font = kRegular) {
    return {TextRun{std::string(text), font, Color{}, "", ""}};
}

std::string lineText(const Line& line) {
    std::string text;
    for (const LineRun& run : line.runs) {
        text += run.text;
    }
    return text;
}

std::vector<std::string> texts(const std::vector<Line>& lines) {
    std::vector<std::string> result;
    for (const Line& line : lines) {
        result.push_back(lineText(line));
    }
    return result;
}

// The text a reader gets back by joining the lines, with the hyphens the breaker added removed.
std::string rejoined(const std::vector<Line>& lines) {
    std::string text;
    for (const Line& line : lines) {
        std::string part = lineText(line);
        if (line.hyphenated) {
            EXPECT_EQ(part.back(), '-');
            part.pop_back();
        }
        text += part;
    }
    return text;
}

std::string withoutTrailingSpace(std::string text) {
    if (!text.empty() && text.back() == ' ') {
        text.pop_back();
    }
    return text;
}

std::size_t codePoints(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

bool isWholeUtf8(std::string_view text) {
    std::vector<TextProblem> problems;
    FixedMetrics metrics;
    sanitizeText(text, FontFace::regular, metrics, problems);
    return problems.empty();
}

std::string hyphenated(std::string_view word) {
    std::string result;
    std::size_t previous = 0;
    for (const std::size_t point : swedish().breakPoints(word)) {
        result += std::string(word.substr(previous, point - previous)) + "-";
        previous = point;
    }
    return result + std::string(word.substr(previous));
}

// A municipal paragraph in two faces, with long compounds, numbers and currency.
std::vector<TextRun> municipalParagraph() {
    return {
        TextRun{"Kommunfullmäktige beslutade att ", kRegular, Color{}, "", ""},
        TextRun{"miljöledningssystemsamordnaren", kBold, Color{}, "", ""},
        TextRun{" ska leda förskoleverksamhetsutvecklingen 2025–2027 inom ramen 1 234 567 € "
                "och  återrapportera   till kommunstyrelsen.",
                kRegular, Color{}, "", ""},
    };
}

std::string collapsedText(const std::vector<TextRun>& runs) {
    std::string text;
    for (const TextRun& run : runs) {
        for (const char c : run.text) {
            if (c != ' ' || (!text.empty() && text.back() != ' ')) {
                text += c;
            }
        }
    }
    return withoutTrailingSpace(text);
}

// --- Hyphenator -------------------------------------------------------------------------

TEST(Hyphenator, BreaksSwedishCompoundsAtLegalPoints) {
    EXPECT_EQ(hyphenated("miljöledningssystemsamordnare"),
              "mil-jö-led-nings-sys-tem-sam-ord-na-re");
    EXPECT_EQ(hyphenated("förskoleverksamhetsutveckling"), "för-sko-le-verk-sam-hets-ut-veck-ling");
    EXPECT_EQ(hyphenated("kommunfullmäktige"), "kom-mun-full-mäk-ti-ge");
}

TEST(Hyphenator, TreatsCapitalsLikeLowercase) {
    EXPECT_EQ(hyphenated("KOMMUNFULLMÄKTIGE"), "KOM-MUN-FULL-MÄK-TI-GE");
    EXPECT_EQ(hyphenated("Återrapportering"), "Åter-rap-por-te-ring");
    EXPECT_EQ(swedish().breakPoints("Miljöledningssystemsamordnare"),
              swedish().breakPoints("miljöledningssystemsamordnare"));
}

TEST(Hyphenator, GivesByteOffsetsInTheOriginalWord) {
    // "Åter" is five bytes: the first break is after them, not after four letters' worth.
    ASSERT_FALSE(swedish().breakPoints("Återrapportering").empty());
    EXPECT_EQ(swedish().breakPoints("Återrapportering").front(), 5u);
    // Punctuation around the word shifts the offsets and adds no break of its own.
    EXPECT_EQ(hyphenated("(återrapportering),"), "(åter-rap-por-te-ring),");
    for (const std::size_t point : swedish().breakPoints("förskoleverksamhetsutveckling")) {
        EXPECT_TRUE(
            isWholeUtf8(std::string_view("förskoleverksamhetsutveckling").substr(0, point)));
    }
}

TEST(Hyphenator, LeavesShortWordsAndWordsWithDigitsWhole) {
    EXPECT_TRUE(swedish().breakPoints("plan").empty());
    EXPECT_TRUE(swedish().breakPoints("mål").empty());
    EXPECT_TRUE(swedish().breakPoints("budget2025").empty());
    EXPECT_TRUE(swedish().breakPoints("CO2-utsläppsminskningen").empty());
    EXPECT_TRUE(swedish().breakPoints("").empty());
}

TEST(Hyphenator, NeverBreaksWithinTwoLettersOfEitherEnd) {
    // The dictionary itself allows "o-säkerhet" (LEFTHYPHENMIN 1).
    EXPECT_EQ(hyphenated("osäkerhet"), "osä-ker-het");
    EXPECT_EQ(hyphenated("ekonomi"), "eko-no-mi");
    EXPECT_EQ(hyphenated("e-tjänsteplattformen"), "e-tjäns-te-platt-for-men");
}

TEST(Hyphenator, MissingDictionaryNamesTheFileAndPackage) {
    try {
        Hyphenator missing("/nonexistent/hyph_sv_SE.dic");
        FAIL() << "no exception";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/hyph_sv_SE.dic"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("hyphen-sv"), std::string::npos);
    }
}

// --- LineBreaker ------------------------------------------------------------------------

TEST(LineBreaker, BreaksAtSpacesWithATrailingSpaceOnWrappedLines) {
    FixedMetrics metrics; // 5 pt per character
    const auto lines = breakLines(plain("Mål för verksamheten under året"), 70, metrics, nullptr);
    EXPECT_EQ(texts(lines), (std::vector<std::string>{"Mål för ", "verksamheten ", "under året"}));
    ASSERT_EQ(lines.size(), 3u);
    // The trailing space is text for extraction, not width on the line.
    EXPECT_DOUBLE_EQ(lines[0].width, 35);
    EXPECT_DOUBLE_EQ(lines[1].width, 60);
    EXPECT_DOUBLE_EQ(lines[2].width, 50);
    EXPECT_DOUBLE_EQ(lines[0].ascent, 8);
    EXPECT_DOUBLE_EQ(lines[0].descent, 2);
}

TEST(LineBreaker, ReadsSeveralSpacesAsOne) {
    FixedMetrics metrics;
    EXPECT_EQ(texts(breakLines(plain("  Mål   för\t\tåret  "), 1000, metrics, nullptr)),
              (std::vector<std::string>{"Mål för året"}));
    // Spaces across runs read as the first of them, in its run's font.
    const std::vector<TextRun> runs = {TextRun{"Mål ", kRegular, Color{}, "", ""},
                                       TextRun{" för", kBold, Color{}, "", ""}};
    const auto lines = breakLines(runs, 1000, metrics, nullptr);
    ASSERT_EQ(lines.size(), 1u);
    ASSERT_EQ(lines[0].runs.size(), 2u);
    EXPECT_EQ(lines[0].runs[0].text, "Mål ");
    EXPECT_EQ(lines[0].runs[1].text, "för");
    EXPECT_DOUBLE_EQ(lines[0].runs[1].x, 20);
    EXPECT_TRUE(breakLines(plain(""), 100, metrics, nullptr).empty());
    EXPECT_TRUE(breakLines(plain("   "), 100, metrics, nullptr).empty());
    EXPECT_TRUE(breakLines({}, 100, metrics, nullptr).empty());
}

TEST(LineBreaker, NewlineForcesABreak) {
    FixedMetrics metrics;
    const auto lines = breakLines(plain("Mål 1\nMål 2 \n\nMål 3"), 1000, metrics, nullptr);
    EXPECT_EQ(texts(lines), (std::vector<std::string>{"Mål 1", "Mål 2", "", "Mål 3"}));
    ASSERT_EQ(lines.size(), 4u);
    // The empty line keeps the height of its text.
    EXPECT_DOUBLE_EQ(lines[2].ascent + lines[2].descent, 10);
}

TEST(LineBreaker, MixedFontsShareALine) {
    FixedMetrics metrics;
    const std::vector<TextRun> runs = {
        TextRun{"Budget ", kRegular, Color{}, "", ""},
        TextRun{"i balans", FontRef{FontFace::bold, 12}, Color{0.5, 0, 0}, "goal-1", ""},
        TextRun{" 2025", kRegular, Color{}, "", "en"},
    };
    const auto lines = breakLines(runs, 200, metrics, nullptr);
    ASSERT_EQ(lines.size(), 1u);
    const Line& line = lines[0];
    ASSERT_EQ(line.runs.size(), 3u);
    EXPECT_EQ(line.runs[0].text, "Budget ");
    EXPECT_EQ(line.runs[1].text, "i balans");
    EXPECT_EQ(line.runs[2].text, " 2025");
    EXPECT_DOUBLE_EQ(line.runs[0].x, 0);
    EXPECT_DOUBLE_EQ(line.runs[1].x, 35);
    EXPECT_DOUBLE_EQ(line.runs[2].x, 35 + 8 * 0.6 * 12);
    EXPECT_DOUBLE_EQ(line.runs[1].width, 8 * 0.6 * 12);
    EXPECT_DOUBLE_EQ(line.width, 35 + 8 * 0.6 * 12 + 25);
    EXPECT_EQ(line.runs[1].font, (FontRef{FontFace::bold, 12}));
    EXPECT_EQ(line.runs[1].link, "goal-1");
    EXPECT_EQ(line.runs[1].color, (Color{0.5, 0, 0}));
    EXPECT_EQ(line.runs[2].lang, "en");
    EXPECT_DOUBLE_EQ(line.ascent, 0.8 * 12);
    EXPECT_DOUBLE_EQ(line.descent, 0.2 * 12);
}

TEST(LineBreaker, AWordSpanningRunsMovesAsOne) {
    FixedMetrics metrics;
    const std::vector<TextRun> runs = {
        TextRun{"Ny miljö", kRegular, Color{}, "", ""},
        TextRun{"ledning", kBold, Color{}, "", ""},
        TextRun{"splan", kRegular, Color{}, "", ""},
    };
    // "miljöledningsplan" is 5 × 5 + 7 × 6 + 5 × 5 = 92 pt: it fits a line, not after "Ny ".
    const auto lines = breakLines(runs, 100, metrics, nullptr);
    EXPECT_EQ(texts(lines), (std::vector<std::string>{"Ny ", "miljöledningsplan"}));
    ASSERT_EQ(lines.size(), 2u);
    ASSERT_EQ(lines[1].runs.size(), 3u);
    EXPECT_DOUBLE_EQ(lines[1].runs[1].x, 25);
    EXPECT_DOUBLE_EQ(lines[1].width, 92);
}

TEST(LineBreaker, HyphenatesAnOverlongWordAtTheLastPointThatFits) {
    FixedMetrics metrics; // 12 characters a line, the hyphen included
    const auto lines = breakLines(plain("miljöledningssystemsamordnare"), 60, metrics, &swedish());
    EXPECT_EQ(texts(lines), (std::vector<std::string>{"miljöled-", "ningssystem-", "samordnare"}));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_TRUE(lines[0].hyphenated);
    EXPECT_TRUE(lines[1].hyphenated);
    EXPECT_FALSE(lines[2].hyphenated);
    EXPECT_DOUBLE_EQ(lines[1].width, 60);
}

TEST(LineBreaker, StartsAnOverlongWordAfterTheWordsOnTheLine) {
    FixedMetrics metrics;
    const auto lines =
        breakLines(plain("Nya miljöledningssystemsamordnare"), 60, metrics, &swedish());
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lineText(lines[0]), "Nya miljö-");
    EXPECT_EQ(rejoined(lines), "Nya miljöledningssystemsamordnare");
}

TEST(LineBreaker, BreaksBetweenCharactersWhenNoHyphenationPointFits) {
    FixedMetrics metrics;
    const auto lines = breakLines(plain("abcdefghij"), 20, metrics, nullptr);
    EXPECT_EQ(texts(lines), (std::vector<std::string>{"abcd", "efgh", "ij"}));
    for (const Line& line : lines) {
        EXPECT_FALSE(line.hyphenated);
    }
    // Words with digits are never hyphenated.
    EXPECT_EQ(texts(breakLines(plain("Dnr2025000123"), 25, metrics, &swedish())),
              (std::vector<std::string>{"Dnr20", "25000", "123"}));
}

TEST(LineBreaker, BreaksAfterAHyphenTheWordAlreadyHas) {
    FixedMetrics metrics;
    const auto lines = breakLines(plain("abc-defghij"), 25, metrics, nullptr);
    EXPECT_EQ(texts(lines), (std::vector<std::string>{"abc-", "defgh", "ij"}));
    EXPECT_FALSE(lines[0].hyphenated);
}

TEST(LineBreaker, TinyOrInvalidWidthsStillEnd) {
    FixedMetrics metrics;
    const std::string text = "miljöledningssystemsamordnare och €";
    const std::size_t characters = codePoints(text) - 2; // the spaces end lines
    for (const double width : {1.0, 0.0, -10.0, std::numeric_limits<double>::quiet_NaN()}) {
        const auto lines = breakLines(plain(text), width, metrics, &swedish());
        ASSERT_EQ(lines.size(), characters) << "width " << width;
        for (const Line& line : lines) {
            EXPECT_EQ(codePoints(withoutTrailingSpace(lineText(line))), 1u);
        }
        EXPECT_EQ(rejoined(lines), text);
    }
}

TEST(LineBreaker, AWordOfAMillionLettersIsHyphenatedAtItsPointsAndLosesNothing) {
    FixedMetrics metrics; // 40 characters a line, the hyphen included
    std::string word;
    for (int i = 0; i < 200000; ++i) {
        word += "Lorem";
    }
    const auto lines = breakLines(plain(word), 200, metrics, &swedish());
    EXPECT_EQ(rejoined(lines), word);
    ASSERT_GT(lines.size(), word.size() / 40);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        ASSERT_TRUE(lines[i].hyphenated) << "line " << i;
        ASSERT_LE(lines[i].width, 200) << "line " << i;
    }
    // Broken at the last point that fits ("Lo-rem-Lo-rem"), the hyphen included.
    EXPECT_EQ(lineText(lines[0]), "LoremLoremLoremLoremLoremLoremLoremLo-");
    EXPECT_EQ(lineText(lines[1]), "remLoremLoremLoremLoremLoremLoremLorem-");
}

TEST(LineBreaker, NeverSplitsACodePoint) {
    FixedMetrics metrics;
    const auto lines = breakLines(plain("å€\xF0\x9F\x98\x80ö"), 1, metrics, nullptr);
    EXPECT_EQ(texts(lines), (std::vector<std::string>{"å", "€", "\xF0\x9F\x98\x80", "ö"}));
}

TEST(LineBreaker, NothingIsDroppedAndEveryLineFitsAtAnyWidth) {
    const RealFonts real;
    const auto runs = municipalParagraph();
    const std::string expected = collapsedText(runs);
    for (const double width : {1.0, 4.0, 12.0, 25.0, 40.0, 60.0, 90.0, 140.0, 220.0, 400.0}) {
        SCOPED_TRACE(width);
        const auto lines = breakLines(runs, width, real.fonts(), &swedish());
        EXPECT_EQ(rejoined(lines), expected);
        for (const Line& line : lines) {
            const std::string set = withoutTrailingSpace(lineText(line));
            if (codePoints(set) > 1) {
                EXPECT_LE(line.width, width + 1e-9) << set;
            }
            double measured = 0;
            for (std::size_t r = 0; r < line.runs.size(); ++r) {
                const LineRun& run = line.runs[r];
                const bool last = r + 1 == line.runs.size();
                measured +=
                    real.fonts().width(last ? withoutTrailingSpace(run.text) : run.text, run.font);
            }
            EXPECT_NEAR(line.width, measured, 1e-9) << set;
            EXPECT_TRUE(isWholeUtf8(set)) << set;
        }
    }
}

TEST(LineBreaker, SetsSwedishParagraphsInRealFonts) {
    const RealFonts real;
    const auto lines = breakLines(municipalParagraph(), 150, real.fonts(), &swedish());
    EXPECT_EQ(texts(lines), (std::vector<std::string>{
                                "Kommunfullmäktige ",
                                "beslutade att miljölednings-",
                                "systemsamordnaren ska ",
                                "leda förskoleverksamhetsut-",
                                "vecklingen 2025–2027 inom ",
                                "ramen 1 234 567 € och ",
                                "återrapportera till ",
                                "kommunstyrelsen.",
                            }));
}

// --- FontSet ----------------------------------------------------------------------------

TEST(FontSet, MeasuresLikeLibharuOnARealPage) {
    const RealFonts real;
    HPDF_Page page = HPDF_AddPage(real.pdf());
    ASSERT_NE(page, nullptr);
    const std::vector<std::string> samples = {
        "å",
        "ä",
        "ö",
        "Å",
        "Ä",
        "Ö",
        "–",
        "€",
        "é",
        "ü",
        "Mål för året",
        "Kommunfullmäktige 2025–2027: 1 234 567 € (återrapportering)",
    };
    for (const FontFace face : {FontFace::regular, FontFace::bold}) {
        for (const double size : {7.0, 10.0, 11.5}) {
            HPDF_Page_SetFontAndSize(page, real.fonts().font(face), static_cast<HPDF_REAL>(size));
            for (const std::string& sample : samples) {
                EXPECT_NEAR(real.fonts().width(sample, FontRef{face, size}),
                            HPDF_Page_TextWidth(page, sample.c_str()), 1e-4)
                    << sample;
            }
        }
    }
    // DejaVu Sans: the en dash is half an em, å is as wide as a, bold is wider.
    EXPECT_DOUBLE_EQ(real.fonts().width("–", kRegular), 5);
    EXPECT_DOUBLE_EQ(real.fonts().width("å", kRegular), real.fonts().width("a", kRegular));
    EXPECT_GT(real.fonts().width("Mål", kBold), real.fonts().width("Mål", kRegular));
    EXPECT_EQ(real.errors(), 0);
}

TEST(FontSet, AscentAndDescentComeFromTheFont) {
    const RealFonts real;
    for (const FontFace face : {FontFace::regular, FontFace::bold}) {
        HPDF_Font font = real.fonts().font(face);
        EXPECT_DOUBLE_EQ(real.fonts().ascent(FontRef{face, 10}), HPDF_Font_GetAscent(font) / 100.0);
        EXPECT_DOUBLE_EQ(real.fonts().descent(FontRef{face, 10}),
                         -HPDF_Font_GetDescent(font) / 100.0);
        EXPECT_GT(real.fonts().descent(FontRef{face, 10}), 0);
        EXPECT_GT(real.fonts().ascent(FontRef{face, 10}), real.fonts().descent(FontRef{face, 10}));
    }
}

TEST(FontSet, KnowsWhichCharactersItCanShow) {
    const RealFonts real;
    for (const FontFace face : {FontFace::regular, FontFace::bold}) {
        for (const char32_t c : {U'a', U'å', U'Ö', U'é', U'ü', U'\u2013', U'\u20AC', U'\uFFFD'}) {
            EXPECT_TRUE(real.fonts().hasGlyph(c, face)) << static_cast<unsigned>(c);
        }
        for (const char32_t c : {U'\U0001F600', U'\u4E00', U'\u0378', U'\0'}) {
            EXPECT_FALSE(real.fonts().hasGlyph(c, face)) << static_cast<unsigned>(c);
        }
    }
}

TEST(FontSet, WorksWhenUtf8IsAlreadyEnabled) {
    int errors = 0;
    HPDF_Doc pdf = HPDF_New(countError, &errors);
    ASSERT_EQ(HPDF_UseUTFEncodings(pdf), HPDF_OK);
    EXPECT_NO_THROW(FontSet fonts(pdf));
    EXPECT_EQ(errors, 0);
    HPDF_Free(pdf);
}

TEST(FontSet, ThrowsInsteadOfCallingTheDocumentsErrorHandler) {
    int errors = 0;
    HPDF_Doc pdf = HPDF_New(countError, &errors);
    // Leave the document in libharu's error state: every later call fails.
    EXPECT_EQ(HPDF_GetFont(pdf, "NoSuchFont", nullptr), nullptr);
    ASSERT_EQ(errors, 1);
    EXPECT_THROW(FontSet fonts(pdf), IoError);
    EXPECT_EQ(errors, 1);
    // The error is cleared again and the document's handler is back in place.
    EXPECT_EQ(HPDF_GetError(pdf), HPDF_OK);
    EXPECT_EQ(HPDF_GetFont(pdf, "NoSuchFont", nullptr), nullptr);
    EXPECT_EQ(errors, 2);
    HPDF_Free(pdf);
}

// --- SanitizeText -----------------------------------------------------------------------

TEST(SanitizeText, KeepsSwedishTextAndTypography) {
    const RealFonts real;
    const std::string text = "Mål: Återvinning ökar – 12 € per invånare.\n\tCafé, Müller ÅÄÖ";
    for (const FontFace face : {FontFace::regular, FontFace::bold}) {
        std::vector<TextProblem> problems;
        EXPECT_EQ(sanitizeText(text, face, real.fonts(), problems), text);
        EXPECT_TRUE(problems.empty());
    }
}

TEST(SanitizeText, ReplacesAnEmojiAndSaysWhere) {
    const RealFonts real;
    std::vector<TextProblem> problems;
    const std::string result =
        sanitizeText("Mål \xF0\x9F\x98\x80 klart", FontFace::regular, real.fonts(), problems);
    EXPECT_EQ(result, "Mål " + std::string(kReplacement) + " klart");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].offset, 5u);
    EXPECT_EQ(problems[0].message, "U+1F600 is not in the font");
}

TEST(SanitizeText, ReplacesInvalidUtf8AndSaysWhere) {
    const RealFonts real;
    std::vector<TextProblem> problems;
    const std::string result =
        sanitizeText("Bud\xC3get \xE2\x82 slut\xFF", FontFace::bold, real.fonts(), problems);
    const std::string r(kReplacement);
    EXPECT_EQ(result, "Bud" + r + "get " + r + " slut" + r);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].offset, 3u);
    EXPECT_EQ(problems[0].message, "invalid UTF-8 byte 0xC3");
    EXPECT_EQ(problems[1].offset, 8u);
    EXPECT_EQ(problems[1].message, "invalid UTF-8 bytes 0xE2 0x82");
    EXPECT_EQ(problems[2].offset, 15u);
    EXPECT_EQ(problems[2].message, "invalid UTF-8 byte 0xFF");
}

TEST(SanitizeText, ReplacesCharactersTheFaceLacksAndControls) {
    const RealFonts real;
    std::vector<TextProblem> problems;
    const std::string result =
        sanitizeText("Plan \xE4\xB8\x80\x07", FontFace::regular, real.fonts(), problems);
    EXPECT_EQ(result, "Plan " + std::string(kReplacement) + std::string(kReplacement));
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].offset, 5u);
    EXPECT_EQ(problems[0].message, "U+4E00 is not in the font");
    EXPECT_EQ(problems[1].offset, 8u);
    EXPECT_EQ(problems[1].message, "U+0007 is a control character");
    // Appends: earlier findings stay.
    sanitizeText("\xC3", FontFace::regular, real.fonts(), problems);
    EXPECT_EQ(problems.size(), 3u);
}

} // namespace
} // namespace rodtrad
