// The layout engine without a PDF: a fake font where every character is 5 pt wide, so where
// lines break and pages turn can be worked out by hand.
#include "layout/layout_engine.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>

namespace rodtrad {
namespace {

class FixedMetrics : public FontMetrics {
public:
    double width(std::string_view utf8, const FontRef& font) const override {
        double n = 0;
        for (char c : utf8) {
            n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        }
        return n * font.size / 2;
    }
    double ascent(const FontRef& font) const override { return font.size * 0.8; }
    double descent(const FontRef& font) const override { return font.size * 0.2; }
    bool hasGlyph(char32_t, FontFace) const override { return true; }
};

// A page whose frame holds exactly `lines` lines of 10 pt text at leading 1.0.
Flow flowWithFrame(int lines) {
    Flow flow;
    flow.page.width = 300;
    flow.page.marginLeft = 50;
    flow.page.marginRight = 50; // 200 pt wide: 40 characters a line
    flow.page.marginTop = 50;
    flow.page.height = 50 + lines * 10.0 + 50;
    flow.page.marginBottom = 50;
    return flow;
}

Block paragraph(const std::string& text) {
    Block block;
    block.kind = Block::Kind::paragraph;
    block.style.leading = 1.0;
    block.style.spaceAfter = 0;
    block.runs = {TextRun{text, FontRef{FontFace::regular, 10}, Color{}, "", ""}};
    return block;
}

// A paragraph of n lines of exactly 40 characters ("line01 ...").
Block linesParagraph(int n, const std::string& tag) {
    std::string text;
    for (int i = 0; i < n; ++i) {
        std::string word = tag + std::to_string(100 + i);
        text += word + std::string(39 - word.size(), 'x') + " ";
    }
    return paragraph(text);
}

// The texts on each page, in order, content only (no furniture).
std::vector<std::vector<std::string>> textsByPage(const LaidOutDocument& doc) {
    std::vector<std::vector<std::string>> pages;
    for (const LaidOutPage& page : doc.pages) {
        pages.emplace_back();
        for (const Primitive& p : page.primitives) {
            if (p.kind == Primitive::Kind::text && p.structure >= 0) {
                pages.back().push_back(p.text);
            }
        }
    }
    return pages;
}

int countStarting(const std::vector<std::string>& texts, const std::string& prefix) {
    int n = 0;
    for (const auto& t : texts) {
        n += t.rfind(prefix, 0) == 0 ? 1 : 0;
    }
    return n;
}

const FixedMetrics metrics;

} // namespace

TEST(LayoutEngine, OrphanControlMovesAOneLineStartToTheNextPage) {
    Flow flow = flowWithFrame(10);
    flow.blocks.push_back(linesParagraph(9, "a"));
    flow.blocks.push_back(linesParagraph(5, "b")); // only one line would fit on page 1
    const auto pages = textsByPage(LayoutEngine(metrics, nullptr).layout(flow));
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(countStarting(pages[0], "b"), 0);
    EXPECT_EQ(countStarting(pages[1], "b"), 5);
}

TEST(LayoutEngine, WidowControlLeavesTwoLinesForTheNextPage) {
    Flow flow = flowWithFrame(10);
    flow.blocks.push_back(linesParagraph(5, "a"));
    flow.blocks.push_back(linesParagraph(6, "b")); // five fit; one would be a widow
    const auto pages = textsByPage(LayoutEngine(metrics, nullptr).layout(flow));
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(countStarting(pages[0], "b"), 4);
    EXPECT_EQ(countStarting(pages[1], "b"), 2);
}

TEST(LayoutEngine, AHeadingIsNeverLastOnAPage) {
    Flow flow = flowWithFrame(10);
    flow.blocks.push_back(linesParagraph(8, "a"));
    Block heading = paragraph("Rubrik");
    heading.kind = Block::Kind::heading;
    heading.keepWithNext = true;
    heading.outline = true;
    heading.anchor = "h";
    flow.blocks.push_back(heading);
    flow.blocks.push_back(linesParagraph(4, "b"));
    const auto laid = LayoutEngine(metrics, nullptr).layout(flow);
    const auto pages = textsByPage(laid);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[1].front(), "1 Rubrik"); // numbered, and moved with its paragraph
    EXPECT_EQ(laid.anchors.at("h").page, 1);
    EXPECT_EQ(laid.outline.at(0).title, "1 Rubrik");
}

TEST(LayoutEngine, TableHeadersRepeatAndOnlyTheFirstIsStructure) {
    Flow flow = flowWithFrame(30);
    Block table;
    table.kind = Block::Kind::table;
    table.table.columns = {1, 1};
    table.table.padding = 0;
    table.table.headerRows = 1;
    table.table.font = {FontFace::regular, 10};
    auto row = [](const std::string& a, const std::string& b) {
        TableRow r;
        r.cells.push_back(
            {{TextRun{a, FontRef{FontFace::regular, 10}, {}, "", ""}}, Align::left, ""});
        r.cells.push_back(
            {{TextRun{b, FontRef{FontFace::regular, 10}, {}, "", ""}}, Align::left, "green"});
        return r;
    };
    table.table.rows.push_back(row("Nyckeltal", "Status"));
    for (int i = 0; i < 60; ++i) {
        table.table.rows.push_back(row("rad" + std::to_string(i), "Grön"));
    }
    flow.blocks.push_back(table);
    const auto laid = LayoutEngine(metrics, nullptr).layout(flow);
    ASSERT_GE(laid.pages.size(), 3u);
    std::set<std::string> rows;
    for (std::size_t p = 0; p < laid.pages.size(); ++p) {
        int headers = 0;
        int headerStructure = 0;
        for (const Primitive& prim : laid.pages[p].primitives) {
            if (prim.kind == Primitive::Kind::text && prim.text == "Nyckeltal") {
                ++headers;
                headerStructure += prim.structure >= 0 ? 1 : 0;
            }
            if (prim.kind == Primitive::Kind::text && prim.text.rfind("rad", 0) == 0) {
                EXPECT_TRUE(rows.insert(prim.text).second) << prim.text << " twice";
                EXPECT_EQ(laid.structure[static_cast<std::size_t>(prim.structure)].role, "TD");
            }
        }
        EXPECT_EQ(headers, 1) << "page " << p + 1;
        EXPECT_EQ(headerStructure, p == 0 ? 1 : 0) << "repeated headers are artifacts";
    }
    EXPECT_EQ(rows.size(), 60u) << "every row is somewhere, once";
}

TEST(LayoutEngine, ARowTallerThanAPageIsSplitAndLosesNothing) {
    Flow flow = flowWithFrame(12);
    Block table;
    table.kind = Block::Kind::table;
    table.table.columns = {1};
    table.table.padding = 0;
    table.table.font = {FontFace::regular, 10};
    TableRow header;
    header.cells.push_back({{TextRun{"Analys", FontRef{}, {}, "", ""}}, Align::left, ""});
    table.table.rows.push_back(header);
    std::string text;
    for (int i = 0; i < 30; ++i) {
        text += "ord" + std::to_string(i) + " ";
    }
    TableRow tall;
    tall.cells.push_back(
        {{TextRun{text, FontRef{FontFace::regular, 10}, {}, "", ""}}, Align::left, ""});
    table.table.rows.push_back(tall);
    flow.page.marginLeft = 125;
    flow.page.marginRight = 125; // 50 pt: one word a line
    flow.blocks.push_back(table);
    const auto pages = textsByPage(LayoutEngine(metrics, nullptr).layout(flow));
    ASSERT_GE(pages.size(), 3u);
    std::string joined;
    for (const auto& page : pages) {
        for (const auto& t : page) {
            if (t != "Analys") {
                joined += t;
            }
        }
    }
    EXPECT_EQ(joined, text.substr(0, text.size() - 1)) << "in order, nothing lost";
}

TEST(LayoutEngine, ContentsListHeadingsWithTheirPages) {
    Flow flow = flowWithFrame(10);
    Block toc;
    toc.kind = Block::Kind::toc;
    flow.blocks.push_back(toc);
    for (int i = 0; i < 3; ++i) {
        Block heading = paragraph("Avsnitt " + std::to_string(i + 1));
        heading.kind = Block::Kind::heading;
        heading.outline = true;
        heading.anchor = "s" + std::to_string(i);
        Block pageBreak;
        pageBreak.kind = Block::Kind::pageBreak;
        flow.blocks.push_back(pageBreak);
        flow.blocks.push_back(heading);
        flow.blocks.push_back(linesParagraph(3, "t"));
    }
    const auto laid = LayoutEngine(metrics, nullptr).layout(flow);
    const auto& first = laid.pages[0];
    std::vector<std::string> numbers;
    for (const Primitive& p : first.primitives) {
        if (p.kind == Primitive::Kind::text && p.structure >= 0 &&
            laid.structure[static_cast<std::size_t>(p.structure)].role == "Link" &&
            !p.text.empty() && std::isdigit(static_cast<unsigned char>(p.text[0])) &&
            p.text.find(' ') == std::string::npos) {
            numbers.push_back(p.text);
        }
    }
    EXPECT_EQ(numbers, (std::vector<std::string>{"2", "3", "4"}));
    EXPECT_EQ(first.links.size(), 3u);
    EXPECT_EQ(first.links[1].anchor, "s1");
}

TEST(LayoutEngine, AHeadingOfOneWordOfAMillionCharactersIsCutToOneLineOfTheContents) {
    Flow flow = flowWithFrame(40);
    Block toc;
    toc.kind = Block::Kind::toc;
    flow.blocks.push_back(toc);
    const std::string word(1000000, 'W');
    Block heading = paragraph(word);
    heading.kind = Block::Kind::heading;
    heading.outline = true;
    heading.anchor = "long";
    flow.blocks.push_back(heading);
    const auto laid = LayoutEngine(metrics, nullptr).layout(flow);
    std::vector<std::string> entries;
    for (const Primitive& p : laid.pages[0].primitives) {
        if (p.kind == Primitive::Kind::text && p.structure >= 0 &&
            laid.structure[static_cast<std::size_t>(p.structure)].role == "Link" &&
            p.text.find(' ') != std::string::npos) {
            entries.push_back(p.text);
        }
    }
    // 200 pt less 40 for the page number, at 5 pt a character: the number, a space, 29 letters
    // and the ellipsis; then the space that keeps the page number apart.
    EXPECT_EQ(entries, (std::vector<std::string>{"1 " + std::string(29, 'W') + "\u2026 "}));
    // The heading itself is set in full, 40 characters a line.
    std::size_t letters = 0;
    for (const LaidOutPage& page : laid.pages) {
        for (const Primitive& p : page.primitives) {
            if (p.kind == Primitive::Kind::text && p.structure >= 0 &&
                laid.structure[static_cast<std::size_t>(p.structure)].role == "H1") {
                letters += static_cast<std::size_t>(std::count(p.text.begin(), p.text.end(), 'W'));
            }
        }
    }
    EXPECT_EQ(letters, word.size());
    ASSERT_EQ(laid.outline.size(), 1u);
    EXPECT_EQ(laid.outline[0].title, "1 " + word);
}

TEST(LayoutEngine, FooterCountsThePages) {
    Flow flow = flowWithFrame(10);
    flow.furniture.pageLabel = "Sida {page} av {pages}";
    flow.blocks.push_back(linesParagraph(25, "a"));
    const auto laid = LayoutEngine(metrics, nullptr).layout(flow);
    ASSERT_EQ(laid.pages.size(), 3u);
    bool found = false;
    for (const Primitive& p : laid.pages[1].primitives) {
        found = found || (p.text == "Sida 2 av 3" && p.structure < 0);
    }
    EXPECT_TRUE(found);
}

} // namespace rodtrad
