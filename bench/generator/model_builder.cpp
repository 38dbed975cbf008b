#include "model_builder.h"

#include "random.h"

#include <algorithm>
#include <map>
#include <set>

namespace rodtrad::bench {
namespace {

// Random streams by purpose, so that adding draws to one part leaves the others unchanged.
constexpr std::uint64_t organisationStream = 1;
constexpr std::uint64_t goalStream = 3;

std::string fill(std::string_view pattern, std::string_view value) {
    std::string result;
    const std::size_t at = pattern.find("{}");
    if (at == std::string_view::npos) {
        result = pattern;
        return result;
    }
    result.reserve(pattern.size() + value.size());
    result.append(pattern.substr(0, at)).append(value).append(pattern.substr(at + 2));
    return result;
}

int digitsOf(int value) {
    int digits = 1;
    for (; value >= 10; value /= 10) {
        ++digits;
    }
    return digits;
}

class ModelBuilder {
public:
    ModelBuilder(Scale scale, std::uint64_t seed)
        : parameters_(parametersFor(scale)), random_(Random::stream(seed, organisationStream, 0)),
          goalRandom_(Random::stream(seed, goalStream, 0)) {
        model_.scale = scale;
        model_.seed = seed;
        model_.unitIdWidth = std::max(3, digitsOf(parameters_.organisationUnits));
    }

    Model build() {
        buildOrganisation();
        buildCouncilGoals();
        for (std::size_t plan = 0; plan < model_.plans.size(); ++plan) {
            buildPlanGoals(static_cast<int>(plan));
        }
        buildBudgets();
        buildEms(model_);
        return std::move(model_);
    }

private:
    int addNode(OrgType type, int parent, std::string id, std::string name, int domain) {
        OrgNode node;
        node.type = type;
        node.parent = parent;
        node.id = std::move(id);
        node.name = std::move(name);
        node.domain = domain;
        const int index = static_cast<int>(model_.nodes.size());
        if (parent >= 0) {
            model_.nodes[static_cast<std::size_t>(parent)].children.push_back(index);
        }
        model_.nodes.push_back(std::move(node));
        return index;
    }

    OrgNode& node(int index) { return model_.nodes[static_cast<std::size_t>(index)]; }

    std::string personName(Random& random) {
        std::string name(random.pick(firstNames()));
        name += ' ';
        name += random.pick(lastNames());
        return name;
    }

    std::string uniqueName(std::string name) {
        const int seen = ++namesSeen_[name];
        if (seen > 1) {
            name += ' ';
            name += std::to_string(seen);
        }
        return name;
    }

    void buildOrganisation() {
        const int municipality =
            addNode(OrgType::municipality, -1, "kommunen", "Ekbacka kommun", 0);
        model_.councilNode = addNode(OrgType::council, municipality, "kf", "Kommunfullmäktige", 0);
        model_.executiveBoardNode =
            addNode(OrgType::executiveBoard, model_.councilNode, "ks", "Kommunstyrelsen", 0);
        node(model_.executiveBoardNode).manager = personName(random_);
        std::vector<int> bodies{model_.executiveBoardNode};
        const int committees =
            std::min(parameters_.committees, static_cast<int>(domains().size()) - 1);
        for (int c = 1; c <= committees; ++c) {
            const Domain& domain = domains()[static_cast<std::size_t>(c)];
            const int committee = addNode(OrgType::committee, model_.councilNode,
                                          std::string(domain.id), std::string(domain.name), c);
            node(committee).manager = personName(random_);
            bodies.push_back(committee);
        }
        buildCompanies();

        std::vector<int> administrations;
        static constexpr std::string_view areas[] = {"norr",   "söder",   "öster",
                                                     "väster", "centrum", "mitt"};
        for (const int body : bodies) {
            node(body).body = body;
            const int count = 1 + static_cast<int>(random_.below(
                                      static_cast<std::uint64_t>(parameters_.maxAdministrations)));
            const Domain& domain = domains()[static_cast<std::size_t>(node(body).domain)];
            for (int k = 0; k < count; ++k) {
                std::string id = node(body).id + "-forv";
                std::string name(domain.administration);
                if (k > 0) {
                    id += std::to_string(k + 1);
                }
                if (count > 1) {
                    name += ", område ";
                    name += areas[static_cast<std::size_t>(k) % std::size(areas)];
                }
                const int administration = addNode(OrgType::administration, body, std::move(id),
                                                   std::move(name), node(body).domain);
                node(administration).body = body;
                node(administration).manager = personName(random_);
                administrations.push_back(administration);
            }
        }

        const int remaining =
            std::max(static_cast<int>(administrations.size()),
                     parameters_.organisationUnits - static_cast<int>(model_.nodes.size()));
        std::vector<int> weights;
        int total = 0;
        for (std::size_t a = 0; a < administrations.size(); ++a) {
            weights.push_back(random_.between(2, 6));
            total += weights.back();
        }
        std::vector<int> counts;
        int placed = 0;
        for (const int weight : weights) {
            counts.push_back(std::max(1, remaining * weight / total));
            placed += counts.back();
        }
        for (std::size_t a = 0; placed < remaining; a = (a + 1) % counts.size(), ++placed) {
            ++counts[a];
        }
        for (std::size_t a = 0; a < administrations.size(); ++a) {
            buildUnits(administrations[a], counts[a]);
        }

        for (std::size_t n = 0; n < model_.nodes.size(); ++n) {
            const OrgType type = model_.nodes[n].type;
            if (type == OrgType::executiveBoard || type == OrgType::committee ||
                type == OrgType::unit || type == OrgType::company) {
                Plan plan;
                plan.node = static_cast<int>(n);
                model_.nodes[n].plan = static_cast<int>(model_.plans.size());
                model_.plans.push_back(plan);
            }
        }
    }

    // With more than three companies the group has a parent company (stadshusbolag),
    // companyNames()[0], that owns the others; company ids follow the names' order.
    void buildCompanies() {
        const int count = std::min(parameters_.companies, static_cast<int>(companyNames().size()));
        int parent = model_.councilNode;
        if (count > 3) {
            parent = addCompany(0, parent);
        }
        const int last = count > 3 ? count - 1 : count;
        for (int k = 1; k <= last; ++k) {
            addCompany(k, parent);
        }
    }

    int addCompany(int nameIndex, int parent) {
        std::string id = nameIndex + 1 < 10 ? "bolag-0" : "bolag-";
        id += std::to_string(nameIndex + 1);
        const int company =
            addNode(OrgType::company, parent, std::move(id),
                    std::string(companyNames()[static_cast<std::size_t>(nameIndex)]), 0);
        node(company).body = company;
        node(company).manager = personName(random_);
        if (parent != model_.councilNode) {
            node(company).planParent = parent;
        }
        return company;
    }

    void buildUnits(int administration, int count) {
        const int body = node(administration).body;
        const int domainIndex = node(administration).domain;
        const Domain& domain = domains()[static_cast<std::size_t>(domainIndex)];
        std::vector<int> local;
        for (int i = 0; i < count; ++i) {
            int parent = administration;
            if (i > 0 && parameters_.nestPercent > 0 && random_.percent(parameters_.nestPercent)) {
                const int candidate = local[random_.index(local.size())];
                if (node(candidate).depth <= parameters_.maxNestDepth) {
                    parent = candidate;
                }
            }
            ++unitCounter_;
            std::string id(domain.id);
            id += "-e";
            const std::string number = std::to_string(unitCounter_);
            id.append(static_cast<std::size_t>(
                          std::max(0, model_.unitIdWidth - static_cast<int>(number.size()))),
                      '0');
            id += number;
            std::string name;
            const bool nested = parent != administration;
            if (nested) {
                int top = parent;
                while (node(top).depth > 1) {
                    top = node(top).parent;
                }
                name = std::string(random_.pick(subunitKinds())) + " " +
                       std::string(random_.pick(subunitNames())) + ", " + node(top).name;
            } else {
                name = fill(random_.pick(domain.unitPatterns), random_.pick(places()));
            }
            const int unit = addNode(OrgType::unit, parent, std::move(id),
                                     uniqueName(std::move(name)), domainIndex);
            OrgNode& created = node(unit);
            created.body = body;
            created.depth = nested ? node(parent).depth + 1 : 1;
            created.planParent = nested ? parent : body;
            if (random_.percent(85)) {
                created.manager = personName(random_);
            }
            if (!nested && !domain.koladaOuPrefix.empty()) {
                created.koladaOu = std::string(domain.koladaOuPrefix) + "0199";
                const std::string serial = std::to_string(unitCounter_);
                created.koladaOu.append(5 - std::min<std::size_t>(5, serial.size()), '0');
                created.koladaOu += serial;
            }
            local.push_back(unit);
        }
    }

    void buildCouncilGoals() {
        std::vector<int> themeOfGoal;
        for (int k = 0; k < parameters_.councilGoals; ++k) {
            themeOfGoal.push_back(
                councilThemeOrder()[static_cast<std::size_t>(k) % councilThemeOrder().size()]);
        }
        // The strategic plan lists its goals perspective by perspective, numbered in that order.
        std::stable_sort(themeOfGoal.begin(), themeOfGoal.end(), [](int a, int b) {
            return themes()[static_cast<std::size_t>(a)].perspective <
                   themes()[static_cast<std::size_t>(b)].perspective;
        });
        // A Kolada KPI is given to the first council indicator of its kind only.
        std::set<std::pair<int, int>> koladaUsed;
        for (int k = 0; k < parameters_.councilGoals; ++k) {
            Goal goal;
            goal.number = k + 1;
            goal.councilGoal = k;
            goal.theme = themeOfGoal[static_cast<std::size_t>(k)];
            goal.rule = k % 7 == 3    ? RuleChoice::weighted
                        : k % 11 == 5 ? RuleChoice::worstOf
                                      : RuleChoice::byDefault;
            model_.goals.push_back(goal);
            const int index = static_cast<int>(model_.goals.size()) - 1;
            const Theme& theme = themes()[static_cast<std::size_t>(goal.theme)];
            const int count = goalRandom_.percent(40) ? 3 : 2;
            chooseDistinct(static_cast<int>(theme.indicators.size()), count);
            model_.goals.back().firstIndicator = static_cast<int>(model_.indicators.size());
            for (int i = 0; i < count && i < static_cast<int>(scratch_.size()); ++i) {
                const int templateIndex = scratch_[static_cast<std::size_t>(i)];
                const bool kolada =
                    !theme.indicators[static_cast<std::size_t>(templateIndex)].kolada.empty() &&
                    koladaUsed.insert({goal.theme, templateIndex}).second;
                addIndicator(index, i + 1, templateIndex, kolada);
            }
        }
        model_.councilGoalCount = static_cast<int>(model_.goals.size());
    }

    // Leaves `count` distinct values of [0, size) at the front of scratch_ (all of them if
    // count exceeds size).
    void chooseDistinct(int size, int count) {
        scratch_.clear();
        for (int i = 0; i < size; ++i) {
            scratch_.push_back(i);
        }
        for (int i = 0; i < count && i < size; ++i) {
            const int j = goalRandom_.between(i, size - 1);
            std::swap(scratch_[static_cast<std::size_t>(i)], scratch_[static_cast<std::size_t>(j)]);
        }
    }

    void addIndicator(int goal, int number, int templateIndex, bool kolada) {
        const Goal& owner = model_.goals[static_cast<std::size_t>(goal)];
        const IndicatorTemplate& pattern = themes()[static_cast<std::size_t>(owner.theme)]
                                               .indicators[static_cast<std::size_t>(templateIndex)];
        Indicator indicator;
        indicator.goal = goal;
        indicator.number = number;
        indicator.templateIndex = templateIndex;
        indicator.kolada = kolada;
        indicator.level = goalRandom_.between64(pattern.low, pattern.high);
        const std::int64_t span = (pattern.high - pattern.low) / 30;
        indicator.trend = goalRandom_.between64(-span, span);
        if (owner.rule == RuleChoice::weighted) {
            indicator.weightTenths = goalRandom_.between(5, 30);
        }
        model_.indicators.push_back(indicator);
        ++model_.goals[static_cast<std::size_t>(goal)].indicatorCount;
    }

    void buildPlanGoals(int planIndex) {
        Plan& plan = model_.plans[static_cast<std::size_t>(planIndex)];
        const OrgNode& owner = node(plan.node);
        int firstCandidate = 0;
        int candidateCount = model_.councilGoalCount;
        const bool breaksDownCouncil = owner.planParent < 0;
        if (!breaksDownCouncil) {
            const Plan& above = model_.plans[static_cast<std::size_t>(node(owner.planParent).plan)];
            firstCandidate = above.firstGoal;
            candidateCount = above.goalCount;
        }
        const int count = goalRandom_.between(parameters_.minGoals, parameters_.maxGoals);
        chooseDistinct(candidateCount, count);
        parents_.assign(scratch_.begin(), scratch_.end());
        plan.firstGoal = static_cast<int>(model_.goals.size());
        plan.goalCount = count;
        plan.riskCount = goalRandom_.between(1, 3);
        for (int g = 0; g < count; ++g) {
            int parent = firstCandidate + parents_[static_cast<std::size_t>(g % candidateCount)];
            if (!breaksDownCouncil && goalRandom_.percent(8)) {
                parent = goalRandom_.between(0, model_.councilGoalCount - 1);
            }
            const Goal& parentGoal = model_.goals[static_cast<std::size_t>(parent)];
            Goal goal;
            goal.plan = planIndex;
            goal.number = g + 1;
            goal.parent = parent;
            goal.councilGoal = parentGoal.councilGoal;
            goal.theme = parentGoal.theme;
            goal.rule = goalRandom_.percent(8)   ? RuleChoice::weighted
                        : goalRandom_.percent(4) ? RuleChoice::worstOf
                                                 : RuleChoice::byDefault;
            goal.firstIndicator = static_cast<int>(model_.indicators.size());
            model_.goals.push_back(goal);
            const int index = static_cast<int>(model_.goals.size()) - 1;
            const int own =
                goalRandom_.between(parameters_.minIndicators, parameters_.maxIndicators);
            const int templates =
                static_cast<int>(themes()[static_cast<std::size_t>(goal.theme)].indicators.size());
            for (int i = 0; i < own; ++i) {
                addIndicator(index, i + 1, goalRandom_.between(0, templates - 1), false);
            }
            addReferences(index, own == 0 ? 1 : 0);
            addActivities(index);
        }
    }

    // Inherited indicators, drawn from the goals the new goal breaks down, near or far.
    void addReferences(int goalIndex, int atLeast) {
        inherited_.clear();
        for (int above = model_.goals[static_cast<std::size_t>(goalIndex)].parent; above >= 0;
             above = model_.goals[static_cast<std::size_t>(above)].parent) {
            const Goal& at = model_.goals[static_cast<std::size_t>(above)];
            for (int i = 0; i < at.indicatorCount; ++i) {
                inherited_.push_back(at.firstIndicator + i);
            }
        }
        const int wanted = std::max(atLeast, goalRandom_.between(0, parameters_.maxRefs));
        Goal& goal = model_.goals[static_cast<std::size_t>(goalIndex)];
        goal.firstRef = static_cast<int>(model_.refs.size());
        for (int r = 0; r < wanted && r < static_cast<int>(inherited_.size()); ++r) {
            const int j = goalRandom_.between(r, static_cast<int>(inherited_.size()) - 1);
            std::swap(inherited_[static_cast<std::size_t>(r)],
                      inherited_[static_cast<std::size_t>(j)]);
            IndicatorRef ref;
            ref.indicator = inherited_[static_cast<std::size_t>(r)];
            if (goal.rule == RuleChoice::weighted) {
                ref.weightTenths = goalRandom_.between(5, 30);
            }
            model_.refs.push_back(ref);
            ++goal.refCount;
        }
    }

    void addActivities(int goalIndex) {
        Goal& goal = model_.goals[static_cast<std::size_t>(goalIndex)];
        goal.firstActivity = static_cast<int>(model_.activities.size());
        goal.activityCount =
            goalRandom_.between(parameters_.minActivities, parameters_.maxActivities);
        for (int a = 0; a < goal.activityCount; ++a) {
            Activity activity;
            activity.goal = goalIndex;
            activity.number = a + 1;
            const int month = goalRandom_.between(2, 12);
            activity.due = {Model::planYear, month,
                            goalRandom_.percent(60) ? daysInMonth(Model::planYear, month) : 15};
            const int draw = goalRandom_.between(0, 99);
            activity.status = draw < 35   ? ActivityStatus::planned
                              : draw < 80 ? ActivityStatus::ongoing
                              : draw < 90 ? ActivityStatus::completed
                              : draw < 97 ? ActivityStatus::delayed
                                          : ActivityStatus::cancelled;
            model_.activities.push_back(activity);
        }
    }

    // Each plan's frame is its own cost plus the frames of the plans that break it down, so
    // the committees' frames in the strategic plan add up.
    void buildBudgets() {
        for (Plan& plan : model_.plans) {
            const OrgType type = node(plan.node).type;
            std::int64_t costs = type == OrgType::unit      ? random_.between(3000, 60000)
                                 : type == OrgType::company ? random_.between(20000, 400000)
                                                            : random_.between(2000, 20000);
            for (std::size_t y = 0; y < plan.costs.size(); ++y) {
                plan.costs[y] = costs;
                costs = costs * (1000 + random_.between(10, 45)) / 1000;
            }
            const int share =
                type == OrgType::company ? random_.between(1020, 1100) : random_.between(50, 400);
            for (std::size_t y = 0; y < plan.costs.size(); ++y) {
                plan.revenues[y] = plan.costs[y] * share / 1000;
            }
        }
        for (std::size_t p = model_.plans.size(); p-- > 0;) {
            const Plan& plan = model_.plans[p];
            const int above = node(plan.node).planParent;
            if (above < 0) {
                continue;
            }
            Plan& target = model_.plans[static_cast<std::size_t>(node(above).plan)];
            for (std::size_t y = 0; y < plan.costs.size(); ++y) {
                target.costs[y] += plan.costs[y];
                target.revenues[y] += plan.revenues[y];
            }
        }
    }

    ScaleParameters parameters_;
    Random random_;
    Random goalRandom_;
    Model model_;
    int unitCounter_ = 0;
    std::map<std::string, int> namesSeen_;
    std::vector<int> scratch_;
    std::vector<int> parents_;
    std::vector<int> inherited_;
};

} // namespace

Model buildModel(Scale scale, std::uint64_t seed) {
    return ModelBuilder(scale, seed).build();
}

} // namespace rodtrad::bench
