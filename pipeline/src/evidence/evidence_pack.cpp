#include "compose/report_data.h"
#include "ems/ems_view.h"
#include "rodtrad/error.h"
#include "rodtrad/evidence.h"
#include "rodtrad/sha256.h"
#include "util/xml_writer.h"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <fstream>
#include <sstream>

namespace rodtrad {
namespace {

constexpr std::string_view indexFile = "evidence-index.pdf";
constexpr std::string_view manifestFile = "manifest.xml";
constexpr std::string_view approvalsFile = "approvals.xml";
constexpr std::string_view evidenceNamespace = "urn:rodtrad:evidence:1";

struct PackFile {
    std::string path;
    std::string role;
    std::string content;
    const CoverageRecord* record = nullptr;
};

std::string readSource(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) {
        throw IoError("cannot read " + file.string());
    }
    return bytes.str();
}

// The template that renders each EMS record kind (the template's record attribute).
std::map<std::string, std::string> templatesByKind() {
    std::map<std::string, std::string> byKind;
    for (const auto& [name, description] : templateNames()) {
        const TemplateNeeds needs = templateNeeds(name);
        if (!needs.recordKind.empty()) {
            byKind.emplace(needs.recordKind, name);
        }
    }
    return byKind;
}

std::string approvalsXml(const CoverageMatrix& coverage) {
    std::string out;
    XmlWriter xml(out);
    xml.declaration();
    xml.open("approvals");
    xml.attribute("xmlns", evidenceNamespace);
    for (const CoverageRecord& record : coverage.records) {
        xml.open("document");
        xml.attribute("id", record.id);
        xml.attribute("kind", record.kind);
        if (!record.documentNumber.empty()) {
            xml.attribute("documentNumber", record.documentNumber);
        }
        if (record.control.revision > 0) {
            xml.attribute("revision", record.control.revision);
        }
        xml.attribute("state", record.control.approved ? "approved" : "draft");
        if (record.control.nextReview) {
            xml.attribute("nextReview", record.control.nextReview->toString());
        }
        xml.attribute("source", "source/" + record.document->relativePath);
        if (const pugi::xml_node approval =
                record.document->root().child("header").child("approval")) {
            xml.open("approval");
            xml.copyAttributes(approval);
            xml.close();
        }
        xml.close();
    }
    xml.close();
    out += '\n';
    return out;
}

std::string manifestXml(const std::vector<PackFile>& files,
                        const std::vector<EvidenceEntry>& entries, const ReportData& data,
                        const std::string& municipality) {
    std::string out;
    XmlWriter xml(out);
    xml.declaration();
    xml.open("evidenceManifest");
    xml.attribute("xmlns", evidenceNamespace);
    xml.attribute("municipality", municipality);
    xml.attribute("standard", "ISO 14001");
    xml.attribute("edition", data.coverage.edition);
    xml.attribute("asOf", data.coverage.asOf.toString());
    xml.attribute("period", data.period.id());
    xml.attribute("gaps", std::to_string(data.coverage.gapCount()));
    xml.attribute("generator", "rodtrad " RODTRAD_VERSION);
    for (std::size_t i = 0; i < files.size(); ++i) {
        xml.open("file");
        xml.attribute("path", entries[i].path);
        xml.attribute("size", std::to_string(entries[i].size));
        xml.attribute("sha256", entries[i].sha256);
        xml.attribute("role", entries[i].role);
        if (const CoverageRecord* record = files[i].record) {
            xml.attribute("record", record->id);
            xml.attribute("kind", record->kind);
            xml.attribute("state", record->control.approved ? "approved" : "draft");
        }
        xml.close();
    }
    xml.close();
    out += '\n';
    return out;
}

void checkSupplied(const SuppliedEvidence& file) {
    if (file.role != "approvals" && file.role != "audit-trail") {
        throw UsageError("supplied evidence " + file.path +
                         " must have the role approvals or audit-trail, not \"" + file.role + "\"");
    }
    if (file.path.empty() || file.path.find("..") != std::string::npos ||
        file.path.front() == '/' || file.path.find('\\') != std::string::npos ||
        file.path == manifestFile || file.path == approvalsFile || file.path == indexFile) {
        throw UsageError("supplied evidence may not be named \"" + file.path + "\"");
    }
}

} // namespace

EvidencePack buildEvidencePack(const Workspace& workspace, const EvidenceOptions& options) {
    for (const SuppliedEvidence& file : options.supplied) {
        checkSupplied(file);
    }
    ReportData data = prepareReportData(workspace, options.period);
    const Date asOf = resolveAsOf(workspace, options.asOf);

    // Where each document's evidence is: its PDF when the pack renders one, else its source.
    const std::map<std::string, std::string> byKind = templatesByKind();
    std::map<std::string, std::string, std::less<>> links;
    std::vector<std::pair<const Document*, std::string>> recordPdfs;
    const Document* strategicPlan = nullptr;
    for (const auto& doc : workspace.impl().documents) {
        if (!doc->schemaValid) {
            continue;
        }
        const std::string id = doc->id();
        if (byKind.count(doc->root().name()) != 0) {
            links[id] = "records/" + id + ".pdf";
            recordPdfs.emplace_back(doc.get(), links[id]);
        } else if (doc->kind == DocumentKind::strategicPlan && strategicPlan == nullptr) {
            strategicPlan = doc.get();
            links[id] = "reports/strategic-plan.pdf";
        } else {
            links[id] = "source/" + doc->relativePath;
        }
    }
    addEmsView(data, workspace, asOf, options.edition, links);

    EvidencePack pack;
    pack.asOf = asOf;
    pack.gaps = data.coverage.gapCount();
    std::vector<PackFile> files;
    const auto findRecord = [&data](const Document* doc) -> const CoverageRecord* {
        for (const CoverageRecord& record : data.coverage.records) {
            if (record.document == doc) {
                return &record;
            }
        }
        return nullptr;
    };
    const auto render = [&](const std::string& templateName, const std::string& document,
                            bool final) {
        RenderOptions settings;
        settings.templateName = templateName;
        settings.document = document;
        settings.language = options.language;
        settings.edition = options.edition;
        settings.final = final;
        RenderResult result = renderTemplate(settings, data);
        pack.pages += result.pages;
        pack.diagnostics.insert(pack.diagnostics.end(), result.diagnostics.begin(),
                                result.diagnostics.end());
        return std::move(result.pdf);
    };

    files.push_back({std::string(indexFile), "index", render("coverage-matrix", {}, true)});
    for (const auto& [doc, path] : recordPdfs) {
        const CoverageRecord* record = findRecord(doc);
        files.push_back(
            {path, "record",
             render(byKind.at(doc->root().name()), record->id, record->control.approved), record});
    }
    if (strategicPlan != nullptr) {
        const CoverageRecord* record = findRecord(strategicPlan);
        files.push_back({"reports/strategic-plan.pdf", "report",
                         render("strategic-plan", {}, record->control.approved), record});
    }
    bool followUpsApproved = true;
    bool anyFollowUp = false;
    for (const CoverageRecord& record : data.coverage.records) {
        const pugi::xml_node period = record.document->root().child("period");
        if (record.document->kind == DocumentKind::followUp &&
            period.attribute("year").as_int() == data.period.year &&
            parsePeriodKind(period.attribute("kind").value()) == data.period.kind) {
            anyFollowUp = true;
            followUpsApproved = followUpsApproved && record.control.approved;
        }
    }
    if (anyFollowUp) {
        files.push_back({"reports/follow-up-report-" + data.period.id() + ".pdf", "report",
                         render("follow-up-report", {}, followUpsApproved)});
    }
    files.push_back({std::string(approvalsFile), "approvals", approvalsXml(data.coverage)});
    for (const SuppliedEvidence& supplied : options.supplied) {
        files.push_back({supplied.path, supplied.role, supplied.content});
    }
    for (const CoverageRecord& record : data.coverage.records) {
        files.push_back({"source/" + record.document->relativePath, "source",
                         readSource(workspace.root() / record.document->relativePath), &record});
    }

    for (const PackFile& file : files) {
        pack.entries.push_back(
            {file.path, file.role, file.content.size(), sha256Hex(file.content)});
    }
    const std::string municipality =
        data.document->document_element().child("municipality").attribute("name").value();
    const std::string manifest = manifestXml(files, pack.entries, data, municipality);

    // Entries dated the as-of day at noon, so that no time zone moves them to another day.
    const Poco::DateTime stamp(asOf.year, asOf.month, asOf.day, 12);
    std::ostringstream zip;
    Poco::Zip::Compress compress(zip, true);
    const auto add = [&](const std::string& path, const std::string& content) {
        std::istringstream in(content);
        compress.addFile(in, stamp, Poco::Path(path, Poco::Path::PATH_UNIX),
                         Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
    };
    for (const PackFile& file : files) {
        add(file.path, file.content);
    }
    add(std::string(manifestFile), manifest);
    compress.close();
    pack.zip = zip.str();
    return pack;
}

} // namespace rodtrad
