#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output_file.h"
#include "cli/stage_timer.h"
#include "rodtrad/error.h"
#include "rodtrad/render.h"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <unistd.h>

namespace rodtrad {

namespace po = boost::program_options;

int runRenderCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    std::string input;
    std::string output;
    std::string dump;
    std::string dataDump;
    std::string asOf;
    bool timings = false;
    bool noValidate = false;
    RenderOptions options;
    po::options_description named("Options");
    named.add_options() //
        ("input", po::value(&input)->required(),
         "workspace directory, or a rolled-up document written by rodtrad rollup") //
        ("template", po::value(&options.templateName)->required(),
         "template name (rodtrad templates)")                                              //
        ("output,o", po::value(&output)->required(), "the PDF to write")                   //
        ("period", po::value(&options.period), "period (default: the latest followed up)") //
        ("unit", po::value(&options.unit), "committee or unit (operational-plan)")         //
        ("lang", po::value(&options.language), "sv (default) or en")                       //
        ("final", po::bool_switch(&options.final), "no UTKAST watermark")                  //
        ("document", po::value(&options.document),
         "EMS templates: the record's header id (default: the only one of its kind)") //
        ("as-of", po::value(&asOf),
         "EMS templates: judge reviews and due dates at YYYY-MM-DD (default: end of the latest "
         "period followed up)")                                                               //
        ("edition", po::value(&options.edition), "ISO 14001 edition: 2015 (default) or 2026") //
        ("data-dump", po::value(&dataDump),
         "also write the XML the template was bound to (for template authors)")              //
        ("layout-dump", po::value(&dump), "also write a readable dump of the pages to FILE") //
        ("no-validate", po::bool_switch(&noValidate),
         "a rolled-up document: render it as rodtrad rollup wrote it, without checking it "
         "against its schema first (it must still be well-formed and within the limits)") //
        ("timings", po::bool_switch(&timings), "print the time each stage took on stderr");
    po::positional_options_description positional;
    positional.add("input", 1);
    po::variables_map values;
    if (!parseCommandLine(
            argc, argv, named, positional, values,
            "usage: rodtrad render (WORKSPACE | ROLLED-UP.xml) --template NAME -o FILE.pdf "
            "[--period P] "
            "[--unit ID] [--document ID] [--as-of DATE] [--edition 2015|2026] [--lang sv|en] "
            "[--final] [--no-validate]",
            out)) {
        return exitOk;
    }
    options.asOf = parseAsOf(asOf);
    options.keepData = !dataDump.empty();
    options.keepLayoutDump = !dump.empty();
    options.validateRolledUp = !noValidate;
    // A long render shows how far it has come, on a terminal only.
    if (::isatty(STDERR_FILENO) != 0) {
        options.progress = [&err](int pages) {
            err << "\rrendering: " << pages << " pages" << std::flush;
        };
    }
    StageTimer timer(err, timings);
    RenderResult result;
    std::error_code ec;
    if (!std::filesystem::exists(input, ec)) {
        throw IoError(input + ": no such workspace directory or rolled-up document");
    }
    if (std::filesystem::is_directory(input, ec)) {
        const std::unique_ptr<Workspace> loaded = loadCheckedWorkspace(input, err);
        if (!loaded) {
            return exitFindings;
        }
        timer.stage("load and check");
        result = renderDocument(*loaded, options);
    } else {
        // What rodtrad rollup wrote: read, checked against its schema and rendered.
        result = renderRolledUp(input, options);
        if (result.pdf.empty()) {
            writeDiagnosticsText(err, result.diagnostics);
            err << "render: " << input
                << " is not a rolled-up document rodtrad can render (see above); nothing was "
                   "written\n";
            return exitFindings;
        }
    }
    if (options.progress) {
        err << "\r" << std::string(40, ' ') << '\r';
    }
    timer.stage("render");
    if (timings) {
        err << "timing: of which " << (result.readSeconds > 0 ? "read and check " : "rollup ")
            << (result.readSeconds > 0 ? result.readSeconds : result.rollupSeconds)
            << " s, compose " << result.composeSeconds << " s, layout " << result.layoutSeconds
            << " s, pdf " << result.pdfSeconds << " s\n";
    }
    writeDiagnosticsText(err, result.diagnostics);
    if (countErrors(result.diagnostics) > 0) {
        err << "render: text the fonts cannot show (listed above); nothing was written\n";
        return exitFindings;
    }
    writeFileAtomically(output, result.pdf);
    if (!dump.empty()) {
        writeFileAtomically(dump, result.layoutDump);
    }
    if (!dataDump.empty()) {
        writeFileAtomically(dataDump, result.dataXml);
    }
    timer.stage("write");
    out << output << ": " << result.pages << " pages\n";
    return exitOk;
}

int runTemplatesCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    static_cast<void>(err);
    if (argc > 1) {
        out << "usage: rodtrad templates\n";
        return std::string_view(argv[1]) == "--help" ? exitOk : exitUsage;
    }
    const auto names = templateNames();
    std::size_t width = 0;
    for (const auto& entry : names) {
        width = std::max(width, entry.first.size());
    }
    for (const auto& [name, description] : names) {
        out << name << std::string(width - name.size() + 2, ' ') << description << '\n';
    }
    return exitOk;
}

} // namespace rodtrad
