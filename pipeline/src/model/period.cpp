#include "model/period.h"

#include <charconv>

namespace rodtrad {

std::optional<PeriodKind> parsePeriodKind(std::string_view text) {
    if (text == "tertial") {
        return PeriodKind::tertial;
    }
    if (text == "delar") {
        return PeriodKind::delar;
    }
    if (text == "helar") {
        return PeriodKind::helar;
    }
    return std::nullopt;
}

std::string_view periodKindName(PeriodKind kind) {
    switch (kind) {
    case PeriodKind::tertial:
        return "tertial";
    case PeriodKind::delar:
        return "delar";
    case PeriodKind::helar:
        return "helar";
    }
    return "helar";
}

Date Period::end() const {
    switch (kind) {
    case PeriodKind::tertial:
        return Date{year, 4, 30};
    case PeriodKind::delar:
        return Date{year, 8, 31};
    case PeriodKind::helar:
        break;
    }
    return Date{year, 12, 31};
}

std::string Period::id() const {
    return std::to_string(year) + "-" + std::string(periodKindName(kind));
}

std::optional<Period> Period::parse(std::string_view text) {
    const std::string_view yearText = text.substr(0, text.find('-'));
    int year = 0;
    const auto [end, error] =
        std::from_chars(yearText.data(), yearText.data() + yearText.size(), year);
    if (error != std::errc() || end != yearText.data() + yearText.size() || yearText.size() != 4) {
        return std::nullopt;
    }
    if (yearText.size() == text.size()) {
        return Period{year, PeriodKind::helar};
    }
    const auto kind = parsePeriodKind(text.substr(yearText.size() + 1));
    if (!kind) {
        return std::nullopt;
    }
    return Period{year, *kind};
}

} // namespace rodtrad
