#pragma once

#include "layout/chart.h"
#include "layout/drawing.h"
#include "layout/line_breaker.h"

#include <optional>
#include <string>
#include <vector>

namespace rodtrad {

// A document's content in reading order, as a template produced it from the rolled-up data:
// what the layout engine paginates. Styles are already resolved into fonts and spacing.

enum class Align { left, right, center };

struct BlockStyle {
    double spaceBefore = 0;
    double spaceAfter = 4;
    double leading = 1.25; // line height as a multiple of the largest font size on the line
    double indent = 0;
    Align align = Align::left;
    std::optional<Color> background;
};

struct TableCell {
    std::vector<TextRun> runs;
    Align align = Align::left;
    // Traffic light: green, yellow, red or not-assessable; drawn as a coloured mark beside the
    // text, which says the status in words, so colour is never the only carrier.
    std::string status;
};

struct TableRow {
    std::vector<TableCell> cells;
};

struct Table {
    std::vector<double> columns; // relative widths
    int headerRows = 1;          // repeated on every page the table continues on
    std::vector<TableRow> rows;
    FontRef font;
    double padding = 3;
    Color headerBackground = Color::fromHex("#E8EDF4");
    Color rule = Color::fromHex("#9AA7B8");
};

struct Block {
    enum class Kind { heading, paragraph, listItem, table, figure, toc, pageBreak, spacer };
    Kind kind = Kind::paragraph;
    int level = 1;             // heading level 1-6, list nesting
    std::string number;        // heading number ("2.3") or list label ("•")
    std::vector<TextRun> runs; // heading, paragraph, list item text
    Table table;
    Drawing drawing;           // figure
    std::string anchor;        // target of links and table of contents entries
    bool keepWithNext = false; // headings: never last on a page
    bool outline = false;      // headings: an entry in the PDF outline and the contents
    bool numbered = true;      // headings in the outline: prefixed with their number ("2.3")
    BlockStyle style;
    double height = 0; // spacer
    std::string lang;  // a block in another language than the document
};

struct PageSetup {
    double width = 595.276; // A4
    double height = 841.89;
    double marginTop = 62;
    double marginBottom = 62;
    double marginLeft = 56;
    double marginRight = 56;
};

// Text on every page but the first: header left and right, footer left; the footer right is
// "Sida X av Y" in the document's language.
struct Furniture {
    std::string headerLeft;
    std::string headerRight;
    std::string footerLeft;
    std::string pageLabel = "Sida {page} av {pages}";
    std::string watermark; // "UTKAST" on drafts; empty on final documents
    FontRef font{FontFace::regular, 7.5};
    Color color = Color::fromHex("#555555");
};

struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string language = "sv-SE";
    std::string date; // YYYY-MM-DD from the data (approval or period end), never the clock
};

struct Flow {
    PageSetup page;
    Furniture furniture;
    DocumentInfo info;
    Language language = Language::sv;
    std::vector<Block> blocks;
    std::string tocTitle = "Innehåll";
};

} // namespace rodtrad
