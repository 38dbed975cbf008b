#pragma once

#include <span>
#include <string_view>

namespace rodtrad::bench {

// The fixed material of the EMS records (miljöledningssystemet), as vocabulary.h is for the
// planning documents. Indices between the lists (an aspect's control, a need's obligation)
// tie the records together the way a real register would.

struct AspectTemplate {
    std::string_view activity;
    std::string_view aspect;
    std::string_view impact;
    std::string_view lifecycle;
    std::string_view condition;
    std::string_view influence;
    int control;  // in controlTemplates()
    int scenario; // in scenarioTemplates(), or -1
    int theme;    // the environmental theme (vocabulary.h) its objectives belong to
};

struct ObligationTemplate {
    std::string_view title;
    std::string_view source;
    std::string_view url; // empty: none
    std::string_view requirement;
    std::string_view kind; // legal, permit, agreement, voluntary
    int intervalMonths;
};

struct ControlTemplate {
    std::string_view title;
    std::string_view procedure;
    std::string_view criteria;
    std::string_view role;
};

struct ScenarioTemplate {
    std::string_view title;
    std::string_view response;
    std::string_view role;
    std::string_view drillOutcome;
    std::string_view lessons;
};

struct ParameterTemplate {
    std::string_view name; // "{}" stands for a unit name
    std::string_view measure;
    std::string_view method;
    std::string_view equipment; // "{}" stands for a unit name
    int theme;
    int decimals;
    long low, high; // monthly value range, in units of 10^-decimals
};

struct IssueTemplate {
    std::string_view category;
    std::string_view scope;
    std::string_view description;
    std::string_view effectKind;
    std::string_view effect;
};

struct PartyTemplate {
    std::string_view name;
    std::span<const std::string_view> needs;
    int obligation; // the obligation template its first need became, or -1
};

struct RoleTemplate {
    std::string_view id;
    std::string_view title;
    std::span<const std::string_view> requirements;
};

struct TrainingTemplate {
    std::string_view title;
    std::string_view provider;
};

struct CommunicationTemplate {
    std::string_view party;
    std::string_view topic;
    std::string_view summary;
    std::string_view response; // empty: none
    std::string_view kind;
    std::string_view direction;
    std::string_view channel;
};

struct NonconformityTemplate {
    std::string_view description;
    std::string_view rootCause;
    std::string_view correction;
    std::string_view action;
    std::string_view clause;
};

struct AuditTemplate {
    std::string_view scope;
    std::span<const std::string_view> clauses;
};

struct ReviewInputTemplate {
    std::string_view kind;
    std::string_view summary;
};

struct ReviewOutputTemplate {
    std::string_view kind;
    std::string_view text;
};

std::span<const AspectTemplate> aspectTemplates();
std::span<const ObligationTemplate> obligationTemplates();
std::span<const ControlTemplate> controlTemplates();
std::span<const ScenarioTemplate> scenarioTemplates();
std::span<const ParameterTemplate> parameterTemplates();
std::span<const IssueTemplate> issueTemplates();
std::span<const PartyTemplate> partyTemplates();
std::span<const RoleTemplate> roleTemplates();
std::span<const TrainingTemplate> trainingTemplates();
std::span<const CommunicationTemplate> communicationTemplates();
std::span<const NonconformityTemplate> nonconformityTemplates();
std::span<const AuditTemplate> auditTemplates();
std::span<const ReviewInputTemplate> reviewInputs();
std::span<const ReviewOutputTemplate> reviewOutputs();
// ISO 14001:2015 clauses a finding is written against.
std::span<const std::string_view> findingClauses();
std::span<const std::string_view> findingTexts();

} // namespace rodtrad::bench
