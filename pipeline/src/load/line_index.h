#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rodtrad {

struct SourcePosition {
    int line = 0;
    int column = 0;
};

// Offsets of the line starts of one file, so that any byte offset maps to line and column.
class LineIndex {
public:
    void reset() { starts_.assign(1, 0); }
    void addLineStart(std::size_t offset) { starts_.push_back(static_cast<std::uint32_t>(offset)); }
    // Line and column (both 1-based; the column counts characters, not bytes) of offset in
    // text, the buffer the index was built from.
    SourcePosition position(std::string_view text, std::size_t offset) const;
    std::size_t lineCount() const { return starts_.size(); }

private:
    std::vector<std::uint32_t> starts_{0};
};

} // namespace rodtrad
