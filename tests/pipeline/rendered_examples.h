#pragma once

// The example municipality's documents rendered once per test run, for the tests that read the
// PDFs with real tools.
#include "rodtrad/render.h"
#include "rodtrad/workspace.h"

#include <filesystem>
#include <string>
#include <vector>

namespace rodtrad::test {

inline const std::filesystem::path source = RODTRAD_SOURCE_DIR;
inline const std::filesystem::path example = source / "examples/upplands-vasby";

struct Case {
    std::string name;
    RenderOptions options;
    bool ems = false; // a record of the environmental management system or the coverage matrix
};

// Every template on the example: strategic plan, follow-up report, an operational plan, the
// follow-up report in English as a final document, every EMS record template, the coverage
// matrix and one record in English as a final document.
std::vector<Case> cases();

// The EMS record templates, with the record each renders on the example ("" for the only one
// of its kind).
const std::vector<std::pair<std::string, std::string>>& emsRecordTemplates();

const Workspace& exampleWorkspace();

struct Rendered {
    RenderResult result;
    std::filesystem::path file;
};

// Rendered on first use and kept; the PDF is also written to a temporary file.
const Rendered& rendered(const Case& c);

// Runs a shell command and returns what it wrote on standard output and error together.
std::string run(const std::string& command);
// Standard output, with standard error into errors.
std::string runOutput(const std::string& command, std::string& errors);
// Standard error only.
std::string runErrors(const std::string& command);

} // namespace rodtrad::test
