#include "check/checks.h"

#include <array>
#include <string_view>

namespace rodtrad {
namespace {

// Which kinds of body may sit directly under which, in a Swedish municipal group.
bool mayContain(std::string_view parent, std::string_view child) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> allowed{{
        {"municipality", "council"},
        {"municipality", "company"},
        {"council", "executive-board"},
        {"council", "committee"},
        {"council", "company"},
        {"executive-board", "administration"},
        {"executive-board", "unit"},
        {"executive-board", "committee"},
        {"committee", "administration"},
        {"committee", "unit"},
        {"administration", "unit"},
        {"unit", "unit"},
        {"company", "company"},
        {"company", "unit"},
        {"executive-board", "company"},
        {"municipality", "committee"},
        {"municipality", "executive-board"},
    }};
    for (const auto& [p, c] : allowed) {
        if (p == parent && c == child) {
            return true;
        }
    }
    return false;
}

} // namespace

void checkOrganisation(const CheckContext& context) {
    const WorkspaceIndex& index = context.index;
    if (index.organisation == nullptr) {
        if (!index.workspace.documents.empty()) {
            const Document& first = *index.workspace.documents.front();
            context.report.error(first, first.root(), "org.missing",
                                 "the workspace has no organisation document, so no unit "
                                 "reference can be resolved");
        }
        return;
    }
    const Document& org = *index.organisation;
    const pugi::xml_node top = org.root().child("unit");
    if (top && std::string_view(top.attribute("type").value()) != "municipality") {
        context.report.error(org, top, "type", "org.structure",
                             "the top of the organisation must be the municipality (type "
                             "\"municipality\")");
    }
    for (pugi::xpath_node found : org.root().select_nodes(".//unit/unit")) {
        const pugi::xml_node unit = found.node();
        const std::string_view type = unit.attribute("type").value();
        const std::string_view parentType = unit.parent().attribute("type").value();
        if (!mayContain(parentType, type)) {
            context.report.error(org, unit, "type", "org.structure",
                                 "a " + std::string(type) + " cannot sit directly under a " +
                                     std::string(parentType) + " (\"" +
                                     unit.parent().attribute("id").value() + "\")");
        }
    }
    // Every document's owning unit, and the units EMS records name.
    for (const auto& doc : index.workspace.documents) {
        const pugi::xml_node unit = doc->root().child("header").child("unit");
        if (unit && !index.find(index.units, unit.child_value())) {
            context.report.error(*doc, unit, "ref.unit",
                                 "unit \"" + std::string(unit.child_value()) +
                                     "\" is not in the organisation");
        }
    }
}

} // namespace rodtrad
