#include "load/xml_prescan.h"

#include "util/utf8.h"

#include <algorithm>
#include <cstring>

namespace rodtrad {

std::optional<DeclaredEncoding> declaredEncoding(std::string_view text) {
    if (!text.starts_with("<?xml") || text.size() <= 5 ||
        !(text[5] == ' ' || text[5] == '\t' || text[5] == '\r' || text[5] == '\n')) {
        return std::nullopt;
    }
    const std::string_view declaration = text.substr(0, text.find("?>"));
    const std::size_t at = declaration.find("encoding");
    if (at == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t q = declaration.find_first_of("\"'", at);
    const std::size_t close =
        q == std::string_view::npos ? q : declaration.find(declaration[q], q + 1);
    if (close == std::string_view::npos) {
        return std::nullopt; // malformed: the parser says so
    }
    return DeclaredEncoding{std::string(declaration.substr(q + 1, close - q - 1)), at};
}

bool isUtf8EncodingName(std::string_view name) {
    std::string upper(name);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) {
        return static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    });
    return upper == "UTF-8" || upper == "UTF8";
}
namespace {

bool startsWith(std::string_view text, std::size_t at, std::string_view prefix) {
    return text.size() - at >= prefix.size() && text.compare(at, prefix.size(), prefix) == 0;
}

// Length of the UTF-8 sequence at text[i], or 0 if it is not a valid, shortest-form sequence of
// a Unicode scalar value.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i) {
    const DecodedCodePoint d = decodeUtf8(text, i);
    return d.valid ? d.length : 0;
}

class Scanner {
public:
    Scanner(std::string_view text, const ParseLimits& limits, LineIndex& lines)
        : text_(text), limits_(limits), lines_(lines) {}

    std::size_t rootOffset = std::string_view::npos;

    std::optional<PrescanFinding> run() {
        lines_.reset();
        if (auto bad = checkCharacters()) {
            return bad;
        }
        std::size_t i = startsWith(text_, 0, "\xEF\xBB\xBF") ? 3 : 0;
        if (auto bad = checkDeclaration(i)) {
            return bad;
        }
        return scanMarkup(i);
    }

private:
    PrescanFinding finding(std::size_t offset, std::string code, std::string message) const {
        return {offset, std::move(code), std::move(message)};
    }

    // UTF-8, XML's character range and the line index in one loop with an ASCII fast path.
    std::optional<PrescanFinding> checkCharacters() {
        const std::size_t n = text_.size();
        std::size_t i = 0;
        while (i < n) {
            const auto c = static_cast<unsigned char>(text_[i]);
            if (c >= 0x20 && c < 0x80) {
                ++i;
                continue;
            }
            if (c == '\n') {
                lines_.addLineStart(i + 1);
                ++i;
                continue;
            }
            if (c == '\t' || c == '\r') {
                ++i;
                continue;
            }
            if (c < 0x20) {
                return finding(i, "xml.char",
                               "control character U+00" + hexByte(c) + " is not allowed in XML");
            }
            const std::size_t length = utf8SequenceLength(text_, i);
            if (length == 0) {
                return finding(i, "xml.utf8",
                               "invalid UTF-8 byte 0x" + hexByte(c) +
                                   " (rodtrad reads UTF-8 only; re-save the file as UTF-8)");
            }
            if (length == 3 && c == 0xEF && static_cast<unsigned char>(text_[i + 1]) == 0xBF &&
                static_cast<unsigned char>(text_[i + 2]) >= 0xBE) {
                return finding(i, "xml.char",
                               "noncharacter U+FFFE or U+FFFF is not allowed in XML");
            }
            i += length;
        }
        return std::nullopt;
    }

    static std::string hexByte(unsigned char c) {
        static constexpr char digits[] = "0123456789ABCDEF";
        return {digits[c >> 4], digits[c & 0xF]};
    }

    std::optional<PrescanFinding> checkDeclaration(std::size_t i) const {
        const auto declared = declaredEncoding(text_.substr(i));
        if (!declared || isUtf8EncodingName(declared->name)) {
            return std::nullopt;
        }
        return finding(i + declared->offset, "xml.encoding",
                       "encoding \"" + declared->name +
                           "\" is not supported; rodtrad reads UTF-8 only");
    }

    // Skips to just past terminator; false if it never comes (left to the parser to report).
    bool skipPast(std::size_t& i, std::string_view terminator) const {
        const std::size_t at = text_.find(terminator, i);
        if (at == std::string_view::npos) {
            i = text_.size();
            return false;
        }
        i = at + terminator.size();
        return true;
    }

    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

    std::optional<PrescanFinding> scanMarkup(std::size_t i) {
        const std::size_t n = text_.size();
        int depth = 0;
        while (i < n) {
            const void* lt = std::memchr(text_.data() + i, '<', n - i);
            if (lt == nullptr) {
                break;
            }
            i = static_cast<std::size_t>(static_cast<const char*>(lt) - text_.data());
            const std::size_t start = i;
            if (startsWith(text_, i, "<?")) {
                skipPast(i, "?>");
            } else if (startsWith(text_, i, "<!--")) {
                skipPast(i, "-->");
            } else if (startsWith(text_, i, "<![CDATA[")) {
                skipPast(i, "]]>");
            } else if (startsWith(text_, i, "<!")) {
                return finding(start, "xml.dtd",
                               "document type declarations (<!DOCTYPE>, entities) are refused: "
                               "they can pull in external files or expand without bound");
            } else if (startsWith(text_, i, "</")) {
                --depth;
                skipPast(i, ">");
            } else {
                if (auto bad = scanStartTag(i, depth)) {
                    return bad;
                }
            }
        }
        return std::nullopt;
    }

    std::optional<PrescanFinding> scanStartTag(std::size_t& i, int& depth) {
        const std::size_t n = text_.size();
        const std::size_t start = i;
        if (depth == 0 && rootOffset == std::string_view::npos) {
            rootOffset = start;
        }
        ++i; // '<'
        const std::size_t nameStart = i;
        while (i < n && !isSpace(text_[i]) && text_[i] != '>' && text_[i] != '/') {
            ++i;
        }
        if (i - nameStart > limits_.maxNameBytes) {
            return finding(nameStart, "xml.limit",
                           "element name longer than " + std::to_string(limits_.maxNameBytes) +
                               " bytes");
        }
        int attributes = 0;
        while (i < n) {
            const char c = text_[i];
            if (c == '"' || c == '\'') {
                if (++attributes > limits_.maxAttributes) {
                    return finding(start, "xml.limit",
                                   "more than " + std::to_string(limits_.maxAttributes) +
                                       " attributes on one element");
                }
                const std::size_t valueStart = i + 1;
                const std::size_t close = text_.find(c, valueStart);
                const std::size_t end = close == std::string_view::npos ? n : close;
                if (end - valueStart > limits_.maxAttributeBytes) {
                    return finding(valueStart, "xml.limit",
                                   "attribute value longer than " +
                                       std::to_string(limits_.maxAttributeBytes) + " bytes");
                }
                i = end + 1;
                continue;
            }
            if (c == '>') {
                const bool selfClosing = i > start && text_[i - 1] == '/';
                ++i;
                if (!selfClosing && ++depth > limits_.maxDepth) {
                    return finding(start, "xml.depth",
                                   "elements nested deeper than " +
                                       std::to_string(limits_.maxDepth) + " levels");
                }
                return std::nullopt;
            }
            if (c == '<') {
                return std::nullopt; // malformed; the parser names it
            }
            ++i;
        }
        return std::nullopt;
    }

    std::string_view text_;
    const ParseLimits& limits_;
    LineIndex& lines_;
};

} // namespace

PrescanResult prescanXml(std::string_view text, const ParseLimits& limits, LineIndex& lines) {
    Scanner scanner(text, limits, lines);
    PrescanResult result;
    result.refusal = scanner.run();
    result.rootOffset = scanner.rootOffset;
    return result;
}

RootElement readRootElement(std::string_view text, std::size_t offset) {
    RootElement root;
    if (offset >= text.size() || text[offset] != '<') {
        return root;
    }
    const std::size_t end = std::min(text.find('>', offset), text.size());
    const std::string_view tag = text.substr(offset + 1, end - offset - 1);
    auto isBreak = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/';
    };
    std::size_t i = 0;
    while (i < tag.size() && !isBreak(tag[i])) {
        ++i;
    }
    const std::string_view name = tag.substr(0, i);
    const std::size_t colon = name.find(':');
    root.localName = std::string(colon == std::string_view::npos ? name : name.substr(colon + 1));
    root.prefix =
        colon == std::string_view::npos ? std::string() : std::string(name.substr(0, colon));
    const std::string wanted = root.prefix.empty() ? "xmlns" : "xmlns:" + root.prefix;
    while (i < tag.size()) {
        while (i < tag.size() && isBreak(tag[i])) {
            ++i;
        }
        const std::size_t nameStart = i;
        while (i < tag.size() && tag[i] != '=' && !isBreak(tag[i])) {
            ++i;
        }
        const std::string_view attribute = tag.substr(nameStart, i - nameStart);
        while (i < tag.size() && (tag[i] == '=' || isBreak(tag[i]))) {
            ++i;
        }
        if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) {
            break;
        }
        const char quote = tag[i];
        const std::size_t close = tag.find(quote, i + 1);
        if (close == std::string_view::npos) {
            break;
        }
        if (attribute == wanted) {
            root.namespaceUri = std::string(tag.substr(i + 1, close - i - 1));
        }
        i = close + 1;
    }
    return root;
}

std::optional<std::size_t> findInvalidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

} // namespace rodtrad
