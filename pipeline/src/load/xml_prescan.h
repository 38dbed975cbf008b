#pragma once

#include "load/line_index.h"
#include "rodtrad/limits.h"

#include <optional>
#include <string>
#include <string_view>

namespace rodtrad {

struct PrescanFinding {
    std::size_t offset = 0;
    std::string code;
    std::string message;
};

// One pass over the raw bytes of an XML file before any parser sees it. It builds the line
// index and refuses, with the offset of the first offending byte:
//   - invalid UTF-8 and characters XML does not allow (xml.utf8, xml.char),
//   - an encoding declaration other than UTF-8 (xml.encoding),
//   - any document type declaration, internal or external (xml.dtd): DTDs are the road to
//     external entities, entity expansion and the quadratic blow-up, and no rodtrad document
//     has one,
//   - nesting deeper than the limit (xml.depth), over-long names and attribute values
//     (xml.limit).
// Well-formedness is left to the parser; this pass only has to be right for the inputs it
// refuses and never refuse a well-formed document within the limits.
struct PrescanResult {
    std::optional<PrescanFinding> refusal;
    std::size_t rootOffset = std::string_view::npos; // the root element's '<'
};
PrescanResult prescanXml(std::string_view text, const ParseLimits& limits, LineIndex& lines);

// The root element's name split at the prefix, and the namespace that prefix is bound to on
// the root element itself (empty if none).
struct RootElement {
    std::string localName;
    std::string prefix;
    std::string namespaceUri;
};
RootElement readRootElement(std::string_view text, std::size_t offset);

// The offset of the first byte that is not valid UTF-8, if any.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

// The encoding an XML declaration at the start of text names (and the offset of its
// "encoding" there), if it names one.
struct DeclaredEncoding {
    std::string name;
    std::size_t offset = 0;
};
std::optional<DeclaredEncoding> declaredEncoding(std::string_view text);
bool isUtf8EncodingName(std::string_view name);

} // namespace rodtrad
