#include "cli/options.h"

#include "rodtrad/error.h"

#include <ostream>

namespace rodtrad {

namespace po = boost::program_options;

bool parseCommandLine(int argc, const char* const* argv, const po::options_description& named,
                      const po::positional_options_description& positional,
                      po::variables_map& values, std::string_view usage, std::ostream& out) {
    po::options_description all = named;
    all.add_options()("help,h", "show this help");
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  values);
        if (values.count("help") != 0) {
            out << usage << '\n' << all;
            return false;
        }
        po::notify(values);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    return true;
}

std::optional<Date> parseAsOf(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const auto date = Date::parse(text);
    if (!date) {
        throw UsageError("--as-of must be a date YYYY-MM-DD, not \"" + text + "\"");
    }
    return date;
}

} // namespace rodtrad
