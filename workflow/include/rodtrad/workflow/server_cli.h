#pragma once

#include <iosfwd>

namespace rodtrad::workflow {

// The rodtrad-server command line: argv[1] is the command. Returns the exit status (0 success,
// 1 findings, 2 usage or I/O error).
int runServerCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace rodtrad::workflow
