#include "load/line_index.h"

#include <algorithm>

namespace rodtrad {

SourcePosition LineIndex::position(std::string_view text, std::size_t offset) const {
    offset = std::min(offset, text.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::uint32_t>(offset));
    const auto line = static_cast<int>(it - starts_.begin());
    const std::size_t start = *(it - 1);
    int column = 1;
    for (std::size_t i = start; i < offset; ++i) {
        // Count every byte that does not continue a UTF-8 sequence.
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

} // namespace rodtrad
