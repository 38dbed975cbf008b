#include "ems_vocabulary.h"
#include "model_builder.h"
#include "random.h"

#include <algorithm>
#include <numeric>

namespace rodtrad::bench {
namespace {

constexpr std::uint64_t emsStream = 2;

// The aspects register's method (aspects_writer): the weighted sum of omfattning, frekvens,
// lagkrav (weight 1) and intressenter (weight 0.5) against a threshold of 12, in halves so
// that the arithmetic stays exact.
constexpr int thresholdInHalves = 24;

int scoreInHalves(const EmsAspect& aspect) {
    return 2 * (aspect.scores[0] + aspect.scores[1] + aspect.scores[2]) + aspect.scores[3];
}

void addOnce(std::vector<int>& list, int value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

class EmsBuilder {
public:
    explicit EmsBuilder(Model& model)
        : model_(model), ems_(model.ems), random_(Random::stream(model.seed, emsStream, 0)) {
        for (std::size_t n = 0; n < model_.nodes.size(); ++n) {
            if (model_.nodes[n].type == OrgType::unit) {
                units_.push_back(static_cast<int>(n));
            }
        }
        unitCount_ = static_cast<int>(units_.size());
        collectEnvironmentalIndicators();
    }

    void build() {
        buildPeople();
        buildAspects();
        buildObligations();
        decideSignificance();
        buildControls();
        buildObjectives();
        linkObjectives();
        buildScenarios();
        buildParameters();
        buildAudits();
        buildNonconformities();
        ems_.issueCount = static_cast<int>(issueTemplates().size());
        ems_.partyCount = static_cast<int>(partyTemplates().size());
        ems_.communicationCount = 10 + unitCount_ / 5;
        const int sites = 3 + unitCount_ / 100;
        for (int s = 0; s < sites; ++s) {
            ems_.scopeSites.push_back(static_cast<int>(random_.index(places().size())));
        }
    }

private:
    int randomUnit() { return units_[random_.index(units_.size())]; }

    CalendarDate dayIn(CalendarDate from, CalendarDate to) {
        return CalendarDate::fromDays(
            from.days() + static_cast<long>(random_.below(
                              static_cast<std::uint64_t>(to.days() - from.days() + 1))));
    }

    // Indicators under the environmental council goals: the goals' own and those of every
    // plan goal that breaks them down, by theme and by council goal.
    void collectEnvironmentalIndicators() {
        byCouncilGoal_.resize(static_cast<std::size_t>(model_.councilGoalCount));
        byTheme_.resize(themes().size());
        for (std::size_t i = 0; i < model_.indicators.size(); ++i) {
            const Goal& goal = model_.goals[static_cast<std::size_t>(model_.indicators[i].goal)];
            if (!themes()[static_cast<std::size_t>(goal.theme)].environmental) {
                continue;
            }
            byTheme_[static_cast<std::size_t>(goal.theme)].push_back(static_cast<int>(i));
            if (goal.plan >= 0) {
                byCouncilGoal_[static_cast<std::size_t>(goal.councilGoal)].push_back(
                    static_cast<int>(i));
            }
        }
    }

    void buildPeople() {
        const int count = 8 + unitCount_ / 10;
        for (int p = 0; p < count; ++p) {
            EmsPerson person;
            // The coordinator first, then two internal auditors, then anyone.
            person.role = p == 0   ? 0
                          : p <= 2 ? 1
                                   : static_cast<int>(random_.index(roleTemplates().size()));
            person.unit = p == 0 ? model_.executiveBoardNode : randomUnit();
            person.first = static_cast<int>(random_.index(firstNames().size()));
            person.last = static_cast<int>(random_.index(lastNames().size()));
            ems_.people.push_back(person);
            if (person.role == 1) {
                auditors_.push_back(p);
            }
        }
    }

    void buildAspects() {
        const int count = std::max(static_cast<int>(aspectTemplates().size()), unitCount_ / 5);
        for (int a = 0; a < count; ++a) {
            EmsAspect aspect;
            aspect.templateIndex = a < static_cast<int>(aspectTemplates().size())
                                       ? a
                                       : static_cast<int>(random_.index(aspectTemplates().size()));
            aspect.unit = randomUnit();
            for (int& score : aspect.scores) {
                score = random_.between(1, 5);
            }
            aspect.reviewDate = dayIn({Model::planYear + 1, 1, 15}, {Model::planYear + 1, 12, 15});
            ems_.aspects.push_back(aspect);
        }
    }

    void buildObligations() {
        const int templateCount = static_cast<int>(obligationTemplates().size());
        const int count = templateCount + unitCount_ / 25;
        for (int o = 0; o < count; ++o) {
            EmsObligation obligation;
            obligation.templateIndex =
                o < templateCount ? o
                                  : static_cast<int>(random_.index(obligationTemplates().size()));
            const ObligationTemplate& pattern =
                obligationTemplates()[static_cast<std::size_t>(obligation.templateIndex)];
            obligation.intervalMonths = pattern.intervalMonths;
            if (o < templateCount && pattern.kind == "legal") {
                obligation.units.push_back(0); // the whole municipality
            } else {
                const int units = random_.between(1, 2);
                for (int u = 0; u < units; ++u) {
                    addOnce(obligation.units, randomUnit());
                }
            }
            const int aspects = random_.between(1, 3);
            const int index = static_cast<int>(ems_.obligations.size());
            for (int k = 0; k < aspects; ++k) {
                const int aspect = static_cast<int>(random_.index(ems_.aspects.size()));
                addOnce(obligation.aspects, aspect);
                addOnce(ems_.aspects[static_cast<std::size_t>(aspect)].obligations, index);
            }
            // The latest evaluation lies well inside the interval before the as-of date; the
            // one before it an interval earlier.
            const int window = std::min(obligation.intervalMonths, 12);
            const CalendarDate latest = Model::asOf.addMonths(-random_.between(0, window - 1))
                                            .addDays(-random_.between(1, 25));
            if (random_.percent(60)) {
                obligation.evaluations.push_back({latest.addMonths(-obligation.intervalMonths),
                                                  random_.percent(20)
                                                      ? ComplianceResult::noncompliant
                                                      : ComplianceResult::partly});
            }
            obligation.evaluations.push_back({latest, random_.percent(75)
                                                          ? ComplianceResult::compliant
                                                          : ComplianceResult::partly});
            ems_.obligations.push_back(std::move(obligation));
        }
        for (EmsAspect& aspect : ems_.aspects) {
            std::sort(aspect.obligations.begin(), aspect.obligations.end());
        }
    }

    // Significant by score, or by the legal gate: linked to a legal obligation.
    void decideSignificance() {
        for (EmsAspect& aspect : ems_.aspects) {
            bool legal = false;
            for (const int o : aspect.obligations) {
                legal =
                    legal || obligationTemplates()[static_cast<std::size_t>(
                                                       ems_.obligations[static_cast<std::size_t>(o)]
                                                           .templateIndex)]
                                     .kind == "legal";
            }
            aspect.significant = legal || scoreInHalves(aspect) >= thresholdInHalves;
        }
    }

    // One control per control template in use, split so that no control covers more than
    // eight aspects; every significant aspect is covered, some others too.
    void buildControls() {
        constexpr int maxAspects = 8;
        std::vector<int> openControl(controlTemplates().size(), -1);
        for (std::size_t a = 0; a < ems_.aspects.size(); ++a) {
            EmsAspect& aspect = ems_.aspects[a];
            if (!aspect.significant && !random_.percent(30)) {
                continue;
            }
            const int pattern =
                aspectTemplates()[static_cast<std::size_t>(aspect.templateIndex)].control;
            int& current = openControl[static_cast<std::size_t>(pattern)];
            if (current < 0 ||
                static_cast<int>(ems_.controls[static_cast<std::size_t>(current)].aspects.size()) >=
                    maxAspects) {
                EmsControl control;
                control.templateIndex = pattern;
                current = static_cast<int>(ems_.controls.size());
                ems_.controls.push_back(control);
            }
            EmsControl& control = ems_.controls[static_cast<std::size_t>(current)];
            control.aspects.push_back(static_cast<int>(a));
            addOnce(control.units, aspect.unit);
            aspect.controls.push_back(current);
        }
        for (EmsControl& control : ems_.controls) {
            std::sort(control.units.begin(), control.units.end());
        }
    }

    void buildObjectives() {
        topObjective_.assign(static_cast<std::size_t>(model_.councilGoalCount), -1);
        byThemeObjectives_.resize(themes().size());
        std::vector<int> environmentalGoals;
        for (int g = 0; g < model_.councilGoalCount; ++g) {
            if (!model_.goalTheme(g).environmental) {
                continue;
            }
            environmentalGoals.push_back(g);
            EmsObjective top;
            top.councilGoal = g;
            top.number = 0;
            top.unit = model_.executiveBoardNode;
            const Goal& goal = model_.goals[static_cast<std::size_t>(g)];
            for (int i = 0; i < goal.indicatorCount && i < 2; ++i) {
                top.indicators.push_back(goal.firstIndicator + i);
            }
            top.actionCount = 0;
            topObjective_[static_cast<std::size_t>(g)] = static_cast<int>(ems_.objectives.size());
            byThemeObjectives_[static_cast<std::size_t>(goal.theme)].push_back(
                static_cast<int>(ems_.objectives.size()));
            ems_.objectives.push_back(std::move(top));
        }
        if (environmentalGoals.empty()) {
            return;
        }
        const int children = std::max(static_cast<int>(environmentalGoals.size()), unitCount_ / 25);
        std::vector<int> childrenOf(static_cast<std::size_t>(model_.councilGoalCount), 0);
        std::vector<std::vector<int>> objectivesOf(
            static_cast<std::size_t>(model_.councilGoalCount));
        for (int c = 0; c < children; ++c) {
            const int g =
                environmentalGoals[static_cast<std::size_t>(c) % environmentalGoals.size()];
            EmsObjective objective;
            std::vector<int>& siblings = objectivesOf[static_cast<std::size_t>(g)];
            // Earlier objectives only, so the parent chain cannot loop.
            objective.parent = !siblings.empty() && random_.percent(30)
                                   ? siblings[random_.index(siblings.size())]
                                   : topObjective_[static_cast<std::size_t>(g)];
            objective.number = ++childrenOf[static_cast<std::size_t>(g)];
            const std::vector<int>& candidates = byCouncilGoal_[static_cast<std::size_t>(g)];
            if (candidates.empty()) {
                objective.indicators.push_back(
                    model_.goals[static_cast<std::size_t>(g)].firstIndicator);
                objective.unit = model_.executiveBoardNode;
            } else {
                const int count = random_.between(1, 2);
                for (int k = 0; k < count; ++k) {
                    addOnce(objective.indicators, candidates[random_.index(candidates.size())]);
                }
                const Indicator& first =
                    model_.indicators[static_cast<std::size_t>(objective.indicators.front())];
                objective.unit = model_
                                     .plans[static_cast<std::size_t>(
                                         model_.goals[static_cast<std::size_t>(first.goal)].plan)]
                                     .node;
            }
            objective.actionCount = random_.between(1, 2);
            const int index = static_cast<int>(ems_.objectives.size());
            siblings.push_back(index);
            byThemeObjectives_[static_cast<std::size_t>(
                                   model_.goals[static_cast<std::size_t>(g)].theme)]
                .push_back(index);
            ems_.objectives.push_back(std::move(objective));
        }
    }

    void linkObjectives() {
        for (EmsAspect& aspect : ems_.aspects) {
            const int theme =
                aspectTemplates()[static_cast<std::size_t>(aspect.templateIndex)].theme;
            const std::vector<int>& candidates =
                byThemeObjectives_[static_cast<std::size_t>(theme)];
            if (aspect.significant && !candidates.empty() && random_.percent(50)) {
                aspect.objectives.push_back(candidates[random_.index(candidates.size())]);
            }
        }
    }

    void buildScenarios() {
        const int templateCount = static_cast<int>(scenarioTemplates().size());
        const int count = templateCount + unitCount_ / 150;
        std::vector<std::vector<int>> byTemplate(scenarioTemplates().size());
        for (int s = 0; s < count; ++s) {
            EmsScenario scenario;
            scenario.templateIndex =
                s < templateCount ? s : static_cast<int>(random_.index(scenarioTemplates().size()));
            scenario.place = static_cast<int>(random_.index(places().size()));
            scenario.intervalMonths = random_.percent(30) ? 24 : 0;
            const int interval = scenario.intervalMonths == 0 ? 12 : scenario.intervalMonths;
            const int window = std::min(interval, 12);
            const CalendarDate latest = Model::asOf.addMonths(-random_.between(1, window - 1))
                                            .addDays(-random_.between(1, 20));
            if (random_.percent(50)) {
                scenario.drills.push_back(latest.addMonths(-interval));
            }
            scenario.drills.push_back(latest);
            byTemplate[static_cast<std::size_t>(scenario.templateIndex)].push_back(s);
            ems_.scenarios.push_back(std::move(scenario));
        }
        std::vector<std::size_t> next(scenarioTemplates().size(), 0);
        for (std::size_t a = 0; a < ems_.aspects.size(); ++a) {
            const int pattern =
                aspectTemplates()[static_cast<std::size_t>(ems_.aspects[a].templateIndex)].scenario;
            if (pattern < 0) {
                continue;
            }
            const std::vector<int>& candidates = byTemplate[static_cast<std::size_t>(pattern)];
            std::size_t& turn = next[static_cast<std::size_t>(pattern)];
            ems_.scenarios[static_cast<std::size_t>(candidates[turn % candidates.size()])]
                .aspects.push_back(static_cast<int>(a));
            ++turn;
        }
    }

    void buildParameters() {
        const int count = 4 + unitCount_ / 25;
        for (int p = 0; p < count; ++p) {
            EmsParameter parameter;
            parameter.templateIndex =
                p < static_cast<int>(parameterTemplates().size())
                    ? p
                    : static_cast<int>(random_.index(parameterTemplates().size()));
            parameter.unit = randomUnit();
            const int theme =
                parameterTemplates()[static_cast<std::size_t>(parameter.templateIndex)].theme;
            const std::vector<int>& candidates = byTheme_[static_cast<std::size_t>(theme)];
            if (!candidates.empty() && random_.percent(80)) {
                parameter.indicator = candidates[random_.index(candidates.size())];
            }
            parameter.equipmentCount = random_.between(1, 2);
            ems_.parameters.push_back(parameter);
        }
    }

    void buildAudits() {
        const int count = 3 + unitCount_ / 60;
        const int held = std::max(1, count * 7 / 10);
        std::vector<CalendarDate> heldDates;
        for (int a = 0; a < held; ++a) {
            heldDates.push_back(dayIn({Model::planYear, 2, 1}, {Model::planYear, 11, 15}));
        }
        std::sort(heldDates.begin(), heldDates.end());
        for (int a = 0; a < count; ++a) {
            EmsAudit audit;
            audit.held = a < held;
            audit.planned = audit.held
                                ? heldDates[static_cast<std::size_t>(a)]
                                : dayIn({Model::planYear + 1, 2, 1}, {Model::planYear + 1, 6, 15});
            audit.templateIndex = a % static_cast<int>(auditTemplates().size());
            const int units = random_.between(1, 3);
            for (int u = 0; u < units; ++u) {
                addOnce(audit.units, randomUnit());
            }
            addOnce(audit.auditors, auditors_[random_.index(auditors_.size())]);
            if (random_.percent(40)) {
                addOnce(audit.auditors, auditors_[random_.index(auditors_.size())]);
            }
            audit.firstFinding = static_cast<int>(ems_.findings.size());
            if (audit.held) {
                audit.findingCount = random_.between(1, 4);
                for (int f = 0; f < audit.findingCount; ++f) {
                    EmsFinding finding;
                    finding.audit = a;
                    finding.number = f + 1;
                    const int draw = random_.between(0, 99);
                    finding.severity = draw < 5    ? FindingSeverity::major
                                       : draw < 35 ? FindingSeverity::minor
                                       : draw < 70 ? FindingSeverity::observation
                                                   : FindingSeverity::opportunity;
                    finding.clause = random_.percent(80)
                                         ? static_cast<int>(random_.index(findingClauses().size()))
                                         : -1;
                    finding.text = static_cast<int>(random_.index(findingTexts().size()));
                    ems_.findings.push_back(finding);
                }
            }
            ems_.audits.push_back(std::move(audit));
        }
    }

    void buildNonconformities() {
        std::vector<EmsNonconformity> raised;
        for (std::size_t f = 0; f < ems_.findings.size(); ++f) {
            const EmsFinding& finding = ems_.findings[f];
            if (finding.severity != FindingSeverity::major &&
                finding.severity != FindingSeverity::minor) {
                continue;
            }
            const EmsAudit& audit = ems_.audits[static_cast<std::size_t>(finding.audit)];
            EmsNonconformity nonconformity;
            nonconformity.source = NonconformitySource::audit;
            nonconformity.finding = static_cast<int>(f);
            nonconformity.unit = audit.units.front();
            nonconformity.raised = audit.planned.addDays(random_.between(2, 10));
            raised.push_back(nonconformity);
        }
        const int others = 2 + unitCount_ / 40;
        for (int n = 0; n < others; ++n) {
            EmsNonconformity nonconformity;
            static constexpr NonconformitySource sources[] = {
                NonconformitySource::complaint, NonconformitySource::monitoring,
                NonconformitySource::incident, NonconformitySource::other};
            nonconformity.source = sources[random_.index(std::size(sources))];
            nonconformity.unit = randomUnit();
            nonconformity.raised = dayIn({Model::planYear, 1, 10}, {Model::planYear, 11, 30});
            raised.push_back(nonconformity);
        }
        for (EmsNonconformity& nonconformity : raised) {
            nonconformity.templateIndex =
                static_cast<int>(random_.index(nonconformityTemplates().size()));
            nonconformity.due = nonconformity.raised.addDays(90);
            nonconformity.closed =
                nonconformity.raised <= CalendarDate{Model::planYear, 9, 30} && random_.percent(75);
            if (nonconformity.closed) {
                // Due within 60 days, done by then, verified within 30: closed by the due date.
                nonconformity.actionDue = nonconformity.raised.addDays(random_.between(20, 60));
                nonconformity.actionCompleted =
                    std::max(nonconformity.raised.addDays(1),
                             nonconformity.actionDue.addDays(-random_.between(0, 10)));
                nonconformity.verified =
                    nonconformity.actionCompleted.addDays(random_.between(7, 30));
            } else {
                nonconformity.due =
                    dayIn({Model::planYear + 1, 1, 31}, {Model::planYear + 1, 6, 30});
                nonconformity.actionDue = nonconformity.due.addDays(-14);
            }
        }
        // The log lists nonconformities in the order they were raised.
        std::vector<std::size_t> order(raised.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return raised[a].raised < raised[b].raised;
        });
        for (const std::size_t i : order) {
            if (raised[i].finding >= 0) {
                ems_.findings[static_cast<std::size_t>(raised[i].finding)].nonconformity =
                    static_cast<int>(ems_.nonconformities.size());
            }
            ems_.nonconformities.push_back(raised[i]);
        }
    }

    Model& model_;
    EmsModel& ems_;
    Random random_;
    std::vector<int> units_;
    int unitCount_ = 0;
    std::vector<int> auditors_;
    std::vector<std::vector<int>> byCouncilGoal_;
    std::vector<std::vector<int>> byTheme_;
    std::vector<int> topObjective_;
    std::vector<std::vector<int>> byThemeObjectives_;
};

} // namespace

void buildEms(Model& model) {
    EmsBuilder(model).build();
}

} // namespace rodtrad::bench
