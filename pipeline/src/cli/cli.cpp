#include "rodtrad/cli.h"

#include "cli/commands.h"
#include "rodtrad/error.h"

#include <map>
#include <ostream>
#include <string>

namespace rodtrad {
namespace {

constexpr std::string_view overview = R"(usage: rodtrad COMMAND [ARGS] [--help]

Commands:
  check WORKSPACE     validate every document and the red thread between them
  rollup WORKSPACE    compute the red thread for a period as one XML document
  render WORKSPACE --template NAME -o FILE.pdf
                      render a plan or report as PDF
  evidence WORKSPACE -o FILE.zip
                      the ISO 14001 evidence pack for the certification auditor
  evidence verify FILE.zip
                      check a pack against its manifest
  templates           list the report templates
  import-kolada FILE.json... --workspace WORKSPACE
                      write Kolada outcomes into the workspace's follow-ups
Run "rodtrad COMMAND --help" for the options of a command.
)";

} // namespace

int runCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    const std::map<std::string_view, CommandFunction> commands{
        {"check", runCheckCommand},
        {"rollup", runRollupCommand},
        {"import-kolada", runImportKoladaCommand},
        {"render", runRenderCommand},
        {"templates", runTemplatesCommand},
        {"evidence", runEvidenceCommand},
    };
    if (argc < 2) {
        err << overview;
        return exitUsage;
    }
    const std::string_view name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        out << overview;
        return exitOk;
    }
    if (name == "--version") {
        out << "rodtrad " << RODTRAD_VERSION << '\n';
        return exitOk;
    }
    const auto command = commands.find(name);
    if (command == commands.end()) {
        err << "rodtrad: unknown command \"" << name << "\"\n" << overview;
        return exitUsage;
    }
    try {
        return command->second(argc - 1, argv + 1, out, err);
    } catch (const UsageError& e) {
        err << "rodtrad " << name << ": " << e.what() << "\n(see rodtrad " << name << " --help)\n";
        return exitUsage;
    } catch (const IoError& e) {
        err << "rodtrad " << name << ": error: " << e.what() << '\n';
        return exitUsage;
    } catch (const InputError& e) {
        err << "rodtrad " << name << ": error: " << e.what() << '\n';
        return exitFindings;
    } catch (const std::bad_alloc&) {
        err << "rodtrad " << name << ": error: out of memory\n";
        return exitUsage;
    } catch (const std::exception& e) {
        err << "rodtrad " << name << ": internal error: " << e.what() << '\n';
        return exitUsage;
    }
}

} // namespace rodtrad
