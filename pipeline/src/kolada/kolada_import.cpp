#include "check/index.h"
#include "check/plan_model.h"
#include "cli/output_file.h"
#include "kolada/kolada_response.h"
#include "load/schema_set.h"
#include "load/workspace_impl.h"
#include "load/xml_prescan.h"
#include "model/period.h"
#include "rodtrad/check.h"
#include "rodtrad/kolada.h"
#include "util/xml_escape.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace rodtrad {
namespace {

constexpr int historyYears = 10;

std::string shortest(double value) {
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : "0";
}

// The byte just past an element that starts at start ('<'): past "/>" for an empty element,
// else past its closing tag. Attribute values may hold '>' and '/'.
std::size_t elementEnd(std::string_view text, std::size_t start, std::string_view qualifiedName) {
    char quote = 0;
    for (std::size_t i = start + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            if (text[i - 1] == '/') {
                return i + 1;
            }
            const std::string close = "</" + std::string(qualifiedName);
            const std::size_t at = text.find(close, i);
            return at == std::string_view::npos ? text.size() : text.find('>', at) + 1;
        }
    }
    return text.size();
}

// The whitespace before the element on its own line, to indent new siblings alike.
std::string indentBefore(std::string_view text, std::size_t start) {
    std::size_t lineStart = start;
    while (lineStart > 0 && text[lineStart - 1] != '\n') {
        --lineStart;
    }
    const std::string_view lead = text.substr(lineStart, start - lineStart);
    return lead.find_first_not_of(" \t") == std::string_view::npos ? std::string(lead) : "  ";
}

struct Edit {
    std::size_t from = 0;
    std::size_t to = 0; // == from for an insertion
    std::string text;
};

// What the import wants in one follow-up: outcome values by (indicator, year).
struct Wanted {
    const KoladaRecord* record = nullptr;
    bool genderSplit = false;
};

std::string outcomeElement(const std::string& prefix, const std::string& indicator, int year,
                           const Wanted& wanted, const std::string& indent,
                           const std::string& keptComment) {
    const std::string tag = prefix.empty() ? "outcome" : prefix + ":outcome";
    const std::string split = prefix.empty() ? "split" : prefix + ":split";
    std::string text =
        "<" + tag + " indicator=\"" + indicator + "\" year=\"" + std::to_string(year) + "\"";
    std::string status;
    std::string children;
    for (const KoladaValue& value : wanted.record->values) {
        if (value.gender == 'T') {
            if (value.value) {
                text += " value=\"" + shortest(*value.value) + "\"";
            } else {
                status = value.status.empty() ? "Missing" : value.status;
            }
        } else if (wanted.genderSplit) {
            children += indent + "  <" + split + " gender=\"" + value.gender + "\"";
            if (value.value) {
                children += " value=\"" + shortest(*value.value) + "\"";
            } else {
                children += " status=\"" +
                            escapeXml(value.status.empty() ? "Missing" : value.status) + "\"";
            }
            children += "/>\n";
        }
    }
    if (!status.empty()) {
        text += " status=\"" + escapeXml(status) + "\"";
    }
    text += " source=\"kolada\"";
    if (children.empty() && keptComment.empty()) {
        return text + "/>";
    }
    return text + ">\n" + children + keptComment + indent + "</" + tag + ">";
}

class Importer {
public:
    Importer(const Workspace::Impl& workspace, const WorkspaceIndex& index,
             KoladaImportReport& report)
        : workspace_(workspace), index_(index), report_(report) {}

    void plan(const std::vector<KoladaRecord>& records, const std::string& responseFile) {
        const pugi::xml_node top = index_.organisation->root().child("unit");
        const std::string municipality = top.attribute("kolada").value();
        std::map<std::string, std::string> unitOfOu;
        for (const auto& [id, at] : index_.units) {
            if (const pugi::xml_attribute ou = at.node.attribute("koladaOu")) {
                unitOfOu[ou.value()] = id;
            }
        }
        std::set<std::string> reported;
        for (const KoladaRecord& record : records) {
            ++report_.values;
            std::vector<const Located*> indicators;
            for (const auto& [id, at] : index_.indicators) {
                if (record.kpi == at.node.attribute("kolada").value()) {
                    indicators.push_back(&at);
                }
            }
            auto unknown = [&](const std::string& what, const std::string& message) {
                if (reported.insert(what).second) {
                    report_.diagnostics.push_back(
                        {Severity::warning, responseFile, 0, 0, "kolada.unknown", message});
                }
            };
            if (indicators.empty()) {
                unknown("kpi " + record.kpi,
                        record.path + ": KPI " + record.kpi +
                            " is not the Kolada id of any indicator in the workspace");
                continue;
            }
            std::string unit;
            if (!record.municipality.empty()) {
                if (record.municipality != municipality) {
                    unknown("municipality " + record.municipality,
                            record.path + ": municipality " + record.municipality +
                                " is not this workspace's (" +
                                (municipality.empty() ? "none set" : municipality) + ")");
                    continue;
                }
            } else {
                const auto it = unitOfOu.find(record.ou);
                if (it == unitOfOu.end()) {
                    unknown("ou " + record.ou, record.path + ": Kolada unit " + record.ou +
                                                   " is no unit's koladaOu in the organisation");
                    continue;
                }
                unit = it->second;
            }
            for (const Located* indicator : indicators) {
                target(record, *indicator, unit);
            }
        }
    }

    // Applies the planned edits, validates every changed file and writes them all, or none.
    void write() {
        std::vector<std::pair<const Document*, std::string>> changed;
        for (auto& [doc, wanted] : wanted_) {
            std::string text = edited(*doc, wanted);
            if (text == std::string_view(original(*doc))) {
                continue;
            }
            std::vector<Diagnostic> problems;
            const auto reparsed = loadDocumentFromText(text, doc->path, ParseLimits{}, problems);
            if (!reparsed || !reparsed->schemaValid) {
                report_.diagnostics.insert(report_.diagnostics.end(), problems.begin(),
                                           problems.end());
                report_.diagnostics.push_back(
                    {Severity::error, doc->path, 0, 0, "kolada.write",
                     "the imported values would make this file invalid; nothing was written"});
                return;
            }
            changed.emplace_back(doc, std::move(text));
        }
        for (const auto& [doc, text] : changed) {
            writeFileAtomically(workspace_.root / doc->relativePath, text);
            report_.written.push_back(workspace_.root / doc->relativePath);
        }
    }

    void rememberOriginal(const Document& doc, std::string text) {
        originals_[&doc] = std::move(text);
    }

private:
    const std::string& original(const Document& doc) { return originals_.at(&doc); }

    // The follow-ups a value goes into: of plans that measure the indicator, for the
    // municipality (the strategic plan's and the committees' and the board's) or for the unit
    // with that Kolada id; drafts only; of the value's year or up to ten years after.
    void target(const KoladaRecord& record, const Located& indicator, const std::string& unit) {
        const std::string id = indicator.node.attribute("id").value();
        const bool split = indicator.node.attribute("genderSplit").as_bool();
        for (const Document* followUp : workspace_.ofKind(DocumentKind::followUp)) {
            const pugi::xml_node root = followUp->root();
            const int year = root.child("period").attribute("year").as_int();
            if (year < record.period || year >= record.period + historyYears) {
                continue;
            }
            const std::string planId = root.child("plan").attribute("ref").value();
            Located plan = index_.find(index_.operationalPlans, planId);
            if (!plan) {
                plan = index_.find(index_.strategicPlans, planId);
            }
            if (!plan || planIndicators(plan.node).count(id) == 0) {
                continue;
            }
            const std::string followUpUnit = root.child("header").child_value("unit");
            if (unit.empty()) {
                const std::string type =
                    index_.find(index_.units, followUpUnit).node.attribute("type").value();
                const bool forMunicipality = plan.doc->kind == DocumentKind::strategicPlan ||
                                             type == "committee" || type == "executive-board";
                if (!forMunicipality) {
                    continue;
                }
            } else if (followUpUnit != unit) {
                continue;
            }
            const pugi::xml_node header = root.child("header");
            const pugi::xml_node approval = header.child("approval");
            const int revision = header.child("revision").text().as_int(1);
            if (approval && approval.attribute("revision").as_int(revision) == revision) {
                if (skipped_.insert(followUp).second) {
                    report_.diagnostics.push_back({Severity::note, followUp->path, 0, 0,
                                                   "kolada.approved",
                                                   "approved; not changed (make a new revision to "
                                                   "take in new Kolada values)"});
                }
                continue;
            }
            wanted_[followUp][{id, record.period}] = Wanted{&record, split};
            ++report_.outcomes;
        }
    }

    std::string edited(const Document& doc,
                       const std::map<std::pair<std::string, int>, Wanted>& wanted) {
        const std::string& text = original(doc);
        const std::string prefix = prefixOf(text);
        const std::string outcomeTag = qualified(prefix, "outcome");
        std::vector<Edit> edits;
        const pugi::xml_node root = doc.root();
        // Where new outcomes go: after the last outcome, else after the weights, else the plan.
        pugi::xml_node anchor = root.child("plan");
        for (pugi::xml_node node : root.children()) {
            const std::string_view name = node.name();
            if (name == "weight" || name == "outcome") {
                anchor = node;
            }
        }
        const std::size_t anchorStart = static_cast<std::size_t>(anchor.offset_debug() - 1);
        const std::string indent = indentBefore(text, anchorStart);
        const std::size_t anchorEnd =
            elementEnd(text, anchorStart, qualified(prefix, anchor.name()));
        std::string inserted;
        for (const auto& [key, want] : wanted) {
            const auto& [indicator, year] = key;
            pugi::xml_node existing;
            for (pugi::xml_node outcome : root.children("outcome")) {
                if (indicator == outcome.attribute("indicator").value() &&
                    year == outcome.attribute("year").as_int()) {
                    existing = outcome;
                }
            }
            if (existing) {
                const std::size_t start = static_cast<std::size_t>(existing.offset_debug() - 1);
                const std::size_t end = elementEnd(text, start, outcomeTag);
                std::string comment;
                if (const pugi::xml_node kept = existing.child("comment")) {
                    const std::size_t commentStart =
                        static_cast<std::size_t>(kept.offset_debug() - 1);
                    const std::size_t commentEnd =
                        elementEnd(text, commentStart, qualified(prefix, "comment"));
                    comment = indentBefore(text, commentStart) +
                              text.substr(commentStart, commentEnd - commentStart) + "\n";
                }
                edits.push_back({start, end,
                                 outcomeElement(prefix, indicator, year, want,
                                                indentBefore(text, start), comment)});
            } else {
                inserted +=
                    "\n" + indent + outcomeElement(prefix, indicator, year, want, indent, "");
            }
        }
        if (!inserted.empty()) {
            edits.push_back({anchorEnd, anchorEnd, inserted});
        }
        std::sort(edits.begin(), edits.end(),
                  [](const Edit& a, const Edit& b) { return a.from > b.from; });
        std::string result = text;
        for (const Edit& edit : edits) {
            result.replace(edit.from, edit.to - edit.from, edit.text);
        }
        return result;
    }

    static std::string qualified(const std::string& prefix, std::string_view name) {
        return prefix.empty() ? std::string(name) : prefix + ":" + std::string(name);
    }

    static std::string prefixOf(const std::string& text) {
        LineIndex lines;
        const PrescanResult scan = prescanXml(text, ParseLimits{}, lines);
        return readRootElement(text, scan.rootOffset).prefix;
    }

    const Workspace::Impl& workspace_;
    const WorkspaceIndex& index_;
    KoladaImportReport& report_;
    std::map<const Document*, std::map<std::pair<std::string, int>, Wanted>> wanted_;
    std::map<const Document*, std::string> originals_;
    std::set<const Document*> skipped_;
};

std::string readWhole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

KoladaImportReport importKolada(const std::vector<std::filesystem::path>& responses,
                                const std::filesystem::path& workspaceDir) {
    KoladaImportReport report;
    std::vector<std::vector<KoladaRecord>> parsed;
    for (const auto& file : responses) {
        auto records = readKoladaResponse(file, report.diagnostics);
        if (!records) {
            return report; // refused: nothing is written
        }
        parsed.push_back(std::move(*records));
    }
    std::vector<Diagnostic> findings;
    const auto workspace = Workspace::load(workspaceDir, LoadOptions{}, findings);
    checkWorkspace(*workspace, CheckOptions{}, findings);
    if (countErrors(findings) > 0) {
        sortDiagnostics(findings);
        report.diagnostics.insert(report.diagnostics.end(), findings.begin(), findings.end());
        report.diagnostics.push_back({Severity::error, workspaceDir.string(), 0, 0,
                                      "kolada.workspace",
                                      "the workspace has errors; fix them before importing"});
        return report;
    }
    std::vector<Diagnostic> ignored;
    Reporter reporter(ignored);
    const WorkspaceIndex index(workspace->impl(), reporter);
    Importer importer(workspace->impl(), index, report);
    for (const auto& doc : workspace->impl().documents) {
        if (doc->kind == DocumentKind::followUp) {
            importer.rememberOriginal(*doc, readWhole(workspace->root() / doc->relativePath));
        }
    }
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        importer.plan(parsed[i], responses[i].string());
    }
    importer.write();
    return report;
}

} // namespace rodtrad
