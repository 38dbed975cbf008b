#pragma once

#include "check/reporter.h"
#include "load/workspace_impl.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rodtrad {

// Where an element with an id lives.
struct Located {
    const Document* doc = nullptr;
    pugi::xml_node node;
    explicit operator bool() const { return doc != nullptr; }
};

// The id spaces of a workspace, built once for the checks (and, later, for rollup). Every
// element that other documents refer to is indexed by id; an id used twice in one space is
// reported as id.duplicate, pointing at both places.
class WorkspaceIndex {
public:
    WorkspaceIndex(const Workspace::Impl& workspace, Reporter& reporter);

    const Workspace::Impl& workspace;
    const Document* organisation = nullptr;

    std::unordered_map<std::string, Located> documents; // by header id
    std::unordered_map<std::string, Located> units;     // organisation units
    std::unordered_map<std::string, Located> councilGoals;
    std::unordered_map<std::string, Located> planGoals; // goals of operational plans
    std::unordered_map<std::string, Located> indicators;
    std::unordered_map<std::string, Located> activities;
    std::unordered_map<std::string, Located> operationalPlans;
    std::unordered_map<std::string, Located> strategicPlans;

    // EMS ids shared across documents.
    std::unordered_map<std::string, Located> obligations;
    std::unordered_map<std::string, Located> controls;
    std::unordered_map<std::string, Located> objectives;
    std::unordered_map<std::string, Located> aspects;
    std::unordered_map<std::string, Located> audits;
    std::unordered_map<std::string, Located> findings;
    std::unordered_map<std::string, Located> nonconformities;

    Located find(const std::unordered_map<std::string, Located>& space, std::string_view id) const;
    // Any goal, council or plan.
    Located goal(std::string_view id) const;
    // The unit owning the goal: the header unit of its document.
    std::string goalOwner(std::string_view goalId) const;
    // The parent unit id of a unit in the organisation tree ("" at the top).
    std::string parentUnit(std::string_view unitId) const;
    bool isAncestorOrSelf(std::string_view ancestor, std::string_view unit) const;

private:
    void add(std::unordered_map<std::string, Located>& space, std::string_view what,
             const Document& doc, pugi::xml_node node, const char* attribute = "id");
    void indexDocument(const Document& doc);
    Reporter& reporter_;
};

} // namespace rodtrad
