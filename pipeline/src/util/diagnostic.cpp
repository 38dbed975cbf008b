#include "rodtrad/diagnostic.h"

#include "util/json_writer.h"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace rodtrad {

std::string_view severityName(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::note:
        return "note";
    }
    return "error";
}

std::string formatDiagnostic(const Diagnostic& d) {
    std::string text = d.file;
    if (d.line > 0) {
        text += ':' + std::to_string(d.line);
        if (d.column > 0) {
            text += ':' + std::to_string(d.column);
        }
    }
    text += ": ";
    text += severityName(d.severity);
    text += ": ";
    text += d.message;
    if (!d.code.empty()) {
        text += " [" + d.code + ']';
    }
    return text;
}

void sortDiagnostics(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::tie(a.file, a.line, a.column, a.code, a.message) <
                                std::tie(b.file, b.line, b.column, b.code, b.message);
                     });
}

std::size_t countErrors(const std::vector<Diagnostic>& diagnostics) {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

void writeDiagnosticsText(std::ostream& out, const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) {
        out << formatDiagnostic(d) << '\n';
    }
}

void writeDiagnosticsJson(std::ostream& out, const std::vector<Diagnostic>& diagnostics) {
    JsonWriter json(out);
    json.beginObject();
    json.key("diagnostics");
    json.beginArray();
    std::size_t warnings = 0;
    for (const auto& d : diagnostics) {
        if (d.severity == Severity::warning) {
            ++warnings;
        }
        json.beginObject();
        json.field("file", d.file);
        json.field("line", d.line);
        json.field("column", d.column);
        json.field("severity", severityName(d.severity));
        json.field("code", d.code);
        json.field("message", d.message);
        json.endObject();
    }
    json.endArray();
    json.field("errors", static_cast<long long>(countErrors(diagnostics)));
    json.field("warnings", static_cast<long long>(warnings));
    json.endObject();
    out << '\n';
}

} // namespace rodtrad
