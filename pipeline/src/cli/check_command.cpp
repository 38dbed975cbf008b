#include "cli/commands.h"
#include "cli/options.h"
#include "rodtrad/check.h"
#include "rodtrad/error.h"

#include <iomanip>
#include <ostream>

namespace rodtrad {

namespace po = boost::program_options;

int runCheckCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    std::string workspace;
    std::string format = "text";
    std::string asOf;
    unsigned threads = 0;
    bool timings = false;
    po::options_description named("Options");
    named.add_options()                                                         //
        ("workspace", po::value(&workspace)->required(), "workspace directory") //
        ("format", po::value(&format), "text (default) or json")                //
        ("as-of", po::value(&asOf),
         "judge due dates at this date (YYYY-MM-DD); default: the end of the latest follow-up "
         "period")                                                                 //
        ("threads", po::value(&threads), "parser threads (default: one per core)") //
        ("timings", po::bool_switch(&timings), "print the time each stage took on stderr");
    po::positional_options_description positional;
    positional.add("workspace", 1);
    po::variables_map values;
    if (!parseCommandLine(argc, argv, named, positional, values,
                          "usage: rodtrad check WORKSPACE [--format text|json] [--as-of DATE]",
                          out)) {
        return exitOk;
    }
    if (format != "text" && format != "json") {
        throw UsageError("--format must be text or json, not \"" + format + "\"");
    }
    CheckOptions options;
    options.load.threads = threads;
    options.asOf = parseAsOf(asOf);
    const CheckReport report = checkWorkspaceDirectory(workspace, options);
    if (timings) {
        err << std::fixed << std::setprecision(3) << "timing: load " << report.loadSeconds
            << " s\ntiming: check " << report.checkSeconds << " s\n";
    }
    const std::size_t errors = countErrors(report.diagnostics);
    if (format == "json") {
        writeDiagnosticsJson(out, report.diagnostics);
    } else {
        writeDiagnosticsText(err, report.diagnostics);
        err << workspace << ": " << report.documents << " documents, " << errors
            << (errors == 1 ? " error, " : " errors, ")
            << report.diagnostics.size() - errors -
                   static_cast<std::size_t>(std::count_if(
                       report.diagnostics.begin(), report.diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::note; }))
            << " warnings";
        if (report.asOf) {
            err << " (dates judged at " << report.asOf->toString() << ")";
        }
        err << '\n';
    }
    return errors == 0 ? exitOk : exitFindings;
}

} // namespace rodtrad
