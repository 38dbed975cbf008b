#pragma once

#include <optional>
#include <string_view>

namespace rodtrad {

// Status of an indicator against its target (traffic light). notAssessable when there is no
// outcome or no target: a missing outcome is never read as zero.
enum class IndicatorStatus { green, yellow, red, notAssessable };

std::string_view statusName(IndicatorStatus status);

enum class Direction { higher, lower };

// The yellow band: an explicit limit on the target, or a margin from the indicator's
// thresholds (percent of the target or absolute, in the indicator's measure).
struct YellowBand {
    std::optional<double> limit;
    std::optional<double> margin;
    bool marginIsPercent = true;
};

// green if the outcome is at least as good as the target, yellow if at least as good as the
// yellow limit, red otherwise. Without a yellow band there is no yellow.
IndicatorStatus indicatorStatus(std::optional<double> outcome, std::optional<double> target,
                                Direction direction, const YellowBand& band);

// The yellow limit the band gives for a target, if any.
std::optional<double> yellowLimit(double target, Direction direction, const YellowBand& band);

enum class Trend { improving, stable, worsening, unknown };

std::string_view trendName(Trend trend);

// Compares an outcome with the one before it. Changes within stableShare of the earlier value
// (1 % by default) are stable.
Trend trend(std::optional<double> previous, std::optional<double> latest, Direction direction,
            double stableShare = 0.01);

} // namespace rodtrad
