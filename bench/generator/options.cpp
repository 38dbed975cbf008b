#include "options.h"

#include "error.h"

#include <charconv>
#include <optional>
#include <string>

namespace rodtrad::bench {
namespace {

constexpr std::string_view usage =
    "usage: rodtrad-gen --scale S|M|L|XL [--seed N] -o DIR\n"
    "\n"
    "Writes a synthetic rodtrad workspace into DIR, which must not exist or be empty.\n"
    "The same scale and seed always give the same bytes.\n"
    "\n"
    "  --scale S|M|L|XL  S: about 20 units; M: about 100; L: about 1,000 units, 10,000 goals\n"
    "                    and 20,000 indicators; XL: ten times L\n"
    "  --seed N          an unsigned 64-bit number (default 1)\n"
    "  -o, --output DIR  the workspace directory to create\n"
    "  -h, --help        this text\n";

// "--name=value" or "--name value"; advances i past what it consumed.
std::optional<std::string_view> valueOf(std::string_view option, std::string_view name, int argc,
                                        const char* const* argv, int& i) {
    if (option == name) {
        if (i + 1 >= argc) {
            throw UsageError(std::string(name) + " needs a value");
        }
        return std::string_view(argv[++i]);
    }
    if (option.size() > name.size() + 1 && option.substr(0, name.size()) == name &&
        option[name.size()] == '=') {
        return option.substr(name.size() + 1);
    }
    return std::nullopt;
}

} // namespace

std::string_view usageText() {
    return usage;
}

GeneratorOptions parseOptions(int argc, const char* const* argv) {
    GeneratorOptions options;
    bool haveScale = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view option = argv[i];
        if (option == "-h" || option == "--help") {
            options.help = true;
            return options;
        }
        if (const auto value = valueOf(option, "--scale", argc, argv, i)) {
            const auto scale = parseScale(*value);
            if (!scale) {
                throw UsageError("--scale must be S, M, L or XL, not \"" + std::string(*value) +
                                 "\"");
            }
            options.scale = *scale;
            haveScale = true;
        } else if (const auto seed = valueOf(option, "--seed", argc, argv, i)) {
            const auto [end, error] =
                std::from_chars(seed->data(), seed->data() + seed->size(), options.seed);
            if (error != std::errc() || end != seed->data() + seed->size() || seed->empty()) {
                throw UsageError("--seed must be an unsigned 64-bit number, not \"" +
                                 std::string(*seed) + "\"");
            }
        } else if (const auto out = valueOf(option, "-o", argc, argv, i)) {
            options.output = std::string(*out);
        } else if (const auto output = valueOf(option, "--output", argc, argv, i)) {
            options.output = std::string(*output);
        } else {
            throw UsageError("unknown argument \"" + std::string(option) + "\"");
        }
    }
    if (!haveScale) {
        throw UsageError("--scale is required");
    }
    if (options.output.empty()) {
        throw UsageError("-o DIR is required");
    }
    return options;
}

} // namespace rodtrad::bench
