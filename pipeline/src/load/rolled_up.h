#pragma once

#include "load/element_needs.h"
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

// Reads a rolled-up document, what `rodtrad rollup` writes (schemas/rollup.xsd), as it streams
// from the file, into a model of the part the needs name: the rest is parsed (it must be
// well-formed) and left behind. Refuses a document type declaration, anything but UTF-8, any
// root but <rollup> in its namespace and what exceeds rolledUpLimits(). With validate, the file
// is also checked against its schema, on another thread while the model is built, and the model
// returned only if it is valid. nullptr otherwise, with diagnostics naming file, line and column.
std::unique_ptr<pugi::xml_document> loadRolledUp(const std::filesystem::path& file,
                                                 const std::string& displayPath,
                                                 const ElementNeeds& needs, bool validate,
                                                 std::vector<Diagnostic>& diagnostics);

} // namespace rodtrad
