#pragma once

#include "layout/drawing.h"
#include "layout/font_metrics.h"

#include <optional>
#include <string>
#include <vector>

namespace rodtrad {

enum class Language { sv, en };

// A number as the document's language writes it: "1 234,5" (sv, with a no-break space) or
// "1,234.5" (en); a minus sign U+2212 for negatives.
std::string formatNumber(double value, int decimals, Language language);

enum class ChartKind { bar, line };

// One indicator's outcomes over the years, with its target and yellow limit for the period's
// year, drawn as bars or a line. Missing years are gaps, never zeros.
struct IndicatorChart {
    ChartKind kind = ChartKind::bar;
    std::string name;    // indicator name
    std::string measure; // unit of measure
    bool higherIsBetter = true;
    int decimals = 1;
    std::vector<std::pair<int, std::optional<double>>> outcomes; // by year, ascending
    std::optional<double> target;
    std::optional<double> yellow;
    int targetYear = 0;
    std::string status; // green, yellow, red, not-assessable
    double width = 240;
    double height = 140;
};

// Vector drawing of the chart with axes, labelled ticks, the target line and the yellow
// limit (dashed), bars or line coloured by nothing but data, and an alternative text in the
// language: "Utfall 2022–2025: 3,1; 2,9; 2,8; 2,6 ton per invånare; mål 2,5; status gul".
Drawing drawIndicatorChart(const IndicatorChart& chart, const FontMetrics& metrics,
                           Language language);

// The red thread: perspective → council goal → committee goals → unit goals, each node with
// its assessment shown as a status mark that carries a letter or symbol as well as a colour.
struct RedThreadNode {
    std::string id;
    std::string title;
    std::string level;  // assessment level id (uppfyllt, delvis-uppfyllt, ...) or empty
    std::string label;  // the level's label in the document's language
    std::string status; // green, yellow, red, not-assessable: how the level is drawn
    std::vector<RedThreadNode> children;
};

// Lays the tree out left to right in columns by depth, within width, as tall as it needs;
// titles wrap within their boxes. The alternative text names each link and status. The root is
// a perspective (firstLevel 0) or, for a part of a larger tree, a council goal (1), ...
Drawing drawRedThread(const RedThreadNode& root, double width, const FontMetrics& metrics,
                      Language language, int firstLevel = 0);

} // namespace rodtrad
