#pragma once

#include "rodtrad/diagnostic.h"
#include "rodtrad/workflow/store.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rodtrad::workflow {

// The report template that renders a document kind ("" for kinds that have none, such as the
// organisation).
std::string templateForKind(const std::string& kind);

struct RenderedRevision {
    std::string pdf;
    std::vector<Diagnostic> diagnostics;
    std::string error; // why it could not be rendered, when pdf is empty
};

// Writes the store's documents into `dir` as a workspace (one file per document): each at its
// latest approved or published revision, a document never approved at its latest; `key` at
// `revision` instead when given.
void writeWorkspace(Store& store, const std::filesystem::path& dir, const std::string& key = {},
                    const Revision* revision = nullptr);

// Renders one revision through the pipeline: the store's documents form the workspace (each
// at its latest approved revision, else its latest; this document at the given revision), the
// kind's template binds to it, with the watermark unless `final`.
RenderedRevision renderRevision(Store& store, const DocumentInfo& document,
                                const Revision& revision, bool final);

// Loads a workspace directory and stores every document in it (the organisation first), each
// approval of a current revision in a header imported as such. Returns what was wrong, empty
// when everything was stored. Only for an empty store.
std::vector<std::string> seedFromWorkspace(Store& store, const std::filesystem::path& workspace);

} // namespace rodtrad::workflow
