#pragma once

#include <string>
#include <string_view>

namespace rodtrad {

// Where escaped text goes. Escaping follows pugixml's, so text written by hand and text saved
// from a pugixml tree are the same bytes: in attributes & < " and every control character; in
// element content & < > and the control characters other than tab, line feed and carriage
// return. `anywhere` is safe in both.
enum class XmlContext { content, attribute, anywhere };

void appendXmlEscaped(std::string& out, std::string_view text, XmlContext context);

// Text made safe for XML element content and double-quoted attribute values.
std::string escapeXml(std::string_view text);

} // namespace rodtrad
