#pragma once

#include "rodtrad/diagnostic.h"
#include "rodtrad/limits.h"

#include <filesystem>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad {

// The namespace of the rolled-up document's elements.
inline constexpr std::string_view rollupNamespace = "urn:rodtrad:rollup:1";

// The bounds a rolled-up document is read under: it carries the figures of every document of a
// workspace, so it is larger than any one of them may be (80 MB for a municipality of a thousand
// units), and a consolidated figure names every unit that reported it; the same nesting and name
// limits hold.
ParseLimits rolledUpLimits();

// Reads a rolled-up document, what `rodtrad rollup` writes (schemas/rollup.xsd): refuses what the
// prescan refuses and any root but <rollup> in its namespace, validates it against its schema
// while the model is parsed from a copy on another thread, and returns the model only if both
// succeed. Otherwise nullptr, with diagnostics naming the file, line and column.
std::unique_ptr<pugi::xml_document> loadRolledUp(const std::filesystem::path& file,
                                                 const std::string& displayPath,
                                                 std::vector<Diagnostic>& diagnostics);

} // namespace rodtrad
