#include "documents_pdf.h"

#include "load/workspace_impl.h"
#include "rodtrad/check.h"
#include "rodtrad/error.h"
#include "rodtrad/render.h"
#include "temp_directory.h"

#include <algorithm>
#include <fstream>
#include <pugixml.hpp>

namespace rodtrad::workflow {
namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

std::string templateForKind(const std::string& kind) {
    if (kind == "strategicPlan") {
        return "strategic-plan";
    }
    if (kind == "operationalPlan") {
        return "operational-plan";
    }
    if (kind == "followUp") {
        return "follow-up-report";
    }
    for (const auto& [name, description] : templateNames()) {
        static_cast<void>(description);
        // The EMS templates are named after their record kind: aspectsRegister →
        // aspects-register.
        std::string expected;
        for (const char c : kind) {
            if (std::isupper(static_cast<unsigned char>(c)) != 0) {
                expected += '-';
                expected += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else {
                expected += c;
            }
        }
        if (name == expected) {
            return name;
        }
    }
    return {};
}

void writeWorkspace(Store& store, const fs::path& dir, const std::string& key,
                    const Revision* revision) {
    for (const DocumentInfo& d : store.documents()) {
        std::optional<Revision> chosen;
        if (revision != nullptr && d.key == key) {
            chosen = *revision;
        } else {
            chosen = store.latestIn(d.key, {"approved", "published"});
        }
        if (!chosen) {
            chosen = store.revision(d.key, d.revision);
        }
        std::ofstream(dir / (d.key + ".xml"), std::ios::binary) << chosen->xml;
    }
}

RenderedRevision renderRevision(Store& store, const DocumentInfo& document,
                                const Revision& revision, bool final) {
    RenderedRevision result;
    const std::string templateName = templateForKind(document.kind);
    if (templateName.empty()) {
        result.error = "documents of kind " + document.kind + " have no report template";
        return result;
    }
    const TempDirectory dir("rodtrad-render");
    writeWorkspace(store, dir.path(), document.key, &revision);
    std::vector<Diagnostic> loading;
    const auto workspace = Workspace::load(dir.path(), {}, loading);
    RenderOptions options;
    options.templateName = templateName;
    options.final = final;
    if (document.kind == "operationalPlan") {
        options.unit = document.unit;
    } else if (document.kind == "followUp") {
        pugi::xml_document doc;
        doc.load_string(revision.xml.c_str());
        const pugi::xml_node period = doc.document_element().child("period");
        options.period =
            std::string(period.attribute("year").value()) + "-" + period.attribute("kind").value();
    } else if (document.kind != "strategicPlan") {
        options.document = document.key;
    }
    try {
        RenderResult rendered = renderDocument(*workspace, options);
        result.diagnostics = std::move(rendered.diagnostics);
        if (countErrors(result.diagnostics) > 0) {
            result.error =
                "text the fonts cannot show: " + formatDiagnostic(result.diagnostics.front());
            return result;
        }
        result.pdf = std::move(rendered.pdf);
    } catch (const std::exception& e) {
        result.error = e.what();
    }
    return result;
}

std::vector<std::string> seedFromWorkspace(Store& store, const fs::path& workspace) {
    std::vector<std::string> problems;
    if (!store.documents().empty()) {
        problems.push_back("the store already holds documents; seed only an empty one");
        return problems;
    }
    const CheckReport report = checkWorkspaceDirectory(workspace, CheckOptions{});
    for (const Diagnostic& d : report.diagnostics) {
        if (d.severity == Severity::error) {
            problems.push_back(formatDiagnostic(d));
        }
    }
    if (!problems.empty()) {
        return problems;
    }
    std::vector<Diagnostic> diagnostics;
    const auto loaded = Workspace::load(workspace, {}, diagnostics);
    std::vector<const Document*> documents;
    for (const auto& doc : loaded->impl().documents) {
        documents.push_back(doc.get());
    }
    // The organisation and the strategic plan first: everything else refers to them.
    std::stable_sort(documents.begin(), documents.end(), [](const Document* a, const Document* b) {
        return static_cast<int>(a->kind) < static_cast<int>(b->kind);
    });
    for (const Document* doc : documents) {
        const std::string xml = readFile(workspace / doc->relativePath);
        const pugi::xml_node header = doc->root().child("header");
        const NewDocument info{doc->id(), doc->root().name(), header.child_value("unit"),
                               header.child_value("title")};
        if (store.createDocument(info, xml, sha256Hex(xml), "seed") != WriteOutcome::done) {
            problems.push_back(doc->relativePath + ": a document " + info.key + " exists");
            continue;
        }
        const pugi::xml_node approval = header.child("approval");
        const int revision = header.child("revision").text().as_int(0);
        if (approval && approval.attribute("revision").as_int(revision) == revision) {
            store.importApproval(
                info.key, "seed",
                std::string("approved by ") + approval.attribute("by").value() + " on " +
                    approval.attribute("date").value() +
                    (approval.attribute("reference")
                         ? std::string(" (") + approval.attribute("reference").value() + ")"
                         : std::string()));
        }
    }
    return problems;
}

} // namespace rodtrad::workflow
