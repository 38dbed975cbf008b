#pragma once

#include "rodtrad/diagnostic.h"
#include "rodtrad/document_kind.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad {

// The compiled XSD of every document kind, built once from the schemas embedded in the binary.
// Validation streams the document through libxml2's parser (no tree is built) with the network
// and every external entity refused; call it only on text that passed prescanXml, which has
// already refused any DTD. Thread-safe: each call has its own parser and validation context.
class SchemaSet {
public:
    static const SchemaSet& instance();
    ~SchemaSet();

    // Appends one diagnostic per well-formedness or validity error, located in file.
    // Returns true if the document is valid.
    bool validate(std::string_view text, DocumentKind kind, const std::string& file,
                  std::vector<Diagnostic>& diagnostics) const;

    // Validates against a schema by file name (for schemas that are not document kinds, such
    // as the clause catalogue and, later, templates and workflow definitions).
    bool validate(std::string_view text, std::string_view schemaFile, const std::string& file,
                  std::vector<Diagnostic>& diagnostics) const;

private:
    SchemaSet();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The schema and catalogue files compiled into the binary, keyed by file name.
const std::map<std::string_view, std::string_view>& embeddedSchemas();

// libxml2 names elements {namespace}local; in a message about one file the namespace is noise.
std::string withoutNamespaceNames(std::string message);

// Installs the process-wide libxml2 policy: no external entities or network for anything
// but the embedded schemas. Called by SchemaSet; idempotent.
void installXmlSecurityPolicy();

} // namespace rodtrad
