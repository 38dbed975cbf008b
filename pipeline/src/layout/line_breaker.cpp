#include "layout/line_breaker.h"

#include "util/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <limits>
#include <string_view>

namespace rodtrad {
namespace {

// Widths are sums of separately measured pieces: allow for the rounding that adds.
constexpr double kFitTolerance = 1e-9;
constexpr std::string_view kSpace = " ";
constexpr std::string_view kHyphen = "-";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD
constexpr char32_t kReplacementCodePoint = 0xFFFD;
constexpr std::string_view kReplacementFallback = "?";
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// False for NaN, so a width that is not a number fits nothing and breaks after every character.
bool fits(double width, double available) {
    return width <= available + kFitTolerance;
}

// Spaces collapse and may break a line; a newline forces a break. Other spaces (no-break space,
// thin space) are part of the word they stand in.
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

using Decoded = DecodedCodePoint;

Decoded decode(std::string_view text, std::size_t i) {
    return decodeUtf8(text, i);
}

// A word (text between spaces) can span runs: one piece per run it touches.
struct Piece {
    std::size_t run = 0;
    std::size_t begin = 0; // bytes in the run's text
    std::size_t end = 0;
    double width = 0;
    std::size_t offset = 0; // of the piece in the whole word, set for over-long words
};

// A place an over-long word may be broken: before character `index`, with or without an
// inserted hyphen (after a hyphen the word already has, none is added).
struct Candidate {
    std::size_t index = 0;
    bool hyphen = false;
};

class Breaker {
public:
    Breaker(const std::vector<TextRun>& runs, double width, const FontMetrics& metrics,
            const Hyphenator* hyphenator)
        : runs_(runs), width_(width), metrics_(metrics), hyphenator_(hyphenator),
          spaceWidths_(runs.size(), -1), hyphenWidths_(runs.size(), -1) {}

    std::vector<Line> run() {
        for (std::size_t r = 0; r < runs_.size(); ++r) {
            const std::string& text = runs_[r].text;
            std::size_t i = 0;
            while (i < text.size()) {
                const char c = text[i];
                if (c == '\n') {
                    placeWord();
                    forceBreak(r);
                    ++i;
                } else if (isSpace(c)) {
                    placeWord();
                    if (!pendingSpace_) {
                        pendingSpace_ = true;
                        spaceRun_ = r;
                    }
                    ++i;
                } else {
                    std::size_t end = i + 1;
                    while (end < text.size() && text[end] != '\n' && !isSpace(text[end])) {
                        ++end;
                    }
                    word_.push_back(Piece{r, i, end});
                    i = end;
                }
            }
        }
        placeWord();
        if (!line_.runs.empty()) {
            finishLine(false);
        }
        return std::move(lines_);
    }

private:
    std::string_view text(const Piece& piece) const {
        return std::string_view(runs_[piece.run].text).substr(piece.begin, piece.end - piece.begin);
    }

    double spaceWidth(std::size_t run) {
        if (spaceWidths_[run] < 0) {
            spaceWidths_[run] = metrics_.width(kSpace, runs_[run].font);
        }
        return spaceWidths_[run];
    }

    double hyphenWidth(std::size_t run) {
        if (hyphenWidths_[run] < 0) {
            hyphenWidths_[run] = metrics_.width(kHyphen, runs_[run].font);
        }
        return hyphenWidths_[run];
    }

    // Adds text of run r to the end of the current line.
    void append(std::size_t r, std::string_view text, double width) {
        if (line_.runs.empty() || lineRun_ != r) {
            const TextRun& source = runs_[r];
            LineRun& added = line_.runs.emplace_back();
            added.font = source.font;
            added.color = source.color;
            added.link = source.link;
            added.lang = source.lang;
            added.x = line_.width;
            lineRun_ = r;
        }
        LineRun& last = line_.runs.back();
        last.text.append(text);
        last.width += width;
        line_.width += width;
    }

    void appendSpace() { append(spaceRun_, kSpace, spaceWidth(spaceRun_)); }

    void finishLine(bool hyphenated) {
        for (const LineRun& run : line_.runs) {
            line_.ascent = std::max(line_.ascent, metrics_.ascent(run.font));
            line_.descent = std::max(line_.descent, metrics_.descent(run.font));
        }
        line_.hyphenated = hyphenated;
        lines_.push_back(std::move(line_));
        line_ = Line{};
        lineRun_ = kNone;
    }

    // Ends the line at the space before the next word. The space stays at the end of the line's
    // text (outside its width), so text extracted from the PDF keeps the words apart.
    void breakAtSpace() {
        line_.runs.back().text.append(kSpace);
        finishLine(false);
    }

    void forceBreak(std::size_t r) {
        pendingSpace_ = false;
        if (line_.runs.empty()) {
            // An empty line still has the height of the text it stands in.
            line_.ascent = metrics_.ascent(runs_[r].font);
            line_.descent = metrics_.descent(runs_[r].font);
        }
        finishLine(false);
    }

    void placeWord() {
        if (word_.empty()) {
            return;
        }
        double wordWidth = 0;
        for (Piece& piece : word_) {
            piece.width = metrics_.width(text(piece), runs_[piece.run].font);
            wordWidth += piece.width;
        }
        const bool continuesLine = !line_.runs.empty() && pendingSpace_;
        if (continuesLine && fits(line_.width + spaceWidth(spaceRun_) + wordWidth, width_)) {
            appendSpace();
            appendWord();
        } else if (fits(wordWidth, width_)) {
            if (continuesLine) {
                breakAtSpace();
            }
            appendWord();
        } else {
            placeOverlongWord(continuesLine);
        }
        pendingSpace_ = false;
        word_.clear();
    }

    void appendWord() {
        for (const Piece& piece : word_) {
            append(piece.run, text(piece), piece.width);
        }
    }

    // A word wider than the line: measured character by character (over-long words are rare),
    // then broken at the last hyphenation point whose prefix and hyphen fit, else between
    // characters, at least one character per line.
    void placeOverlongWord(bool continuesLine) {
        measureCharacters();
        findCandidates();
        const std::size_t count = pieceOf_.size();
        std::size_t start = 0;
        if (continuesLine) {
            // Begin it on this line if a hyphenated prefix fits after the words already there.
            const double available = width_ - line_.width - spaceWidth(spaceRun_);
            const Candidate* candidate = lastFitting(0, available);
            if (candidate != nullptr) {
                appendSpace();
                appendCharacters(0, candidate->index, candidate->hyphen);
                finishLine(candidate->hyphen);
                start = candidate->index;
            } else {
                breakAtSpace();
            }
        }
        while (start < count && !fits(advance_[count] - advance_[start], width_)) {
            if (const Candidate* candidate = lastFitting(start, width_)) {
                appendCharacters(start, candidate->index, candidate->hyphen);
                finishLine(candidate->hyphen);
                start = candidate->index;
                continue;
            }
            std::size_t end = start + 1;
            while (end < count && fits(advance_[end + 1] - advance_[start], width_)) {
                ++end;
            }
            if (end == count) {
                break; // a last character wider than the line: it ends the line like a word
            }
            appendCharacters(start, end, false);
            finishLine(false);
            start = end;
        }
        if (start < count) {
            appendCharacters(start, count, false);
        }
    }

    void measureCharacters() {
        wordText_.clear();
        offset_.clear();
        pieceOf_.clear();
        advance_.assign(1, 0.0);
        for (std::size_t p = 0; p < word_.size(); ++p) {
            Piece& piece = word_[p];
            const std::string_view bytes = text(piece);
            piece.offset = wordText_.size();
            wordText_.append(bytes);
            for (std::size_t i = 0; i < bytes.size();) {
                const std::size_t length = decode(bytes, i).length;
                offset_.push_back(piece.offset + i);
                pieceOf_.push_back(p);
                advance_.push_back(advance_.back() +
                                   metrics_.width(bytes.substr(i, length), runs_[piece.run].font));
                i += length;
            }
        }
        offset_.push_back(wordText_.size());
    }

    void findCandidates() {
        candidates_.clear();
        const std::size_t count = pieceOf_.size();
        if (hyphenator_ != nullptr) {
            for (const std::size_t point : hyphenator_->breakPoints(wordText_)) {
                const auto at = std::lower_bound(offset_.begin(), offset_.end(), point);
                const auto index = static_cast<std::size_t>(at - offset_.begin());
                if (at != offset_.end() && *at == point && index > 0 && index < count) {
                    candidates_.push_back(Candidate{index, true});
                }
            }
        }
        for (std::size_t k = 1; k + 1 < count; ++k) {
            if (wordText_[offset_[k]] == '-') {
                candidates_.push_back(Candidate{k + 1, false});
            }
        }
        std::sort(candidates_.begin(), candidates_.end(),
                  [](const Candidate& a, const Candidate& b) { return a.index < b.index; });
    }

    // The last candidate after start whose text from start (and hyphen) fits available.
    // Candidates are in index order and advances never shrink, so those whose text alone is too
    // wide (all after the first such) are passed over by a binary search: a word of a million
    // characters has hundreds of thousands of candidates, and is broken into thousands of lines.
    const Candidate* lastFitting(std::size_t start, double available) {
        const auto after = std::partition_point(
            candidates_.begin(), candidates_.end(),
            [start](const Candidate& candidate) { return candidate.index <= start; });
        const auto end = std::partition_point(after, candidates_.end(), [&](const Candidate& c) {
            return fits(advance_[c.index] - advance_[start], available);
        });
        for (auto it = std::make_reverse_iterator(end); it != std::make_reverse_iterator(after);
             ++it) {
            double width = advance_[it->index] - advance_[start];
            if (it->hyphen) {
                width += hyphenWidth(word_[pieceOf_[it->index - 1]].run);
            }
            if (fits(width, available)) {
                return &*it;
            }
        }
        return nullptr;
    }

    // Appends characters [from, to) of the over-long word, and a hyphen if asked.
    void appendCharacters(std::size_t from, std::size_t to, bool hyphen) {
        for (std::size_t k = from; k < to;) {
            const std::size_t p = pieceOf_[k];
            std::size_t end = k + 1;
            while (end < to && pieceOf_[end] == p) {
                ++end;
            }
            const Piece& piece = word_[p];
            const std::size_t begin = piece.begin + (offset_[k] - piece.offset);
            append(piece.run,
                   std::string_view(runs_[piece.run].text).substr(begin, offset_[end] - offset_[k]),
                   advance_[end] - advance_[k]);
            k = end;
        }
        if (hyphen) {
            const std::size_t run = word_[pieceOf_[to - 1]].run;
            append(run, kHyphen, hyphenWidth(run));
        }
    }

    const std::vector<TextRun>& runs_;
    const double width_;
    const FontMetrics& metrics_;
    const Hyphenator* hyphenator_;
    std::vector<double> spaceWidths_;  // per run, measured on first use (-1 until then)
    std::vector<double> hyphenWidths_; // likewise

    std::vector<Line> lines_;
    Line line_;
    std::size_t lineRun_ = kNone; // the run the line's last LineRun comes from
    bool pendingSpace_ = false;   // a space came after the last word placed
    std::size_t spaceRun_ = 0;    // the run that space is in
    std::vector<Piece> word_;

    // Over-long word, per character: offset in wordText_ (plus the end), the piece it is in,
    // and the advance from the word's start to it (plus the end).
    std::string wordText_;
    std::vector<std::size_t> offset_;
    std::vector<std::size_t> pieceOf_;
    std::vector<double> advance_;
    std::vector<Candidate> candidates_;
};

std::string codePointName(char32_t c) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
    return name;
}

std::string invalidBytesMessage(std::string_view bytes) {
    std::string message = bytes.size() == 1 ? "invalid UTF-8 byte" : "invalid UTF-8 bytes";
    for (const char b : bytes) {
        char hex[8];
        std::snprintf(hex, sizeof hex, " 0x%02X",
                      static_cast<unsigned>(static_cast<unsigned char>(b)));
        message += hex;
    }
    return message;
}

// C0 and C1 controls and DEL show nothing; tab, newline and carriage return are layout.
bool isControl(char32_t c) {
    if (c == '\t' || c == '\n' || c == '\r') {
        return false;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

} // namespace

std::vector<Line> breakLines(const std::vector<TextRun>& runs, double width,
                             const FontMetrics& metrics, const Hyphenator* hyphenator) {
    return Breaker(runs, width, metrics, hyphenator).run();
}

std::string sanitizeText(std::string_view text, FontFace face, const FontMetrics& metrics,
                         std::vector<TextProblem>& problems) {
    // A face without U+FFFD would make the replacement vanish too.
    const std::string_view replacement =
        metrics.hasGlyph(kReplacementCodePoint, face) ? kReplacement : kReplacementFallback;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const Decoded c = decode(text, i);
        const std::string_view bytes = text.substr(i, c.length);
        if (!c.valid) {
            problems.push_back(TextProblem{i, invalidBytesMessage(bytes)});
            out.append(replacement);
        } else if (isControl(c.value)) {
            problems.push_back(TextProblem{i, codePointName(c.value) + " is a control character"});
            out.append(replacement);
        } else if (c.value != '\t' && c.value != '\n' && c.value != '\r' &&
                   !metrics.hasGlyph(c.value, face)) {
            problems.push_back(TextProblem{i, codePointName(c.value) + " is not in the font"});
            out.append(replacement);
        } else {
            out.append(bytes);
        }
        i += c.length;
    }
    return out;
}

} // namespace rodtrad
