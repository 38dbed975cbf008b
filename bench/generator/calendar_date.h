#pragma once

#include <compare>

namespace rodtrad::bench {

// A calendar date (proleptic Gregorian) with the arithmetic the generator needs. Dates come
// from the plan year and the seed, never from the clock.
struct CalendarDate {
    int year = 1970;
    int month = 1;
    int day = 1;

    static CalendarDate fromDays(long days);
    // Days since 1970-01-01.
    long days() const;
    CalendarDate addDays(int count) const { return fromDays(days() + count); }
    // Same day of month, clamped to the month's last day.
    CalendarDate addMonths(int count) const;
    // YYYY-MM-DD into out (at least 10 characters); returns the end.
    char* format(char* out) const;

    auto operator<=>(const CalendarDate&) const = default;
};

int daysInMonth(int year, int month);

} // namespace rodtrad::bench
