#include "rodtrad/render.h"

#include "compose/composer.h"
#include "layout/layout_engine.h"
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

Labels loadLabels(const std::string& language) {
    const auto& files = embeddedTemplates();
    const auto it = files.find("labels/" + language + ".xml");
    if (it == files.end()) {
        throw UsageError("--lang must be sv or en, not \"" + language + "\"");
    }
    pugi::xml_document doc;
    doc.load_buffer(it->second.data(), it->second.size());
    Labels labels;
    for (pugi::xml_node label : doc.document_element().children("label")) {
        labels[label.attribute("key").value()] = label.child_value();
    }
    return labels;
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

RenderResult renderDocument(const Workspace& workspace, const RenderOptions& options) {
    RenderResult result;
    const std::string_view text = templateText(options.templateName);
    std::vector<Diagnostic> invalid;
    if (!SchemaSet::instance().validate(text, "template.xsd",
                                        "templates/" + options.templateName + ".xml", invalid)) {
        throw Error("template " + options.templateName +
                    " is invalid: " + formatDiagnostic(invalid.front()));
    }
    pugi::xml_document templateDoc;
    templateDoc.load_buffer(text.data(), text.size());
    const pugi::xml_node templateRoot = templateDoc.document_element();
    const Labels labels = loadLabels(options.language);
    const Language language = options.language == "en" ? Language::en : Language::sv;

    const std::string periodText =
        options.period.empty() ? defaultPeriod(workspace) : options.period;
    const auto period = Period::parse(periodText);
    if (!period) {
        throw UsageError("--period must be YEAR or YEAR-tertial, YEAR-delar, YEAR-helar, not \"" +
                         periodText + "\"");
    }
    auto clock = std::chrono::steady_clock::now();
    const auto lap = [&clock] {
        const auto now = std::chrono::steady_clock::now();
        const std::chrono::duration<double> seconds = now - clock;
        clock = now;
        return seconds.count();
    };
    const auto rollup = buildRollup(workspace.impl(), *period);
    result.rollupSeconds = lap();
    if (templateRoot.child("parameters").find_child_by_attribute("parameter", "name", "unit")) {
        if (options.unit.empty()) {
            throw UsageError("template " + options.templateName + " needs --unit");
        }
        if (!rollup->document_element()
                 .child("organisation")
                 .find_child_by_attribute("unit", "id", options.unit.c_str())) {
            throw UsageError("no unit \"" + options.unit + "\" in the organisation");
        }
    }
    const std::map<std::string, std::string> variables{{"year", std::to_string(period->year)},
                                                       {"period", period->id()},
                                                       {"unit", options.unit},
                                                       {"lang", options.language}};

    PdfDocument pdf;
    Composer composer(templateRoot, *rollup, labels, language, variables, pdf.fonts(),
                      result.diagnostics);
    Flow flow = composer.compose();
    result.composeSeconds = lap();
    if (!options.final) {
        flow.furniture.watermark = labels.count("draft") != 0 ? labels.at("draft") : "UTKAST";
    }
    const LayoutEngine engine(pdf.fonts(), &swedishHyphenator(), options.progress);
    const LaidOutDocument laidOut = engine.layout(flow);
    result.layoutSeconds = lap();
    result.pages = static_cast<int>(laidOut.pages.size());
    std::ostringstream dump;
    writeLayoutDump(dump, laidOut);
    result.layoutDump = dump.str();
    result.pdf = pdf.write(laidOut, flow.info);
    result.pdfSeconds = lap();
    return result;
}

} // namespace rodtrad
