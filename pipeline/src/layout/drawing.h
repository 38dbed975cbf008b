#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rodtrad {

// What a laid-out page is made of. Coordinates are PDF points with the origin at the top left
// of the page and y growing downwards (the PDF writer flips them).

struct Color {
    double r = 0;
    double g = 0;
    double b = 0;
    // "#1F3864"; black for anything else.
    static Color fromHex(std::string_view hex);
    bool operator==(const Color&) const = default;
};

enum class FontFace { regular, bold };

struct FontRef {
    FontFace face = FontFace::regular;
    double size = 10;
    bool operator==(const FontRef&) const = default;
};

// The logical role of what a primitive draws, for the tagged structure of the PDF. artifact is
// page furniture (headers, footers, watermark, rules, decoration) that a screen reader skips.
enum class Role {
    artifact,
    heading,
    paragraph,
    listItem,
    tableHeaderCell,
    tableCell,
    figure,
    link,
    tocItem,
};

struct Primitive {
    enum class Kind { text, line, rect, polyline, polygon };
    Kind kind = Kind::text;
    // text: baseline start (x, y); rect: top-left corner and size; line: from (x, y) to (x2, y2).
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    double x2 = 0;
    double y2 = 0;
    std::vector<std::pair<double, double>> points; // polyline, polygon
    std::string text;                              // UTF-8, already checked against the font
    FontRef font;
    Color fill{0, 0, 0};
    Color stroke{0, 0, 0};
    bool filled = false;
    bool stroked = false;
    double lineWidth = 0.5;
    double angle = 0;         // text rotation in degrees, counter-clockwise
    std::vector<double> dash; // empty: solid
    // The structure element the content belongs to (index into the document's structure
    // tree), or -1 for an artifact.
    int structure = -1;
};

// A vector drawing (chart, diagram) in its own box: primitives relative to the box's top-left
// corner, and the alternative text that says in words what it shows.
struct Drawing {
    double width = 0;
    double height = 0;
    std::vector<Primitive> primitives;
    std::string altText;
};

} // namespace rodtrad
