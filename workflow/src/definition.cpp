#include "rodtrad/workflow/definition.h"

#include "load/schema_set.h"
#include "rodtrad/diagnostic.h"

#include <algorithm>
#include <map>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>

namespace rodtrad {
// Workflow definitions compiled into the binary (workflow/definitions/).
const std::map<std::string_view, std::string_view>& embeddedWorkflowDefinitions();
} // namespace rodtrad

namespace rodtrad::workflow {
namespace {

std::vector<std::string> words(std::string_view text) {
    std::istringstream in{std::string(text)};
    std::vector<std::string> out;
    for (std::string word; in >> word;) {
        out.push_back(word);
    }
    return out;
}

WorkflowDefinition parseDefinition(std::string_view file, std::string_view text) {
    std::vector<Diagnostic> invalid;
    if (!SchemaSet::instance().validate(text, "workflow.xsd",
                                        "workflow/definitions/" + std::string(file), invalid)) {
        throw std::logic_error("invalid workflow definition: " + formatDiagnostic(invalid.front()));
    }
    pugi::xml_document doc;
    doc.load_buffer(text.data(), text.size());
    const pugi::xml_node root = doc.document_element();
    WorkflowDefinition definition;
    definition.kind = root.attribute("kind").value();
    definition.description = root.child_value("description");
    for (pugi::xml_node node : root.children("transition")) {
        Transition transition;
        transition.action = node.attribute("action").value();
        transition.from = words(node.attribute("from").value());
        transition.to = node.attribute("to").value();
        for (const std::string& role : words(node.attribute("roles").value())) {
            transition.roles.push_back(*parseRole(role));
        }
        transition.quorum = node.attribute("quorum").as_int(1);
        transition.notSubmitter = node.attribute("notSubmitter").as_bool();
        transition.commentRequired = node.attribute("commentRequired").as_bool();
        definition.transitions.push_back(std::move(transition));
    }
    return definition;
}

} // namespace

std::optional<Role> parseRole(std::string_view text) {
    if (text == "author") {
        return Role::author;
    }
    if (text == "reviewer") {
        return Role::reviewer;
    }
    if (text == "approver") {
        return Role::approver;
    }
    if (text == "admin") {
        return Role::admin;
    }
    return std::nullopt;
}

std::string_view roleName(Role role) {
    switch (role) {
    case Role::author:
        return "author";
    case Role::reviewer:
        return "reviewer";
    case Role::approver:
        return "approver";
    case Role::admin:
        return "admin";
    }
    return "author";
}

const Transition* WorkflowDefinition::find(std::string_view action, std::string_view state) const {
    for (const Transition& transition : transitions) {
        if (transition.action == action && std::find(transition.from.begin(), transition.from.end(),
                                                     state) != transition.from.end()) {
            return &transition;
        }
    }
    return nullptr;
}

std::vector<std::string> WorkflowDefinition::actionsFrom(std::string_view state) const {
    std::vector<std::string> actions;
    for (const Transition& transition : transitions) {
        if (std::find(transition.from.begin(), transition.from.end(), state) !=
            transition.from.end()) {
            actions.push_back(transition.action);
        }
    }
    return actions;
}

WorkflowCatalogue::WorkflowCatalogue() {
    for (const auto& [file, text] : embeddedWorkflowDefinitions()) {
        definitions_.push_back(parseDefinition(file, text));
    }
}

const WorkflowCatalogue& WorkflowCatalogue::instance() {
    static const WorkflowCatalogue catalogue;
    return catalogue;
}

const WorkflowDefinition* WorkflowCatalogue::forKind(std::string_view kind) const {
    for (const WorkflowDefinition& definition : definitions_) {
        if (definition.kind == kind) {
            return &definition;
        }
    }
    return nullptr;
}

Decision decide(const WorkflowDefinition& definition, const RevisionFacts& revision,
                const Actor& actor, std::string_view action, bool hasComment) {
    Decision decision;
    const Transition* transition = definition.find(action, revision.state);
    if (transition == nullptr) {
        bool known = false;
        for (const Transition& t : definition.transitions) {
            known = known || t.action == action;
        }
        decision.reason = known ? "a document in state " + revision.state +
                                      " cannot take the action " + std::string(action) +
                                      "; possible: "
                                : "there is no action \"" + std::string(action) + "\"; possible: ";
        std::string possible;
        for (const std::string& a : definition.actionsFrom(revision.state)) {
            possible += (possible.empty() ? "" : ", ") + a;
        }
        decision.reason += possible.empty() ? "none" : possible;
        return decision;
    }
    decision.quorum = transition->quorum;
    decision.outcome = Outcome::forbidden;
    if (std::find(transition->roles.begin(), transition->roles.end(), actor.role) ==
        transition->roles.end()) {
        std::string roles;
        for (const Role role : transition->roles) {
            roles += (roles.empty() ? "" : " or ") + std::string(roleName(role));
        }
        decision.reason = std::string(action) + " needs the role " + roles + "; " + actor.user +
                          " is " + std::string(roleName(actor.role));
        return decision;
    }
    if (actor.role != Role::admin && !revision.actorWithinUnit) {
        decision.reason = actor.user + " belongs to unit " + actor.unit +
                          " and may not act on a document of unit " + revision.documentUnit;
        return decision;
    }
    if (transition->notSubmitter && !revision.submittedBy.empty() &&
        revision.submittedBy == actor.user) {
        decision.reason = actor.user + " submitted this revision and may not " +
                          std::string(action) + " it (segregation of duties)";
        return decision;
    }
    if (transition->quorum > 1 && revision.approvals.count(actor.user) != 0) {
        decision.reason =
            actor.user + " has already taken part in " + std::string(action) + " of this revision";
        return decision;
    }
    if (transition->commentRequired && !hasComment) {
        decision.outcome = Outcome::commentRequired;
        decision.reason = std::string(action) + " needs a comment that says why";
        return decision;
    }
    decision.votes = static_cast<int>(revision.approvals.size()) + 1;
    if (decision.votes < transition->quorum) {
        decision.outcome = Outcome::vote;
        decision.next = revision.state;
        return decision;
    }
    decision.outcome = Outcome::done;
    decision.next = transition->to;
    return decision;
}

} // namespace rodtrad::workflow
