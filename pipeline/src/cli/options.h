#pragma once

#include <boost/program_options.hpp>
#include <iosfwd>
#include <string>

namespace rodtrad {

// Parses a subcommand's options; prints help and returns false on --help. Throws UsageError
// for anything boost::program_options refuses.
bool parseCommandLine(int argc, const char* const* argv,
                      const boost::program_options::options_description& named,
                      const boost::program_options::positional_options_description& positional,
                      boost::program_options::variables_map& values, std::string_view usage,
                      std::ostream& out);

} // namespace rodtrad
