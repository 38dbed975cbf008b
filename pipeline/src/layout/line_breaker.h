#pragma once

#include "layout/drawing.h"
#include "layout/font_metrics.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace rodtrad {

// Swedish hyphenation with libhyphen and the hyphen-sv dictionary, so long compounds
// ("miljöledningssystemsamordnare") fit narrow table cells.
class Hyphenator {
public:
    // Loads the dictionary; throws rodtrad::IoError if it cannot.
    explicit Hyphenator(const std::filesystem::path& dictionary);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Byte offsets inside word (UTF-8) where it may be broken with a hyphen, ascending. Words
    // with digits, or shorter than five letters, have none.
    std::vector<std::size_t> breakPoints(std::string_view word) const;

    // The dictionary Debian's hyphen-sv installs.
    static std::filesystem::path defaultDictionary();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A styled piece of a paragraph.
// A run's link names a file beside the document (in an evidence pack) when it starts so.
inline constexpr std::string_view externalLinkPrefix = "file:";

struct TextRun {
    std::string text; // UTF-8
    FontRef font;
    Color color;
    std::string link; // anchor id this run links to, or externalLinkPrefix + a relative file
    std::string lang; // BCP 47 tag when the passage is in another language than the document
};

// A run placed on a line: x is its offset from the line's start.
struct LineRun {
    std::string text;
    FontRef font;
    Color color;
    std::string link;
    std::string lang;
    double x = 0;
    double width = 0;
};

struct Line {
    std::vector<LineRun> runs;
    double width = 0;        // of the text set on the line
    double ascent = 0;       // largest of its runs
    double descent = 0;      // largest of its runs (positive)
    bool hyphenated = false; // ends in a hyphen the breaker inserted
};

// Breaks runs into lines no wider than width: at spaces (several spaces read as one; a newline
// in the text forces a break); a word wider than a line is hyphenated at the last break point
// that fits, or, when none fits, broken between characters. Every character of the input ends
// up on some line, once, in order; the loop always advances, whatever the width. Lines end
// with a trailing space where a space broke them, so extracted text does not join words.
std::vector<Line> breakLines(const std::vector<TextRun>& runs, double width,
                             const FontMetrics& metrics, const Hyphenator* hyphenator);

// A character the font cannot show, or a byte that is not UTF-8, found in text before it is set.
struct TextProblem {
    std::size_t offset = 0; // in the original text
    std::string message;    // "U+1F600 is not in the font", "invalid UTF-8 byte 0xC3"
};

// Returns text with every invalid byte and every character the face cannot show replaced by
// U+FFFD (shown, so nothing vanishes), and appends what was replaced to problems.
std::string sanitizeText(std::string_view text, FontFace face, const FontMetrics& metrics,
                         std::vector<TextProblem>& problems);

} // namespace rodtrad
