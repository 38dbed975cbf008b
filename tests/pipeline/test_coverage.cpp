// The ISO 14001 coverage matrix: for each clause the records that serve it and every kind of
// gap, each on the small record set with approved documents broken in one place.
#include "ems/coverage.h"
#include "rodtrad/error.h"
#include "temp_workspace.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <regex>

namespace rodtrad {
namespace {

using test::TempWorkspace;

// Every document approved in its current revision, next review well ahead.
void approveAll(const TempWorkspace& ws) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(ws.dir())) {
        if (entry.path().extension() != ".xml") {
            continue;
        }
        const std::string relative = std::filesystem::relative(entry.path(), ws.dir()).string();
        const std::string text = ws.read(relative);
        ws.write(relative,
                 std::regex_replace(text, std::regex("(<documentNumber>[^<]*</documentNumber>)"),
                                    "$1<revision>1</revision><approval by=\"Kommunstyrelsen\" "
                                    "date=\"2025-01-20\" revision=\"1\"/>"
                                    "<nextReview>2026-12-31</nextReview>",
                                    std::regex_constants::format_first_only));
    }
}

struct Loaded {
    std::unique_ptr<Workspace> workspace;
    CoverageMatrix matrix;
};

Loaded coverage(const TempWorkspace& ws, const std::string& edition = "2015",
                const IndicatorStatuses& indicators = {}) {
    std::vector<Diagnostic> diagnostics;
    Loaded loaded;
    loaded.workspace = Workspace::load(ws.dir(), {}, diagnostics);
    EXPECT_EQ(countErrors(diagnostics), 0u);
    loaded.matrix =
        computeCoverage(loaded.workspace->impl(), edition, *Date::parse("2025-12-31"), indicators);
    return loaded;
}

const ClauseCoverage& clause(const CoverageMatrix& matrix, const std::string& number) {
    for (const ClauseCoverage& c : matrix.clauses) {
        if (c.clause->number == number) {
            return c;
        }
    }
    ADD_FAILURE() << "no clause " << number;
    static const ClauseCoverage none;
    return none;
}

std::vector<std::string> recordIds(const CoverageMatrix& matrix, const ClauseCoverage& c) {
    std::vector<std::string> ids;
    for (std::size_t index : c.records) {
        ids.push_back(matrix.records[index].id);
    }
    return ids;
}

// "clause kind record item date" of every gap, for exact comparisons.
std::vector<std::string> gaps(const CoverageMatrix& matrix) {
    std::vector<std::string> out;
    for (const ClauseCoverage& c : matrix.clauses) {
        for (const CoverageGap& gap : c.gaps) {
            out.push_back(c.clause->number + " " + std::string(gapKey(gap.kind)) + " " +
                          gap.record + " " + gap.item + " " +
                          (gap.date ? gap.date->toString() : std::string("-")));
        }
    }
    return out;
}

// The clauses the small record set has nothing for: competence, communication, internal audit.
const std::vector<std::string> baselineGaps = {"7.2 missing   -", "7.4.1 missing   -",
                                               "9.2.2 missing   -"};

TempWorkspace approvedRecords() {
    TempWorkspace ws = TempWorkspace::withEmsRecords();
    approveAll(ws);
    return ws;
}

std::vector<std::string> withBaseline(std::vector<std::string> extra) {
    std::vector<std::string> all = baselineGaps;
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

TEST(Coverage, ApprovedRecordsServeTheirClauses) {
    const TempWorkspace ws = approvedRecords();
    const Loaded loaded = coverage(ws);
    const CoverageMatrix& m = loaded.matrix;
    EXPECT_EQ(recordIds(m, clause(m, "5.2")), std::vector<std::string>{"pol"});
    EXPECT_EQ(clause(m, "5.2").state, "approved");
    EXPECT_EQ(recordIds(m, clause(m, "6.1.2")), std::vector<std::string>{"asp"});
    EXPECT_EQ(recordIds(m, clause(m, "8.2")), std::vector<std::string>{"nod"});
    EXPECT_EQ(clause(m, "6").state, "heading");
    EXPECT_EQ(clause(m, "7.5.3").state, "document-control");
    EXPECT_EQ(sorted(gaps(m)), sorted(baselineGaps));
}

TEST(Coverage, MissingRecordNamesTheKindsThatWouldServe) {
    const TempWorkspace ws = approvedRecords();
    const Loaded loaded = coverage(ws);
    const ClauseCoverage& competence = clause(loaded.matrix, "7.2");
    EXPECT_EQ(competence.state, "missing");
    ASSERT_EQ(competence.gaps.size(), 1u);
    EXPECT_EQ(competence.gaps[0].kind, GapKind::missing);
    EXPECT_EQ(competence.gaps[0].detail, "competenceRecords");
    // A clause that asks for no documented information and has none is not a gap.
    EXPECT_EQ(clause(loaded.matrix, "7.3").state, "not-documented");
    EXPECT_TRUE(clause(loaded.matrix, "7.3").gaps.empty());
}

TEST(Coverage, DraftRecordIsNotApproved) {
    const TempWorkspace ws = approvedRecords();
    ws.replace("ems/policy.xml", "<revision>1</revision>", "<revision>2</revision>");
    const Loaded loaded = coverage(ws);
    EXPECT_EQ(clause(loaded.matrix, "5.2").state, "draft");
    const auto all = gaps(loaded.matrix);
    EXPECT_NE(std::find(all.begin(), all.end(), "5.2 not-approved pol  -"), all.end());
    // The policy serves 5.1 and 7.4.2 too, and is a gap there as well.
    EXPECT_NE(std::find(all.begin(), all.end(), "7.4.2 not-approved pol  -"), all.end());
}

TEST(Coverage, ReviewOverdue) {
    const TempWorkspace ws = approvedRecords();
    ws.replace("ems/controls.xml", "<nextReview>2026-12-31</nextReview>",
               "<nextReview>2025-09-30</nextReview>");
    const Loaded loaded = coverage(ws);
    EXPECT_EQ(clause(loaded.matrix, "8.1").state, "approved");
    EXPECT_EQ(sorted(gaps(loaded.matrix)),
              sorted(withBaseline(
                  {"6.1.4 review-overdue ctl  2025-09-30", "8.1 review-overdue ctl  2025-09-30"})));
}

TEST(Coverage, NonconformityOpenPastItsDueDate) {
    const TempWorkspace ws = approvedRecords();
    ws.replace("ems/nonconformities.xml", R"(due="2026-03-31" status="open")",
               R"(due="2025-10-31" status="open")");
    const Loaded loaded = coverage(ws);
    EXPECT_EQ(sorted(gaps(loaded.matrix)),
              sorted(withBaseline({"10.2 nonconformity-overdue nc nc-2 2025-10-31"})));
}

TEST(Coverage, ObjectiveOffTrackWhenAnIndicatorIsRed) {
    const TempWorkspace ws = approvedRecords();
    EXPECT_EQ(gaps(coverage(ws, "2015", {{"KF1-N1", "yellow"}}).matrix).size(),
              baselineGaps.size());
    const Loaded loaded = coverage(ws, "2015", {{"KF1-N1", "red"}});
    EXPECT_EQ(sorted(gaps(loaded.matrix)),
              sorted(withBaseline({"6.2.1 objective-off-track mal mal-over -"})));
    EXPECT_EQ(clause(loaded.matrix, "6.2.1").gaps.back().detail, "KF1-N1");
}

TEST(Coverage, ObligationNotEvaluatedWithinItsInterval) {
    const TempWorkspace ws = approvedRecords();
    ws.replace("ems/obligations.xml", R"(date="2025-03-01")", R"(date="2024-11-30")");
    const Loaded loaded = coverage(ws);
    EXPECT_EQ(sorted(gaps(loaded.matrix)),
              sorted(withBaseline({"9.1.2 obligation-not-evaluated krav krav-mb 2024-11-30"})));
}

TEST(Coverage, EmergencyDrillOverdue) {
    const TempWorkspace ws = approvedRecords();
    ws.replace("ems/emergency.xml", R"(<drill date="2024-09-18">)", R"(<drill date="2023-12-01">)");
    const Loaded loaded = coverage(ws);
    EXPECT_EQ(sorted(gaps(loaded.matrix)),
              sorted(withBaseline({"8.2 drill-overdue nod sc-spill 2023-12-01"})));
}

TEST(Coverage, ManagementReviewNotHeldInTwelveMonths) {
    const TempWorkspace ws = approvedRecords();
    ws.replace("ems/review.xml", R"(<meeting date="2025-11-20">)",
               R"(<meeting date="2024-12-30">)");
    const Loaded loaded = coverage(ws);
    EXPECT_EQ(sorted(gaps(loaded.matrix)),
              sorted(withBaseline({"9.3 review-not-held lg  2024-12-30"})));
}

TEST(Coverage, InternalAuditNotHeldInTwelveMonths) {
    const TempWorkspace ws = approvedRecords();
    const std::string programme = R"(<auditProgramme xmlns="urn:rodtrad:ems:1">
<header><id>irp</id><title>Program</title><unit>uv</unit><documentNumber>MLS-9</documentNumber><revision>1</revision><approval by="KS" date="2025-01-20" revision="1"/></header>
<audit id="ir-1" planned="2024-10-01" status="held">
  <scope><p>Energi.</p></scope><auditor>Revisor</auditor>
</audit>
<audit id="ir-2" planned="2025-10-01" status="planned">
  <scope><p>Kemikalier.</p></scope><auditor>Revisor</auditor>
</audit>
</auditProgramme>
)";
    ws.write("ems/audits.xml", programme);
    const Loaded stale = coverage(ws);
    const std::vector<std::string> heldTooLongAgo = {"7.2 missing   -", "7.4.1 missing   -",
                                                     "9.2.2 audit-not-held irp  2024-10-01"};
    EXPECT_EQ(sorted(gaps(stale.matrix)), heldTooLongAgo);
    EXPECT_EQ(recordIds(stale.matrix, clause(stale.matrix, "9.2.2")),
              std::vector<std::string>{"irp"});

    std::string held = programme;
    held.replace(held.find(R"(planned="2025-10-01" status="planned")"), 37,
                 R"(planned="2025-10-01" status="held")");
    ws.write("ems/audits.xml", held);
    const std::vector<std::string> heldThisYear = {"7.2 missing   -", "7.4.1 missing   -"};
    EXPECT_EQ(sorted(gaps(coverage(ws).matrix)), heldThisYear);
}

TEST(Coverage, HeaderClauseReferenceAddsTheRecordToAClause) {
    const TempWorkspace ws = approvedRecords();
    ws.replace("ems/policy.xml", R"(<clause edition="2015" number="5.2"/>)",
               R"(<clause edition="2015" number="5.2"/><clause edition="2015" number="7.3"/>)");
    const Loaded loaded = coverage(ws);
    EXPECT_EQ(recordIds(loaded.matrix, clause(loaded.matrix, "7.3")),
              std::vector<std::string>{"pol"});
    EXPECT_EQ(clause(loaded.matrix, "7.3").state, "approved");
}

TEST(Coverage, EditionsHaveTheirOwnClauses) {
    const TempWorkspace ws = approvedRecords();
    const Loaded loaded = coverage(ws, "2026", {{"KF1-N1", "red"}});
    EXPECT_EQ(clause(loaded.matrix, "6.1.5").clause->title, "Planning action");
    EXPECT_EQ(clause(loaded.matrix, "6.3").clause->titles.at("sv"), "Planering av ändringar");
    const auto all = gaps(loaded.matrix);
    EXPECT_NE(std::find(all.begin(), all.end(), "6.2.1 objective-off-track mal mal-over -"),
              all.end());
    std::vector<Diagnostic> diagnostics;
    const auto workspace = Workspace::load(ws.dir(), {}, diagnostics);
    EXPECT_THROW(computeCoverage(workspace->impl(), "2019", *Date::parse("2025-12-31"), {}),
                 UsageError);
}

} // namespace rodtrad
