#include "check/index.h"

namespace rodtrad {

WorkspaceIndex::WorkspaceIndex(const Workspace::Impl& ws, Reporter& reporter)
    : workspace(ws), reporter_(reporter) {
    for (const auto& doc : ws.documents) {
        indexDocument(*doc);
    }
    // Council goals and plan goals share one id space: a parent reference must be unambiguous.
    for (const auto& [id, at] : planGoals) {
        if (const Located council = find(councilGoals, id)) {
            const SourcePosition where = council.doc->position(council.node);
            reporter_.error(*at.doc, at.node, "id", "id.duplicate",
                            "goal id \"" + id + "\" is already used by a council goal at " +
                                council.doc->path + ":" + std::to_string(where.line));
        }
    }
}

void WorkspaceIndex::add(std::unordered_map<std::string, Located>& space, std::string_view what,
                         const Document& doc, pugi::xml_node node, const char* attribute) {
    const std::string id = node.attribute(attribute).value();
    if (id.empty()) {
        return;
    }
    const auto [it, inserted] = space.try_emplace(id, Located{&doc, node});
    if (!inserted) {
        const Located& first = it->second;
        const SourcePosition at = first.doc->position(first.node);
        reporter_.error(doc, node, attribute, "id.duplicate",
                        std::string(what) + " id \"" + id + "\" is already used at " +
                            first.doc->path + ":" + std::to_string(at.line));
    }
}

void WorkspaceIndex::indexDocument(const Document& doc) {
    const pugi::xml_node root = doc.root();
    const pugi::xml_node header = root.child("header");
    if (const pugi::xml_node id = header.child("id"); id) {
        const std::string value = id.child_value();
        const auto [it, inserted] = documents.try_emplace(value, Located{&doc, root});
        if (!inserted) {
            reporter_.error(doc, id, "id.duplicate",
                            "document id \"" + value + "\" is already used by " +
                                it->second.doc->path);
        }
    }
    switch (doc.kind) {
    case DocumentKind::organisation:
        if (organisation == nullptr) {
            organisation = &doc;
            for (pugi::xpath_node unit : root.select_nodes(".//unit")) {
                add(units, "unit", doc, unit.node());
            }
        } else {
            reporter_.error(doc, root, "org.multiple",
                            "a workspace has one organisation document; the first is " +
                                organisation->path);
        }
        break;
    case DocumentKind::strategicPlan:
        strategicPlans.try_emplace(doc.id(), Located{&doc, root});
        for (pugi::xml_node perspective : root.children("perspective")) {
            for (pugi::xml_node goal : perspective.children("councilGoal")) {
                add(councilGoals, "goal", doc, goal);
                for (pugi::xml_node indicator : goal.children("indicator")) {
                    add(indicators, "indicator", doc, indicator);
                }
            }
        }
        break;
    case DocumentKind::operationalPlan:
        operationalPlans.try_emplace(doc.id(), Located{&doc, root});
        for (pugi::xml_node goal : root.children("goal")) {
            add(planGoals, "goal", doc, goal);
            for (pugi::xml_node indicator : goal.children("indicator")) {
                add(indicators, "indicator", doc, indicator);
            }
            for (pugi::xml_node activity : goal.children("activity")) {
                add(activities, "activity", doc, activity);
            }
        }
        break;
    case DocumentKind::complianceObligations:
        for (pugi::xml_node node : root.children("obligation")) {
            add(obligations, "obligation", doc, node);
        }
        break;
    case DocumentKind::operationalControls:
        for (pugi::xml_node node : root.children("control")) {
            add(controls, "control", doc, node);
        }
        break;
    case DocumentKind::objectivesProgramme:
        for (pugi::xml_node node : root.children("objective")) {
            add(objectives, "objective", doc, node);
        }
        break;
    case DocumentKind::aspectsRegister:
        for (pugi::xml_node node : root.children("aspect")) {
            add(aspects, "aspect", doc, node);
        }
        break;
    case DocumentKind::auditProgramme:
        for (pugi::xml_node node : root.children("audit")) {
            add(audits, "audit", doc, node);
        }
        break;
    case DocumentKind::auditReport:
        for (pugi::xml_node node : root.children("finding")) {
            add(findings, "finding", doc, node);
        }
        break;
    case DocumentKind::nonconformityLog:
        for (pugi::xml_node node : root.children("nonconformity")) {
            add(nonconformities, "nonconformity", doc, node);
        }
        break;
    default:
        break;
    }
}

Located WorkspaceIndex::find(const std::unordered_map<std::string, Located>& space,
                             std::string_view id) const {
    const auto it = space.find(std::string(id));
    return it == space.end() ? Located{} : it->second;
}

Located WorkspaceIndex::goal(std::string_view id) const {
    if (Located council = find(councilGoals, id)) {
        return council;
    }
    return find(planGoals, id);
}

std::string WorkspaceIndex::goalOwner(std::string_view goalId) const {
    const Located at = goal(goalId);
    return at ? at.doc->root().child("header").child_value("unit") : std::string();
}

std::string WorkspaceIndex::parentUnit(std::string_view unitId) const {
    const Located at = find(units, unitId);
    if (!at) {
        return {};
    }
    const pugi::xml_node parent = at.node.parent();
    return std::string_view(parent.name()) == "unit" ? parent.attribute("id").value() : "";
}

bool WorkspaceIndex::isAncestorOrSelf(std::string_view ancestor, std::string_view unit) const {
    Located at = find(units, unit);
    if (!at) {
        return false;
    }
    for (pugi::xml_node node = at.node; std::string_view(node.name()) == "unit";
         node = node.parent()) {
        if (ancestor == node.attribute("id").value()) {
            return true;
        }
    }
    return false;
}

} // namespace rodtrad
