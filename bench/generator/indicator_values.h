#pragma once

#include "decimal.h"
#include "model.h"

#include <array>
#include <cstdint>

namespace rodtrad::bench {

// The numbers of an indicator: its expected path, targets, and the outcomes a unit reports.
// Values are integers in units of 10^-decimals of the indicator's template; all are functions
// of the model and the seed, so the plan that defines an indicator and every follow-up that
// reports on it agree.

// The expected value in a year, before a unit's own deviation and noise.
std::int64_t expectedValue(const Model& model, int indicator, int year);

struct TargetValue {
    std::int64_t value = 0;
    std::int64_t yellow = 0; // never better than value
};
TargetValue targetValue(const Model& model, int indicator, int year);

struct OutcomeHistory {
    static constexpr int years = Model::historyYears;
    std::array<std::int64_t, years> value{};
    std::array<bool, years> missing{};
    std::array<std::int64_t, years> women{};
    std::array<std::int64_t, years> men{};
};
// The outcomes `node` reports for the indicator, Model::firstHistoryYear to the plan year.
void outcomeHistory(const Model& model, int indicator, int node, OutcomeHistory& history);

// The value of a named weight (antal-elever, area, ...) that a unit reports.
std::int64_t weightValue(const Model& model, int node, std::string_view name);

Decimal asDecimal(const Model& model, int indicator, std::int64_t value);

} // namespace rodtrad::bench
