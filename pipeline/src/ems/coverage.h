#pragma once

#include "load/workspace_impl.h"
#include "model/clause_catalogue.h"
#include "model/ems_facts.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad {

// What can be wrong with the evidence for a clause.
enum class GapKind {
    missing,                // the clause asks for documented information and no record serves it
    notApproved,            // a record serving it is a draft
    reviewOverdue,          // a record's next review date has passed
    nonconformityOverdue,   // a nonconformity is open past its due date
    objectiveOffTrack,      // an environmental objective's indicator is red
    obligationNotEvaluated, // compliance not evaluated within the obligation's interval
    drillOverdue,           // an emergency response not tested within its interval
    auditNotHeld,           // no internal audit held in the last twelve months
    reviewNotHeld,          // no management review held in the last twelve months
};

// The gap's key as the coverage document and the label catalogues spell it.
std::string_view gapKey(GapKind kind);

// One document of the workspace as the coverage matrix sees it.
struct CoverageRecord {
    const Document* document = nullptr;
    std::string kind; // root element name: aspectsRegister, strategicPlan, ...
    std::string id;   // header id
    std::string title;
    std::string documentNumber;
    DocumentControl control;
    bool reviewOverdue = false;
};

struct CoverageGap {
    GapKind kind = GapKind::missing;
    std::string record;       // header id of the record concerned; empty for missing
    std::string item;         // the nonconformity, objective, obligation or scenario concerned
    std::optional<Date> date; // the date that was due or last held, when there is one
    std::string detail;       // missing: the record kinds that would serve; off track: indicators
};

struct ClauseCoverage {
    const Clause* clause = nullptr;
    std::vector<std::size_t> records; // indexes into CoverageMatrix::records
    std::vector<CoverageGap> gaps;
    // approved (every record approved), draft (some are not), missing (documented information
    // asked for, none present), not-documented (none asked for, none present), document-control
    // (evidenced by the document control of all records) or heading (a clause with sub-clauses).
    std::string state;
};

struct CoverageMatrix {
    std::string edition;
    Date asOf;
    std::vector<CoverageRecord> records; // in workspace order
    std::vector<ClauseCoverage> clauses; // in catalogue order
    std::size_t gapCount() const;
};

// Each indicator of a rolled-up document by id (its first occurrence: every occurrence of an
// indicator carries the same outcomes and status).
using IndicatorNodes = std::map<std::string, pugi::xml_node, std::less<>>;
IndicatorNodes firstIndicators(pugi::xml_node rollupRoot);

// Indicator id → traffic-light status (green, yellow, red, not-assessable) from a rolled-up
// document, for judging whether objectives are on track.
using IndicatorStatuses = std::map<std::string, std::string, std::less<>>;
IndicatorStatuses indicatorStatuses(pugi::xml_node rollupRoot);

// For each clause of the edition, the records that serve it (by the catalogue's record kinds or
// a clause reference in the record's header), their state and the gaps, judged at asOf.
// Throws UsageError for an edition the catalogue does not have.
CoverageMatrix computeCoverage(const Workspace::Impl& workspace, std::string_view edition,
                               const Date& asOf, const IndicatorStatuses& indicators);

} // namespace rodtrad
