#pragma once

#include "calendar_date.h"
#include "xml_writer.h"

#include <span>
#include <string_view>

namespace rodtrad::bench {

// The header every rodtrad document carries (common.xsd HeaderType).
struct DocumentHeader {
    std::string_view id;
    std::string_view title;
    std::string_view unit;
    std::string_view documentNumber;
    std::string_view owner;      // empty: none
    std::string_view approvedBy; // empty: not approved
    CalendarDate approvalDate;
    std::string_view approvalReference;
    bool hasNextReview = false;
    CalendarDate nextReview;
    std::span<const std::string_view> clauses; // ISO 14001:2015 clause numbers
};

void writeHeader(XmlWriter& xml, const DocumentHeader& header);

// The namespaces of the document families.
inline constexpr std::string_view planNamespace = "urn:rodtrad:plan:1";
inline constexpr std::string_view organisationNamespace = "urn:rodtrad:org:1";
inline constexpr std::string_view emsNamespace = "urn:rodtrad:ems:1";

} // namespace rodtrad::bench
