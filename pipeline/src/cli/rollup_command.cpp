#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output_file.h"
#include "cli/stage_timer.h"
#include "rodtrad/check.h"
#include "rodtrad/error.h"
#include "rodtrad/rollup.h"

#include <ostream>
#include <sstream>

namespace rodtrad {

namespace po = boost::program_options;

int runRollupCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    std::string workspace;
    std::string output;
    RollupOptions options;
    bool timings = false;
    po::options_description named("Options");
    named.add_options()                                                         //
        ("workspace", po::value(&workspace)->required(), "workspace directory") //
        ("period", po::value(&options.period)->required(),
         "YEAR-tertial, YEAR-delar, YEAR-helar or YEAR (helår)")                     //
        ("output,o", po::value(&output), "write to FILE instead of standard output") //
        ("timings", po::bool_switch(&timings), "print the time each stage took on stderr");
    po::positional_options_description positional;
    positional.add("workspace", 1);
    po::variables_map values;
    if (!parseCommandLine(argc, argv, named, positional, values,
                          "usage: rodtrad rollup WORKSPACE --period PERIOD [-o FILE]", out)) {
        return exitOk;
    }
    StageTimer timer(err, timings);
    const std::unique_ptr<Workspace> loaded = loadCheckedWorkspace(workspace, err);
    if (!loaded) {
        return exitFindings;
    }
    timer.stage("load and check");
    const std::string text = rollupDocument(*loaded, options);
    timer.stage("rollup");
    if (output.empty()) {
        out << text;
    } else {
        writeFileAtomically(output, text);
    }
    timer.stage("write");
    return exitOk;
}

} // namespace rodtrad
