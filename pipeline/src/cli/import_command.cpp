#include "cli/commands.h"
#include "cli/options.h"
#include "rodtrad/kolada.h"

#include <ostream>

namespace rodtrad {

namespace po = boost::program_options;

int runImportKoladaCommand(int argc, const char* const* argv, std::ostream& out,
                           std::ostream& err) {
    std::vector<std::string> files;
    std::string workspace;
    po::options_description named("Options");
    named.add_options()                                                                       //
        ("files", po::value(&files)->required()->multitoken(), "Kolada API responses (JSON)") //
        ("workspace", po::value(&workspace)->required(), "workspace directory to write into");
    po::positional_options_description positional;
    positional.add("files", -1);
    po::variables_map values;
    if (!parseCommandLine(argc, argv, named, positional, values,
                          "usage: rodtrad import-kolada FILE.json... --workspace WORKSPACE", out)) {
        return exitOk;
    }
    const KoladaImportReport report =
        importKolada(std::vector<std::filesystem::path>(files.begin(), files.end()), workspace);
    writeDiagnosticsText(err, report.diagnostics);
    const std::size_t errors = countErrors(report.diagnostics);
    if (errors > 0) {
        err << "import-kolada: refused; nothing was written\n";
        return exitFindings;
    }
    for (const auto& file : report.written) {
        out << "updated " << file.string() << '\n';
    }
    out << report.values << " values read, " << report.outcomes << " outcomes in "
        << report.written.size() << " changed files\n";
    return exitOk;
}

} // namespace rodtrad
