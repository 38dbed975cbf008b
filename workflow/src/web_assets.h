#pragma once

#include "service.h"

#include <filesystem>
#include <optional>

namespace rodtrad::workflow {

// The web pages' files, compiled into the binary (workflow/web/): `/` is the page, `/assets/`
// its scripts and styles. Assets asked for with the current version (`?v=`, which the page
// carries) may be cached for good; otherwise they are revalidated by ETag. nullopt for a path
// that is not the web pages'. With a `webRoot`, the files are read from there on every request
// instead (for working on the pages without rebuilding).
std::optional<Reply> webAsset(const Request& request, const std::filesystem::path& webRoot = {});

// The headers every web page reply carries: a content security policy that lets the page load
// nothing from elsewhere and run no inline script.
void addPageSecurityHeaders(Reply& reply);

} // namespace rodtrad::workflow
