#include "check/plan_model.h"

namespace rodtrad {

std::vector<pugi::xml_node> planGoals(pugi::xml_node plan) {
    std::vector<pugi::xml_node> goals;
    for (pugi::xml_node goal : plan.children("goal")) {
        goals.push_back(goal);
    }
    for (pugi::xml_node perspective : plan.children("perspective")) {
        for (pugi::xml_node goal : perspective.children("councilGoal")) {
            goals.push_back(goal);
        }
    }
    return goals;
}

std::set<std::string> planIndicators(pugi::xml_node plan) {
    std::set<std::string> ids;
    for (pugi::xml_node goal : planGoals(plan)) {
        for (pugi::xml_node indicator : goal.children("indicator")) {
            ids.insert(indicator.attribute("id").value());
        }
        for (pugi::xml_node ref : goal.children("indicatorRef")) {
            ids.insert(ref.attribute("ref").value());
        }
    }
    return ids;
}

pugi::xml_node owningGoal(const Located& indicator) {
    return indicator ? indicator.node.parent() : pugi::xml_node();
}

bool goalChainContains(const WorkspaceIndex& index, std::string_view goalId,
                       std::string_view ancestorId) {
    std::string current(goalId);
    // A chain longer than the number of goals has a cycle.
    const std::size_t bound = index.planGoals.size() + index.councilGoals.size() + 1;
    for (std::size_t step = 0; step <= bound && !current.empty(); ++step) {
        if (current == ancestorId) {
            return true;
        }
        const Located at = index.find(index.planGoals, current);
        if (!at) {
            return false;
        }
        current = at.node.attribute("parent").value();
    }
    return false;
}

bool goalChainComplete(const WorkspaceIndex& index, std::string_view goalId) {
    std::string current(goalId);
    for (std::size_t step = 0; step <= index.planGoals.size(); ++step) {
        if (index.find(index.councilGoals, current)) {
            return true;
        }
        const Located at = index.find(index.planGoals, current);
        if (!at) {
            return false;
        }
        current = at.node.attribute("parent").value();
    }
    return false;
}

std::set<std::string> scaleLevels(pugi::xml_node plan) {
    std::set<std::string> ids;
    const pugi::xml_node scale = plan.child("assessment").child("scale");
    for (pugi::xml_node level : scale.children("level")) {
        ids.insert(level.attribute("id").value());
    }
    ids.insert(scale.child("notAssessable").attribute("id").value());
    return ids;
}

} // namespace rodtrad
