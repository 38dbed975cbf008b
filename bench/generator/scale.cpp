#include "scale.h"

namespace rodtrad::bench {

std::optional<Scale> parseScale(std::string_view text) {
    if (text == "S" || text == "s") {
        return Scale::s;
    }
    if (text == "M" || text == "m") {
        return Scale::m;
    }
    if (text == "L" || text == "l") {
        return Scale::l;
    }
    if (text == "XL" || text == "xl") {
        return Scale::xl;
    }
    return std::nullopt;
}

std::string_view scaleName(Scale scale) {
    switch (scale) {
    case Scale::s:
        return "S";
    case Scale::m:
        return "M";
    case Scale::l:
        return "L";
    case Scale::xl:
        return "XL";
    }
    return "S";
}

ScaleParameters parametersFor(Scale scale) {
    switch (scale) {
    case Scale::s:
        return {24, 3, 1, 2, 0, 0, 10, 3, 3, 1, 2, 2, 1, 2};
    case Scale::m:
        return {100, 6, 1, 3, 15, 2, 30, 4, 6, 1, 2, 2, 1, 2};
    case Scale::l:
        return {1000, 12, 2, 6, 30, 3, 100, 9, 11, 1, 3, 2, 1, 2};
    case Scale::xl:
        return {10000, 20, 4, 12, 40, 4, 100, 9, 11, 1, 3, 2, 1, 2};
    }
    return parametersFor(Scale::s);
}

} // namespace rodtrad::bench
