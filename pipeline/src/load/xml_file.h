#pragma once

#include "load/line_index.h"
#include "load/xml_prescan.h"
#include "rodtrad/diagnostic.h"
#include "rodtrad/limits.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad {

// The steps every XML input takes before a parser sees it, shared by the documents of a
// workspace and the rolled-up document.

// "12.3 MiB" or "1.5 GiB".
std::string humanSize(std::uintmax_t bytes);

// The size of a regular file of at most maxBytes, or nullopt with an io.read or xml.limit
// diagnostic naming displayPath. Nothing is read: a sparse 2 GB file costs nothing.
std::optional<std::size_t> checkedFileSize(const std::filesystem::path& file,
                                           const std::string& displayPath, std::size_t maxBytes,
                                           std::vector<Diagnostic>& diagnostics);

// Reads the whole of a regular file of at most maxBytes into a buffer one byte longer (room for
// a terminator). Refused before a byte is read when too large: a sparse 2 GB file costs nothing.
// nullptr with an io.read or xml.limit diagnostic naming displayPath otherwise.
std::unique_ptr<char[]> readWholeFile(const std::filesystem::path& file,
                                      const std::string& displayPath, std::size_t maxBytes,
                                      std::size_t& size, std::vector<Diagnostic>& diagnostics);

// Runs the prescan over text and finds its root element: the root and the offset of its '<',
// or nullopt with the refusal (file, line, column) as a diagnostic. Builds lines as it goes.
struct PrescannedRoot {
    RootElement element;
    std::size_t offset = 0;
};
std::optional<PrescannedRoot> prescanRoot(std::string_view text, const std::string& displayPath,
                                          const ParseLimits& limits, LineIndex& lines,
                                          std::vector<Diagnostic>& diagnostics);

// Rewrites "p:goal" to "goal" inside the parse buffer itself, so that node names stay in the
// buffer and offset_debug() keeps locating them. Only for documents whose root carries a prefix
// and whose schema has already placed every element in the family's namespace.
void stripElementPrefixes(pugi::xml_node node);

} // namespace rodtrad
