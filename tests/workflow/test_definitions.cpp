// The workflow definitions compiled into the service, and the decisions they give for every
// combination of state, role, unit and action that an approval round meets.
#include "rodtrad/document_kind.h"
#include "rodtrad/workflow/definition.h"

#include <gtest/gtest.h>

namespace rodtrad::workflow {
namespace {

const WorkflowDefinition& definitionOf(std::string_view kind) {
    const WorkflowDefinition* definition = WorkflowCatalogue::instance().forKind(kind);
    if (definition == nullptr) {
        throw std::logic_error("no definition for " + std::string(kind));
    }
    return *definition;
}

Actor actor(const std::string& user, Role role, const std::string& unit = "tn") {
    return {user, role, unit};
}

RevisionFacts inState(const std::string& state, const std::string& submittedBy = "anna") {
    RevisionFacts facts;
    facts.state = state;
    facts.submittedBy = submittedBy;
    facts.documentUnit = "tn";
    return facts;
}

} // namespace

TEST(WorkflowDefinitions, EveryDocumentKindHasOne) {
    for (const DocumentKindInfo& info : documentKinds()) {
        const WorkflowDefinition* definition =
            WorkflowCatalogue::instance().forKind(info.rootElement);
        ASSERT_NE(definition, nullptr) << info.rootElement;
        EXPECT_NE(definition->find("submit", "draft"), nullptr) << info.rootElement;
        EXPECT_NE(definition->find("approve", "in_review"), nullptr) << info.rootElement;
        EXPECT_TRUE(definition->find("approve", "in_review")->notSubmitter) << info.rootElement;
    }
    EXPECT_EQ(WorkflowCatalogue::instance().all().size(), documentKinds().size());
    EXPECT_EQ(WorkflowCatalogue::instance().forKind("noSuchKind"), nullptr);
}

TEST(WorkflowDefinitions, CouncilDecisionsNeedTwoApprovers) {
    EXPECT_EQ(definitionOf("strategicPlan").find("approve", "in_review")->quorum, 2);
    EXPECT_EQ(definitionOf("environmentalPolicy").find("approve", "in_review")->quorum, 2);
    EXPECT_EQ(definitionOf("auditReport").find("approve", "in_review")->quorum, 1);
    EXPECT_NE(definitionOf("strategicPlan").find("publish", "approved"), nullptr);
    EXPECT_EQ(definitionOf("auditReport").find("publish", "approved"), nullptr);
}

TEST(WorkflowDecisions, AWholeRoundOfTheStrategicPlan) {
    const WorkflowDefinition& plan = definitionOf("strategicPlan");
    Decision d = decide(plan, inState("draft", ""), actor("anna", Role::author), "submit", false);
    EXPECT_EQ(d.outcome, Outcome::done);
    EXPECT_EQ(d.next, "in_review");

    d = decide(plan, inState("in_review"), actor("rolf", Role::reviewer), "request_changes", false);
    EXPECT_EQ(d.outcome, Outcome::commentRequired) << d.reason;
    d = decide(plan, inState("in_review"), actor("rolf", Role::reviewer), "request_changes", true);
    EXPECT_EQ(d.outcome, Outcome::done);
    EXPECT_EQ(d.next, "changes_requested");

    d = decide(plan, inState("changes_requested"), actor("anna", Role::author), "submit", false);
    EXPECT_EQ(d.next, "in_review");

    RevisionFacts review = inState("in_review");
    d = decide(plan, review, actor("berit", Role::approver), "approve", false);
    EXPECT_EQ(d.outcome, Outcome::vote);
    EXPECT_EQ(d.votes, 1);
    EXPECT_EQ(d.quorum, 2);
    review.approvals.insert("berit");
    d = decide(plan, review, actor("berit", Role::approver), "approve", false);
    EXPECT_EQ(d.outcome, Outcome::forbidden) << "the same approver twice";
    d = decide(plan, review, actor("carl", Role::approver), "approve", false);
    EXPECT_EQ(d.outcome, Outcome::done);
    EXPECT_EQ(d.next, "approved");

    d = decide(plan, inState("approved"), actor("berit", Role::approver), "publish", false);
    EXPECT_EQ(d.next, "published");
    d = decide(plan, inState("published"), actor("admin", Role::admin), "retire", false);
    EXPECT_EQ(d.next, "obsolete");
}

TEST(WorkflowDecisions, RolesThatMayNot) {
    const WorkflowDefinition& log = definitionOf("nonconformityLog");
    const struct {
        Role role;
        const char* state;
        const char* action;
    } forbidden[] = {
        {Role::reviewer, "draft", "submit"},
        {Role::author, "in_review", "approve"},
        {Role::reviewer, "in_review", "approve"},
        {Role::admin, "in_review", "approve"},
        {Role::author, "in_review", "request_changes"},
        {Role::author, "in_review", "reject"},
        {Role::reviewer, "in_review", "reject"},
        {Role::reviewer, "in_review", "withdraw"},
        {Role::approver, "in_review", "withdraw"},
        {Role::author, "approved", "retire"},
        {Role::approver, "approved", "retire"},
    };
    for (const auto& c : forbidden) {
        const Decision d =
            decide(log, inState(c.state), actor("x", c.role), c.action, /*hasComment=*/true);
        EXPECT_EQ(d.outcome, Outcome::forbidden)
            << roleName(c.role) << " " << c.action << " from " << c.state << ": " << d.reason;
        EXPECT_NE(d.reason.find("needs the role"), std::string::npos) << d.reason;
    }
}

TEST(WorkflowDecisions, AuthorsActOnlyForTheirUnitAdminsForAny) {
    const WorkflowDefinition& plan = definitionOf("operationalPlan");
    RevisionFacts other = inState("draft", "");
    other.actorWithinUnit = false;
    other.documentUnit = "bun";
    Decision d = decide(plan, other, actor("anna", Role::author, "tn"), "submit", false);
    EXPECT_EQ(d.outcome, Outcome::forbidden);
    EXPECT_NE(d.reason.find("unit bun"), std::string::npos) << d.reason;
    d = decide(plan, other, actor("root", Role::admin, ""), "submit", false);
    EXPECT_EQ(d.outcome, Outcome::done);
}

TEST(WorkflowDecisions, WhoeverSubmittedMayNotApproveOrReject) {
    const WorkflowDefinition& review = definitionOf("managementReview");
    // A user who is both author of the revision and an approver.
    Decision d = decide(review, inState("in_review", "berit"), actor("berit", Role::approver),
                        "approve", false);
    EXPECT_EQ(d.outcome, Outcome::forbidden);
    EXPECT_NE(d.reason.find("segregation of duties"), std::string::npos) << d.reason;
    d = decide(review, inState("in_review", "berit"), actor("berit", Role::approver), "reject",
               true);
    EXPECT_EQ(d.outcome, Outcome::forbidden);
    d = decide(review, inState("in_review", "anna"), actor("berit", Role::approver), "approve",
               false);
    EXPECT_EQ(d.outcome, Outcome::done);
}

TEST(WorkflowDecisions, IllegalTransitionsSayWhatIsPossible) {
    const WorkflowDefinition& policy = definitionOf("environmentalPolicy");
    Decision d = decide(policy, inState("draft"), actor("berit", Role::approver), "approve", false);
    EXPECT_EQ(d.outcome, Outcome::illegal);
    EXPECT_NE(d.reason.find("possible: submit, withdraw"), std::string::npos) << d.reason;
    d = decide(policy, inState("obsolete"), actor("root", Role::admin), "submit", false);
    EXPECT_EQ(d.outcome, Outcome::illegal);
    EXPECT_NE(d.reason.find("possible: none"), std::string::npos) << d.reason;
    d = decide(policy, inState("draft"), actor("root", Role::admin), "delete", false);
    EXPECT_EQ(d.outcome, Outcome::illegal);
    EXPECT_NE(d.reason.find("no action \"delete\""), std::string::npos) << d.reason;
}

} // namespace rodtrad::workflow
