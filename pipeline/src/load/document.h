#pragma once

#include "load/line_index.h"
#include "rodtrad/diagnostic.h"
#include "rodtrad/document_kind.h"

#include <memory>
#include <pugixml.hpp>
#include <string>

namespace rodtrad {

// One loaded workspace file: its pugixml tree (parsed in place in buffer, which it owns) and
// what is needed to point a diagnostic at any of its nodes. Element names are local names:
// a document written with a namespace prefix reads the same as one in the default namespace.
struct Document {
    std::string path;         // as shown in diagnostics
    std::string relativePath; // relative to the workspace root, '/'-separated
    DocumentKind kind = DocumentKind::organisation;
    bool schemaValid = false;
    std::unique_ptr<char[]> buffer;
    std::size_t size = 0;
    LineIndex lines;
    pugi::xml_document xml;

    pugi::xml_node root() const { return xml.document_element(); }
    // The header's <id>, empty if it has none.
    std::string id() const;

    SourcePosition position(pugi::xml_node node) const;
    SourcePosition position(pugi::xml_attribute attribute, pugi::xml_node owner) const;
    SourcePosition positionOfOffset(std::size_t offset) const;
};

} // namespace rodtrad
