#include "rollup/consolidation.h"

#include <algorithm>

namespace rodtrad {

std::optional<Formula> parseFormula(std::string_view text) {
    if (text == "sum") {
        return Formula::sum;
    }
    if (text == "average") {
        return Formula::average;
    }
    if (text == "weighted-average") {
        return Formula::weightedAverage;
    }
    if (text == "max") {
        return Formula::max;
    }
    if (text == "min") {
        return Formula::min;
    }
    if (text == "own") {
        return Formula::own;
    }
    return std::nullopt;
}

std::string_view formulaName(Formula formula) {
    switch (formula) {
    case Formula::sum:
        return "sum";
    case Formula::average:
        return "average";
    case Formula::weightedAverage:
        return "weighted-average";
    case Formula::max:
        return "max";
    case Formula::min:
        return "min";
    case Formula::own:
        break;
    }
    return "own";
}

void Aggregate::add(double value, std::optional<double> weight) {
    ++reporters;
    ++count;
    sum += value;
    min = std::min(min, value);
    max = std::max(max, value);
    if (weight) {
        weightedSum += value * *weight;
        weightTotal += *weight;
    }
}

void Aggregate::merge(const Aggregate& other) {
    reporters += other.reporters;
    missing += other.missing;
    count += other.count;
    sum += other.sum;
    weightedSum += other.weightedSum;
    weightTotal += other.weightTotal;
    min = std::min(min, other.min);
    max = std::max(max, other.max);
}

std::optional<double> Aggregate::value(Formula formula) const {
    if (reporters == 0) {
        return std::nullopt;
    }
    switch (formula) {
    case Formula::sum:
        return sum;
    case Formula::average:
        return sum / static_cast<double>(count);
    case Formula::weightedAverage:
        return weightTotal > 0 ? std::optional<double>(weightedSum / weightTotal) : std::nullopt;
    case Formula::max:
        return max;
    case Formula::min:
        return min;
    case Formula::own:
        break;
    }
    return std::nullopt;
}

} // namespace rodtrad
