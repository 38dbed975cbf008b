#include "layout/laid_out_document.h"

#include <charconv>
#include <ostream>

namespace rodtrad {
namespace {

// A number with one decimal, as printf's "%.1f" writes it (both round the binary value exactly),
// without the cost of a format string and a string for each of the dump's many numbers.
struct Number {
    char text[32];
    std::size_t size;
};

Number number(double value) {
    Number n{};
    const auto end =
        std::to_chars(n.text, n.text + sizeof n.text, value, std::chars_format::fixed, 1);
    n.size = static_cast<std::size_t>(end.ptr - n.text);
    return n;
}

std::ostream& operator<<(std::ostream& out, const Number& n) {
    return out.write(n.text, static_cast<std::streamsize>(n.size));
}

std::string role(const LaidOutDocument& document, int structure) {
    if (structure < 0) {
        return "artifact";
    }
    return document.structure[static_cast<std::size_t>(structure)].role;
}

} // namespace

void writeLayoutDump(std::ostream& out, const LaidOutDocument& document) {
    out << "document " << number(document.pageWidth) << " x " << number(document.pageHeight) << ", "
        << document.pages.size() << " pages\n";
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        out << "page " << p + 1 << '\n';
        for (const Primitive& item : document.pages[p].primitives) {
            switch (item.kind) {
            case Primitive::Kind::text:
                out << "  text " << number(item.x) << ',' << number(item.y) << ' '
                    << (item.font.face == FontFace::bold ? "bold " : "") << number(item.font.size)
                    << (item.angle != 0 ? " rotated" : "") << " [" << role(document, item.structure)
                    << "] " << item.text << '\n';
                break;
            case Primitive::Kind::line:
                out << "  line " << number(item.x) << ',' << number(item.y) << ' '
                    << number(item.x2) << ',' << number(item.y2) << " ["
                    << role(document, item.structure) << "]\n";
                break;
            case Primitive::Kind::rect:
                out << "  rect " << number(item.x) << ',' << number(item.y) << ' '
                    << number(item.width) << 'x' << number(item.height) << " ["
                    << role(document, item.structure) << "]\n";
                break;
            case Primitive::Kind::polyline:
            case Primitive::Kind::polygon:
                out << "  " << (item.kind == Primitive::Kind::polygon ? "polygon " : "polyline ")
                    << item.points.size() << " points at "
                    << number(item.points.empty() ? 0 : item.points[0].first) << ','
                    << number(item.points.empty() ? 0 : item.points[0].second) << " ["
                    << role(document, item.structure) << "]\n";
                break;
            }
        }
        for (const LinkArea& link : document.pages[p].links) {
            out << "  link " << number(link.x) << ',' << number(link.y) << ' ' << number(link.width)
                << 'x' << number(link.height) << " -> " << link.anchor << '\n';
        }
    }
    out << "outline\n";
    for (const OutlineEntry& entry : document.outline) {
        const auto at = document.anchors.find(entry.anchor);
        out << "  " << std::string(static_cast<std::size_t>(entry.level * 2), ' ') << entry.title
            << " -> page " << (at == document.anchors.end() ? 0 : at->second.page + 1) << '\n';
    }
}

} // namespace rodtrad
