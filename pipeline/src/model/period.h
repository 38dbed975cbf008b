#pragma once

#include "rodtrad/date.h"

#include <optional>
#include <string>
#include <string_view>

namespace rodtrad {

// Follow-up periods: tertial (per 30 April), delår (per 31 August) and helår (the year).
enum class PeriodKind { tertial, delar, helar };

std::optional<PeriodKind> parsePeriodKind(std::string_view text);
std::string_view periodKindName(PeriodKind kind);

struct Period {
    int year = 0;
    PeriodKind kind = PeriodKind::helar;

    Date start() const { return Date{year, 1, 1}; }
    Date end() const;
    // "2025-tertial", "2025-delar", "2025-helar"; the form --period takes.
    std::string id() const;
    // Parses an id as above; a bare year means helår.
    static std::optional<Period> parse(std::string_view text);

    auto operator<=>(const Period&) const = default;
};

} // namespace rodtrad
