#include "layout/layout_engine.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <ranges>

namespace rodtrad {
namespace {

constexpr int minLinesTogether = 2; // widow and orphan control
constexpr double statusMarkSize = 7;
constexpr double statusMarkGap = 4;

Color statusColor(const std::string& status) {
    if (status == "green") {
        return Color::fromHex("#2E7D32");
    }
    if (status == "yellow") {
        return Color::fromHex("#F9A825");
    }
    if (status == "red") {
        return Color::fromHex("#C62828");
    }
    return Color::fromHex("#9E9E9E");
}

double lineHeight(const Line& line, double leading) {
    double size = 0;
    for (const LineRun& run : line.runs) {
        size = std::max(size, run.font.size);
    }
    return std::max(size * leading, line.ascent + line.descent);
}

double linesHeight(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                   double leading) {
    double height = 0;
    for (std::size_t i = from; i < to; ++i) {
        height += lineHeight(lines[i], leading);
    }
    return height;
}

// A cell's lines and height, laid out once.
struct CellLayout {
    std::vector<Line> lines;
};

class Paginator {
public:
    Paginator(const Flow& flow, const FontMetrics& metrics, const Hyphenator* hyphenator,
              const std::function<void(int)>& progress)
        : flow_(flow), metrics_(metrics), hyphenator_(hyphenator), progress_(progress) {
        doc_.pageWidth = flow.page.width;
        doc_.pageHeight = flow.page.height;
        left_ = flow.page.marginLeft;
        width_ = flow.page.width - flow.page.marginLeft - flow.page.marginRight;
        top_ = flow.page.marginTop;
        bottom_ = flow.page.height - flow.page.marginBottom;
        doc_.structure.push_back({"Document", -1, "", "", "", ""});
        lines_.resize(flow.blocks.size());
        broken_.resize(flow.blocks.size(), false);
    }

    LaidOutDocument run() {
        newPage();
        numberHeadings();
        for (std::size_t i = 0; i < flow_.blocks.size(); ++i) {
            place(i);
        }
        fillContents();
        addFurniture();
        return std::move(doc_);
    }

private:
    // --- pages and structure -------------------------------------------------------------

    void newPage() {
        doc_.pages.emplace_back();
        if (progress_ && doc_.pages.size() % 25 == 0) {
            progress_(static_cast<int>(doc_.pages.size()));
        }
        y_ = top_;
    }

    bool atTop() const { return y_ <= top_ + 0.01; }
    double remaining() const { return bottom_ - y_; }
    LaidOutPage& page() { return doc_.pages.back(); }
    int pageIndex() const { return static_cast<int>(doc_.pages.size()) - 1; }

    int element(std::string role, int parent, std::string alt = {}) {
        doc_.structure.push_back({std::move(role), parent, std::move(alt), "", "", ""});
        return static_cast<int>(doc_.structure.size()) - 1;
    }

    void numberHeadings() {
        int counters[7] = {0, 0, 0, 0, 0, 0, 0};
        for (std::size_t i = 0; i < flow_.blocks.size(); ++i) {
            const Block& block = flow_.blocks[i];
            if (block.kind != Block::Kind::heading || !block.outline || !block.numbered) {
                continue;
            }
            const int level = std::clamp(block.level, 1, 6);
            ++counters[level];
            std::fill(counters + level + 1, counters + 7, 0);
            std::string number;
            for (int l = 1; l <= level; ++l) {
                if (l > 1) {
                    number += '.';
                }
                number += std::to_string(counters[l]);
            }
            numbers_[i] = number;
        }
    }

    std::vector<TextRun> headingRuns(std::size_t index) const {
        std::vector<TextRun> runs = flow_.blocks[index].runs;
        const auto number = numbers_.find(index);
        if (number != numbers_.end() && !runs.empty()) {
            runs.front().text.insert(0, number->second + " ");
        }
        return runs;
    }

    double blockWidth(const Block& block) const {
        return width_ - block.style.indent - labelWidth(block);
    }

    double labelWidth(const Block& block) const {
        return block.kind == Block::Kind::listItem ? 14.0 * std::max(1, block.level) : 0.0;
    }

    const std::vector<Line>& linesOf(std::size_t index) {
        if (!broken_[index]) {
            const Block& block = flow_.blocks[index];
            const std::vector<TextRun> runs =
                block.kind == Block::Kind::heading ? headingRuns(index) : block.runs;
            lines_[index] = breakLines(runs, blockWidth(block), metrics_, hyphenator_);
            broken_[index] = true;
        }
        return lines_[index];
    }

    // The least height the start of a block needs on the page it starts on.
    double startHeight(std::size_t index) {
        const Block& block = flow_.blocks[index];
        switch (block.kind) {
        case Block::Kind::heading:
        case Block::Kind::paragraph:
        case Block::Kind::listItem: {
            const auto& lines = linesOf(index);
            const std::size_t n = std::min<std::size_t>(lines.size(), minLinesTogether);
            return block.style.spaceBefore + linesHeight(lines, 0, n, block.style.leading);
        }
        case Block::Kind::table: {
            const Table& table = block.table;
            double height = block.style.spaceBefore;
            const std::size_t rows = std::min<std::size_t>(
                table.rows.size(), static_cast<std::size_t>(table.headerRows) + 1);
            const auto widths = columnWidths(table);
            for (std::size_t r = 0; r < rows; ++r) {
                height += rowHeight(table, r, widths);
            }
            return height;
        }
        case Block::Kind::figure:
            return block.style.spaceBefore + std::min(block.drawing.height, bottom_ - top_);
        default:
            return 0;
        }
    }

    // --- blocks --------------------------------------------------------------------------

    void place(std::size_t index) {
        const Block& block = flow_.blocks[index];
        switch (block.kind) {
        case Block::Kind::pageBreak:
            if (!atTop()) {
                newPage();
            }
            return;
        case Block::Kind::spacer:
            y_ = std::min(bottom_, y_ + block.height);
            return;
        case Block::Kind::heading:
            placeHeading(index);
            return;
        case Block::Kind::paragraph:
        case Block::Kind::listItem:
            placeText(index, block.kind == Block::Kind::listItem ? listItem() : element("P", 0));
            return;
        case Block::Kind::table:
            placeTable(block);
            return;
        case Block::Kind::figure:
            placeFigure(block);
            return;
        case Block::Kind::toc:
            placeContents();
            return;
        }
    }

    // L > LI > (Lbl, LBody); consecutive items share one list.
    int listItem() {
        if (currentList_ < 0 || lastWasList_ != static_cast<int>(doc_.structure.size())) {
            currentList_ = element("L", 0);
        }
        const int item = element("LI", currentList_);
        labelElement_ = element("Lbl", item);
        return element("LBody", item);
    }

    void placeHeading(std::size_t index) {
        const Block& block = flow_.blocks[index];
        double needed = startHeight(index) + block.style.spaceAfter;
        if (block.keepWithNext && index + 1 < flow_.blocks.size()) {
            needed += startHeight(index + 1);
        }
        if (!atTop() && needed > remaining()) {
            newPage();
        }
        const int level = std::clamp(block.level, 1, 6);
        const int heading = element("H" + std::to_string(level), 0);
        std::string title;
        for (const TextRun& run : headingRuns(index)) {
            title += run.text;
        }
        if (!block.anchor.empty()) {
            doc_.anchors[block.anchor] = {pageIndex(), y_};
        }
        if (block.outline) {
            doc_.outline.push_back({title, level, block.anchor});
        }
        placeText(index, heading);
    }

    // Places a text block's lines, splitting it across pages with widow and orphan control.
    void placeText(std::size_t index, int structure) {
        const Block& block = flow_.blocks[index];
        const bool isListItem = block.kind == Block::Kind::listItem;
        lastWasList_ = -1;
        const auto& lines = linesOf(index);
        if (!atTop()) {
            y_ += block.style.spaceBefore;
        }
        const double leading = block.style.leading;
        const double x = left_ + block.style.indent + labelWidth(block);
        std::size_t next = 0;
        const int labelElement = labelElement_;
        while (next < lines.size()) {
            // How many lines fit here.
            std::size_t fit = 0;
            double used = 0;
            while (next + fit < lines.size() &&
                   used + lineHeight(lines[next + fit], leading) <= remaining() + 0.01) {
                used += lineHeight(lines[next + fit], leading);
                ++fit;
            }
            const std::size_t left = lines.size() - next;
            if (fit < left) {
                // Orphans: at least two lines here; widows: at least two lines go over.
                if (left - fit < minLinesTogether && fit > minLinesTogether) {
                    fit = left - minLinesTogether;
                }
                if (fit < minLinesTogether && left >= minLinesTogether && !atTop()) {
                    fit = 0;
                }
                if (fit == 0 && atTop()) {
                    fit = 1; // a line taller than a page still goes somewhere
                }
            }
            for (std::size_t i = 0; i < fit; ++i) {
                const Line& line = lines[next + i];
                if (isListItem && next + i == 0) {
                    drawListLabel(block, line, leading, labelElement);
                }
                drawLine(line, x, blockWidth(block), block.style.align, leading, structure);
            }
            next += fit;
            if (next < lines.size()) {
                newPage();
            }
        }
        y_ += block.style.spaceAfter;
        if (isListItem) {
            lastWasList_ = static_cast<int>(doc_.structure.size());
        }
    }

    void drawListLabel(const Block& block, const Line& line, double leading, int structure) {
        const double height = lineHeight(line, leading);
        const double baseline = y_ + (height - line.ascent - line.descent) / 2 + line.ascent;
        Primitive label;
        label.kind = Primitive::Kind::text;
        label.text = block.number.empty() ? "\u2022" : block.number;
        label.font = block.runs.empty() ? FontRef{} : block.runs.front().font;
        label.x = left_ + block.style.indent + labelWidth(block) - 12;
        label.y = baseline;
        label.structure = structure;
        page().primitives.push_back(std::move(label));
    }

    void drawLine(const Line& line, double x, double width, Align align, double leading,
                  int structure) {
        const double height = lineHeight(line, leading);
        const double baseline = y_ + (height - line.ascent - line.descent) / 2 + line.ascent;
        double offset = 0;
        if (align == Align::right) {
            offset = width - line.width;
        } else if (align == Align::center) {
            offset = (width - line.width) / 2;
        }
        for (const LineRun& run : line.runs) {
            Primitive text;
            text.kind = Primitive::Kind::text;
            text.text = run.text;
            text.font = run.font;
            text.fill = run.color;
            text.x = x + offset + run.x;
            text.y = baseline;
            text.structure = structure;
            if (!run.link.empty()) {
                const int link = element("Link", structure);
                doc_.structure[static_cast<std::size_t>(link)].anchor = run.link;
                text.structure = link;
                page().links.push_back({text.x, y_, run.width, height, run.link, link});
            }
            if (!run.lang.empty()) {
                const int span = element("Span", text.structure);
                doc_.structure[static_cast<std::size_t>(span)].lang = run.lang;
                text.structure = span;
            }
            page().primitives.push_back(std::move(text));
        }
        y_ += height;
    }

    // --- tables --------------------------------------------------------------------------

    std::vector<double> columnWidths(const Table& table) const {
        double total = 0;
        for (double w : table.columns) {
            total += w;
        }
        std::vector<double> widths;
        for (double w : table.columns) {
            widths.push_back(total > 0 ? width_ * w / total : 0);
        }
        return widths;
    }

    double cellTextWidth(const Table& table, const TableCell& cell, double column) const {
        return std::max(1.0, column - 2 * table.padding -
                                 (cell.status.empty() ? 0 : statusMarkSize + statusMarkGap));
    }

    std::vector<Line> cellLines(const Table& table, const TableRow& row, std::size_t c,
                                double column) const {
        if (c >= row.cells.size()) {
            return {};
        }
        return breakLines(row.cells[c].runs, cellTextWidth(table, row.cells[c], column), metrics_,
                          hyphenator_);
    }

    double rowHeight(const Table& table, std::size_t r, const std::vector<double>& widths) const {
        double height = 0;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const auto lines = cellLines(table, table.rows[r], c, widths[c]);
            height = std::max(height, linesHeight(lines, 0, lines.size(), 1.2));
        }
        return height + 2 * table.padding;
    }

    void placeTable(const Block& block) {
        const Table& table = block.table;
        const auto widths = columnWidths(table);
        const int tableElement = element("Table", 0);
        if (!atTop()) {
            y_ += block.style.spaceBefore;
        }
        std::vector<std::vector<std::vector<Line>>> laid(table.rows.size());
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            for (std::size_t c = 0; c < widths.size(); ++c) {
                laid[r].push_back(cellLines(table, table.rows[r], c, widths[c]));
            }
        }
        const std::size_t headers = std::min<std::size_t>(
            static_cast<std::size_t>(std::max(0, table.headerRows)), table.rows.size());
        auto fullHeight = [&](std::size_t r) {
            double h = 0;
            for (const auto& lines : laid[r]) {
                h = std::max(h, linesHeight(lines, 0, lines.size(), 1.2));
            }
            return h + 2 * table.padding;
        };
        double headerHeight = 0;
        for (std::size_t r = 0; r < headers; ++r) {
            headerHeight += fullHeight(r);
        }
        // The header and the first row start together.
        if (!atTop() &&
            headerHeight + (table.rows.size() > headers ? std::min(fullHeight(headers), 40.0) : 0) >
                remaining()) {
            newPage();
        }
        for (std::size_t r = 0; r < headers; ++r) {
            drawRow(table, table.rows[r], laid[r], widths, tableElement, false);
        }
        for (std::size_t r = headers; r < table.rows.size(); ++r) {
            std::vector<std::size_t> from(widths.size(), 0);
            const int rowElement = element("TR", tableElement);
            while (true) {
                const double height = restHeight(table, laid[r], from);
                if (height <= remaining() + 0.01) {
                    std::vector<std::size_t> to;
                    for (const auto& lines : laid[r]) {
                        to.push_back(lines.size());
                    }
                    drawRowSlice(table, table.rows[r], laid[r], from, to, widths, rowElement,
                                 height, false, false);
                    break;
                }
                // Move the row to a new page if it fits there whole; else split it.
                if (height <= bottom_ - top_ - headerHeight &&
                    !(atTop() || y_ <= top_ + headerHeight + 0.01)) {
                    newPage();
                    repeatHeader(table, laid, headers, widths, tableElement);
                    continue;
                }
                std::vector<std::size_t> upto = from;
                double used = 0;
                for (std::size_t c = 0; c < widths.size(); ++c) {
                    double h = 0;
                    while (upto[c] < laid[r][c].size() &&
                           h + lineHeight(laid[r][c][upto[c]], 1.2) + 2 * table.padding <=
                               remaining()) {
                        h += lineHeight(laid[r][c][upto[c]], 1.2);
                        ++upto[c];
                    }
                    used = std::max(used, h);
                }
                if (upto == from) {
                    if (atTop()) {
                        for (std::size_t c = 0; c < widths.size(); ++c) {
                            upto[c] = std::min(laid[r][c].size(), from[c] + 1); // always advance
                        }
                    } else {
                        newPage();
                        repeatHeader(table, laid, headers, widths, tableElement);
                        continue;
                    }
                }
                drawRowSlice(table, table.rows[r], laid[r], from, upto, widths, rowElement,
                             used + 2 * table.padding, false, false);
                from = upto;
                newPage();
                repeatHeader(table, laid, headers, widths, tableElement);
            }
        }
        y_ += block.style.spaceAfter;
    }

    double restHeight(const Table& table, const std::vector<std::vector<Line>>& cells,
                      const std::vector<std::size_t>& from) const {
        double h = 0;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            h = std::max(h, linesHeight(cells[c], from[c], cells[c].size(), 1.2));
        }
        return h + 2 * table.padding;
    }

    void repeatHeader(const Table& table, const std::vector<std::vector<std::vector<Line>>>& laid,
                      std::size_t headers, const std::vector<double>& widths, int tableElement) {
        // Repeated header rows are page furniture: only the first carries the structure.
        for (std::size_t r = 0; r < headers; ++r) {
            drawRow(table, table.rows[r], laid[r], widths, tableElement, true);
        }
    }

    void drawRow(const Table& table, const TableRow& row,
                 const std::vector<std::vector<Line>>& cells, const std::vector<double>& widths,
                 int tableElement, bool repeated) {
        const int rowElement = repeated ? -1 : element("TR", tableElement);
        const std::vector<std::size_t> from(widths.size(), 0);
        std::vector<std::size_t> to;
        for (const auto& lines : cells) {
            to.push_back(lines.size());
        }
        drawRowSlice(table, row, cells, from, to, widths, rowElement,
                     restHeight(table, cells, from), true, repeated);
    }

    // Draws lines [from, to) of every cell of a row as one band of the given height.
    void drawRowSlice(const Table& table, const TableRow& row,
                      const std::vector<std::vector<Line>>& cells,
                      const std::vector<std::size_t>& from, const std::vector<std::size_t>& to,
                      const std::vector<double>& widths, int rowElement, double height, bool header,
                      bool repeated) {
        if (header) {
            Primitive background;
            background.kind = Primitive::Kind::rect;
            background.x = left_;
            background.y = y_;
            background.width = width_;
            background.height = height;
            background.fill = table.headerBackground;
            background.filled = true;
            page().primitives.push_back(background);
        }
        double x = left_;
        const double rowTop = y_;
        const TableCell empty;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            int cellElement = -1;
            if (!repeated && rowElement >= 0) {
                cellElement = element(header ? "TH" : "TD", rowElement);
                if (header) {
                    doc_.structure[static_cast<std::size_t>(cellElement)].scope = "Column";
                }
            }
            const TableCell& cell = c < row.cells.size() ? row.cells[c] : empty;
            double textX = x + table.padding;
            if (!cell.status.empty()) {
                if (from[c] == 0) {
                    drawStatusMark(textX, rowTop + table.padding + 1.5, cell.status);
                }
                textX += statusMarkSize + statusMarkGap;
            }
            y_ = rowTop + table.padding;
            for (std::size_t i = from[c]; i < to[c] && i < cells[c].size(); ++i) {
                drawLine(cells[c][i], textX, cellTextWidth(table, cell, widths[c]), cell.align, 1.2,
                         cellElement);
            }
            x += widths[c];
        }
        y_ = rowTop + height;
        Primitive rule;
        rule.kind = Primitive::Kind::line;
        rule.x = left_;
        rule.y = y_;
        rule.x2 = left_ + width_;
        rule.y2 = y_;
        rule.stroke = table.rule;
        rule.stroked = true;
        rule.lineWidth = header ? 0.8 : 0.4;
        page().primitives.push_back(rule);
    }

    void drawStatusMark(double x, double y, const std::string& status) {
        Primitive mark;
        mark.kind = Primitive::Kind::polygon;
        const double r = statusMarkSize / 2;
        const double cx = x + r;
        const double cy = y + r;
        for (int i = 0; i < 16; ++i) {
            const double a = 2 * std::numbers::pi * i / 16;
            mark.points.emplace_back(cx + r * std::cos(a), cy + r * std::sin(a));
        }
        mark.fill = statusColor(status);
        mark.filled = true;
        page().primitives.push_back(std::move(mark));
    }

    // --- figures, contents, furniture ----------------------------------------------------

    void placeFigure(const Block& block) {
        const double frame = bottom_ - top_;
        const double scale = block.drawing.height > frame ? frame / block.drawing.height : 1.0;
        const double height = block.drawing.height * scale;
        if (!atTop()) {
            y_ += block.style.spaceBefore;
        }
        if (height > remaining()) {
            newPage();
        }
        const int figure = element("Figure", 0, block.drawing.altText);
        const double x0 = left_ + std::max(0.0, (width_ - block.drawing.width * scale) / 2);
        for (Primitive p : block.drawing.primitives) {
            p.x = x0 + p.x * scale;
            p.y = y_ + p.y * scale;
            p.x2 = x0 + p.x2 * scale;
            p.y2 = y_ + p.y2 * scale;
            p.width *= scale;
            p.height *= scale;
            p.font.size *= scale;
            for (auto& point : p.points) {
                point = {x0 + point.first * scale, y_ + point.second * scale};
            }
            p.structure = figure;
            page().primitives.push_back(std::move(p));
        }
        y_ += height + block.style.spaceAfter;
    }

    void placeContents() {
        tocElement_ = element("TOC", 0);
        // The entries are known only once the headings are placed: count them now from the flow.
        for (std::size_t i = 0; i < flow_.blocks.size(); ++i) {
            const Block& block = flow_.blocks[i];
            if (block.kind == Block::Kind::heading && block.outline && block.level <= 2) {
                std::string title;
                for (const TextRun& run : headingRuns(i)) {
                    title += run.text;
                }
                const FontRef font{block.level == 1 ? FontFace::bold : FontFace::regular, 10};
                const double indent = block.level == 1 ? 0 : 16;
                const double height = font.size * 1.6;
                if (height > remaining()) {
                    newPage();
                }
                const int item = element("TOCI", tocElement_);
                const int link = element("Link", item);
                doc_.structure[static_cast<std::size_t>(link)].anchor = block.anchor;
                const double baseline = y_ + font.size * 1.2;
                Primitive text;
                text.kind = Primitive::Kind::text;
                // The trailing space keeps the title and its page number apart in the text.
                text.text = fitted(title, font, width_ - indent - 40) + " ";
                text.font = font;
                text.x = left_ + indent;
                text.y = baseline;
                text.structure = link;
                page().primitives.push_back(text);
                Primitive number = text;
                number.text = "";
                number.x = left_ + width_;
                tocNumbers_.push_back({pageIndex(), page().primitives.size(), block.anchor});
                page().primitives.push_back(number);
                page().links.push_back(
                    {left_ + indent, y_, width_ - indent, height, block.anchor, link});
                y_ += height;
            }
        }
    }

    // The title shortened with an ellipsis to fit one line of the contents.
    std::string fitted(const std::string& title, const FontRef& font, double width) const {
        if (metrics_.width(title, font) <= width) {
            return title;
        }
        // Characters come off the end until the rest and the ellipsis fit; removing a one-byte
        // character that follows a multi-byte one takes that one too, as the contents have
        // always done (the same cuts keep the same output). The lengths the removal passes
        // through are marked first; since a shorter title is never wider, a binary search over
        // them finds where it stops without measuring each (a title can be one word of a million
        // characters).
        std::vector<bool> passes(title.size() + 1, false);
        for (std::size_t length = title.size(); length > 0;) {
            passes[length] = true;
            --length;
            while (length > 0 && (static_cast<unsigned char>(title[length - 1]) & 0xC0) == 0x80) {
                --length;
            }
            if (length > 0 && (static_cast<unsigned char>(title[length - 1]) & 0xC0) == 0xC0) {
                --length;
            }
        }
        const auto passedAtOrBelow = [&](std::size_t length) {
            while (length > 0 && !passes[length]) {
                --length;
            }
            return length;
        };
        // Nothing left (length 0) is where the removal ends whether or not it fits.
        const auto fits = [&](std::size_t length) {
            return length == 0 ||
                   !(metrics_.width(title.substr(0, length) + "\u2026", font) > width);
        };
        // The largest length whose passed length at or below it fits.
        const std::size_t fitting =
            *std::ranges::partition_point(
                std::views::iota(std::size_t{1}, title.size() + 1),
                [&](std::size_t length) { return fits(passedAtOrBelow(length)); }) -
            1;
        return title.substr(0, passedAtOrBelow(fitting)) + "\u2026";
    }

    void fillContents() {
        for (const auto& entry : tocNumbers_) {
            const auto anchor = doc_.anchors.find(entry.anchor);
            Primitive& number =
                doc_.pages[static_cast<std::size_t>(entry.page)].primitives[entry.primitive];
            number.text =
                anchor == doc_.anchors.end() ? "" : std::to_string(anchor->second.page + 1);
            number.x = left_ + width_ - metrics_.width(number.text, number.font);
        }
    }

    std::string pageLabel(int page, int pages) const {
        std::string label = flow_.furniture.pageLabel;
        auto replace = [&](const std::string& key, const std::string& value) {
            const std::size_t at = label.find(key);
            if (at != std::string::npos) {
                label.replace(at, key.size(), value);
            }
        };
        replace("{page}", std::to_string(page));
        replace("{pages}", std::to_string(pages));
        return label;
    }

    void addFurniture() {
        const Furniture& f = flow_.furniture;
        const int pages = static_cast<int>(doc_.pages.size());
        for (int i = 0; i < pages; ++i) {
            LaidOutPage& p = doc_.pages[static_cast<std::size_t>(i)];
            std::vector<Primitive> furniture;
            if (!f.watermark.empty()) {
                Primitive mark;
                mark.kind = Primitive::Kind::text;
                mark.text = f.watermark;
                mark.font = {FontFace::bold, 96};
                mark.fill = Color::fromHex("#E3E3E3");
                mark.angle = 45;
                const double w = metrics_.width(f.watermark, mark.font);
                const double c = std::cos(std::numbers::pi / 4);
                mark.x = flow_.page.width / 2 - w / 2 * c;
                mark.y = flow_.page.height / 2 + w / 2 * c;
                furniture.push_back(mark);
            }
            auto text = [&](const std::string& content, double x, double y, bool rightAligned) {
                if (content.empty()) {
                    return;
                }
                Primitive t;
                t.kind = Primitive::Kind::text;
                t.text = content;
                t.font = f.font;
                t.fill = f.color;
                t.x = rightAligned ? x - metrics_.width(content, f.font) : x;
                t.y = y;
                furniture.push_back(std::move(t));
            };
            auto rule = [&](double y) {
                Primitive r;
                r.kind = Primitive::Kind::line;
                r.x = left_;
                r.x2 = left_ + width_;
                r.y = y;
                r.y2 = y;
                r.stroke = Color::fromHex("#B0B8C4");
                r.stroked = true;
                r.lineWidth = 0.5;
                furniture.push_back(r);
            };
            const double headerY = top_ - 22;
            if (i > 0) {
                text(f.headerLeft, left_, headerY, false);
                text(f.headerRight, left_ + width_, headerY, true);
                rule(headerY + 5);
            }
            const double footerY = bottom_ + 30;
            rule(footerY - 10);
            text(f.footerLeft, left_, footerY, false);
            text(pageLabel(i + 1, pages), left_ + width_, footerY, true);
            // Furniture is drawn behind the content.
            p.primitives.insert(p.primitives.begin(), furniture.begin(), furniture.end());
        }
    }

    struct TocNumber {
        int page;
        std::size_t primitive;
        std::string anchor;
    };

    const Flow& flow_;
    const FontMetrics& metrics_;
    const Hyphenator* hyphenator_;
    const std::function<void(int)>& progress_;
    LaidOutDocument doc_;
    double left_ = 0;
    double width_ = 0;
    double top_ = 0;
    double bottom_ = 0;
    double y_ = 0;
    std::vector<std::vector<Line>> lines_;
    std::vector<bool> broken_;
    std::map<std::size_t, std::string> numbers_;
    std::vector<TocNumber> tocNumbers_;
    int tocElement_ = -1;
    int currentList_ = -1;
    int lastWasList_ = -1;
    int labelElement_ = -1;
};

} // namespace

LaidOutDocument LayoutEngine::layout(const Flow& flow) const {
    return Paginator(flow, metrics_, hyphenator_, progress_).run();
}

} // namespace rodtrad
