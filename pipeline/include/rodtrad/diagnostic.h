#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace rodtrad {

enum class Severity { error, warning, note };

// One finding about an input, located like a compiler's: file, line and column (1-based; 0
// when the finding concerns the whole file). code is stable across releases (for instance
// "ref.unit" or "xml.dtd") so that scripts and tests can rely on it.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    int line = 0;
    int column = 0;
    std::string code;
    std::string message;
};

std::string_view severityName(Severity severity);

// "path:line:col: error: message [code]"
std::string formatDiagnostic(const Diagnostic& diagnostic);

// Sorts by file, line, column, code and message, so reports are stable whatever order the
// checks ran in.
void sortDiagnostics(std::vector<Diagnostic>& diagnostics);

std::size_t countErrors(const std::vector<Diagnostic>& diagnostics);

void writeDiagnosticsText(std::ostream& out, const std::vector<Diagnostic>& diagnostics);

// {"diagnostics":[{"file":...,"line":...,"column":...,"severity":...,"code":...,
//  "message":...}],"errors":N,"warnings":N}
void writeDiagnosticsJson(std::ostream& out, const std::vector<Diagnostic>& diagnostics);

} // namespace rodtrad
