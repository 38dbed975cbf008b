#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rodtrad {

// Numbers in and out of documents, independent of the process locale: "1234.5" in, and
// fixed decimals with a point out ("1234.50"), negative zero printed as zero.
std::optional<double> parseDecimal(std::string_view text);
std::string formatDecimal(double value, int decimals);

} // namespace rodtrad
