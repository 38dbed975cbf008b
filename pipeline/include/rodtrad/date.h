#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace rodtrad {

// A calendar date. Dates enter the pipeline from the data or as parameters, never from the
// clock.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    // Parses YYYY-MM-DD; nullopt for anything else, including impossible dates.
    static std::optional<Date> parse(std::string_view text);

    std::string toString() const;
    Date addMonths(int months) const;
    Date addDays(int days) const;
    // Days since 1970-01-01 (proleptic Gregorian).
    long daysSinceEpoch() const;
    static Date fromDaysSinceEpoch(long days);

    auto operator<=>(const Date&) const = default;
};

} // namespace rodtrad
