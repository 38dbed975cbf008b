#include "rodtrad/document_kind.h"

#include <array>

namespace rodtrad {
namespace {

constexpr std::array<DocumentKindInfo, 19> kinds{{
    {DocumentKind::organisation, "organisation", organisationNamespace, "organisation.xsd", false},
    {DocumentKind::strategicPlan, "strategicPlan", planNamespace, "strategic-plan.xsd", false},
    {DocumentKind::operationalPlan, "operationalPlan", planNamespace, "operational-plan.xsd",
     false},
    {DocumentKind::followUp, "followUp", planNamespace, "follow-up.xsd", false},
    {DocumentKind::emsScope, "emsScope", emsNamespace, "ems-scope.xsd", true},
    {DocumentKind::environmentalPolicy, "environmentalPolicy", emsNamespace,
     "environmental-policy.xsd", true},
    {DocumentKind::emsContext, "emsContext", emsNamespace, "ems-context.xsd", true},
    {DocumentKind::aspectsRegister, "aspectsRegister", emsNamespace, "aspects-register.xsd", true},
    {DocumentKind::complianceObligations, "complianceObligations", emsNamespace,
     "compliance-obligations.xsd", true},
    {DocumentKind::objectivesProgramme, "objectivesProgramme", emsNamespace,
     "objectives-programme.xsd", true},
    {DocumentKind::operationalControls, "operationalControls", emsNamespace,
     "operational-controls.xsd", true},
    {DocumentKind::emergencyPreparedness, "emergencyPreparedness", emsNamespace,
     "emergency-preparedness.xsd", true},
    {DocumentKind::monitoringResults, "monitoringResults", emsNamespace, "monitoring-results.xsd",
     true},
    {DocumentKind::auditProgramme, "auditProgramme", emsNamespace, "audit-programme.xsd", true},
    {DocumentKind::auditReport, "auditReport", emsNamespace, "audit-report.xsd", true},
    {DocumentKind::nonconformityLog, "nonconformityLog", emsNamespace, "nonconformity-log.xsd",
     true},
    {DocumentKind::managementReview, "managementReview", emsNamespace, "management-review.xsd",
     true},
    {DocumentKind::competenceRecords, "competenceRecords", emsNamespace, "competence-records.xsd",
     true},
    {DocumentKind::communicationLog, "communicationLog", emsNamespace, "communication-log.xsd",
     true},
}};

} // namespace

std::span<const DocumentKindInfo> documentKinds() {
    return kinds;
}

const DocumentKindInfo& kindInfo(DocumentKind kind) {
    return kinds[static_cast<std::size_t>(kind)];
}

std::optional<DocumentKind> kindFromRoot(std::string_view namespaceUri,
                                         std::string_view localName) {
    for (const auto& info : kinds) {
        if (info.rootElement == localName && info.namespaceUri == namespaceUri) {
            return info.kind;
        }
    }
    return std::nullopt;
}

} // namespace rodtrad
