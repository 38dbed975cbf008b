#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad::workflow {

enum class Role { author, reviewer, approver, admin };

std::optional<Role> parseRole(std::string_view text);
std::string_view roleName(Role role);

// One transition of a workflow definition (schemas/workflow.xsd).
struct Transition {
    std::string action;
    std::vector<std::string> from;
    std::string to;
    std::vector<Role> roles;
    int quorum = 1;
    bool notSubmitter = false; // segregation of duties
    bool commentRequired = false;
};

// How documents of one kind move through their states.
class WorkflowDefinition {
public:
    std::string kind;
    std::string description;
    std::vector<Transition> transitions;

    // The transition the action takes from the state, or nullptr if there is none.
    const Transition* find(std::string_view action, std::string_view state) const;
    // The actions possible from a state, in definition order.
    std::vector<std::string> actionsFrom(std::string_view state) const;
};

// The definitions compiled into the binary (workflow/definitions/), each validated against
// schemas/workflow.xsd when first used. Throws std::logic_error if one is invalid.
class WorkflowCatalogue {
public:
    static const WorkflowCatalogue& instance();
    // nullptr for a kind without a definition.
    const WorkflowDefinition* forKind(std::string_view kind) const;
    const std::vector<WorkflowDefinition>& all() const { return definitions_; }

private:
    WorkflowCatalogue();
    std::vector<WorkflowDefinition> definitions_;
};

// Who acts.
struct Actor {
    std::string user;
    Role role = Role::author;
    std::string unit; // empty: not bound to a unit
};

// What the decision needs to know about the revision acted on.
struct RevisionFacts {
    std::string state;
    std::string submittedBy;         // the user who submitted this revision, if it was
    std::string documentUnit;        // the owning unit
    std::set<std::string> approvals; // users who already took a quorum action on it
    bool actorWithinUnit = true;     // the actor's unit is the document's unit or above it
};

enum class Outcome {
    done,            // the transition takes effect
    vote,            // recorded; the quorum is not reached yet
    illegal,         // no such transition from this state (HTTP 409)
    forbidden,       // role, unit or segregation of duties (HTTP 403)
    commentRequired, // the transition needs a comment (HTTP 422)
};

struct Decision {
    Outcome outcome = Outcome::illegal;
    std::string reason; // why not, in words, for the refusal and the audit trail
    std::string next;   // the state after (done)
    int votes = 0;      // quorum actions after this one
    int quorum = 1;
};

// Decides whether the actor may take the action on the revision, by the definition alone: no
// store, no clock. An admin may act for any unit; everyone else only within their unit.
Decision decide(const WorkflowDefinition& definition, const RevisionFacts& revision,
                const Actor& actor, std::string_view action, bool hasComment);

} // namespace rodtrad::workflow
