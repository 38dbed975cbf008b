// The rules of the red thread as pure functions: indicator status, trend, assessment and
// consolidation, with property tests over random inputs.
#include "rollup/assessment.h"
#include "rollup/consolidation.h"
#include "rollup/indicator_status.h"
#include "rollup/number_format.h"

#include <gtest/gtest.h>
#include <random>

namespace rodtrad {
namespace {

AssessmentScale threeLevels() {
    return {{{"uppfyllt", 3}, {"delvis", 2}, {"ej", 1}}, "kib"};
}

AssessmentRule shareRule() {
    return {"andel",
            RuleKind::share,
            0.5,
            {{"uppfyllt", 0.75, {}}, {"delvis", 0.4, {}}, {"ej", 0.0, {}}}};
}

AssessmentRule worstOfRule() {
    return {"samst",
            RuleKind::worstOf,
            0.5,
            {{"uppfyllt", {}, IndicatorStatus::green},
             {"delvis", {}, IndicatorStatus::yellow},
             {"ej", {}, IndicatorStatus::red}}};
}

AssessmentRule weightedRule() {
    AssessmentRule rule = shareRule();
    rule.id = "viktad";
    rule.kind = RuleKind::weighted;
    return rule;
}

constexpr auto G = IndicatorStatus::green;
constexpr auto Y = IndicatorStatus::yellow;
constexpr auto R = IndicatorStatus::red;
constexpr auto N = IndicatorStatus::notAssessable;

} // namespace

TEST(IndicatorStatusRule, HigherIsBetter) {
    const YellowBand band{75.0, {}, true};
    EXPECT_EQ(indicatorStatus(80, 80, Direction::higher, band), G);
    EXPECT_EQ(indicatorStatus(79.9, 80, Direction::higher, band), Y);
    EXPECT_EQ(indicatorStatus(75, 80, Direction::higher, band), Y);
    EXPECT_EQ(indicatorStatus(74.9, 80, Direction::higher, band), R);
}

TEST(IndicatorStatusRule, LowerIsBetter) {
    const YellowBand band{3.1, {}, true};
    EXPECT_EQ(indicatorStatus(2.5, 2.5, Direction::lower, band), G);
    EXPECT_EQ(indicatorStatus(3.0, 2.5, Direction::lower, band), Y);
    EXPECT_EQ(indicatorStatus(3.2, 2.5, Direction::lower, band), R);
}

TEST(IndicatorStatusRule, MarginsInPercentOrAbsolute) {
    const YellowBand percent{{}, 10.0, true};
    EXPECT_EQ(indicatorStatus(91, 100, Direction::higher, percent), Y);
    EXPECT_EQ(indicatorStatus(89, 100, Direction::higher, percent), R);
    const YellowBand absolute{{}, 0.5, false};
    EXPECT_EQ(indicatorStatus(3.0, 2.5, Direction::lower, absolute), Y);
    EXPECT_EQ(indicatorStatus(3.01, 2.5, Direction::lower, absolute), R);
    // An explicit limit on the target wins over the default margin.
    const YellowBand both{2.6, 0.5, false};
    EXPECT_EQ(indicatorStatus(3.0, 2.5, Direction::lower, both), R);
}

TEST(IndicatorStatusRule, NoBandMeansNoYellow) {
    EXPECT_EQ(indicatorStatus(79, 80, Direction::higher, {}), R);
}

TEST(IndicatorStatusRule, MissingOutcomeOrTargetIsNotAssessableNeverZero) {
    EXPECT_EQ(indicatorStatus(std::nullopt, 0.0, Direction::lower, {}), N);
    EXPECT_EQ(indicatorStatus(5.0, std::nullopt, Direction::higher, {}), N);
}

TEST(TrendRule, ByDirectionWithAStableBand) {
    EXPECT_EQ(trend(2.9, 2.6, Direction::lower), Trend::improving);
    EXPECT_EQ(trend(2.6, 2.9, Direction::lower), Trend::worsening);
    EXPECT_EQ(trend(100, 100.5, Direction::higher), Trend::stable);
    EXPECT_EQ(trend(100, 102, Direction::higher), Trend::improving);
    EXPECT_EQ(trend(std::nullopt, 3.0, Direction::higher), Trend::unknown);
}

TEST(AssessmentRules, ShareOfGreenIndicators) {
    const auto scale = threeLevels();
    EXPECT_EQ(assess({{G}, {G}, {G}, {R}}, shareRule(), scale).level, "uppfyllt");
    EXPECT_EQ(assess({{G}, {G}, {R}, {R}}, shareRule(), scale).level, "delvis");
    EXPECT_EQ(assess({{G}, {R}, {R}, {Y}}, shareRule(), scale).level, "ej");
    const auto result = assess({{G}, {G}, {R}, {N}}, shareRule(), scale);
    EXPECT_EQ(result.assessableInputs, 3);
    EXPECT_NEAR(result.share, 2.0 / 3.0, 1e-12);
}

TEST(AssessmentRules, TooFewOutcomesIsNotAssessable) {
    const auto scale = threeLevels();
    EXPECT_EQ(assess({{G}, {N}, {N}}, shareRule(), scale).level, "kib");
    EXPECT_EQ(assess({{G}, {N}}, shareRule(), scale).level, "uppfyllt"); // exactly half
    EXPECT_EQ(assess({}, shareRule(), scale).level, "kib");
}

TEST(AssessmentRules, WeightedShare) {
    const auto scale = threeLevels();
    EXPECT_EQ(assess({{G, 3}, {R, 1}}, weightedRule(), scale).level, "uppfyllt");
    EXPECT_EQ(assess({{G, 1}, {R, 3}}, weightedRule(), scale).level, "ej");
    EXPECT_EQ(assess({{G, 1}, {R, 1}}, weightedRule(), scale).level, "delvis");
}

TEST(AssessmentRules, WorstOf) {
    const auto scale = threeLevels();
    EXPECT_EQ(assess({{G}, {G}}, worstOfRule(), scale).level, "uppfyllt");
    EXPECT_EQ(assess({{G}, {Y}, {N}}, worstOfRule(), scale).level, "delvis");
    EXPECT_EQ(assess({{G}, {Y}, {R}}, worstOfRule(), scale).level, "ej");
}

TEST(AssessmentRules, PropertyAddingAGreenIndicatorNeverLowersTheAssessment) {
    std::mt19937 random(20251231);
    const auto scale = threeLevels();
    const IndicatorStatus statuses[] = {G, Y, R, N};
    for (const AssessmentRule& rule : {shareRule(), weightedRule(), worstOfRule()}) {
        for (int trial = 0; trial < 2000; ++trial) {
            std::vector<AssessmentInput> inputs(random() % 8);
            for (auto& input : inputs) {
                input.status = statuses[random() % 4];
                input.weight = 0.5 + static_cast<double>(random() % 8) / 2.0;
            }
            const auto before = assess(inputs, rule, scale);
            inputs.push_back({G, 0.5 + static_cast<double>(random() % 8) / 2.0});
            const auto after = assess(inputs, rule, scale);
            // Not assessable ranks below every level: gaining assessability is never a loss.
            EXPECT_GE(scale.rankOf(after.level), scale.rankOf(before.level))
                << rule.id << " trial " << trial << ": " << before.level << " -> " << after.level;
        }
    }
}

TEST(Consolidation, EachFormula) {
    Aggregate a;
    a.add(10, 100.0);
    a.add(20, 300.0);
    a.addMissing();
    EXPECT_DOUBLE_EQ(*a.value(Formula::sum), 30);
    EXPECT_DOUBLE_EQ(*a.value(Formula::average), 15);
    EXPECT_DOUBLE_EQ(*a.value(Formula::weightedAverage), 17.5);
    EXPECT_DOUBLE_EQ(*a.value(Formula::max), 20);
    EXPECT_DOUBLE_EQ(*a.value(Formula::min), 10);
    EXPECT_FALSE(a.value(Formula::own));
    EXPECT_EQ(a.missing, 1);
}

TEST(Consolidation, AllMissingGivesNoValueNotZero) {
    Aggregate a;
    a.addMissing();
    a.addMissing();
    EXPECT_FALSE(a.value(Formula::sum));
    EXPECT_FALSE(a.value(Formula::min));
}

TEST(NumberFormat, ClassicAndFixed) {
    EXPECT_EQ(formatDecimal(2.5, 1), "2.5");
    EXPECT_EQ(formatDecimal(1234.5678, 2), "1234.57");
    EXPECT_EQ(formatDecimal(-0.0001, 1), "0.0");
    EXPECT_EQ(parseDecimal(" 3.10 "), 3.1);
    EXPECT_FALSE(parseDecimal("3,1"));
    EXPECT_FALSE(parseDecimal("nan"));
    EXPECT_FALSE(parseDecimal(""));
}

} // namespace rodtrad
