#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rodtrad {

// Every document kind a workspace can hold. The root element's local name and namespace
// decide the kind; each kind has one schema.
enum class DocumentKind {
    organisation,
    strategicPlan,
    operationalPlan,
    followUp,
    emsScope,
    environmentalPolicy,
    emsContext,
    aspectsRegister,
    complianceObligations,
    objectivesProgramme,
    operationalControls,
    emergencyPreparedness,
    monitoringResults,
    auditProgramme,
    auditReport,
    nonconformityLog,
    managementReview,
    competenceRecords,
    communicationLog,
};

struct DocumentKindInfo {
    DocumentKind kind;
    std::string_view rootElement; // local name of the root element
    std::string_view namespaceUri;
    std::string_view schemaFile; // in schemas/
    bool ems;                    // part of the ISO 14001 record set
};

inline constexpr std::string_view organisationNamespace = "urn:rodtrad:org:1";
inline constexpr std::string_view planNamespace = "urn:rodtrad:plan:1";
inline constexpr std::string_view emsNamespace = "urn:rodtrad:ems:1";

std::span<const DocumentKindInfo> documentKinds();
const DocumentKindInfo& kindInfo(DocumentKind kind);
std::optional<DocumentKind> kindFromRoot(std::string_view namespaceUri, std::string_view localName);

} // namespace rodtrad
