#include "rodtrad/render.h"

#include "compose/composer.h"
#include "compose/data_needs.h"
#include "compose/report_data.h"
#include "ems/ems_view.h"
#include "layout/layout_engine.h"
#include "load/rolled_up.h"
#include "load/schema_set.h"
#include "load/workspace_impl.h"
#include "pdf/font_set.h"
#include "pdf/pdf_document.h"
#include "rodtrad/error.h"
#include "rollup/rollup.h"

#include <chrono>
#include <sstream>

namespace rodtrad {

// Report templates and label catalogues compiled into the binary (templates/).
const std::map<std::string_view, std::string_view>& embeddedTemplates();

namespace {

const Hyphenator& swedishHyphenator() {
    static const Hyphenator hyphenator(Hyphenator::defaultDictionary());
    return hyphenator;
}

std::string_view templateText(const std::string& name) {
    const auto& files = embeddedTemplates();
    const auto it = files.find(name + ".xml");
    if (it == files.end()) {
        std::string known;
        for (const auto& entry : templateNames()) {
            known += known.empty() ? entry.first : ", " + entry.first;
        }
        throw UsageError("no template \"" + name + "\"; the templates are: " + known);
    }
    return it->second;
}

// The label catalogue of a language: templates/labels/<lang>.xml and every file under
// templates/labels/<lang>/, merged. Empty when the language has none.
std::optional<Labels> loadLabelsChecked(const std::string& language) {
    const auto& files = embeddedTemplates();
    const std::string main = "labels/" + language + ".xml";
    const std::string more = "labels/" + language + "/";
    if (files.find(main) == files.end()) {
        return std::nullopt;
    }
    Labels labels;
    for (const auto& [file, text] : files) {
        if (file != main && !(file.starts_with(more) && file.ends_with(".xml"))) {
            continue;
        }
        pugi::xml_document doc;
        doc.load_buffer(text.data(), text.size());
        for (pugi::xml_node label : doc.document_element().children("label")) {
            labels[label.attribute("key").value()] = label.child_value();
        }
    }
    return labels;
}

Labels loadLabels(const std::string& language) {
    auto labels = loadLabelsChecked(language);
    if (!labels) {
        throw UsageError("--lang must be sv or en, not \"" + language + "\"");
    }
    return std::move(*labels);
}

Period parsePeriodOption(const std::string& text) {
    const auto period = Period::parse(text);
    if (!period) {
        throw UsageError("--period must be YEAR or YEAR-tertial, YEAR-delar, YEAR-helar, not \"" +
                         text + "\"");
    }
    return *period;
}

// The latest follow-up period in the workspace: what a report is about by default.
std::string defaultPeriod(const Workspace& workspace) {
    const auto latest = latestFollowUpPeriod(workspace.impl());
    if (!latest) {
        throw UsageError("the workspace has no follow-ups; give --period");
    }
    return latest->id();
}

} // namespace

std::vector<std::pair<std::string, std::string>> templateNames() {
    std::vector<std::pair<std::string, std::string>> names;
    for (const auto& [file, text] : embeddedTemplates()) {
        if (file.find('/') != std::string_view::npos || !file.ends_with(".xml")) {
            continue;
        }
        pugi::xml_document doc;
        doc.load_buffer(text.data(), text.size());
        names.emplace_back(std::string(file.substr(0, file.size() - 4)),
                           doc.document_element().child_value("description"));
    }
    return names;
}

namespace {

struct ParsedTemplate {
    pugi::xml_document doc;
    pugi::xml_node root;
};

void parseTemplate(const std::string& name, ParsedTemplate& parsed) {
    const std::string_view text = templateText(name);
    std::vector<Diagnostic> invalid;
    if (!SchemaSet::instance().validate(text, "template.xsd", "templates/" + name + ".xml",
                                        invalid)) {
        throw Error("template " + name + " is invalid: " + formatDiagnostic(invalid.front()));
    }
    parsed.doc.load_buffer(text.data(), text.size());
    parsed.root = parsed.doc.document_element();
}

TemplateNeeds needsOf(pugi::xml_node root) {
    TemplateNeeds needs;
    needs.recordKind = root.attribute("record").value();
    needs.ems = root.attribute("ems").as_bool() || !needs.recordKind.empty();
    return needs;
}

// The record an EMS template renders: the one named, or the only one of its kind.
std::string resolveRecord(const ReportData& data, const std::string& templateName,
                          const std::string& kind, const std::string& requested) {
    std::vector<std::string> ids;
    for (const CoverageRecord& record : data.coverage.records) {
        if (record.kind == kind) {
            if (!requested.empty() && record.id == requested) {
                return requested;
            }
            ids.push_back(record.id);
        }
    }
    std::string list;
    for (const std::string& id : ids) {
        list += (list.empty() ? "" : ", ") + id;
    }
    if (!requested.empty()) {
        throw UsageError("no " + kind + " record \"" + requested + "\" in the workspace" +
                         (ids.empty() ? std::string() : "; there are: " + list));
    }
    if (ids.empty()) {
        throw UsageError("template " + templateName + " renders a " + kind +
                         " record and the workspace has none");
    }
    if (ids.size() > 1) {
        throw UsageError("the workspace has several " + kind +
                         " records; give --document: " + list);
    }
    return ids.front();
}

} // namespace

TemplateNeeds templateNeeds(const std::string& name) {
    ParsedTemplate parsed;
    parseTemplate(name, parsed);
    return needsOf(parsed.root);
}

ReportData prepareReportData(const Workspace& workspace, const std::string& periodText) {
    const Period period =
        parsePeriodOption(periodText.empty() ? defaultPeriod(workspace) : periodText);
    const auto start = std::chrono::steady_clock::now();
    ReportData data{buildRollup(workspace.impl(), period), period, false, {}, 0};
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    data.rollupSeconds = seconds.count();
    return data;
}

Date resolveAsOf(const Workspace& workspace, const std::optional<Date>& asOf) {
    if (asOf) {
        return *asOf;
    }
    const auto fallback = workspace.defaultAsOf();
    if (!fallback) {
        throw UsageError("the workspace has no follow-ups to take the date from; give --as-of");
    }
    return *fallback;
}

void addEmsView(ReportData& data, const Workspace& workspace, const Date& asOf,
                const std::string& edition,
                const std::map<std::string, std::string, std::less<>>& links) {
    const pugi::xml_node root = data.document->document_element();
    data.coverage = computeCoverage(workspace.impl(), edition, asOf, indicatorStatuses(root));
    appendEmsView(root, workspace.impl(), data.coverage, links);
    data.ems = true;
}

RenderResult renderDocument(const Workspace& workspace, const RenderOptions& options) {
    ParsedTemplate parsed;
    parseTemplate(options.templateName, parsed);
    static_cast<void>(loadLabels(options.language)); // refuse a bad --lang before the rollup
    ReportData data = prepareReportData(workspace, options.period);
    if (needsOf(parsed.root).ems) {
        addEmsView(data, workspace, resolveAsOf(workspace, options.asOf), options.edition);
    }
    return renderTemplate(options, data);
}

RenderResult renderRolledUp(const std::filesystem::path& file, const RenderOptions& options) {
    ParsedTemplate parsed;
    parseTemplate(options.templateName, parsed);
    static_cast<void>(loadLabels(options.language)); // refuse a bad --lang before reading
    if (needsOf(parsed.root).ems) {
        throw UsageError("template " + options.templateName +
                         " renders the environmental management system's records, which a "
                         "rolled-up document does not hold; render it from the workspace");
    }
    RenderResult refused;
    const auto start = std::chrono::steady_clock::now();
    // Only what the template reads is built: the rest of the file is parsed and left behind.
    const ElementNeeds needs = options.keepData ? ElementNeeds::whole() : dataNeedsOf(parsed.root);
    auto document = loadRolledUp(file, file.generic_string(), needs, options.validateRolledUp,
                                 refused.diagnostics);
    if (!document) {
        return refused;
    }
    const std::chrono::duration<double> reading = std::chrono::steady_clock::now() - start;
    const std::string periodText = document->document_element().attribute("period").value();
    const auto period = Period::parse(periodText);
    if (!period) {
        throw Error(file.generic_string() + ": the rolled-up document's period \"" + periodText +
                    "\" is not one rodtrad writes");
    }
    if (!options.period.empty() && parsePeriodOption(options.period) != *period) {
        throw UsageError(file.generic_string() + " is rolled up for " + period->id() + ", not " +
                         options.period + "; roll the workspace up for " + options.period);
    }
    ReportData data{std::move(document), *period, false, {}, 0};
    RenderResult result = renderTemplate(options, data);
    result.readSeconds = reading.count();
    return result;
}

RenderResult renderTemplate(const RenderOptions& options, ReportData& data) {
    RenderResult result;
    result.rollupSeconds = data.rollupSeconds;
    ParsedTemplate parsed;
    parseTemplate(options.templateName, parsed);
    const pugi::xml_node templateRoot = parsed.root;
    const Labels labels = loadLabels(options.language);
    const Language language = options.language == "en" ? Language::en : Language::sv;
    const TemplateNeeds needs = needsOf(templateRoot);
    if (needs.ems && !data.ems) {
        throw Error("template " + options.templateName + " needs the EMS view");
    }
    const std::string document =
        needs.recordKind.empty()
            ? std::string()
            : resolveRecord(data, options.templateName, needs.recordKind, options.document);

    auto clock = std::chrono::steady_clock::now();
    const auto lap = [&clock] {
        const auto now = std::chrono::steady_clock::now();
        const std::chrono::duration<double> seconds = now - clock;
        clock = now;
        return seconds.count();
    };
    const pugi::xml_document& rollup = *data.document;
    if (options.keepData) {
        std::ostringstream xml;
        rollup.save(xml, "  ");
        result.dataXml = xml.str();
    }
    if (templateRoot.child("parameters").find_child_by_attribute("parameter", "name", "unit")) {
        if (options.unit.empty()) {
            throw UsageError("template " + options.templateName + " needs --unit");
        }
        if (!rollup.document_element()
                 .child("organisation")
                 .find_child_by_attribute("unit", "id", options.unit.c_str())) {
            throw UsageError("no unit \"" + options.unit + "\" in the organisation");
        }
    }
    const std::map<std::string, std::string> variables{
        {"year", std::to_string(data.period.year)},
        {"period", data.period.id()},
        {"unit", options.unit},
        {"lang", options.language},
        {"document", document},
        {"edition", data.ems ? data.coverage.edition : options.edition}};

    PdfDocument pdf;
    Composer composer(templateRoot, rollup, labels, language, variables, pdf.fonts(),
                      result.diagnostics);
    Flow flow = composer.compose();
    result.composeSeconds = lap();
    if (!options.final) {
        flow.furniture.watermark = labels.count("draft") != 0 ? labels.at("draft") : "UTKAST";
    }
    const LayoutEngine engine(pdf.fonts(), &swedishHyphenator(), options.progress);
    LaidOutDocument laidOut = engine.layout(flow);
    std::vector<Block>().swap(flow.blocks); // laid out: what is left is on the pages
    result.layoutSeconds = lap();
    result.pages = static_cast<int>(laidOut.pages.size());
    result.pdf = pdf.write(std::move(laidOut), flow.info,
                           options.keepLayoutDump ? &result.layoutDump : nullptr);
    result.pdfSeconds = lap();
    return result;
}

} // namespace rodtrad
