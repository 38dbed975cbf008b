#include "rollup/indicator_status.h"

#include <cmath>

namespace rodtrad {

std::string_view statusName(IndicatorStatus status) {
    switch (status) {
    case IndicatorStatus::green:
        return "green";
    case IndicatorStatus::yellow:
        return "yellow";
    case IndicatorStatus::red:
        return "red";
    case IndicatorStatus::notAssessable:
        break;
    }
    return "not-assessable";
}

std::string_view trendName(Trend value) {
    switch (value) {
    case Trend::improving:
        return "improving";
    case Trend::stable:
        return "stable";
    case Trend::worsening:
        return "worsening";
    case Trend::unknown:
        break;
    }
    return "unknown";
}

namespace {

// True if a is at least as good as b.
bool atLeastAsGood(double a, double b, Direction direction) {
    return direction == Direction::higher ? a >= b : a <= b;
}

} // namespace

std::optional<double> yellowLimit(double target, Direction direction, const YellowBand& band) {
    if (band.limit) {
        return band.limit;
    }
    if (!band.margin) {
        return std::nullopt;
    }
    const double width =
        band.marginIsPercent ? std::fabs(target) * *band.margin / 100.0 : *band.margin;
    return direction == Direction::higher ? target - width : target + width;
}

IndicatorStatus indicatorStatus(std::optional<double> outcome, std::optional<double> target,
                                Direction direction, const YellowBand& band) {
    if (!outcome || !target) {
        return IndicatorStatus::notAssessable;
    }
    if (atLeastAsGood(*outcome, *target, direction)) {
        return IndicatorStatus::green;
    }
    const auto limit = yellowLimit(*target, direction, band);
    if (limit && atLeastAsGood(*outcome, *limit, direction)) {
        return IndicatorStatus::yellow;
    }
    return IndicatorStatus::red;
}

Trend trend(std::optional<double> previous, std::optional<double> latest, Direction direction,
            double stableShare) {
    if (!previous || !latest) {
        return Trend::unknown;
    }
    const double change = *latest - *previous;
    const double tolerance = std::fabs(*previous) * stableShare;
    if (std::fabs(change) <= tolerance) {
        return Trend::stable;
    }
    const bool up = change > 0;
    return up == (direction == Direction::higher) ? Trend::improving : Trend::worsening;
}

} // namespace rodtrad
