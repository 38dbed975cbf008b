#pragma once

#include <limits>
#include <optional>
#include <string_view>

namespace rodtrad {

// How an indicator consolidates up the organisation.
enum class Formula { sum, average, weightedAverage, max, min, own };

std::optional<Formula> parseFormula(std::string_view text);
std::string_view formulaName(Formula formula);

// The running consolidation of a subtree. Subtrees merge exactly: the sum of sums, the
// minimum of minima, an average from the sums and counts of its parts (so an average of a tree
// equals the average of its leaves, never an average of averages), a weighted average from
// weighted sums and weights. Missing values are counted, never added as zero.
struct Aggregate {
    int reporters = 0; // inputs with a value
    int missing = 0;   // inputs without a value, or without the weight they need
    long count = 0;    // values behind an average
    double sum = 0;
    double weightedSum = 0;
    double weightTotal = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();

    // One reported value; weight is needed only for weighted averages.
    void add(double value, std::optional<double> weight);
    void addMissing() { ++missing; }
    void merge(const Aggregate& other);
    std::optional<double> value(Formula formula) const;
};

} // namespace rodtrad
