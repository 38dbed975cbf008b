#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rodtrad {

struct JsonSyntaxError {
    std::size_t offset = 0;
    std::string message;
};

// Finds the first syntax error in a JSON text (RFC 8259), with the offset of the offending
// byte, so a truncated or malformed file is reported with its line and column. It also bounds
// nesting. The text is parsed for real by Poco::JSON once this pass finds nothing.
std::optional<JsonSyntaxError> findJsonSyntaxError(std::string_view text, int maxDepth = 64);

} // namespace rodtrad
