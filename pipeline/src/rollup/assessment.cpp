#include "rollup/assessment.h"

#include <algorithm>

namespace rodtrad {

int AssessmentScale::rankOf(const std::string& level) const {
    for (const auto& l : levels) {
        if (l.id == level) {
            return l.rank;
        }
    }
    return 0;
}

std::string AssessmentScale::lowest() const {
    const auto it = std::min_element(levels.begin(), levels.end(),
                                     [](const auto& a, const auto& b) { return a.rank < b.rank; });
    return it == levels.end() ? notAssessable : it->id;
}

std::string AssessmentScale::highest() const {
    const auto it = std::max_element(levels.begin(), levels.end(),
                                     [](const auto& a, const auto& b) { return a.rank < b.rank; });
    return it == levels.end() ? notAssessable : it->id;
}

namespace {

int severity(IndicatorStatus status) {
    switch (status) {
    case IndicatorStatus::green:
        return 0;
    case IndicatorStatus::yellow:
        return 1;
    case IndicatorStatus::red:
        return 2;
    case IndicatorStatus::notAssessable:
        break;
    }
    return -1;
}

} // namespace

AssessmentResult assess(const std::vector<AssessmentInput>& inputs, const AssessmentRule& rule,
                        const AssessmentScale& scale) {
    AssessmentResult result;
    result.inputs = static_cast<int>(inputs.size());
    result.level = scale.notAssessable;
    double weightAll = 0;
    double weightGreen = 0;
    IndicatorStatus worst = IndicatorStatus::green;
    for (const auto& input : inputs) {
        if (input.status == IndicatorStatus::notAssessable) {
            continue;
        }
        ++result.assessableInputs;
        const double weight = rule.kind == RuleKind::weighted ? input.weight : 1.0;
        weightAll += weight;
        if (input.status == IndicatorStatus::green) {
            ++result.green;
            weightGreen += weight;
        }
        if (severity(input.status) > severity(worst)) {
            worst = input.status;
        }
    }
    if (result.assessableInputs == 0 ||
        static_cast<double>(result.assessableInputs) <
            rule.minAssessable * static_cast<double>(result.inputs) - 1e-12 ||
        weightAll <= 0) {
        return result;
    }
    result.assessable = true;
    result.share = weightGreen / weightAll;
    if (rule.kind == RuleKind::worstOf) {
        result.level = scale.lowest();
        for (const auto& level : rule.levels) {
            if (level.status && *level.status == worst) {
                result.level = level.level;
                break;
            }
        }
        return result;
    }
    result.level = scale.lowest();
    for (const auto& level : rule.levels) {
        if (level.minShare && result.share >= *level.minShare - 1e-12) {
            result.level = level.level;
            break;
        }
    }
    return result;
}

IndicatorStatus levelAsStatus(const std::string& level, const AssessmentScale& scale) {
    if (level == scale.notAssessable || scale.rankOf(level) == 0) {
        return IndicatorStatus::notAssessable;
    }
    if (level == scale.highest()) {
        return IndicatorStatus::green;
    }
    if (level == scale.lowest()) {
        return IndicatorStatus::red;
    }
    return IndicatorStatus::yellow;
}

} // namespace rodtrad
