#include "util/xml_escape.h"

namespace rodtrad {
namespace {

struct EscapeTables {
    bool content[256] = {};
    bool attribute[256] = {};
    bool anywhere[256] = {};
    constexpr EscapeTables() {
        for (int c = 0; c < 32; ++c) {
            attribute[c] = true;
            content[c] = c != '\t' && c != '\n' && c != '\r';
        }
        attribute['&'] = attribute['<'] = attribute['"'] = true;
        content['&'] = content['<'] = content['>'] = true;
        for (int c = 0; c < 256; ++c) {
            anywhere[c] = content[c] || attribute[c] || c == '>';
        }
    }
};
constexpr EscapeTables tables;

} // namespace

void appendXmlEscaped(std::string& out, std::string_view text, XmlContext context) {
    const bool* special = context == XmlContext::content     ? tables.content
                          : context == XmlContext::attribute ? tables.attribute
                                                             : tables.anywhere;
    std::size_t plain = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!special[c]) {
            continue;
        }
        out.append(text.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default: {
            const char numeric[] = {'&', '#', static_cast<char>('0' + c / 10),
                                    static_cast<char>('0' + c % 10), ';'};
            out.append(numeric, sizeof numeric);
        }
        }
    }
    out.append(text.data() + plain, text.size() - plain);
}

std::string escapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    appendXmlEscaped(out, text, XmlContext::anywhere);
    return out;
}

} // namespace rodtrad
