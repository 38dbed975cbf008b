#pragma once

#include <iosfwd>

namespace rodtrad {

// The rodtrad command line. Returns the exit status: 0 success, 1 findings or a refused
// input, 2 usage or I/O error.
int runCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace rodtrad
