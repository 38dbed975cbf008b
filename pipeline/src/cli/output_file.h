#pragma once

#include "rodtrad/workspace.h"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string_view>

namespace rodtrad {

// Writes a file so that readers see the old content or the whole new content, never a part:
// into a temporary file beside it, flushed, then renamed over it. A device or a pipe
// (/dev/null, /dev/stdout) is written directly. Throws IoError.
void writeFileAtomically(const std::filesystem::path& file, std::string_view content);

// Loads and checks a workspace for a command that computes from it. Findings are printed to err;
// returns nullptr if there are errors (warnings do not stop the command).
std::unique_ptr<Workspace> loadCheckedWorkspace(const std::filesystem::path& directory,
                                                std::ostream& err);

} // namespace rodtrad
