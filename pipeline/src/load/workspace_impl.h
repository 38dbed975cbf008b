#pragma once

#include "load/document.h"
#include "model/period.h"
#include "rodtrad/workspace.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace rodtrad {

struct Workspace::Impl {
    std::filesystem::path root;
    std::vector<std::unique_ptr<Document>> documents; // sorted by relativePath

    std::vector<const Document*> ofKind(DocumentKind kind) const;
};

// The latest follow-up period any follow-up in the workspace reports on.
std::optional<Period> latestFollowUpPeriod(const Workspace::Impl& workspace);

// Reads one file under the limits, refuses what the prescan refuses, validates it against
// the schema of its kind and parses it. Returns nullptr (with diagnostics) if the file could
// not be loaded at all; a document that is well-formed but invalid is returned with
// schemaValid false.
std::unique_ptr<Document> loadDocument(const std::filesystem::path& file, std::string displayPath,
                                       std::string relativePath, const ParseLimits& limits,
                                       std::vector<Diagnostic>& diagnostics);

// The same, for text already in memory (an upload to the workflow service).
std::unique_ptr<Document> loadDocumentFromText(std::string_view text, std::string displayPath,
                                               const ParseLimits& limits,
                                               std::vector<Diagnostic>& diagnostics);

} // namespace rodtrad
