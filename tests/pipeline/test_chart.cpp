// Indicator charts, the red-thread diagram and number formatting, measured with a fake font so
// the geometry can be checked exactly.
#include "layout/chart.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rodtrad {
namespace {

const std::string kNbsp = "\xC2\xA0";
const std::string kMinus = "\xE2\x88\x92";
const std::string kEnDash = "\xE2\x80\x93";
const std::string kCheck = "\xE2\x9C\x93";
const std::string kCross = "\xE2\x9C\x97";

// Every character advances half the font size; ascent and descent are fixed shares of it.
class FakeMetrics : public FontMetrics {
public:
    explicit FakeMetrics(bool symbols = true) : symbols_(symbols) {}
    double width(std::string_view utf8, const FontRef& font) const override {
        double count = 0;
        for (const char c : utf8) {
            count += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
        }
        return count * kAdvance * font.size;
    }
    double ascent(const FontRef& font) const override { return 0.8 * font.size; }
    double descent(const FontRef& font) const override { return 0.2 * font.size; }
    bool hasGlyph(char32_t codePoint, FontFace) const override {
        return symbols_ || codePoint < 0x2700;
    }
    static constexpr double kAdvance = 0.5;

private:
    bool symbols_;
};

struct Box {
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;
};

Box bounds(const Primitive& p, const FontMetrics& metrics) {
    switch (p.kind) {
    case Primitive::Kind::text:
        return {p.x, p.y - metrics.ascent(p.font), p.x + metrics.width(p.text, p.font),
                p.y + metrics.descent(p.font)};
    case Primitive::Kind::rect:
        return {p.x, p.y, p.x + p.width, p.y + p.height};
    case Primitive::Kind::line:
        return {std::min(p.x, p.x2), std::min(p.y, p.y2), std::max(p.x, p.x2), std::max(p.y, p.y2)};
    case Primitive::Kind::polyline:
    case Primitive::Kind::polygon:
        break;
    }
    Box box{1e9, 1e9, -1e9, -1e9};
    for (const auto& [x, y] : p.points) {
        box = {std::min(box.left, x), std::min(box.top, y), std::max(box.right, x),
               std::max(box.bottom, y)};
    }
    return box;
}

bool contains(const Box& outer, const Box& inner, double slack = 1e-6) {
    return inner.left >= outer.left - slack && inner.top >= outer.top - slack &&
           inner.right <= outer.right + slack && inner.bottom <= outer.bottom + slack;
}

bool overlaps(const Box& a, const Box& b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

void expectInside(const Drawing& drawing, const FontMetrics& metrics) {
    const Box frame{0, 0, drawing.width, drawing.height};
    for (const Primitive& p : drawing.primitives) {
        EXPECT_TRUE(contains(frame, bounds(p, metrics)))
            << "primitive outside the box: kind " << static_cast<int>(p.kind) << " '" << p.text
            << "' at " << p.x << "," << p.y;
        EXPECT_EQ(p.structure, -1);
    }
}

std::vector<const Primitive*> texts(const Drawing& drawing, const std::string& text) {
    std::vector<const Primitive*> found;
    for (const Primitive& p : drawing.primitives) {
        if (p.kind == Primitive::Kind::text && p.text == text) {
            found.push_back(&p);
        }
    }
    return found;
}

bool hasTextContaining(const Drawing& drawing, const std::string& part) {
    return std::any_of(
        drawing.primitives.begin(), drawing.primitives.end(), [&](const Primitive& p) {
            return p.kind == Primitive::Kind::text && p.text.find(part) != std::string::npos;
        });
}

// "1 234,5", "−0,5", "1,234.5" back to a double.
std::optional<double> parseLabel(std::string text) {
    std::string plain;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, kMinus.size(), kMinus) == 0) {
            plain += '-';
            i += kMinus.size();
        } else if (text.compare(i, kNbsp.size(), kNbsp) == 0) {
            i += kNbsp.size();
        } else if (text[i] == ',') {
            plain += '.';
            ++i;
        } else if ((text[i] >= '0' && text[i] <= '9') || text[i] == '.' || text[i] == '-') {
            plain += text[i++];
        } else {
            return std::nullopt;
        }
    }
    if (plain.empty()) {
        return std::nullopt;
    }
    return std::stod(plain);
}

// The y axis as the chart draws it: the vertical axis line, the labelled ticks left of it and
// the linear map from values to y the tick labels imply.
struct ReadAxis {
    double x = 0;
    std::vector<std::pair<double, double>> ticks; // value, y
    double y(double value) const {
        const auto& [v0, y0] = ticks.front();
        const auto& [v1, y1] = ticks.back();
        return y0 + (value - v0) / (v1 - v0) * (y1 - y0);
    }
};

ReadAxis readAxis(const Drawing& drawing, const FontMetrics& metrics) {
    ReadAxis axis;
    double axisLength = 0;
    for (const Primitive& p : drawing.primitives) {
        if (p.kind == Primitive::Kind::line && p.x == p.x2 && std::fabs(p.y2 - p.y) > axisLength) {
            axisLength = std::fabs(p.y2 - p.y);
            axis.x = p.x;
        }
    }
    for (const Primitive& p : drawing.primitives) {
        if (p.kind != Primitive::Kind::text || p.x + metrics.width(p.text, p.font) > axis.x) {
            continue;
        }
        if (const auto value = parseLabel(p.text)) {
            const double middle = p.y - (metrics.ascent(p.font) - metrics.descent(p.font)) / 2;
            axis.ticks.emplace_back(*value, middle);
        }
    }
    std::sort(axis.ticks.begin(), axis.ticks.end());
    return axis;
}

std::vector<const Primitive*> horizontalLines(const Drawing& drawing, const Color& stroke) {
    std::vector<const Primitive*> found;
    for (const Primitive& p : drawing.primitives) {
        if (p.kind == Primitive::Kind::line && p.y == p.y2 && p.stroke == stroke) {
            found.push_back(&p);
        }
    }
    return found;
}

Color hex(unsigned value) {
    return Color{static_cast<double>((value >> 16) & 0xFFu) / 255.0,
                 static_cast<double>((value >> 8) & 0xFFu) / 255.0,
                 static_cast<double>(value & 0xFFu) / 255.0};
}

std::vector<const Primitive*> bars(const Drawing& drawing) {
    std::vector<const Primitive*> found;
    for (const Primitive& p : drawing.primitives) {
        if (p.kind == Primitive::Kind::rect && p.filled && p.fill == hex(0x4A6FA5)) {
            found.push_back(&p);
        }
    }
    return found;
}

IndicatorChart emissions() {
    IndicatorChart chart;
    chart.name = "Utsläpp av växthusgaser";
    chart.measure = "ton per invånare";
    chart.higherIsBetter = false;
    chart.outcomes = {{2022, 3.1}, {2023, 2.9}, {2024, 2.8}, {2025, 2.6}};
    chart.target = 2.5;
    chart.yellow = 2.8;
    chart.targetYear = 2025;
    chart.status = "yellow";
    return chart;
}

double centreOfText(const Primitive& p, const FontMetrics& metrics) {
    return p.x + metrics.width(p.text, p.font) / 2;
}

} // namespace

TEST(FormatNumber, SwedishUsesCommaNoBreakSpaceAndMinusSign) {
    EXPECT_EQ(formatNumber(1234.5, 1, Language::sv), "1" + kNbsp + "234,5");
    EXPECT_EQ(formatNumber(2.5, 1, Language::sv), "2,5");
    EXPECT_EQ(formatNumber(-2.5, 1, Language::sv), kMinus + "2,5");
    EXPECT_EQ(formatNumber(-1234567.891, 2, Language::sv),
              kMinus + "1" + kNbsp + "234" + kNbsp + "567,89");
    EXPECT_EQ(formatNumber(123456, 0, Language::sv), "123" + kNbsp + "456");
    EXPECT_EQ(formatNumber(999, 0, Language::sv), "999");
    EXPECT_EQ(formatNumber(0.05, 2, Language::sv), "0,05");
}

TEST(FormatNumber, EnglishUsesPointAndCommaGroups) {
    EXPECT_EQ(formatNumber(1234.5, 1, Language::en), "1,234.5");
    EXPECT_EQ(formatNumber(-1234.5, 1, Language::en), kMinus + "1,234.5");
    EXPECT_EQ(formatNumber(1000000, 0, Language::en), "1,000,000");
    EXPECT_EQ(formatNumber(2.5, 1, Language::en), "2.5");
}

TEST(FormatNumber, RoundsAndNeverPrintsNegativeZero) {
    EXPECT_EQ(formatNumber(2.6, 0, Language::sv), "3");
    EXPECT_EQ(formatNumber(999.96, 1, Language::sv), "1" + kNbsp + "000,0");
    EXPECT_EQ(formatNumber(-0.04, 1, Language::sv), "0,0");
    EXPECT_EQ(formatNumber(-0.0, 0, Language::en), "0");
    EXPECT_EQ(formatNumber(3, 2, Language::en), "3.00");
}

TEST(Chart, AltTextListsOutcomesTargetAndStatus) {
    const FakeMetrics metrics;
    EXPECT_EQ(drawIndicatorChart(emissions(), metrics, Language::sv).altText,
              "Utfall 2022" + kEnDash +
                  "2025: 3,1; 2,9; 2,8; 2,6 ton per invånare; mål 2,5; status gul");
    EXPECT_EQ(drawIndicatorChart(emissions(), metrics, Language::en).altText,
              "Outcome 2022" + kEnDash +
                  "2025: 3.1; 2.9; 2.8; 2.6 ton per invånare; target 2.5; status yellow");
}

TEST(Chart, AltTextNamesEveryStatusWord) {
    const FakeMetrics metrics;
    IndicatorChart chart = emissions();
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> words = {
        {"green", {"grön", "green"}},
        {"yellow", {"gul", "yellow"}},
        {"red", {"röd", "red"}},
        {"not-assessable", {"kan inte bedömas", "not assessable"}}};
    for (const auto& [status, word] : words) {
        chart.status = status;
        const Drawing sv = drawIndicatorChart(chart, metrics, Language::sv);
        const Drawing en = drawIndicatorChart(chart, metrics, Language::en);
        EXPECT_TRUE(sv.altText.ends_with("; status " + word.first)) << sv.altText;
        EXPECT_TRUE(en.altText.ends_with("; status " + word.second)) << en.altText;
        // The status is in words on the chart too, not only in a colour.
        EXPECT_EQ(texts(sv, "Status: " + word.first).size(), 1u);
        EXPECT_EQ(texts(en, "Status: " + word.second).size(), 1u);
    }
}

TEST(Chart, MissingYearIsAGapNotAZeroBar) {
    const FakeMetrics metrics;
    IndicatorChart chart = emissions();
    chart.outcomes[1].second = std::nullopt;
    const Drawing drawing = drawIndicatorChart(chart, metrics, Language::sv);
    EXPECT_EQ(drawing.altText, "Utfall 2022" + kEnDash +
                                   "2025: 3,1; saknas; 2,8; 2,6 ton per invånare; mål 2,5; "
                                   "status gul");

    const auto drawn = bars(drawing);
    ASSERT_EQ(drawn.size(), 3u);
    const auto label2023 = texts(drawing, "2023");
    ASSERT_EQ(label2023.size(), 1u);
    const double gapCentre = centreOfText(*label2023.front(), metrics);
    for (const Primitive* bar : drawn) {
        EXPECT_FALSE(bar->x <= gapCentre && gapCentre <= bar->x + bar->width);
    }
    // Every bar stands over the label of a year with an outcome.
    for (const std::string year : {"2022", "2024", "2025"}) {
        const double centre = centreOfText(*texts(drawing, year).front(), metrics);
        EXPECT_EQ(std::count_if(drawn.begin(), drawn.end(),
                                [&](const Primitive* bar) {
                                    return std::fabs(bar->x + bar->width / 2 - centre) < 1e-6;
                                }),
                  1)
            << year;
    }
    // The gap says so, in its own slot.
    std::vector<const Primitive*> marks = texts(drawing, "saknas");
    const auto dashes = texts(drawing, kEnDash);
    marks.insert(marks.end(), dashes.begin(), dashes.end());
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_NEAR(centreOfText(*marks.front(), metrics), gapCentre, 1e-6);
    expectInside(drawing, metrics);
}

TEST(Chart, YearMissingFromTheSeriesIsAGapToo) {
    const FakeMetrics metrics;
    IndicatorChart chart = emissions();
    chart.outcomes = {{2021, 3.4}, {2023, 2.9}};
    const Drawing drawing = drawIndicatorChart(chart, metrics, Language::en);
    EXPECT_EQ(drawing.altText, "Outcome 2021" + kEnDash +
                                   "2023: 3.4; missing; 2.9 ton per invånare; target 2.5; status "
                                   "yellow");
    EXPECT_EQ(bars(drawing).size(), 2u);
    EXPECT_EQ(texts(drawing, "2022").size(), 1u);
}

TEST(Chart, ZeroOutcomeIsAVisibleBar) {
    const FakeMetrics metrics;
    IndicatorChart chart = emissions();
    chart.outcomes = {{2024, 0.0}, {2025, 1.0}};
    const Drawing drawing = drawIndicatorChart(chart, metrics, Language::sv);
    const auto drawn = bars(drawing);
    ASSERT_EQ(drawn.size(), 2u);
    EXPECT_GT(drawn.front()->height, 0.5);
    EXPECT_TRUE(texts(drawing, "saknas").empty());
}

TEST(Chart, TargetAndYellowLinesSitAtTheirValues) {
    const FakeMetrics metrics;
    for (const Language language : {Language::sv, Language::en}) {
        for (const ChartKind kind : {ChartKind::bar, ChartKind::line}) {
            IndicatorChart chart = emissions();
            chart.kind = kind;
            const Drawing drawing = drawIndicatorChart(chart, metrics, language);
            const ReadAxis axis = readAxis(drawing, metrics);
            ASSERT_GE(axis.ticks.size(), 3u);

            const auto target = horizontalLines(drawing, hex(0x1F3864));
            ASSERT_EQ(target.size(), 1u);
            EXPECT_TRUE(target.front()->dash.empty());
            EXPECT_NEAR(target.front()->y, axis.y(2.5), 1e-6);

            const auto yellow = horizontalLines(drawing, hex(0xB8860B));
            ASSERT_EQ(yellow.size(), 1u);
            EXPECT_FALSE(yellow.front()->dash.empty());
            EXPECT_NEAR(yellow.front()->y, axis.y(2.8), 1e-6);

            EXPECT_EQ(
                texts(drawing, language == Language::sv ? "Mål 2025: 2,5" : "Target 2025: 2.5")
                    .size(),
                1u);
            expectInside(drawing, metrics);
        }
    }
}

TEST(Chart, BarsReachTheirValuesFromZero) {
    const FakeMetrics metrics;
    const Drawing drawing = drawIndicatorChart(emissions(), metrics, Language::sv);
    const ReadAxis axis = readAxis(drawing, metrics);
    const auto drawn = bars(drawing);
    ASSERT_EQ(drawn.size(), 4u);
    const std::vector<double> values = {3.1, 2.9, 2.8, 2.6};
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        EXPECT_NEAR(drawn[i]->y, axis.y(values[i]), 1e-6);
        EXPECT_NEAR(drawn[i]->y + drawn[i]->height, axis.y(0), 1e-6);
    }
}

TEST(Chart, LineChartBreaksAtMissingYearsAndMarksEveryOutcome) {
    const FakeMetrics metrics;
    IndicatorChart chart = emissions();
    chart.kind = ChartKind::line;
    chart.outcomes = {{2020, 3.4}, {2021, 3.3}, {2022, std::nullopt}, {2023, 2.9}, {2024, 2.8}};
    const Drawing drawing = drawIndicatorChart(chart, metrics, Language::en);
    const ReadAxis axis = readAxis(drawing, metrics);
    std::size_t polylines = 0;
    std::size_t markers = 0;
    const double gap = centreOfText(*texts(drawing, "2022").front(), metrics);
    for (const Primitive& p : drawing.primitives) {
        if (p.kind == Primitive::Kind::polyline) {
            ++polylines;
            ASSERT_EQ(p.points.size(), 2u);
            // No segment spans the missing year.
            EXPECT_TRUE(p.points.back().first < gap || p.points.front().first > gap);
        }
        if (p.kind == Primitive::Kind::polygon) {
            ++markers;
        }
        EXPECT_FALSE(p.kind == Primitive::Kind::rect && p.fill == hex(0x4A6FA5));
    }
    EXPECT_EQ(polylines, 2u);
    EXPECT_EQ(markers, 4u);
    EXPECT_EQ(texts(drawing, "missing").size(), 1u);
    // A line chart need not start at zero, but still covers every value.
    EXPECT_LE(axis.ticks.front().first, 2.5);
    EXPECT_GE(axis.ticks.back().first, 3.4);
    expectInside(drawing, metrics);
}

TEST(Chart, TicksAreFewNiceNumbersCoveringEverything) {
    const FakeMetrics metrics;
    struct Case {
        std::vector<std::pair<int, std::optional<double>>> outcomes;
        std::optional<double> target;
        std::optional<double> yellow;
        ChartKind kind;
    };
    const std::vector<Case> cases = {
        {{{2022, 3.1}, {2023, 2.9}}, 2.5, 2.8, ChartKind::bar},
        {{{2022, 74.9}, {2023, 81.2}, {2024, 79}}, 80, 75, ChartKind::bar},
        {{{2022, 1234}, {2023, 9876}}, 12000, std::nullopt, ChartKind::bar},
        {{{2022, -3.5}, {2023, 2.25}}, 1, std::nullopt, ChartKind::bar},
        {{{2022, -40}, {2023, -35}}, -30, -45, ChartKind::bar},
        {{{2022, 0.012}, {2023, 0.019}}, 0.015, 0.017, ChartKind::line},
        {{{2022, 96.1}, {2023, 96.4}}, 97, 95.5, ChartKind::line},
        {{{2022, 5}, {2023, 5}}, std::nullopt, std::nullopt, ChartKind::line},
        {{{2022, 0}, {2023, 0}}, std::nullopt, std::nullopt, ChartKind::bar},
        {{{2022, std::nullopt}}, std::nullopt, std::nullopt, ChartKind::bar},
        {{{2022, 1e6}, {2023, 1.2e6}}, 1.5e6, 1.3e6, ChartKind::bar},
    };
    for (const Case& c : cases) {
        IndicatorChart chart = emissions();
        chart.outcomes = c.outcomes;
        chart.target = c.target;
        chart.yellow = c.yellow;
        chart.kind = c.kind;
        const Drawing drawing = drawIndicatorChart(chart, metrics, Language::sv);
        const ReadAxis axis = readAxis(drawing, metrics);
        const auto& ticks = axis.ticks;
        ASSERT_GE(ticks.size(), 3u) << drawing.altText;
        ASSERT_LE(ticks.size(), 6u) << drawing.altText;
        const double step = ticks[1].first - ticks[0].first;
        for (std::size_t i = 1; i < ticks.size(); ++i) {
            EXPECT_NEAR(ticks[i].first - ticks[i - 1].first, step, step * 1e-6);
        }
        const double exponent = std::floor(std::log10(step) + 1e-9);
        const double mantissa = step / std::pow(10.0, exponent);
        EXPECT_TRUE(std::fabs(mantissa - 1) < 1e-6 || std::fabs(mantissa - 2) < 1e-6 ||
                    std::fabs(mantissa - 5) < 1e-6)
            << "step " << step << " in " << drawing.altText;

        std::vector<double> covered;
        for (const auto& [year, value] : c.outcomes) {
            if (value) {
                covered.push_back(*value);
            }
        }
        for (const auto& extra : {c.target, c.yellow}) {
            if (extra) {
                covered.push_back(*extra);
            }
        }
        if (c.kind == ChartKind::bar) {
            covered.push_back(0);
        }
        for (const double value : covered) {
            EXPECT_LE(ticks.front().first, value + 1e-9) << drawing.altText;
            EXPECT_GE(ticks.back().first, value - 1e-9) << drawing.altText;
        }
        expectInside(drawing, metrics);
    }
}

TEST(Chart, EverythingFitsInsideBoxesOfManySizes) {
    const FakeMetrics metrics;
    for (const double width : {90.0, 120.0, 180.0, 240.0, 400.0}) {
        for (const double height : {70.0, 100.0, 140.0, 220.0}) {
            for (const Language language : {Language::sv, Language::en}) {
                for (const ChartKind kind : {ChartKind::bar, ChartKind::line}) {
                    IndicatorChart chart = emissions();
                    chart.name = "Andel förnybar energi i kommunkoncernens fastigheter och "
                                 "fordon, inklusive upphandlade transporter";
                    chart.measure = "procent av total energianvändning";
                    chart.status = "not-assessable";
                    chart.kind = kind;
                    chart.width = width;
                    chart.height = height;
                    chart.outcomes.clear();
                    for (int year = 2012; year <= 2025; ++year) {
                        chart.outcomes.emplace_back(
                            year, year == 2016 ? std::nullopt
                                               : std::optional<double>(2 + 0.1 * (year % 5)));
                    }
                    const Drawing drawing = drawIndicatorChart(chart, metrics, language);
                    EXPECT_EQ(drawing.width, width);
                    EXPECT_EQ(drawing.height, height);
                    expectInside(drawing, metrics);
                    EXPECT_FALSE(drawing.altText.empty());
                }
            }
        }
    }
}

TEST(Chart, NarrowChartKeepsTargetLabelInALegend) {
    const FakeMetrics metrics;
    IndicatorChart chart = emissions();
    chart.width = 110;
    chart.height = 120;
    const Drawing drawing = drawIndicatorChart(chart, metrics, Language::en);
    EXPECT_TRUE(hasTextContaining(drawing, "Target"));
    EXPECT_TRUE(hasTextContaining(drawing, "Yellow"));
    expectInside(drawing, metrics);
}

TEST(Chart, SameInputSameDrawing) {
    const FakeMetrics metrics;
    const Drawing a = drawIndicatorChart(emissions(), metrics, Language::sv);
    const Drawing b = drawIndicatorChart(emissions(), metrics, Language::sv);
    ASSERT_EQ(a.primitives.size(), b.primitives.size());
    for (std::size_t i = 0; i < a.primitives.size(); ++i) {
        EXPECT_EQ(a.primitives[i].x, b.primitives[i].x);
        EXPECT_EQ(a.primitives[i].y, b.primitives[i].y);
        EXPECT_EQ(a.primitives[i].text, b.primitives[i].text);
    }
}

namespace {

// A PDF writer given an infinite or not-a-number coordinate writes garbage into the page.
bool allFinite(const Primitive& p) {
    bool finite = std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.x2) &&
                  std::isfinite(p.y2) && std::isfinite(p.width) && std::isfinite(p.height) &&
                  std::isfinite(p.font.size) && std::isfinite(p.lineWidth);
    for (const auto& [x, y] : p.points) {
        finite = finite && std::isfinite(x) && std::isfinite(y);
    }
    return finite;
}

} // namespace

TEST(Chart, YearsAsFarApartAsAnIntAllowsAreSlotsNotGapsBetweenThem) {
    const FakeMetrics metrics;
    IndicatorChart chart = emissions();
    const int min = std::numeric_limits<int>::min();
    const int max = std::numeric_limits<int>::max();
    chart.outcomes = {{min, 3.1}, {0, 2.9}, {max - 2, 2.8}, {max, 2.6}};
    const Drawing drawing = drawIndicatorChart(chart, metrics, Language::sv);
    // Only the one year between the last two is filled in, as a gap.
    EXPECT_EQ(drawing.altText, "Utfall -2147483648" + kEnDash +
                                   "2147483647: 3,1; 2,9; 2,8; saknas; 2,6 ton per invånare; "
                                   "mål 2,5; status gul");
    EXPECT_EQ(bars(drawing).size(), 4u);
    EXPECT_EQ(texts(drawing, "saknas").size(), 1u);
    expectInside(drawing, metrics);
}

TEST(Chart, ValuesTooLargeToPlotAreMarkedAndTheRestIsDrawnOnAFiniteAxis) {
    const FakeMetrics metrics;
    const double max = std::numeric_limits<double>::max();
    for (const ChartKind kind : {ChartKind::bar, ChartKind::line}) {
        SCOPED_TRACE(static_cast<int>(kind));
        IndicatorChart chart = emissions();
        chart.kind = kind;
        chart.outcomes = {{2021, 1e308}, {2022, -1e308}, {2023, max}, {2024, -max}, {2025, 2.6}};
        chart.target = max;
        const Drawing drawing = drawIndicatorChart(chart, metrics, Language::sv);
        for (const Primitive& p : drawing.primitives) {
            EXPECT_TRUE(allFinite(p)) << "kind " << static_cast<int>(p.kind) << " '" << p.text
                                      << "' at " << p.x << "," << p.y;
        }
        expectInside(drawing, metrics);
        // Each year too large to plot gets an en dash in its slot; 2025 is drawn at its value,
        // on an axis that covers it and the yellow limit (2.8) in a few ticks.
        EXPECT_EQ(texts(drawing, kEnDash).size(), 4u);
        const ReadAxis axis = readAxis(drawing, metrics);
        ASSERT_GE(axis.ticks.size(), 2u);
        EXPECT_LE(axis.ticks.front().first, 2.6);
        EXPECT_GE(axis.ticks.back().first, 2.8);
        EXPECT_LE(axis.ticks.back().first, 5);
        if (kind == ChartKind::bar) {
            ASSERT_EQ(bars(drawing).size(), 1u);
            EXPECT_NEAR(bars(drawing)[0]->y, axis.y(2.6), 1e-6);
        }
        // The alternative text still gives every value and the target.
        EXPECT_EQ(drawing.altText.rfind("Utfall 2021" + kEnDash + "2025: 100", 0), 0u)
            << drawing.altText;
        EXPECT_NE(drawing.altText.find("; 2,6 ton per invånare; mål 179"), std::string::npos);
    }
}

TEST(Chart, AnIndicatorNamedWithOneWordOfAMillionCharactersKeepsTwoLinesOfIt) {
    const FakeMetrics metrics;
    IndicatorChart chart = emissions();
    chart.name = std::string(1000000, 'W');
    const Drawing drawing = drawIndicatorChart(chart, metrics, Language::sv);
    std::vector<const Primitive*> title;
    for (const Primitive& p : drawing.primitives) {
        if (p.kind == Primitive::Kind::text && p.font.face == FontFace::bold) {
            title.push_back(&p);
        }
    }
    // 236 pt at 4 pt a character: 58 characters and a hyphen, then 58 and an ellipsis.
    ASSERT_EQ(title.size(), 2u);
    EXPECT_EQ(title[0]->text, std::string(58, 'W') + "-");
    EXPECT_EQ(title[1]->text, std::string(58, 'W') + "\xE2\x80\xA6");
    EXPECT_TRUE(hasTextContaining(drawing, "Status: gul"));
    EXPECT_EQ(bars(drawing).size(), 4u);
    expectInside(drawing, metrics);
}

namespace {

RedThreadNode node(std::string id, std::string title, std::string label, std::string status,
                   std::vector<RedThreadNode> children = {}) {
    RedThreadNode n;
    n.id = std::move(id);
    n.title = std::move(title);
    n.label = std::move(label);
    n.level = n.label.empty() ? "" : "level";
    n.status = std::move(status);
    n.children = std::move(children);
    return n;
}

RedThreadNode energyThread() {
    return node("samhalle", "Samhälle och miljö", "", "",
                {node("KF5", "Energianvändningen minskar", "delvis uppfyllt", "yellow",
                      {node("TN-M1", "Minskad energi i lokaler", "uppfyllt", "green"),
                       node("TN-M2", "Fossilfria transporter", "ej uppfyllt", "red")})});
}

// A realistic large tree: four council goals, each with committee goals and unit goals, and
// titles long enough to wrap, one with a word longer than any box.
RedThreadNode largeThread() {
    const std::vector<std::string> statuses = {"green", "yellow", "red", "not-assessable"};
    const std::vector<std::string> labels = {"uppfyllt", "delvis uppfyllt", "ej uppfyllt",
                                             "kan inte bedömas"};
    RedThreadNode root = node("samhalle", "Samhälle och miljö", "", "");
    for (int k = 1; k <= 4; ++k) {
        RedThreadNode council =
            node("KF" + std::to_string(k), "Kommunens klimatpåverkan minskar år för år",
                 labels[k % 4], statuses[k % 4]);
        for (int c = 1; c <= k; ++c) {
            const std::string id = "N" + std::to_string(k) + "-" + std::to_string(c);
            RedThreadNode committee =
                node(id,
                     c == 2 ? "Miljöledningssystemsamordnarutbildningsprogrammet genomförs"
                            : "Minskad energianvändning i kommunens egna lokaler",
                     labels[(k + c) % 4], statuses[(k + c) % 4]);
            for (int u = 1; u <= c; ++u) {
                committee.children.push_back(node(id + "-E" + std::to_string(u),
                                                  "Enhetens mål för energi", labels[u % 4],
                                                  statuses[u % 4]));
            }
            council.children.push_back(std::move(committee));
        }
        root.children.push_back(std::move(council));
    }
    return root;
}

struct DrawnNode {
    const RedThreadNode* node;
    Box box;
};

void flatten(const RedThreadNode& n, std::vector<const RedThreadNode*>& all) {
    all.push_back(&n);
    for (const RedThreadNode& child : n.children) {
        flatten(child, all);
    }
}

std::vector<Box> nodeBoxes(const Drawing& drawing) {
    std::vector<Box> boxes;
    for (const Primitive& p : drawing.primitives) {
        if (p.kind == Primitive::Kind::rect && p.filled && p.stroked) {
            boxes.push_back({p.x, p.y, p.x + p.width, p.y + p.height});
        }
    }
    return boxes;
}

// The box holding the text that starts a node's title (its id, or the perspective's title).
std::optional<Box> boxOf(const Drawing& drawing, const RedThreadNode& n, bool root,
                         const FontMetrics& metrics) {
    const std::string start = root ? n.title.substr(0, n.title.find(' ')) : n.id;
    for (const Primitive& p : drawing.primitives) {
        if (p.kind != Primitive::Kind::text || !p.text.starts_with(start) ||
            (!root && p.text.size() > start.size() && p.text[start.size()] != ' ')) {
            continue;
        }
        for (const Box& box : nodeBoxes(drawing)) {
            if (contains(box, bounds(p, metrics))) {
                return box;
            }
        }
    }
    return std::nullopt;
}

std::string expectedSymbol(const std::string& status) {
    if (status == "green") {
        return kCheck;
    }
    if (status == "yellow") {
        return "~";
    }
    if (status == "red") {
        return kCross;
    }
    return "?";
}

Color statusColor(const std::string& status) {
    if (status == "green") {
        return hex(0x2E7D32);
    }
    if (status == "yellow") {
        return hex(0xF9A825);
    }
    if (status == "red") {
        return hex(0xC62828);
    }
    return hex(0x9E9E9E);
}

void expectStatusMarks(const Drawing& drawing, const RedThreadNode& root,
                       const FontMetrics& metrics,
                       const std::function<std::string(const std::string&)>& symbolFor) {
    std::vector<const RedThreadNode*> all;
    flatten(root, all);
    for (const RedThreadNode* n : all) {
        const auto box = boxOf(drawing, *n, n == &root, metrics);
        ASSERT_TRUE(box) << n->id;
        std::size_t marks = 0;
        for (const Primitive& mark : drawing.primitives) {
            if (mark.kind != Primitive::Kind::polygon || !contains(*box, bounds(mark, metrics))) {
                continue;
            }
            ++marks;
            EXPECT_EQ(mark.fill, statusColor(n->status)) << n->id;
            const Box markBox = bounds(mark, metrics);
            const std::string symbol = symbolFor(n->status);
            const bool symbolInside = std::any_of(
                drawing.primitives.begin(), drawing.primitives.end(), [&](const Primitive& p) {
                    return p.kind == Primitive::Kind::text && p.text == symbol &&
                           contains(markBox, bounds(p, metrics), 0.5);
                });
            EXPECT_TRUE(symbolInside) << n->id << " lacks " << symbol;
        }
        EXPECT_EQ(marks, n->status.empty() ? 0u : 1u) << n->id;
    }
}

} // namespace

TEST(RedThread, AltTextFollowsEveryLink) {
    const FakeMetrics metrics;
    const std::string arrow = " \xE2\x86\x92 ";
    EXPECT_EQ(drawRedThread(energyThread(), 500, metrics, Language::sv).altText,
              "Röd tråd: Perspektiv Samhälle och miljö" + arrow +
                  "KF-mål KF5 Energianvändningen minskar (delvis uppfyllt)" + arrow +
                  "nämndmål TN-M1 Minskad energi i lokaler (uppfyllt); KF-mål KF5" + arrow +
                  "nämndmål TN-M2 Fossilfria transporter (ej uppfyllt)");

    RedThreadNode english = energyThread();
    english.title = "Society and environment";
    english.children[0].title = "Energy use decreases";
    english.children[0].label = "partly met";
    english.children[0].children[0].title = "Less energy in premises";
    english.children[0].children[0].label = "met";
    english.children[0].children[1].title = "Fossil-free transport";
    english.children[0].children[1].label = "not met";
    EXPECT_EQ(drawRedThread(english, 500, metrics, Language::en).altText,
              "Red thread: Perspective Society and environment" + arrow +
                  "council goal KF5 Energy use decreases (partly met)" + arrow +
                  "committee goal TN-M1 Less energy in premises (met); council goal KF5" + arrow +
                  "committee goal TN-M2 Fossil-free transport (not met)");
}

TEST(RedThread, AltTextDescribesEveryNodeOnce) {
    const FakeMetrics metrics;
    const RedThreadNode root = largeThread();
    const Drawing drawing = drawRedThread(root, 520, metrics, Language::sv);
    std::vector<const RedThreadNode*> all;
    flatten(root, all);
    for (const RedThreadNode* n : all) {
        if (n == &root) {
            continue;
        }
        const std::string described = n->id + " " + n->title + " (" + n->label + ")";
        const auto first = drawing.altText.find(described);
        ASSERT_NE(first, std::string::npos) << n->id;
        EXPECT_EQ(drawing.altText.find(described, first + 1), std::string::npos) << n->id;
    }
    EXPECT_TRUE(drawing.altText.find("enhetsmål N4-4-E4 Enhetens mål för energi (uppfyllt)") !=
                std::string::npos);
}

TEST(RedThread, EveryNodeHasItsStatusMark) {
    const FakeMetrics metrics;
    const RedThreadNode root = largeThread();
    const Drawing drawing = drawRedThread(root, 520, metrics, Language::sv);
    expectStatusMarks(drawing, root, metrics, expectedSymbol);
}

TEST(RedThread, LettersReplaceSymbolsTheFontLacks) {
    const FakeMetrics metrics(false);
    const RedThreadNode root = energyThread();
    const auto letters = [](const std::string& status) -> std::string {
        if (status == "green") {
            return "U";
        }
        return status == "red" ? "E" : expectedSymbol(status);
    };
    expectStatusMarks(drawRedThread(root, 500, metrics, Language::sv), root, metrics, letters);
}

TEST(RedThread, LargeTreeHasNoOverlapsAndFitsItsWidth) {
    const FakeMetrics metrics;
    const RedThreadNode root = largeThread();
    std::vector<const RedThreadNode*> all;
    flatten(root, all);
    for (const double width : {300.0, 520.0, 800.0}) {
        const Drawing drawing = drawRedThread(root, width, metrics, Language::en);
        const std::vector<Box> boxes = nodeBoxes(drawing);
        ASSERT_EQ(boxes.size(), all.size());
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                EXPECT_FALSE(overlaps(boxes[i], boxes[j])) << "boxes " << i << " and " << j;
            }
        }
        EXPECT_EQ(drawing.width, width);
        EXPECT_GT(drawing.height, 0);
        expectInside(drawing, metrics);
        // Every line of text sits inside a box or is a column heading above them all.
        double treeTop = 1e9;
        for (const Box& box : boxes) {
            treeTop = std::min(treeTop, box.top);
        }
        for (const Primitive& p : drawing.primitives) {
            if (p.kind != Primitive::Kind::text) {
                continue;
            }
            const Box text = bounds(p, metrics);
            const bool inBox = std::any_of(boxes.begin(), boxes.end(),
                                           [&](const Box& box) { return contains(box, text); });
            EXPECT_TRUE(inBox || text.bottom <= treeTop) << p.text;
        }
    }
}

TEST(RedThread, ChildrenStandRightOfTheirParentsJoinedByConnectors) {
    const FakeMetrics metrics;
    const RedThreadNode root = energyThread();
    const Drawing drawing = drawRedThread(root, 500, metrics, Language::sv);
    const auto council = boxOf(drawing, root.children[0], false, metrics);
    ASSERT_TRUE(council);
    std::size_t connectors = 0;
    for (const RedThreadNode& child : root.children[0].children) {
        const auto box = boxOf(drawing, child, false, metrics);
        ASSERT_TRUE(box);
        EXPECT_GT(box->left, council->right);
        connectors += static_cast<std::size_t>(std::count_if(
            drawing.primitives.begin(), drawing.primitives.end(), [&](const Primitive& p) {
                return p.kind == Primitive::Kind::polyline &&
                       std::fabs(p.points.front().first - council->right) < 1e-6 &&
                       std::fabs(p.points.back().first - box->left) < 1e-6 &&
                       p.points.back().second > box->top && p.points.back().second < box->bottom;
            }));
    }
    EXPECT_EQ(connectors, 2u);
    EXPECT_TRUE(hasTextContaining(drawing, "Nämndmål"));
}

namespace {

// The title lines inside a goal's box (each checked to end inside it), joined back into the
// title: a hyphen at a line's end is where a word was broken, any other end a space.
struct TitleLines {
    std::string joined;
    std::size_t lines = 0;
};

TitleLines titleLinesIn(const Drawing& drawing, const Box& box, const FakeMetrics& metrics) {
    TitleLines title;
    for (const Primitive& p : drawing.primitives) {
        if (p.kind != Primitive::Kind::text || !contains(box, bounds(p, metrics)) ||
            p.text == kCheck || p.text == "uppfyllt") {
            continue;
        }
        ++title.lines;
        EXPECT_LE(p.x + metrics.width(p.text, p.font), box.right - 1) << p.text;
        std::string line = p.text;
        if (line.ends_with("-")) {
            line.pop_back();
        } else {
            line += " ";
        }
        title.joined += line;
    }
    return title;
}

} // namespace

TEST(RedThread, OverLongWordsBreakInsideTheirBoxAndLoseNothing) {
    const FakeMetrics metrics;
    const std::string word = "Miljöledningssystemsamordnarutbildningsprogrammet";
    const RedThreadNode root =
        node("p", "Samhälle", "", "", {node("KF1", word, "uppfyllt", "green")});
    const Drawing drawing = drawRedThread(root, 160, metrics, Language::sv);
    const auto box = boxOf(drawing, root.children[0], false, metrics);
    ASSERT_TRUE(box);
    EXPECT_EQ(titleLinesIn(drawing, *box, metrics).joined, "KF1 " + word + " ");
    expectInside(drawing, metrics);
}

TEST(RedThread, ATitleOfOneWordOfAMillionCharactersIsBrokenInsideItsBoxAndLosesNothing) {
    const FakeMetrics metrics;
    const std::string word(1000000, 'W');
    const RedThreadNode root =
        node("p", "Samhälle", "", "", {node("KF1", word, "uppfyllt", "green")});
    const Drawing drawing = drawRedThread(root, 400, metrics, Language::sv);
    const auto box = boxOf(drawing, root.children[0], false, metrics);
    ASSERT_TRUE(box);
    const TitleLines title = titleLinesIn(drawing, *box, metrics);
    EXPECT_EQ(title.joined, "KF1 " + word + " ");
    EXPECT_GT(title.lines, word.size() / 100);
    EXPECT_TRUE(std::isfinite(drawing.height));
}

TEST(RedThread, SingleNodeStillDrawsAndDescribesItself) {
    const FakeMetrics metrics;
    const RedThreadNode root = node("p", "Medarbetare", "", "");
    const Drawing drawing = drawRedThread(root, 200, metrics, Language::sv);
    EXPECT_EQ(drawing.altText, "Röd tråd: Perspektiv Medarbetare");
    EXPECT_EQ(nodeBoxes(drawing).size(), 1u);
    EXPECT_EQ(texts(drawing, "Medarbetare").size(), 1u);
    EXPECT_GT(drawing.height, 0);
    expectInside(drawing, metrics);
}

} // namespace rodtrad
