#pragma once

#include <string>
#include <string_view>

namespace rodtrad {

// Text made safe for XML element content and double-quoted attribute values.
std::string escapeXml(std::string_view text);

} // namespace rodtrad
