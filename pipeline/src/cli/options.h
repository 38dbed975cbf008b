#pragma once

#include "rodtrad/date.h"

#include <boost/program_options.hpp>
#include <iosfwd>
#include <optional>
#include <string>

namespace rodtrad {

// Parses a subcommand's options; prints help and returns false on --help. Throws UsageError
// for anything boost::program_options refuses.
bool parseCommandLine(int argc, const char* const* argv,
                      const boost::program_options::options_description& named,
                      const boost::program_options::positional_options_description& positional,
                      boost::program_options::variables_map& values, std::string_view usage,
                      std::ostream& out);

// The --as-of option: nullopt when not given; throws UsageError for anything but YYYY-MM-DD.
std::optional<Date> parseAsOf(const std::string& text);

} // namespace rodtrad
