#pragma once

#include "rodtrad/diagnostic.h"
#include "rodtrad/workspace.h"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace rodtrad {

struct RenderOptions {
    std::string templateName; // strategic-plan, operational-plan, follow-up-report, ...
    std::string period;       // as for rollup; default: the latest period the workspace follows up
    std::string unit;         // operational-plan: the committee or unit
    // Templates of an environmental management system record: the record's header id; may be
    // left out when the workspace holds one record of the template's kind.
    std::string document;
    // The day reviews, evaluations and due dates are judged at (EMS templates); defaults to
    // Workspace::defaultAsOf().
    std::optional<Date> asOf;
    std::string edition = "2015"; // ISO 14001 edition of clause references: 2015 or 2026
    std::string language = "sv";  // sv or en
    bool final = false;           // without the "UTKAST" watermark
    bool keepData = false;        // return the document the template was bound to (dataXml)
    bool keepLayoutDump = false;  // return a readable dump of the pages (layoutDump)
    // A rolled-up document is checked against its schema before it is rendered; without, it is
    // rendered as the rollup wrote it (still read under the same limits, and well-formed).
    bool validateRolledUp = true;
    // Called now and then with the number of pages laid out so far (for a progress display).
    std::function<void(int pages)> progress;
};

struct RenderResult {
    std::string pdf;        // the bytes
    std::string layoutDump; // with keepLayoutDump: a readable dump of every page (for review)
    std::string dataXml;    // with keepData: the rolled-up document and EMS view bound to
    int pages = 0;
    std::vector<Diagnostic> diagnostics; // text the fonts cannot show, unknown labels, ...
    // Wall time of each stage in seconds, for benchmarks (never part of the output).
    double readSeconds = 0; // reading and validating a rolled-up document
    double rollupSeconds = 0;
    double composeSeconds = 0;
    double layoutSeconds = 0;
    double pdfSeconds = 0;
};

// Renders a document of the workspace through its report template: rolls the workspace up for
// the period, binds the template to the rolled-up document, lays the pages out and writes the
// PDF. Deterministic: the same inputs give the same bytes. Throws UsageError for an unknown
// template, language or missing parameter.
RenderResult renderDocument(const Workspace& workspace, const RenderOptions& options);

// Renders from a rolled-up document as `rodtrad rollup` writes it (schemas/rollup.xsd) instead of
// a workspace: the same pages and bytes as renderDocument over the workspace it was rolled up
// from, for the period it was rolled up for (options.period, when given, must be that one).
// The file is validated first; if it is refused the result holds the diagnostics and no PDF.
// The templates of the environmental management system need the workspace (UsageError).
RenderResult renderRolledUp(const std::filesystem::path& file, const RenderOptions& options);

// The names of the templates compiled into rodtrad, with their one-line descriptions.
std::vector<std::pair<std::string, std::string>> templateNames();

} // namespace rodtrad
