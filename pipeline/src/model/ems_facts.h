#pragma once

#include "rodtrad/date.h"

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <span>
#include <string>
#include <string_view>

namespace rodtrad {

// Facts derived from the records of the environmental management system that the checks,
// the coverage matrix and the report templates share, so that all three judge alike.

// The document-control state of a record, read from its header: a record is approved when it
// carries an approval of its current revision (an approval without a revision approves the
// document as it stands).
struct DocumentControl {
    int revision = 0;         // 0 when the header gives none
    int approvedRevision = 0; // the revision the approval names, 0 when none
    bool approved = false;
    std::optional<Date> approvalDate;
    std::optional<Date> nextReview;

    static DocumentControl read(pugi::xml_node header);
    // The next review lies before the day judged at.
    bool reviewOverdue(const Date& asOf) const { return nextReview && *nextReview < asOf; }
};

// The latest of the dates in attribute `attribute` of parent's `child` elements, and the
// element that carries it; nullopt when none has a valid date.
struct LatestDated {
    Date date;
    pugi::xml_node node;
};
std::optional<LatestDated> latestDated(pugi::xml_node parent, const char* child,
                                       const char* attribute = "date");

// An aspects register's scoring method: its criteria with their ranges and weights, how the
// scores combine and where significance begins.
struct ScoringMethod {
    struct Criterion {
        double min = 0;
        double max = 0;
        double weight = 1;
        pugi::xml_node node;
    };
    std::map<std::string, Criterion, std::less<>> criteria;
    bool product = false;
    double threshold = 0;
    bool legalGate = false;

    explicit ScoringMethod(pugi::xml_node method);
    // The aspect's total: the weighted sum or the product of its scores. Scores for unknown
    // criteria are left out.
    double total(pugi::xml_node aspect) const;
    bool significantByScore(double total) const { return total >= threshold - 1e-9; }
};

// The inputs a management review must consider (ISO 14001 9.3), as the schema names them.
std::span<const std::string_view> requiredReviewInputs();

// Number text for a score: "17", "12.5" (classic notation, shortest form).
std::string scoreText(double value);

} // namespace rodtrad
