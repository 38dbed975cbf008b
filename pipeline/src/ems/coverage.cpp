#include "ems/coverage.h"

#include "rodtrad/error.h"

#include <algorithm>

namespace rodtrad {
namespace {

// Where a gap in the records' content is shown: the clause that asks for that evidence. The
// numbers are the same in both editions of the catalogue.
std::string_view homeClause(GapKind kind) {
    switch (kind) {
    case GapKind::objectiveOffTrack:
        return "6.2.1";
    case GapKind::drillOverdue:
        return "8.2";
    case GapKind::obligationNotEvaluated:
        return "9.1.2";
    case GapKind::auditNotHeld:
        return "9.2.2";
    case GapKind::reviewNotHeld:
        return "9.3";
    case GapKind::nonconformityOverdue:
        return "10.2";
    default:
        return {};
    }
}

bool refersToClause(const Document& doc, std::string_view edition, std::string_view number) {
    for (pugi::xml_node clause : doc.root().child("header").children("clause")) {
        if (edition == clause.attribute("edition").value() &&
            number == clause.attribute("number").value()) {
            return true;
        }
    }
    return false;
}

class GapFinder {
public:
    GapFinder(const CoverageMatrix& matrix, const IndicatorStatuses& indicators)
        : asOf_(matrix.asOf), indicators_(indicators) {}

    std::vector<CoverageGap> contentGaps(const std::vector<CoverageRecord>& records) {
        std::optional<Date> lastAudit;
        std::optional<Date> lastReview;
        std::string auditRecord;
        std::string reviewRecord;
        bool hasAudits = false;
        bool hasReviews = false;
        const auto later = [](std::optional<Date>& latest, std::string& record,
                              const std::optional<Date>& date, const std::string& id) {
            if (date && (!latest || *latest < *date)) {
                latest = date;
                record = id;
            }
        };
        for (const CoverageRecord& record : records) {
            const pugi::xml_node root = record.document->root();
            const std::string_view kind = record.kind;
            if (kind == "nonconformityLog") {
                nonconformities(record, root);
            } else if (kind == "objectivesProgramme") {
                objectives(record, root);
            } else if (kind == "complianceObligations") {
                obligations(record, root);
            } else if (kind == "emergencyPreparedness") {
                drills(record, root);
            } else if (kind == "auditReport") {
                hasAudits = true;
                later(lastAudit, auditRecord,
                      Date::parse(root.child("audit").attribute("held").value()), record.id);
            } else if (kind == "auditProgramme") {
                hasAudits = true;
                for (pugi::xml_node audit : root.children("audit")) {
                    if (std::string_view(audit.attribute("status").value()) == "held") {
                        later(lastAudit, auditRecord,
                              Date::parse(audit.attribute("planned").value()), record.id);
                    }
                }
            } else if (kind == "managementReview") {
                hasReviews = true;
                const auto meeting = latestDated(root, "meeting");
                later(lastReview, reviewRecord,
                      meeting ? std::optional(meeting->date) : std::nullopt, record.id);
            }
        }
        const Date yearAgo = asOf_.addMonths(-12);
        if (hasAudits && (!lastAudit || *lastAudit < yearAgo)) {
            gaps_.push_back({GapKind::auditNotHeld, auditRecord, {}, lastAudit, {}});
        }
        if (hasReviews && (!lastReview || *lastReview < yearAgo)) {
            gaps_.push_back({GapKind::reviewNotHeld, reviewRecord, {}, lastReview, {}});
        }
        return std::move(gaps_);
    }

private:
    void nonconformities(const CoverageRecord& record, pugi::xml_node root) {
        for (pugi::xml_node nc : root.children("nonconformity")) {
            const auto due = Date::parse(nc.attribute("due").value());
            if (std::string_view(nc.attribute("status").value()) != "closed" && due &&
                *due < asOf_) {
                gaps_.push_back({GapKind::nonconformityOverdue,
                                 record.id,
                                 nc.attribute("id").value(),
                                 due,
                                 {}});
            }
        }
    }

    void objectives(const CoverageRecord& record, pugi::xml_node root) {
        for (pugi::xml_node objective : root.children("objective")) {
            std::string red;
            for (pugi::xml_node ref : objective.children("indicatorRef")) {
                const auto it = indicators_.find(std::string_view(ref.attribute("ref").value()));
                if (it != indicators_.end() && it->second == "red") {
                    red += (red.empty() ? "" : ", ") + it->first;
                }
            }
            if (!red.empty()) {
                gaps_.push_back({GapKind::objectiveOffTrack, record.id,
                                 objective.attribute("id").value(), std::nullopt, red});
            }
        }
    }

    void obligations(const CoverageRecord& record, pugi::xml_node root) {
        for (pugi::xml_node obligation : root.children("obligation")) {
            const auto latest = latestDated(obligation, "evaluation");
            const int interval = obligation.attribute("intervalMonths").as_int(12);
            if (!latest || latest->date.addMonths(interval) < asOf_) {
                gaps_.push_back({GapKind::obligationNotEvaluated,
                                 record.id,
                                 obligation.attribute("id").value(),
                                 latest ? std::optional(latest->date) : std::nullopt,
                                 {}});
            }
        }
    }

    void drills(const CoverageRecord& record, pugi::xml_node root) {
        const int defaultInterval = root.attribute("testIntervalMonths").as_int(12);
        for (pugi::xml_node scenario : root.children("scenario")) {
            const int interval = scenario.attribute("testIntervalMonths").as_int(defaultInterval);
            const auto latest = latestDated(scenario, "drill");
            if (!latest || latest->date.addMonths(interval) < asOf_) {
                gaps_.push_back({GapKind::drillOverdue,
                                 record.id,
                                 scenario.attribute("id").value(),
                                 latest ? std::optional(latest->date) : std::nullopt,
                                 {}});
            }
        }
    }

    Date asOf_;
    const IndicatorStatuses& indicators_;
    std::vector<CoverageGap> gaps_;
};

} // namespace

std::string_view gapKey(GapKind kind) {
    switch (kind) {
    case GapKind::missing:
        return "missing";
    case GapKind::notApproved:
        return "not-approved";
    case GapKind::reviewOverdue:
        return "review-overdue";
    case GapKind::nonconformityOverdue:
        return "nonconformity-overdue";
    case GapKind::objectiveOffTrack:
        return "objective-off-track";
    case GapKind::obligationNotEvaluated:
        return "obligation-not-evaluated";
    case GapKind::drillOverdue:
        return "drill-overdue";
    case GapKind::auditNotHeld:
        return "audit-not-held";
    case GapKind::reviewNotHeld:
        return "review-not-held";
    }
    return "missing";
}

std::size_t CoverageMatrix::gapCount() const {
    std::size_t count = 0;
    for (const ClauseCoverage& clause : clauses) {
        count += clause.gaps.size();
    }
    return count;
}

IndicatorNodes firstIndicators(pugi::xml_node rollupRoot) {
    IndicatorNodes indicators;
    for (pugi::xpath_node found : rollupRoot.select_nodes("//indicator")) {
        indicators.emplace(found.node().attribute("id").value(), found.node());
    }
    return indicators;
}

IndicatorStatuses indicatorStatuses(pugi::xml_node rollupRoot) {
    IndicatorStatuses statuses;
    for (const auto& [id, indicator] : firstIndicators(rollupRoot)) {
        if (const pugi::xml_attribute status = indicator.child("status").attribute("value")) {
            statuses.emplace(id, status.value());
        }
    }
    return statuses;
}

CoverageMatrix computeCoverage(const Workspace::Impl& workspace, std::string_view edition,
                               const Date& asOf, const IndicatorStatuses& indicators) {
    const ClauseCatalogue& catalogue = ClauseCatalogue::instance();
    const auto& clauses = catalogue.clauses(edition);
    if (clauses.empty()) {
        throw UsageError("--edition must be 2015 or 2026, not \"" + std::string(edition) + "\"");
    }
    CoverageMatrix matrix;
    matrix.edition = edition;
    matrix.asOf = asOf;
    for (const auto& doc : workspace.documents) {
        if (!doc->schemaValid) {
            continue;
        }
        CoverageRecord record;
        record.document = doc.get();
        record.kind = doc->root().name();
        const pugi::xml_node header = doc->root().child("header");
        record.id = header.child_value("id");
        record.title = header.child_value("title");
        record.documentNumber = header.child_value("documentNumber");
        record.control = DocumentControl::read(header);
        // Follow-ups and audit reports record what happened; they are kept, not reviewed.
        record.reviewOverdue = doc->kind != DocumentKind::followUp &&
                               doc->kind != DocumentKind::auditReport &&
                               record.control.reviewOverdue(asOf);
        matrix.records.push_back(std::move(record));
    }

    GapFinder finder(matrix, indicators);
    const std::vector<CoverageGap> contentGaps = finder.contentGaps(matrix.records);
    for (const Clause& clause : clauses) {
        ClauseCoverage coverage;
        coverage.clause = &clause;
        for (std::size_t i = 0; i < matrix.records.size(); ++i) {
            const CoverageRecord& record = matrix.records[i];
            const bool byKind = std::find(clause.serves.begin(), clause.serves.end(),
                                          record.kind) != clause.serves.end();
            if (byKind || refersToClause(*record.document, edition, clause.number)) {
                coverage.records.push_back(i);
            }
        }
        const bool asked = clause.documentedInformation != "none";
        if (clause.documentControl) {
            coverage.state = "document-control";
        } else if (coverage.records.empty()) {
            coverage.state = clause.hasSubClauses && !asked ? "heading"
                             : asked                        ? "missing"
                                                            : "not-documented";
            if (asked) {
                std::string kinds;
                for (const std::string& kind : clause.serves) {
                    kinds += (kinds.empty() ? "" : " ") + kind;
                }
                coverage.gaps.push_back({GapKind::missing, {}, {}, std::nullopt, kinds});
            }
        } else {
            coverage.state = "approved";
            for (std::size_t index : coverage.records) {
                const CoverageRecord& record = matrix.records[index];
                if (!record.control.approved) {
                    coverage.state = "draft";
                    coverage.gaps.push_back(
                        {GapKind::notApproved, record.id, {}, std::nullopt, {}});
                }
                if (record.reviewOverdue) {
                    coverage.gaps.push_back(
                        {GapKind::reviewOverdue, record.id, {}, record.control.nextReview, {}});
                }
            }
        }
        for (const CoverageGap& gap : contentGaps) {
            if (homeClause(gap.kind) == clause.number) {
                coverage.gaps.push_back(gap);
            }
        }
        matrix.clauses.push_back(std::move(coverage));
    }
    return matrix;
}

} // namespace rodtrad
