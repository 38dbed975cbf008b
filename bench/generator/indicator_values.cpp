#include "indicator_values.h"

#include "random.h"

#include <algorithm>

namespace rodtrad::bench {
namespace {

constexpr std::uint64_t outcomeStream = 11;
constexpr std::uint64_t weightStream = 12;

std::int64_t clampTo(const IndicatorTemplate& pattern, std::int64_t value) {
    return std::clamp(value, pattern.floor, pattern.ceiling);
}

std::int64_t spanOf(const IndicatorTemplate& pattern) {
    return std::max<std::int64_t>(1, pattern.high - pattern.low);
}

} // namespace

std::int64_t expectedValue(const Model& model, int indicator, int year) {
    const Indicator& at = model.indicators[static_cast<std::size_t>(indicator)];
    return clampTo(model.indicatorTemplate(indicator),
                   at.level + at.trend * (year - Model::firstHistoryYear));
}

TargetValue targetValue(const Model& model, int indicator, int year) {
    const IndicatorTemplate& pattern = model.indicatorTemplate(indicator);
    const std::int64_t span = spanOf(pattern);
    const std::int64_t better = pattern.higherIsBetter ? 1 : -1;
    const std::int64_t step = std::max<std::int64_t>(1, span / 40);
    const std::int64_t margin = std::max<std::int64_t>(1, span / 15);
    TargetValue target;
    target.value = clampTo(pattern, expectedValue(model, indicator, Model::planYear - 1) +
                                        better * step * (year - Model::planYear + 1));
    target.yellow = clampTo(pattern, target.value - better * margin);
    return target;
}

void outcomeHistory(const Model& model, int indicator, int node, OutcomeHistory& history) {
    const IndicatorTemplate& pattern = model.indicatorTemplate(indicator);
    const std::int64_t span = spanOf(pattern);
    Random random = Random::stream(model.seed, outcomeStream,
                                   (static_cast<std::uint64_t>(indicator) << 24) |
                                       static_cast<std::uint64_t>(node));
    const Indicator& at = model.indicators[static_cast<std::size_t>(indicator)];
    const Goal& goal = model.goals[static_cast<std::size_t>(at.goal)];
    // The unit that owns the indicator reports the expected path itself; others deviate.
    const int ownerNode =
        goal.plan >= 0 ? model.plans[static_cast<std::size_t>(goal.plan)].node : model.councilNode;
    const bool owner = ownerNode == node;
    const std::int64_t offset = owner ? 0 : random.between64(-span / 10, span / 10);
    const std::int64_t noise = std::max<std::int64_t>(1, span / 20);
    const std::int64_t gap = random.between64(-span / 8, span / 8);
    for (int y = 0; y < OutcomeHistory::years; ++y) {
        const std::size_t i = static_cast<std::size_t>(y);
        const std::int64_t value =
            clampTo(pattern, expectedValue(model, indicator, Model::firstHistoryYear + y) + offset +
                                 random.between64(-noise, noise));
        history.value[i] = value;
        history.missing[i] = random.percent(3);
        const std::int64_t spread = gap + random.between64(-noise / 2, noise / 2);
        history.women[i] = clampTo(pattern, value + spread);
        history.men[i] = clampTo(pattern, value - spread);
    }
}

std::int64_t weightValue(const Model& model, int node, std::string_view name) {
    std::uint64_t key = 1469598103934665603ull;
    for (const char c : name) {
        key = (key ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    Random random =
        Random::stream(model.seed, weightStream, key ^ (static_cast<std::uint64_t>(node) << 32));
    if (name == "area") {
        return random.between64(800, 40000);
    }
    if (name == "portioner") {
        return random.between64(5000, 250000);
    }
    if (name == "antal-anstallda") {
        return random.between64(8, 400);
    }
    return random.between64(15, 900);
}

Decimal asDecimal(const Model& model, int indicator, std::int64_t value) {
    return {value, model.indicatorTemplate(indicator).decimals};
}

} // namespace rodtrad::bench
