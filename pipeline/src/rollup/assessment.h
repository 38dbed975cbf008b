#pragma once

#include "rollup/indicator_status.h"

#include <optional>
#include <string>
#include <vector>

namespace rodtrad {

// An assessment scale (bedömningsskala) and one of its rules, as data from the strategic plan.
struct ScaleLevel {
    std::string id;
    int rank = 0; // higher is better
};

enum class RuleKind { share, weighted, worstOf };

struct RuleLevel {
    std::string level;
    std::optional<double> minShare;        // share and weighted rules
    std::optional<IndicatorStatus> status; // worst-of rules
};

struct AssessmentRule {
    std::string id;
    RuleKind kind = RuleKind::share;
    double minAssessable = 0.5;
    std::vector<RuleLevel> levels; // best first
};

struct AssessmentScale {
    std::vector<ScaleLevel> levels; // as written
    std::string notAssessable;
    int rankOf(const std::string& level) const;
    std::string lowest() const;
    std::string highest() const;
};

// One input to a goal's assessment: an indicator's status (or a sub-goal's, mapped to a
// status) and its weight.
struct AssessmentInput {
    IndicatorStatus status = IndicatorStatus::notAssessable;
    double weight = 1.0;
};

struct AssessmentResult {
    std::string level; // a level id, or the scale's notAssessable id
    bool assessable = false;
    double share = 0; // share of assessable inputs that are green (weighted for weighted)
    int inputs = 0;
    int assessableInputs = 0;
    int green = 0;
};

// Applies a rule: too few assessable inputs (below minAssessable) or none at all gives
// notAssessable; otherwise share rules pick the best level whose minShare the share reaches
// (the lowest level if none), and worst-of maps the worst status to its level.
AssessmentResult assess(const std::vector<AssessmentInput>& inputs, const AssessmentRule& rule,
                        const AssessmentScale& scale);

// The status a goal's level stands for when it is an input one level up: the best level is
// green, the lowest red, anything between yellow.
IndicatorStatus levelAsStatus(const std::string& level, const AssessmentScale& scale);

} // namespace rodtrad
