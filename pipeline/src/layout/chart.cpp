#include "layout/chart.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <ranges>
#include <string_view>
#include <system_error>

namespace rodtrad {
namespace {

// Spelled as bytes so the output does not depend on the compiler's execution character set.
constexpr std::string_view kMinus = "\xE2\x88\x92";     // U+2212
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";  // U+00A0
constexpr std::string_view kEnDash = "\xE2\x80\x93";    // U+2013
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026
constexpr std::string_view kArrow = "\xE2\x86\x92";     // U+2192
constexpr std::string_view kCheckMark = "\xE2\x9C\x93"; // U+2713
constexpr std::string_view kBallotX = "\xE2\x9C\x97";   // U+2717
constexpr char32_t kCheckMarkCodePoint = 0x2713;
constexpr char32_t kBallotXCodePoint = 0x2717;

constexpr Color rgb(std::uint32_t hex) {
    return Color{static_cast<double>((hex >> 16) & 0xFFu) / 255.0,
                 static_cast<double>((hex >> 8) & 0xFFu) / 255.0,
                 static_cast<double>(hex & 0xFFu) / 255.0};
}

// A calm palette: blue-grey data, navy target, dark gold yellow limit, and the traffic-light
// colours only where a status is shown next to its word or symbol.
namespace palette {
constexpr Color text = rgb(0x262626);
constexpr Color secondaryText = rgb(0x595959);
constexpr Color grid = rgb(0xE1E4E8);
constexpr Color axis = rgb(0x7F7F7F);
constexpr Color data = rgb(0x4A6FA5);
constexpr Color target = rgb(0x1F3864);
constexpr Color yellowLimit = rgb(0xB8860B);
// #B8860B reaches only about 3:1 against white; labels use a darker gold that reads at 7 pt.
constexpr Color yellowLimitText = rgb(0x7A5A00);
constexpr Color white = rgb(0xFFFFFF);
constexpr Color nearBlack = rgb(0x1A1A1A);
constexpr Color green = rgb(0x2E7D32);
constexpr Color yellow = rgb(0xF9A825);
constexpr Color red = rgb(0xC62828);
constexpr Color grey = rgb(0x9E9E9E);
constexpr Color perspectiveFill = rgb(0x1F3864);
constexpr Color councilGoalFill = rgb(0xDCE3EF);
constexpr Color goalFill = rgb(0xF4F6FA);
constexpr Color boxBorder = rgb(0x8497B0);
constexpr Color perspectiveLabel = rgb(0xE6EBF3);
} // namespace palette

// ---------------------------------------------------------------------------------------------
// Primitives

Primitive textAt(std::string text, double x, double baseline, const FontRef& font, Color color) {
    Primitive p;
    p.kind = Primitive::Kind::text;
    p.text = std::move(text);
    p.x = x;
    p.y = baseline;
    p.font = font;
    p.fill = color;
    p.filled = true;
    p.structure = -1;
    return p;
}

Primitive lineFromTo(double x, double y, double x2, double y2, Color color, double width,
                     std::vector<double> dash = {}) {
    Primitive p;
    p.kind = Primitive::Kind::line;
    p.x = x;
    p.y = y;
    p.x2 = x2;
    p.y2 = y2;
    p.stroke = color;
    p.stroked = true;
    p.lineWidth = width;
    p.dash = std::move(dash);
    p.structure = -1;
    return p;
}

Primitive filledRect(double x, double y, double width, double height, Color fill) {
    Primitive p;
    p.kind = Primitive::Kind::rect;
    p.x = x;
    p.y = y;
    p.width = width;
    p.height = height;
    p.fill = fill;
    p.filled = true;
    p.structure = -1;
    return p;
}

// A circle as a polygon: the PDF writer needs nothing but straight segments.
Primitive circle(double cx, double cy, double radius, Color fill, Color stroke, double width) {
    constexpr int kSegments = 20;
    constexpr double kPi = 3.14159265358979323846;
    Primitive p;
    p.kind = Primitive::Kind::polygon;
    for (int i = 0; i < kSegments; ++i) {
        const double angle = 2 * kPi * i / kSegments;
        p.points.emplace_back(cx + radius * std::cos(angle), cy + radius * std::sin(angle));
    }
    p.fill = fill;
    p.filled = true;
    p.stroke = stroke;
    p.stroked = width > 0;
    p.lineWidth = width;
    p.structure = -1;
    return p;
}

// ---------------------------------------------------------------------------------------------
// Text fitting

double lineHeight(const FontMetrics& metrics, const FontRef& font) {
    return metrics.ascent(font) + metrics.descent(font);
}

// Offset from a line's vertical centre down to the baseline that centres the face on it.
double centringOffset(const FontMetrics& metrics, const FontRef& font) {
    return (metrics.ascent(font) - metrics.descent(font)) / 2;
}

// Text widths add up character by character and no character is narrower than nothing, so a
// prefix cut between characters is never wider than the text it is cut from. The searches below
// rely on that: they measure a few prefixes of a long text instead of every one, and find the
// same cut that measuring every one would, in time that grows with the length of what fits
// rather than with its square (a title can be a single word of a million characters).

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u;
}

std::size_t nextCodePoint(std::string_view text, std::size_t at) {
    std::size_t end = at + 1;
    while (end < text.size() && isContinuationByte(text[end])) {
        ++end;
    }
    return end;
}

// Where an ellipsis may replace the end of a text: between characters, not after a space.
bool isEllipsisCut(std::string_view text, std::size_t at) {
    return at == 0 || (!isContinuationByte(text[at]) && text[at - 1] != ' ');
}

// The text, or the longest prefix of it that fits followed by an ellipsis, cut where
// isEllipsisCut allows.
std::string ellipsize(std::string_view text, const FontRef& font, double maxWidth,
                      const FontMetrics& metrics) {
    if (metrics.width(text, font) <= maxWidth) {
        return std::string(text);
    }
    const auto fitsCutAt = [&](std::size_t at) {
        return metrics.width(std::string(text.substr(0, at)) + std::string(kEllipsis), font) <=
               maxWidth;
    };
    if (!fitsCutAt(0)) {
        return std::string();
    }
    const auto cutAtOrBefore = [&](std::size_t at) {
        while (!isEllipsisCut(text, at)) {
            --at;
        }
        return at;
    };
    // The last byte offset whose cut at or before it fits (nothing left always does).
    const std::size_t last = text.empty() ? 0 : text.size() - 1;
    const std::size_t fitting = *std::ranges::partition_point(
                                    std::views::iota(std::size_t{1}, last + 1),
                                    [&](std::size_t at) { return fitsCutAt(cutAtOrBefore(at)); }) -
                                1;
    return std::string(text.substr(0, cutAtOrBefore(fitting))) + std::string(kEllipsis);
}

// Whether head followed by tail fits maxWidth. Prefixes of the tail twice as long each time are
// measured first: one too wide already says no, so a long word that does not fit costs about
// as much as the part of it that does.
bool fitsJoined(std::string_view head, std::string_view tail, const FontRef& font, double maxWidth,
                const FontMetrics& metrics) {
    constexpr std::size_t kFirstProbe = 64; // bytes; a line of text is seldom longer
    std::string text(head);
    std::size_t measured = 0;
    for (std::size_t probe = kFirstProbe; probe < tail.size(); probe *= 2) {
        std::size_t cut = std::max(probe, measured);
        while (cut < tail.size() && isContinuationByte(tail[cut])) {
            ++cut;
        }
        if (cut >= tail.size()) {
            break;
        }
        text.append(tail.substr(measured, cut - measured));
        measured = cut;
        if (!(metrics.width(text, font) <= maxWidth)) {
            return false;
        }
    }
    text.append(tail.substr(measured));
    return metrics.width(text, font) <= maxWidth;
}

constexpr std::size_t kMinFragment = 3; // characters on either side of a forced word break

struct WordBreak {
    std::size_t cut = 0; // bytes of the word on the line
    bool hyphen = false;
};

// Where a word wider than its line breaks: after as many characters as fit with a hyphen (at
// least one character, never all of them); fitsWithHyphen(prefix) measures a prefix. The count
// is found by doubling, then halving, since one more character never makes a prefix narrower.
template <typename FitsWithHyphen>
WordBreak breakWord(std::string_view word, FitsWithHyphen fitsWithHyphen) {
    std::vector<std::size_t> ends{0}; // ends[k]: the end of the first k characters
    const auto endOf = [&](std::size_t characters) {
        while (ends.size() <= characters && ends.back() < word.size()) {
            ends.push_back(nextCodePoint(word, ends.back()));
        }
        return characters < ends.size() ? ends[characters] : word.size();
    };
    const auto fits = [&](std::size_t characters) {
        const std::size_t end = endOf(characters);
        return end < word.size() && fitsWithHyphen(word.substr(0, end));
    };
    std::size_t fitting = 0; // characters known to fit (none yet)
    std::size_t tooMany = 1; // characters known not to fit, once the loop has found some
    while (fits(tooMany)) {
        fitting = tooMany;
        tooMany *= 2;
    }
    while (tooMany - fitting > 1) {
        const std::size_t middle = fitting + (tooMany - fitting) / 2;
        if (fits(middle)) {
            fitting = middle;
        } else {
            tooMany = middle;
        }
    }
    if (fitting == 0) {
        return {endOf(1), false};
    }
    // "Avfallsmängd-en" reads worse than "Avfallsmän-gden": leave at least a few characters on
    // each side of a forced break when the line allows it.
    std::size_t after = 0; // characters after the break, counted up to kMinFragment
    for (std::size_t at = ends[fitting]; at < word.size() && after < kMinFragment;
         at = nextCodePoint(word, at)) {
        ++after;
    }
    const std::size_t characters = fitting + after;
    if (after < kMinFragment && characters >= 2 * kMinFragment) {
        return {ends[std::max(kMinFragment, characters - kMinFragment)], true};
    }
    return {ends[fitting], true};
}

// Greedy word wrapping; widthOf(i) is the room on line i. A word wider than its line is broken
// as breakWord says, so the loop always advances.
template <typename WidthOf>
std::vector<std::string> wrapText(std::string_view text, const FontRef& font, WidthOf widthOf,
                                  const FontMetrics& metrics) {
    std::vector<std::string> lines;
    std::string line;
    const auto fitsWithHyphen = [&](std::string_view prefix) {
        return metrics.width(std::string(prefix) + "-", font) <= widthOf(lines.size());
    };
    std::size_t at = 0;
    while (at < text.size()) {
        if (text[at] == ' ' || text[at] == '\n' || text[at] == '\t') {
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') {
            ++end;
        }
        std::string_view rest = text.substr(at, end - at);
        at = end;
        while (!rest.empty()) {
            const std::string head = line.empty() ? std::string() : line + " ";
            if (fitsJoined(head, rest, font, widthOf(lines.size()), metrics)) {
                line = head + std::string(rest);
                break;
            }
            if (!line.empty()) {
                lines.push_back(std::move(line));
                line.clear();
                continue;
            }
            const WordBreak wordBreak = breakWord(rest, fitsWithHyphen);
            lines.push_back(std::string(rest.substr(0, wordBreak.cut)) +
                            (wordBreak.hyphen ? "-" : ""));
            rest.remove_prefix(wordBreak.cut);
        }
    }
    if (!line.empty()) {
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<std::string> wrapText(std::string_view text, const FontRef& font, double maxWidth,
                                  const FontMetrics& metrics) {
    return wrapText(
        text, font, [maxWidth](std::size_t) { return maxWidth; }, metrics);
}

// Wrapped to at most maxLines; what does not fit ends in an ellipsis.
std::vector<std::string> wrapLines(std::string_view text, const FontRef& font, double maxWidth,
                                   std::size_t maxLines, const FontMetrics& metrics) {
    std::vector<std::string> lines = wrapText(text, font, maxWidth, metrics);
    if (lines.size() <= maxLines || maxLines == 0) {
        return lines;
    }
    std::string last = lines[maxLines - 1];
    for (std::size_t i = maxLines; i < lines.size(); ++i) {
        last += " " + lines[i];
    }
    lines.resize(maxLines);
    lines.back() = ellipsize(last, font, maxWidth, metrics);
    return lines;
}

// ---------------------------------------------------------------------------------------------
// Status

enum class StatusKind { none, green, yellow, red, notAssessable };

StatusKind statusKind(std::string_view status) {
    if (status.empty()) {
        return StatusKind::none;
    }
    if (status == "green") {
        return StatusKind::green;
    }
    if (status == "yellow") {
        return StatusKind::yellow;
    }
    if (status == "red") {
        return StatusKind::red;
    }
    return StatusKind::notAssessable;
}

std::string_view statusWord(StatusKind kind, Language language) {
    const bool sv = language == Language::sv;
    switch (kind) {
    case StatusKind::green:
        return sv ? "grön" : "green";
    case StatusKind::yellow:
        return sv ? "gul" : "yellow";
    case StatusKind::red:
        return sv ? "röd" : "red";
    case StatusKind::none:
    case StatusKind::notAssessable:
        break;
    }
    return sv ? "kan inte bedömas" : "not assessable";
}

Color statusColor(StatusKind kind) {
    switch (kind) {
    case StatusKind::green:
        return palette::green;
    case StatusKind::yellow:
        return palette::yellow;
    case StatusKind::red:
        return palette::red;
    case StatusKind::none:
    case StatusKind::notAssessable:
        break;
    }
    return palette::grey;
}

// White on green and red, near-black on yellow and grey: each pair reaches at least 4.5:1.
Color statusSymbolColor(StatusKind kind) {
    return kind == StatusKind::green || kind == StatusKind::red ? palette::white
                                                                : palette::nearBlack;
}

// The symbol inside a status mark; a letter when the face lacks the symbol.
std::string statusSymbol(StatusKind kind, FontFace face, const FontMetrics& metrics,
                         Language language) {
    const bool sv = language == Language::sv;
    switch (kind) {
    case StatusKind::green:
        return metrics.hasGlyph(kCheckMarkCodePoint, face) ? std::string(kCheckMark)
                                                           : (sv ? "U" : "M");
    case StatusKind::yellow:
        return "~";
    case StatusKind::red:
        return metrics.hasGlyph(kBallotXCodePoint, face) ? std::string(kBallotX) : (sv ? "E" : "N");
    case StatusKind::none:
    case StatusKind::notAssessable:
        break;
    }
    return "?";
}

// ---------------------------------------------------------------------------------------------
// Indicator chart

constexpr double kPad = 2;          // keeps strokes and glyph overhangs inside the box
constexpr double kTickLength = 3;   // y-axis tick marks, outside the plot
constexpr double kTickLabelGap = 2; // between a tick label and its tick mark
constexpr double kLineLabelGap = 4; // between the plot and the target/limit labels
constexpr double kSectionGap = 3;
constexpr double kMinPlotHeight = 30;
constexpr double kBarShare = 0.62; // of a year's slot
constexpr double kMaxBarWidth = 28;
constexpr double kMinBarHeight = 0.75; // an outcome of zero still shows, unlike a gap
constexpr double kMarkerRadius = 2.2;
constexpr double kSwatchSize = 5;
constexpr double kLegendSample = 12;
constexpr int kMaxFilledYears = 10; // longer holes between outcomes are not padded with gaps
constexpr int kMaxTicks = 6;

const FontRef kTitleFont{FontFace::bold, 8};
const FontRef kTextFont{FontFace::regular, 7};
const FontRef kSmallFont{FontFace::regular, 6.5};

// Not a number counts as no number.
std::optional<double> finiteOrNothing(std::optional<double> value) {
    if (value && std::isfinite(*value)) {
        return value;
    }
    return std::nullopt;
}

struct YearValue {
    int year = 0;
    std::optional<double> value;
};

// The outcomes year by year; a year missing between two reported ones becomes a gap too.
std::vector<YearValue> yearSeries(const IndicatorChart& chart) {
    std::vector<YearValue> series;
    for (const auto& [year, outcome] : chart.outcomes) {
        // In 64 bits: the years of a hostile document can be INT_MIN and INT_MAX.
        const std::int64_t gap =
            series.empty() ? 0 : static_cast<std::int64_t>(year) - series.back().year;
        if (gap > 1 && gap <= kMaxFilledYears) {
            for (int missing = series.back().year + 1; missing < year; ++missing) {
                series.push_back({missing, std::nullopt});
            }
        }
        series.push_back({year, finiteOrNothing(outcome)});
    }
    return series;
}

// Values beyond this magnitude are not plotted (the alternative text still gives them): the
// axis rounds its ends outward to a tick a step or so beyond the values, and that step must not
// overflow a double. No indicator measures anything near it.
constexpr double kMaxPlottable = 1e300;

std::optional<double> plottableOrNothing(std::optional<double> value) {
    if (value && std::fabs(*value) <= kMaxPlottable) {
        return value;
    }
    return std::nullopt;
}

double powerOfTen(int exponent) {
    double result = 1;
    for (int i = 0; i < std::abs(exponent); ++i) {
        result *= 10;
    }
    return exponent < 0 ? 1 / result : result;
}

struct Axis {
    double low = 0;
    double high = 1;
    std::vector<double> ticks;
    int decimals = 0;
    double y(double value, double top, double bottom) const {
        return bottom - (value - low) / (high - low) * (bottom - top);
    }
};

// Ticks at multiples of 1, 2 or 5 × 10^n: the smallest such step that needs at most six ticks
// to cover the values. Starting two decades below the range guarantees at least three.
Axis niceAxis(std::vector<double> values) {
    double low = values.empty() ? 0 : *std::min_element(values.begin(), values.end());
    double high = values.empty() ? 1 : *std::max_element(values.begin(), values.end());
    if (!std::isfinite(high - low)) {
        low = 0;
        high = 1;
    }
    // A flat series gets a band around its value, so ticks stay few and labels distinct.
    if (high - low < 1e-6 * std::max(1.0, std::fabs(high))) {
        const double spread = std::fabs(high) > 1e-12 ? std::fabs(high) * 0.1 : 1.0;
        low = low == 0 ? 0 : low - spread;
        high += spread;
    }
    constexpr double kTolerance = 1e-9;
    int exponent = static_cast<int>(std::floor(std::log10(high - low))) - 2;
    constexpr double kMantissas[] = {1, 2, 5};
    for (;; ++exponent) {
        for (const double mantissa : kMantissas) {
            // Multiples of a negative power of ten are divided, not multiplied, so 3 × 0.1
            // comes out as 0.3.
            const double unit = powerOfTen(std::abs(exponent));
            const auto tickValue = [&](long long k) {
                const double scaled = static_cast<double>(k) * mantissa;
                return exponent < 0 ? scaled / unit : scaled * unit;
            };
            const double step = tickValue(1);
            const long long first = static_cast<long long>(std::floor(low / step + kTolerance));
            const long long last = static_cast<long long>(std::ceil(high / step - kTolerance));
            if (last - first + 1 > kMaxTicks) {
                continue;
            }
            Axis axis;
            for (long long k = first; k <= last; ++k) {
                axis.ticks.push_back(tickValue(k));
            }
            axis.low = axis.ticks.front();
            axis.high = axis.ticks.back();
            axis.decimals = std::max(0, -exponent);
            return axis;
        }
    }
}

std::string yearRange(const std::vector<YearValue>& series) {
    const std::string first = std::to_string(series.front().year);
    if (series.size() == 1) {
        return first;
    }
    return first + std::string(kEnDash) + std::to_string(series.back().year);
}

std::string chartAltText(const IndicatorChart& chart, const std::vector<YearValue>& series,
                         int decimals, Language language) {
    const bool sv = language == Language::sv;
    std::string alt;
    if (series.empty()) {
        alt = sv ? "Utfall saknas" : "Outcome missing";
    } else {
        alt = (sv ? "Utfall " : "Outcome ") + yearRange(series) + ": ";
        for (std::size_t i = 0; i < series.size(); ++i) {
            alt += i == 0 ? "" : "; ";
            alt += series[i].value ? formatNumber(*series[i].value, decimals, language)
                                   : (sv ? "saknas" : "missing");
        }
        if (!chart.measure.empty()) {
            alt += " " + chart.measure;
        }
    }
    if (const std::optional<double> target = finiteOrNothing(chart.target)) {
        alt += (sv ? "; mål " : "; target ") + formatNumber(*target, decimals, language);
    } else {
        alt += sv ? "; mål saknas" : "; target missing";
    }
    alt += "; status ";
    alt += statusWord(statusKind(chart.status), language);
    return alt;
}

// A horizontal reference line (target or yellow limit) and its label.
struct ReferenceLine {
    double value = 0;
    std::string label;
    Color line;
    Color text;
    double lineWidth = 1;
    std::vector<double> dash;
    double labelWidth = 0;
    double baseline = 0; // of the direct label
};

ReferenceLine referenceLine(double value, const std::string& caption, int decimals,
                            Language language, Color line, Color text, double lineWidth,
                            std::vector<double> dash) {
    ReferenceLine reference;
    reference.value = value;
    reference.label = caption + formatNumber(value, decimals, language);
    reference.line = line;
    reference.text = text;
    reference.lineWidth = lineWidth;
    reference.dash = std::move(dash);
    return reference;
}

// Moves the direct labels apart so they never overlap, keeping them within [top, bottom]
// (baselines); each starts centred on its line.
void dodgeLabels(std::vector<ReferenceLine>& lines, double separation, double top, double bottom) {
    if (lines.size() < 2) {
        for (ReferenceLine& line : lines) {
            line.baseline = std::clamp(line.baseline, top, std::max(top, bottom));
        }
        return;
    }
    ReferenceLine* upper = &lines[0];
    ReferenceLine* lower = &lines[1];
    if (upper->baseline > lower->baseline) {
        std::swap(upper, lower);
    }
    if (lower->baseline - upper->baseline < separation) {
        const double middle = (upper->baseline + lower->baseline) / 2;
        upper->baseline = middle - separation / 2;
        lower->baseline = middle + separation / 2;
    }
    upper->baseline = std::max(upper->baseline, top);
    lower->baseline = std::max(lower->baseline, upper->baseline + separation);
    lower->baseline = std::min(lower->baseline, bottom);
    upper->baseline = std::min(upper->baseline, lower->baseline - separation);
}

struct LegendItem {
    const ReferenceLine* line = nullptr;
    double x = 0;
    std::size_t row = 0;
};

} // namespace

std::string formatNumber(double value, int decimals, Language language) {
    if (!std::isfinite(value)) {
        return std::string(kEnDash);
    }
    const int places = std::clamp(decimals, 0, 12);
    char buffer[400]; // DBL_MAX has 309 integer digits
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
                                            std::chars_format::fixed, places);
    if (error != std::errc()) {
        return std::string(kEnDash);
    }
    const std::string_view digits(buffer, static_cast<std::size_t>(end - buffer));
    // A value that rounds to zero has no sign: "−0,0" reads as an error.
    const bool negative = value < 0 && digits.find_first_not_of("0.") != std::string_view::npos;
    const std::size_t point = digits.find('.');
    const std::string_view integer = digits.substr(0, point);
    const std::string_view separator = language == Language::sv ? kNoBreakSpace : ",";

    std::string text = negative ? std::string(kMinus) : std::string();
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) {
            text += separator;
        }
        text += integer[i];
    }
    if (point != std::string_view::npos) {
        text += language == Language::sv ? ',' : '.';
        text += digits.substr(point + 1);
    }
    return text;
}

Drawing drawIndicatorChart(const IndicatorChart& chart, const FontMetrics& metrics,
                           Language language) {
    const bool sv = language == Language::sv;
    const int decimals = std::clamp(chart.decimals, 0, 6);
    const std::vector<YearValue> series = yearSeries(chart);
    const std::optional<double> target = plottableOrNothing(chart.target);
    const std::optional<double> yellow = plottableOrNothing(chart.yellow);

    Drawing drawing;
    drawing.width = chart.width;
    drawing.height = chart.height;
    drawing.altText = chartAltText(chart, series, decimals, language);

    const double width = chart.width;
    const double height = chart.height;
    const double innerWidth = width - 2 * kPad;
    const double textAscent = metrics.ascent(kTextFont);
    const double textDescent = metrics.descent(kTextFont);
    const double textHeight = lineHeight(metrics, kTextFont);
    const double textCentring = centringOffset(metrics, kTextFont);

    // The axis covers every outcome, the target and the yellow limit; bars grow from zero.
    std::vector<double> extent;
    for (const YearValue& point : series) {
        if (const std::optional<double> value = plottableOrNothing(point.value)) {
            extent.push_back(*value);
        }
    }
    if (target) {
        extent.push_back(*target);
    }
    if (yellow) {
        extent.push_back(*yellow);
    }
    if (chart.kind == ChartKind::bar || extent.empty()) {
        extent.push_back(0);
    }
    const Axis axis = niceAxis(extent);
    std::vector<std::string> tickLabels;
    double tickLabelWidth = 0;
    for (const double tick : axis.ticks) {
        tickLabels.push_back(formatNumber(tick, axis.decimals, language));
        tickLabelWidth = std::max(tickLabelWidth, metrics.width(tickLabels.back(), kTextFont));
    }
    const double plotLeft = kPad + tickLabelWidth + kTickLabelGap + kTickLength;

    std::vector<ReferenceLine> references;
    if (target) {
        const std::string year =
            chart.targetYear > 0 ? " " + std::to_string(chart.targetYear) : std::string();
        references.push_back(referenceLine(target.value(), (sv ? "Mål" : "Target") + year + ": ",
                                           decimals, language, palette::target, palette::target,
                                           1.1, {}));
    }
    if (yellow) {
        references.push_back(
            referenceLine(yellow.value(), sv ? "Gul gräns: " : "Yellow limit: ", decimals, language,
                          palette::yellowLimit, palette::yellowLimitText, 0.9, {3, 2}));
    }
    double referenceLabelWidth = 0;
    for (ReferenceLine& reference : references) {
        reference.labelWidth = metrics.width(reference.label, kTextFont);
        referenceLabelWidth = std::max(referenceLabelWidth, reference.labelWidth);
    }

    // The target and the limit are labelled at the right end of their lines, outside the plot,
    // so no label covers a bar; a box too narrow for that gets a legend below instead.
    const double fullPlotWidth = width - kPad - plotLeft;
    const bool directLabels =
        !references.empty() &&
        fullPlotWidth - referenceLabelWidth - kLineLabelGap >= 0.6 * fullPlotWidth;
    const double plotRight =
        directLabels ? width - kPad - referenceLabelWidth - kLineLabelGap : width - kPad;

    std::vector<LegendItem> legend;
    std::size_t legendRows = 0;
    if (!directLabels) {
        double x = kPad;
        for (const ReferenceLine& reference : references) {
            const double itemWidth = kLegendSample + kSectionGap + reference.labelWidth;
            if (x > kPad && x + itemWidth > width - kPad) {
                ++legendRows;
                x = kPad;
            }
            legend.push_back({&reference, x, legendRows});
            x += itemWidth + 3 * kSectionGap;
        }
        legendRows += legend.empty() ? 0 : 1;
    }
    const double rowHeight = textHeight + 1;
    const double legendHeight =
        legendRows == 0 ? 0 : kSectionGap + static_cast<double>(legendRows) * rowHeight;
    const double yearBaseline = height - kPad - legendHeight - textDescent;
    const double plotBottom = yearBaseline - textAscent - kSectionGap;

    // Header: the indicator's name, then its measure and the status in words.
    const StatusKind status = statusKind(chart.status);
    const std::string statusText = "Status: " + std::string(statusWord(status, language));
    // The status word is never cut short: in a narrow box it wraps.
    const std::vector<std::string> statusLines =
        wrapText(statusText, kTextFont, innerWidth - kSwatchSize - kSectionGap, metrics);
    double statusWidth = 0;
    for (const std::string& line : statusLines) {
        statusWidth = std::max(statusWidth, metrics.width(line, kTextFont));
    }
    statusWidth += kSwatchSize + kSectionGap;
    std::vector<std::string> measureLines;
    bool statusOnOwnLine = true;
    if (!chart.measure.empty()) {
        const double together =
            metrics.width(chart.measure, kTextFont) + 3 * kSectionGap + statusWidth;
        statusOnOwnLine = statusLines.size() > 1 || together > innerWidth;
        measureLines = statusOnOwnLine ? wrapLines(chart.measure, kTextFont, innerWidth, 2, metrics)
                                       : std::vector<std::string>{chart.measure};
    }
    const std::size_t captionLines = statusOnOwnLine ? measureLines.size() + statusLines.size() : 1;
    std::vector<std::string> titleLines =
        chart.name.empty() ? std::vector<std::string>{}
                           : wrapLines(chart.name, kTitleFont, innerWidth, 2, metrics);
    const double titleHeight = lineHeight(metrics, kTitleFont) + 1;
    const auto plotTopFor = [&](std::size_t titleCount) {
        return kPad + static_cast<double>(titleCount) * titleHeight +
               static_cast<double>(captionLines) * rowHeight + kSectionGap + textHeight / 2;
    };
    // A short box gives the plot the title's room: the caller's heading names the indicator.
    while (!titleLines.empty() && plotBottom - plotTopFor(titleLines.size()) < kMinPlotHeight) {
        titleLines.pop_back();
    }
    const double plotTop = plotTopFor(titleLines.size());
    if (plotBottom - plotTop < 1 || plotRight - plotLeft < 1) {
        return drawing; // no room for a chart; the alternative text still says it all
    }

    std::vector<Primitive>& out = drawing.primitives;
    double cursor = kPad;
    for (const std::string& line : titleLines) {
        out.push_back(
            textAt(line, kPad, cursor + metrics.ascent(kTitleFont), kTitleFont, palette::text));
        cursor += titleHeight;
    }
    for (const std::string& line : measureLines) {
        out.push_back(textAt(line, kPad, cursor + textAscent, kTextFont, palette::secondaryText));
        if (statusOnOwnLine) {
            cursor += rowHeight;
        }
    }
    {
        const double x = statusOnOwnLine ? kPad : std::max(kPad, width - kPad - statusWidth);
        const double middle = cursor + textAscent - textCentring;
        out.push_back(
            filledRect(x, middle - kSwatchSize / 2, kSwatchSize, kSwatchSize, statusColor(status)));
        for (const std::string& line : statusLines) {
            out.push_back(textAt(line, x + kSwatchSize + kSectionGap, cursor + textAscent,
                                 kTextFont, palette::text));
            cursor += rowHeight;
        }
    }

    const auto yOf = [&](double value) { return axis.y(value, plotTop, plotBottom); };

    // Grid, ticks and axes first, so data and reference lines are drawn over them.
    for (std::size_t i = 0; i < axis.ticks.size(); ++i) {
        const double y = yOf(axis.ticks[i]);
        if (i > 0) {
            out.push_back(lineFromTo(plotLeft, y, plotRight, y, palette::grid, 0.4));
        }
        out.push_back(lineFromTo(plotLeft - kTickLength, y, plotLeft, y, palette::axis, 0.5));
        const double labelWidth = metrics.width(tickLabels[i], kTextFont);
        out.push_back(textAt(tickLabels[i], plotLeft - kTickLength - kTickLabelGap - labelWidth,
                             y + textCentring, kTextFont, palette::secondaryText));
    }
    out.push_back(lineFromTo(plotLeft, plotTop, plotLeft, plotBottom, palette::axis, 0.5));
    out.push_back(lineFromTo(plotLeft, plotBottom, plotRight, plotBottom, palette::axis, 0.6));
    const double zeroY = yOf(std::clamp(0.0, axis.low, axis.high));
    if (chart.kind == ChartKind::bar && axis.low < 0 && axis.high > 0) {
        out.push_back(lineFromTo(plotLeft, zeroY, plotRight, zeroY, palette::axis, 0.6));
    }

    // Outcomes: one slot per year. A missing year keeps its slot empty but for a small label.
    const double slot =
        series.empty() ? 0 : (plotRight - plotLeft) / static_cast<double>(series.size());
    const auto slotCentre = [&](std::size_t i) {
        return plotLeft + slot * (static_cast<double>(i) + 0.5);
    };
    const std::string missingWord = sv ? "saknas" : "missing";
    const bool missingFits = metrics.width(missingWord, kSmallFont) <= slot - 2;
    std::vector<std::pair<double, double>> run;
    const auto flushRun = [&] {
        if (run.size() >= 2) {
            Primitive polyline;
            polyline.kind = Primitive::Kind::polyline;
            polyline.points = run;
            polyline.stroke = palette::data;
            polyline.stroked = true;
            polyline.lineWidth = 1.4;
            polyline.structure = -1;
            out.push_back(std::move(polyline));
        }
        run.clear();
    };
    std::vector<double> referenceLevels; // y of the target and limit lines, top to bottom
    for (const ReferenceLine& reference : references) {
        referenceLevels.push_back(yOf(reference.value));
    }
    std::sort(referenceLevels.begin(), referenceLevels.end());
    std::vector<std::pair<double, double>> markers;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const double centre = slotCentre(i);
        const std::optional<double> plotted = plottableOrNothing(series[i].value);
        if (!plotted) {
            flushRun();
            // A word where it fits; otherwise an en dash, in the larger face to stay visible. A
            // value too large to plot is not missing: it gets the en dash too.
            const bool word = missingFits && !series[i].value;
            const FontRef& font = word ? kSmallFont : kTextFont;
            const std::string mark = word ? missingWord : std::string(kEnDash);
            const double markWidth = metrics.width(mark, font);
            const double markAscent = metrics.ascent(font);
            const double markDescent = metrics.descent(font);
            const double base = chart.kind == ChartKind::bar ? zeroY : plotBottom;
            double baseline = base - 2 - markDescent;
            // Step up past a target or limit line that would strike through the mark.
            for (auto level = referenceLevels.rbegin(); level != referenceLevels.rend(); ++level) {
                if (*level >= baseline - markAscent - 1 && *level <= baseline + markDescent + 1) {
                    baseline = *level - 2 - markDescent;
                }
            }
            if (baseline - markAscent < plotTop) {
                baseline = base - 2 - markDescent;
            }
            if (baseline - markAscent < plotTop) {
                baseline = zeroY + 2 + markAscent;
            }
            out.push_back(
                textAt(mark, centre - markWidth / 2, baseline, font, palette::secondaryText));
            continue;
        }
        const double y = yOf(*plotted);
        if (chart.kind == ChartKind::bar) {
            const double barWidth = std::min(slot * kBarShare, kMaxBarWidth);
            double top = std::min(y, zeroY);
            double barHeight = std::fabs(y - zeroY);
            if (barHeight < kMinBarHeight) {
                barHeight = kMinBarHeight;
                top = zeroY - kMinBarHeight >= plotTop ? zeroY - kMinBarHeight : zeroY;
            }
            out.push_back(
                filledRect(centre - barWidth / 2, top, barWidth, barHeight, palette::data));
        } else {
            run.emplace_back(centre, y);
            markers.emplace_back(centre, y);
        }
    }
    flushRun();
    for (const auto& [x, y] : markers) {
        out.push_back(circle(x, y, kMarkerRadius, palette::data, palette::white, 0.6));
    }

    // Target and yellow limit over the data.
    for (ReferenceLine& reference : references) {
        const double y = yOf(reference.value);
        out.push_back(lineFromTo(plotLeft, y, plotRight, y, reference.line, reference.lineWidth,
                                 reference.dash));
        reference.baseline = y + textCentring;
    }
    if (directLabels) {
        dodgeLabels(references, rowHeight, plotTop - textHeight / 2 + textAscent,
                    plotBottom + textCentring);
        for (const ReferenceLine& reference : references) {
            out.push_back(textAt(reference.label, plotRight + kLineLabelGap, reference.baseline,
                                 kTextFont, reference.text));
        }
    }
    const double legendTop = height - kPad - legendHeight + kSectionGap;
    for (const LegendItem& item : legend) {
        const double baseline = legendTop + static_cast<double>(item.row) * rowHeight + textAscent;
        const double middle = baseline - textCentring;
        out.push_back(lineFromTo(item.x, middle, item.x + kLegendSample, middle, item.line->line,
                                 item.line->lineWidth, item.line->dash));
        out.push_back(
            textAt(ellipsize(item.line->label, kTextFont,
                             width - kPad - item.x - kLegendSample - kSectionGap, metrics),
                   item.x + kLegendSample + kSectionGap, baseline, kTextFont, item.line->text));
    }

    // Year labels, thinned out evenly when they would touch.
    double yearWidth = 0;
    for (const YearValue& point : series) {
        yearWidth = std::max(yearWidth, metrics.width(std::to_string(point.year), kTextFont));
    }
    const std::size_t every =
        slot > 0
            ? std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((yearWidth + 4) / slot)))
            : 1;
    for (std::size_t i = 0; i < series.size(); i += every) {
        const std::string year = std::to_string(series[i].year);
        const double labelWidth = metrics.width(year, kTextFont);
        const double x = std::clamp(slotCentre(i) - labelWidth / 2, plotLeft,
                                    std::max(plotLeft, plotRight - labelWidth));
        out.push_back(textAt(year, x, yearBaseline, kTextFont, palette::text));
    }
    return drawing;
}

// ---------------------------------------------------------------------------------------------
// Red thread

namespace {

constexpr double kBoxPadding = 4;
constexpr double kMarkDiameter = 9;
constexpr double kMarkGap = 3;
constexpr double kColumnGap = 16;
constexpr double kNarrowColumnGap = 8;
constexpr double kSubtreeGap = 6;
constexpr double kLabelGap = 1.5;
// Narrower than this beside the mark, text continues under the mark at the box's full width.
constexpr double kMinHangingWidth = 80;

const FontRef kHeaderFont{FontFace::bold, 7};
const FontRef kBoldTitleFont{FontFace::bold, 7};
const FontRef kTitleTextFont{FontFace::regular, 7};
const FontRef kLabelFont{FontFace::regular, 6.5};
const FontRef kSymbolFont{FontFace::bold, 6.5};

// A line of text inside a box, relative to the box's top-left corner.
struct BoxLine {
    std::string text;
    FontRef font;
    double x = 0;
    double baseline = 0;
    bool label = false;
};

struct NodeBox {
    const RedThreadNode* node = nullptr;
    int depth = 0; // the column, 0 for the root
    int level = 0; // what the goal is: 0 perspective, 1 council goal, 2 committee goal, ...
    std::vector<std::size_t> children;
    StatusKind status = StatusKind::none;
    std::vector<BoxLine> lines;
    double x = 0;
    double y = 0;
    double height = 0;
};

std::size_t collectNodes(const RedThreadNode& node, int depth, int firstLevel,
                         std::vector<NodeBox>& boxes) {
    const std::size_t index = boxes.size();
    boxes.push_back({});
    boxes[index].node = &node;
    boxes[index].depth = depth;
    boxes[index].level = depth + firstLevel;
    boxes[index].status = statusKind(node.status);
    for (const RedThreadNode& child : node.children) {
        const std::size_t childIndex = collectNodes(child, depth + 1, firstLevel, boxes);
        boxes[index].children.push_back(childIndex);
    }
    return index;
}

std::string columnHeading(int depth, Language language) {
    const bool sv = language == Language::sv;
    switch (depth) {
    case 0:
        return sv ? "Perspektiv" : "Perspective";
    case 1:
        return sv ? "KF-mål" : "Council goal";
    case 2:
        return sv ? "Nämndmål" : "Committee goal";
    case 3:
        return sv ? "Enhetsmål" : "Unit goal";
    default:
        break;
    }
    return sv ? "Aktivitet" : "Activity";
}

// The heading's word used mid-sentence: lower case, but acronyms ("KF-mål") and the opening
// word of a path keep their capitals.
std::string kindWord(int depth, Language language) {
    std::string word = columnHeading(depth, language);
    if (depth > 0 && word.size() > 1 && std::isupper(static_cast<unsigned char>(word[1])) == 0) {
        word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    }
    return word;
}

// What a box shows: the goal's id and title (a perspective has only its title).
std::string boxText(const NodeBox& box) {
    const RedThreadNode& node = *box.node;
    if (box.level == 0 || node.id.empty()) {
        return node.title;
    }
    return node.title.empty() ? node.id : node.id + " " + node.title;
}

std::string shortName(const NodeBox& box, Language language) {
    const RedThreadNode& node = *box.node;
    const std::string name = box.level == 0 || node.id.empty() ? node.title : node.id;
    return kindWord(box.level, language) + " " + name;
}

std::string fullName(const NodeBox& box, Language language) {
    std::string name = kindWord(box.level, language) + " " + boxText(box);
    if (!box.node->label.empty()) {
        name += " (" + box.node->label + ")";
    }
    return name;
}

// Every path from the root to a leaf. A path after the first starts at the node it branches
// from, named short, so each node is described in full exactly once.
void describePaths(const std::vector<NodeBox>& boxes, std::size_t index, std::string chain,
                   Language language, std::vector<std::string>& paths) {
    const NodeBox& box = boxes[index];
    chain += chain.empty() ? "" : " " + std::string(kArrow) + " ";
    chain += fullName(box, language);
    if (box.children.empty()) {
        paths.push_back(std::move(chain));
        return;
    }
    for (std::size_t i = 0; i < box.children.size(); ++i) {
        describePaths(boxes, box.children[i], i == 0 ? chain : shortName(box, language), language,
                      paths);
    }
}

const FontRef& titleFontFor(int depth) {
    return depth <= 1 ? kBoldTitleFont : kTitleTextFont;
}

// Sets the box's lines and height: the status mark at the top left, the title beside it and
// the level's label below. Beside the mark the text hangs indented; in a narrow box, lines
// below the mark take the full width instead, so words are not broken needlessly.
void layOutBox(NodeBox& box, double boxWidth, const FontMetrics& metrics) {
    const bool hasMark = box.status != StatusKind::none;
    const double indent = kBoxPadding + (hasMark ? kMarkDiameter + kMarkGap : 0);
    const double indentedWidth = std::max(1.0, boxWidth - indent - kBoxPadding);
    const double fullWidth = std::max(1.0, boxWidth - 2 * kBoxPadding);
    const bool wrapUnderMark = hasMark && indentedWidth < kMinHangingWidth;
    const double markBottom = kBoxPadding + (hasMark ? kMarkDiameter : 0);

    double bottom = markBottom;
    const auto place = [&](std::string_view text, const FontRef& font, double firstBaseline,
                           bool label) {
        const double ascent = metrics.ascent(font);
        const double step = lineHeight(metrics, font) + 1;
        const auto baselineOf = [&](std::size_t i) {
            return firstBaseline + static_cast<double>(i) * step;
        };
        const auto clearOfMark = [&](std::size_t i) {
            return wrapUnderMark && baselineOf(i) - ascent >= markBottom;
        };
        const std::vector<std::string> lines = wrapText(
            text, font, [&](std::size_t i) { return clearOfMark(i) ? fullWidth : indentedWidth; },
            metrics);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            box.lines.push_back(
                {lines[i], font, clearOfMark(i) ? kBoxPadding : indent, baselineOf(i), label});
            bottom = std::max(bottom, baselineOf(i) + metrics.descent(font));
        }
    };
    const auto firstBaseline = [&](const FontRef& font) {
        const double top = kBoxPadding + metrics.ascent(font);
        return hasMark
                   ? std::max(top, kBoxPadding + kMarkDiameter / 2 + centringOffset(metrics, font))
                   : top;
    };

    const FontRef& titleFont = titleFontFor(box.depth);
    place(boxText(box), titleFont, firstBaseline(titleFont), false);
    const double labelBaseline = box.lines.empty()
                                     ? firstBaseline(kLabelFont)
                                     : box.lines.back().baseline + metrics.descent(titleFont) +
                                           kLabelGap + metrics.ascent(kLabelFont);
    place(box.node->label, kLabelFont, labelBaseline, true);
    box.height = bottom + kBoxPadding;
}

void shiftSubtree(std::vector<NodeBox>& boxes, std::size_t index, double dy) {
    boxes[index].y += dy;
    for (const std::size_t child : boxes[index].children) {
        shiftSubtree(boxes, child, dy);
    }
}

// Each subtree gets its own horizontal band, below its elder siblings' bands, so no two boxes
// can overlap; a parent sits centred on its children. Returns the band's bottom.
double placeSubtree(std::vector<NodeBox>& boxes, std::size_t index, double top) {
    if (boxes[index].children.empty()) {
        boxes[index].y = top;
        return top + boxes[index].height;
    }
    double cursor = top;
    double bottom = top;
    for (const std::size_t child : boxes[index].children) {
        bottom = placeSubtree(boxes, child, cursor);
        cursor = bottom + kSubtreeGap;
    }
    const NodeBox& first = boxes[boxes[index].children.front()];
    const NodeBox& last = boxes[boxes[index].children.back()];
    const double middle = (first.y + first.height / 2 + last.y + last.height / 2) / 2;
    boxes[index].y = middle - boxes[index].height / 2;
    if (boxes[index].y < top) {
        const double dy = top - boxes[index].y;
        for (const std::size_t child : boxes[index].children) {
            shiftSubtree(boxes, child, dy);
        }
        bottom += dy;
        boxes[index].y = top;
    }
    return std::max(bottom, boxes[index].y + boxes[index].height);
}

Color boxFill(int depth) {
    if (depth == 0) {
        return palette::perspectiveFill;
    }
    return depth == 1 ? palette::councilGoalFill : palette::goalFill;
}

} // namespace

Drawing drawRedThread(const RedThreadNode& root, double width, const FontMetrics& metrics,
                      Language language, int firstLevel) {
    std::vector<NodeBox> boxes;
    collectNodes(root, 0, firstLevel, boxes);

    Drawing drawing;
    drawing.width = width;
    {
        std::vector<std::string> paths;
        describePaths(boxes, 0, {}, language, paths);
        std::string alt = language == Language::sv ? "Röd tråd: " : "Red thread: ";
        for (std::size_t i = 0; i < paths.size(); ++i) {
            alt += (i == 0 ? "" : "; ") + paths[i];
        }
        drawing.altText = std::move(alt);
    }

    int columns = 1;
    for (const NodeBox& box : boxes) {
        columns = std::max(columns, box.depth + 1);
    }
    const double available = width - 2 * kPad;
    double columnGap = kColumnGap;
    double columnWidth = (available - columnGap * (columns - 1)) / static_cast<double>(columns);
    if (columnWidth < 4 * kColumnGap) {
        columnGap = kNarrowColumnGap;
        columnWidth = (available - columnGap * (columns - 1)) / static_cast<double>(columns);
    }
    columnWidth = std::max(columnWidth, 1.0);
    const auto columnX = [&](int depth) {
        return kPad + static_cast<double>(depth) * (columnWidth + columnGap);
    };

    for (NodeBox& box : boxes) {
        layOutBox(box, columnWidth, metrics);
        box.x = columnX(box.depth);
    }

    std::vector<Primitive>& out = drawing.primitives;
    const double headerBaseline = kPad + metrics.ascent(kHeaderFont);
    for (int depth = 0; depth < columns; ++depth) {
        out.push_back(textAt(ellipsize(columnHeading(depth + firstLevel, language), kHeaderFont,
                                       columnWidth, metrics),
                             columnX(depth), headerBaseline, kHeaderFont, palette::secondaryText));
    }
    const double treeTop = headerBaseline + metrics.descent(kHeaderFont) + 2 * kSectionGap;
    const double bottom = placeSubtree(boxes, 0, treeTop);
    drawing.height = bottom + kPad;

    // Connectors first, boxes over their ends.
    for (const NodeBox& box : boxes) {
        const double fromX = box.x + columnWidth;
        const double fromY = box.y + box.height / 2;
        const double elbowX = fromX + columnGap / 2;
        for (const std::size_t childIndex : box.children) {
            const NodeBox& child = boxes[childIndex];
            Primitive connector;
            connector.kind = Primitive::Kind::polyline;
            connector.points = {{fromX, fromY},
                                {elbowX, fromY},
                                {elbowX, child.y + child.height / 2},
                                {child.x, child.y + child.height / 2}};
            connector.stroke = palette::boxBorder;
            connector.stroked = true;
            connector.lineWidth = 0.7;
            connector.structure = -1;
            out.push_back(std::move(connector));
        }
    }

    for (const NodeBox& box : boxes) {
        Primitive frame = filledRect(box.x, box.y, columnWidth, box.height, boxFill(box.depth));
        frame.stroke = palette::boxBorder;
        frame.stroked = true;
        frame.lineWidth = 0.5;
        out.push_back(std::move(frame));

        const bool dark = box.depth == 0;
        if (box.status != StatusKind::none) {
            const double cx = box.x + kBoxPadding + kMarkDiameter / 2;
            const double cy = box.y + kBoxPadding + kMarkDiameter / 2;
            out.push_back(
                circle(cx, cy, kMarkDiameter / 2, statusColor(box.status), palette::white, 0.8));
            const std::string symbol =
                statusSymbol(box.status, kSymbolFont.face, metrics, language);
            out.push_back(textAt(symbol, cx - metrics.width(symbol, kSymbolFont) / 2,
                                 cy + centringOffset(metrics, kSymbolFont), kSymbolFont,
                                 statusSymbolColor(box.status)));
        }
        for (const BoxLine& line : box.lines) {
            const Color color = line.label
                                    ? (dark ? palette::perspectiveLabel : palette::secondaryText)
                                    : (dark ? palette::white : palette::text);
            out.push_back(
                textAt(line.text, box.x + line.x, box.y + line.baseline, line.font, color));
        }
    }
    return drawing;
}

} // namespace rodtrad
