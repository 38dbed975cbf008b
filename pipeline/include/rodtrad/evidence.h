#pragma once

#include "rodtrad/date.h"
#include "rodtrad/diagnostic.h"
#include "rodtrad/workspace.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rodtrad {

// A file the caller adds to an evidence pack: the workflow service's approval records or an
// extract of its audit trail. role is "approvals" or "audit-trail".
struct SuppliedEvidence {
    std::string path; // in the pack, e.g. "audit-trail.xml"
    std::string role;
    std::string content;
};

struct EvidenceOptions {
    std::string edition = "2015"; // ISO 14001 edition: 2015 or 2026
    // The day reviews, evaluations and due dates are judged at; defaults to the end of the
    // latest follow-up period in the workspace.
    std::optional<Date> asOf;
    std::string period;          // follow-up period of the reports; default: the latest
    std::string language = "sv"; // of the PDFs
    std::vector<SuppliedEvidence> supplied;
};

struct EvidenceEntry {
    std::string path;
    std::string role; // index, record, report, source, approvals, audit-trail
    std::size_t size = 0;
    std::string sha256;
};

struct EvidencePack {
    std::string zip;                    // the bytes
    std::vector<EvidenceEntry> entries; // every file but the manifest, in pack order
    std::size_t gaps = 0;               // in the coverage matrix
    Date asOf;
    int pages = 0;                       // of all PDFs together
    std::vector<Diagnostic> diagnostics; // from rendering (text the fonts cannot show, ...)
};

// The pack an auditor receives: the evidence index (the coverage matrix, linking to every
// document), a PDF per EMS record, the strategic plan and the follow-up report, every source
// XML file, the approval records, what the caller supplies, and manifest.xml listing every
// file with its size and SHA-256. Deterministic: the same workspace and options give the same
// bytes (entry times are the as-of date). Throws UsageError for a bad edition or period.
EvidencePack buildEvidencePack(const Workspace& workspace, const EvidenceOptions& options);

struct VerifyFinding {
    std::string path;    // the file in the pack, or the pack itself
    std::string problem; // altered, missing, extra, unreadable, manifest
    std::string message;
};

struct VerifyReport {
    std::size_t filesChecked = 0;
    std::vector<VerifyFinding> findings;
    bool ok() const { return findings.empty(); }
};

// Checks a pack against its manifest without extracting anything: every listed file present
// with its size and SHA-256, nothing unlisted, no entry twice or with an unsafe name. Reads
// hostile archives in bounded memory. Throws IoError when the file cannot be read.
VerifyReport verifyEvidencePack(const std::filesystem::path& zip);

} // namespace rodtrad
