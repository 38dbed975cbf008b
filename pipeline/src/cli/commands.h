#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace rodtrad {

constexpr int exitOk = 0;
constexpr int exitFindings = 1;
constexpr int exitUsage = 2;

// One subcommand: argv[0] is the command's name. Throws UsageError for a bad command line.
using CommandFunction = int (*)(int argc, const char* const* argv, std::ostream& out,
                                std::ostream& err);

int runCheckCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
int runRollupCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
int runRenderCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
int runTemplatesCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
int runEvidenceCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
int runImportKoladaCommand(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace rodtrad
