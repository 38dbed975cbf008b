#include "model/period.h"
#include "rodtrad/date.h"

#include <gtest/gtest.h>

namespace rodtrad {

TEST(Date, ParsesOnlyRealCalendarDates) {
    EXPECT_EQ(Date::parse("2024-02-29"), (Date{2024, 2, 29}));
    EXPECT_FALSE(Date::parse("2025-02-29"));
    EXPECT_FALSE(Date::parse("2025-13-01"));
    EXPECT_FALSE(Date::parse("2025-1-01"));
    EXPECT_FALSE(Date::parse("2025-01-01T00:00"));
    EXPECT_FALSE(Date::parse(""));
}

TEST(Date, AddsMonthsClampingToTheMonthEnd) {
    EXPECT_EQ((Date{2025, 1, 31}).addMonths(1), (Date{2025, 2, 28}));
    EXPECT_EQ((Date{2024, 12, 15}).addMonths(12), (Date{2025, 12, 15}));
    EXPECT_EQ((Date{2025, 3, 1}).addMonths(-3), (Date{2024, 12, 1}));
}

TEST(Date, RoundTripsThroughDayNumbers) {
    for (long day = -800; day < 30000; day += 37) {
        EXPECT_EQ(Date::fromDaysSinceEpoch(day).daysSinceEpoch(), day);
    }
    EXPECT_EQ((Date{1970, 1, 1}).daysSinceEpoch(), 0);
    EXPECT_EQ((Date{2025, 12, 31}).addDays(1), (Date{2026, 1, 1}));
}

TEST(Period, ParsesIdsAndKnowsItsEnd) {
    EXPECT_EQ(Period::parse("2025-tertial")->end(), (Date{2025, 4, 30}));
    EXPECT_EQ(Period::parse("2025-delar")->end(), (Date{2025, 8, 31}));
    EXPECT_EQ(Period::parse("2025")->end(), (Date{2025, 12, 31}));
    EXPECT_EQ(Period::parse("2025-helar")->id(), "2025-helar");
    EXPECT_FALSE(Period::parse("2025-q3"));
    EXPECT_FALSE(Period::parse("25-helar"));
}

} // namespace rodtrad
