#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output_file.h"
#include "cli/stage_timer.h"
#include "rodtrad/error.h"
#include "rodtrad/evidence.h"

#include <ostream>

namespace rodtrad {

namespace po = boost::program_options;

namespace {

int runVerify(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    std::string pack;
    po::options_description named("Options");
    named.add_options()("pack", po::value(&pack)->required(), "the evidence pack (zip)");
    po::positional_options_description positional;
    positional.add("pack", 1);
    po::variables_map values;
    if (!parseCommandLine(argc, argv, named, positional, values,
                          "usage: rodtrad evidence verify FILE.zip", out)) {
        return exitOk;
    }
    const VerifyReport report = verifyEvidencePack(pack);
    for (const VerifyFinding& finding : report.findings) {
        err << pack << ": " << finding.path << ": error: " << finding.problem << ": "
            << finding.message << '\n';
    }
    if (!report.ok()) {
        err << pack << ": " << report.findings.size() << " problem"
            << (report.findings.size() == 1 ? "" : "s") << " found\n";
        return exitFindings;
    }
    out << pack << ": " << report.filesChecked
        << " files match the manifest (size and SHA-256); nothing missing or added\n";
    return exitOk;
}

} // namespace

int runEvidenceCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    if (argc >= 2 && std::string_view(argv[1]) == "verify") {
        return runVerify(argc - 1, argv + 1, out, err);
    }
    std::string workspace;
    std::string output;
    std::string asOf;
    bool timings = false;
    EvidenceOptions options;
    po::options_description named("Options");
    named.add_options()                                                                       //
        ("workspace", po::value(&workspace)->required(), "workspace directory")               //
        ("output,o", po::value(&output)->required(), "the pack to write (zip)")               //
        ("edition", po::value(&options.edition), "ISO 14001 edition: 2015 (default) or 2026") //
        ("as-of", po::value(&asOf),
         "judge reviews and due dates at YYYY-MM-DD (default: end of the latest period "
         "followed up)") //
        ("period", po::value(&options.period),
         "period of the follow-up report (default: the latest followed up)")               //
        ("lang", po::value(&options.language), "language of the PDFs: sv (default) or en") //
        ("timings", po::bool_switch(&timings), "print the time each stage took on stderr");
    po::positional_options_description positional;
    positional.add("workspace", 1);
    po::variables_map values;
    if (!parseCommandLine(argc, argv, named, positional, values,
                          "usage: rodtrad evidence WORKSPACE -o FILE.zip [--edition 2015|2026] "
                          "[--as-of DATE] [--period P] [--lang sv|en]\n"
                          "       rodtrad evidence verify FILE.zip",
                          out)) {
        return exitOk;
    }
    options.asOf = parseAsOf(asOf);
    StageTimer timer(err, timings);
    const std::unique_ptr<Workspace> loaded = loadCheckedWorkspace(workspace, err);
    if (!loaded) {
        return exitFindings;
    }
    timer.stage("load and check");
    const EvidencePack pack = buildEvidencePack(*loaded, options);
    timer.stage("build pack");
    writeDiagnosticsText(err, pack.diagnostics);
    if (countErrors(pack.diagnostics) > 0) {
        err << "evidence: text the fonts cannot show (listed above); nothing was written\n";
        return exitFindings;
    }
    writeFileAtomically(output, pack.zip);
    timer.stage("write");
    out << output << ": " << pack.entries.size() + 1 << " files, " << pack.pages << " PDF pages, "
        << pack.zip.size() << " bytes; coverage matrix as of " << pack.asOf.toString() << ": "
        << pack.gaps << " gap" << (pack.gaps == 1 ? "" : "s") << '\n';
    return exitOk;
}

} // namespace rodtrad
