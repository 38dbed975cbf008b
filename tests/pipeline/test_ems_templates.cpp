// Every record of the example's environmental management system rendered through its template:
// the document-control block, and every item of the record in the text a reader extracts.
#include "rendered_examples.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <regex>
#include <sstream>

namespace rodtrad {
namespace {

namespace fs = std::filesystem;
using namespace test;

// Text without white space, soft hyphens and hyphens: a title wrapped or hyphenated across the
// lines of a table cell still reads as itself.
std::string squeezed(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '-') {
            continue;
        }
        if (c == 0xC2 && i + 1 < text.size() &&
            (static_cast<unsigned char>(text[i + 1]) == 0xAD ||
             static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
            ++i; // soft hyphen, no-break space
            continue;
        }
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0x90 ||
             static_cast<unsigned char>(text[i + 2]) == 0x91 ||
             static_cast<unsigned char>(text[i + 2]) == 0xAF)) {
            i += 2; // hyphen, non-breaking hyphen, narrow no-break space
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

const Case& caseNamed(const std::string& name) {
    static const std::vector<Case> all = cases();
    for (const Case& c : all) {
        if (c.name == name) {
            return c;
        }
    }
    throw std::logic_error("no case " + name);
}

// The record a case renders: its kind is the template's record attribute, so find the one
// source file whose root the template's data selects.
pugi::xml_node recordOf(pugi::xml_document& doc, const Case& c) {
    static const std::map<std::string, std::string> kinds = {
        {"ems-scope", "emsScope"},
        {"environmental-policy", "environmentalPolicy"},
        {"ems-context", "emsContext"},
        {"aspects-register", "aspectsRegister"},
        {"compliance-obligations", "complianceObligations"},
        {"objectives-programme", "objectivesProgramme"},
        {"operational-controls", "operationalControls"},
        {"emergency-preparedness", "emergencyPreparedness"},
        {"monitoring-results", "monitoringResults"},
        {"audit-programme", "auditProgramme"},
        {"audit-report", "auditReport"},
        {"nonconformity-log", "nonconformityLog"},
        {"management-review", "managementReview"},
        {"competence-records", "competenceRecords"},
        {"communication-log", "communicationLog"}};
    for (const auto& entry : fs::recursive_directory_iterator(example / "ems")) {
        doc.load_file(entry.path().c_str());
        const pugi::xml_node root = doc.document_element();
        if (root.name() == kinds.at(c.options.templateName) &&
            (c.options.document.empty() ||
             c.options.document == root.child("header").child_value("id"))) {
            return root;
        }
    }
    ADD_FAILURE() << "no source record for " << c.name;
    return {};
}

std::string pdfText(const Case& c) {
    return run("pdftotext " + rendered(c).file.string() + " -");
}

} // namespace

TEST(EmsTemplates, EveryRecordShowsItsDocumentControl) {
    for (const auto& [templateName, document] : emsRecordTemplates()) {
        SCOPED_TRACE(templateName);
        const Case& c = caseNamed(templateName);
        pugi::xml_document doc;
        const pugi::xml_node header = recordOf(doc, c).child("header");
        const std::string text = squeezed(pdfText(c));
        for (const char* field : {"title", "documentNumber", "owner", "nextReview"}) {
            if (header.child(field)) {
                EXPECT_NE(text.find(squeezed(header.child_value(field))), std::string::npos)
                    << field << ": " << header.child_value(field);
            }
        }
        EXPECT_NE(text.find(squeezed("Dokumentnummer")), std::string::npos);
        if (const pugi::xml_node approval = header.child("approval")) {
            EXPECT_NE(text.find(squeezed(approval.attribute("by").value())), std::string::npos);
            EXPECT_NE(text.find(squeezed(approval.attribute("date").value())), std::string::npos);
        }
        // Approved records say so; the example's drafts (no approval) say they are drafts.
        const bool approved =
            header.child("approval") && header.child("approval")
                                                .attribute("revision")
                                                .as_int(header.child("revision").text().as_int()) ==
                                            header.child("revision").text().as_int();
        EXPECT_NE(text.find(squeezed(approved ? "Fastställd" : "Utkast, inte fastställd")),
                  std::string::npos);
    }
}

TEST(EmsTemplates, EveryItemOfEveryRegisterIsInTheText) {
    std::size_t items = 0;
    for (const auto& [templateName, document] : emsRecordTemplates()) {
        SCOPED_TRACE(templateName);
        const Case& c = caseNamed(templateName);
        pugi::xml_document doc;
        const pugi::xml_node root = recordOf(doc, c);
        const std::string text = squeezed(pdfText(c));
        for (pugi::xml_node item : root.children()) {
            if (!item.attribute("id")) {
                continue;
            }
            for (const char* name : {"title", "name", "aspect", "subject"}) {
                if (const pugi::xml_node label = item.child(name)) {
                    ++items;
                    EXPECT_NE(text.find(squeezed(label.child_value())), std::string::npos)
                        << item.name() << " " << item.attribute("id").value() << ": "
                        << label.child_value();
                    break;
                }
            }
        }
    }
    EXPECT_GT(items, 100u); // the example's registers hold well over a hundred named items
}

TEST(EmsTemplates, SignificantAspectsStandOutInWordsNotOnlyColour) {
    const Case& c = caseNamed("aspects-register");
    pugi::xml_document doc;
    const pugi::xml_node root = recordOf(doc, c);
    const std::string text = pdfText(c);
    EXPECT_NE(text.find("Betydande miljöaspekter"), std::string::npos);
    std::size_t significant = 0;
    for (pugi::xml_node aspect : root.children("aspect")) {
        significant += aspect.attribute("significant").as_bool() ? 1 : 0;
    }
    ASSERT_GT(significant, 0u);
    // The significant column says Ja or Nej for every aspect, beside its total score.
    const std::regex word("(^|\\s)Ja(:|\\s|$)");
    const auto yes = static_cast<std::size_t>(std::distance(
        std::sregex_iterator(text.begin(), text.end(), word), std::sregex_iterator()));
    EXPECT_GE(yes, significant);
}

TEST(EmsTemplates, MonitoringResultsDrawAChartPerParameterWithItsOutcomesInWords) {
    const Case& c = caseNamed("monitoring-results");
    pugi::xml_document doc;
    const pugi::xml_node root = recordOf(doc, c);
    std::size_t parameters = 0;
    for (pugi::xml_node parameter : root.children("parameter")) {
        parameters += parameter.child("measurement") ? 1 : 0;
    }
    // A chart is a run of primitives tagged Figure in the layout dump.
    std::istringstream dump(rendered(c).result.layoutDump);
    std::size_t figures = 0;
    bool inFigure = false;
    for (std::string line; std::getline(dump, line);) {
        if (line.find("[artifact]") != std::string::npos) {
            continue;
        }
        const bool figure = line.find("[Figure]") != std::string::npos;
        figures += figure && !inFigure ? 1 : 0;
        inFigure = figure;
    }
    EXPECT_GE(figures, parameters) << "one chart per measured parameter";
}

TEST(EmsTemplates, ManagementReviewListsEveryRequiredInputWithItsStatus) {
    const Case& c = caseNamed("management-review");
    pugi::xml_document doc;
    const pugi::xml_node root = recordOf(doc, c);
    const std::string text = squeezed(pdfText(c));
    std::size_t inputs = 0;
    for (pugi::xml_node input : root.children("input")) {
        ++inputs;
        const pugi::xml_node summary = input.child("summary").child("p");
        const std::string first = std::string(summary.child_value()).substr(0, 60);
        EXPECT_NE(text.find(squeezed(first)), std::string::npos) << input.attribute("kind").value();
    }
    EXPECT_EQ(inputs, 14u);
}

TEST(EmsTemplates, EnglishRecordIsInEnglishAndFinal) {
    const Case& c = caseNamed("aspects-register-en-final");
    const std::string text = pdfText(c);
    EXPECT_NE(text.find("Document number"), std::string::npos);
    EXPECT_NE(text.find("Next review"), std::string::npos);
    EXPECT_EQ(text.find("Dokumentnummer"), std::string::npos);
    EXPECT_EQ(rendered(c).result.layoutDump.find("[artifact] DRAFT"), std::string::npos);
}

TEST(EmsTemplates, RenderWithoutAWarning) {
    for (const Case& c : cases()) {
        if (!c.ems) {
            continue;
        }
        SCOPED_TRACE(c.name);
        for (const Diagnostic& d : rendered(c).result.diagnostics) {
            ADD_FAILURE() << formatDiagnostic(d);
        }
    }
}

TEST(EmsTemplates, EveryRecordRendersInEnglishWithEveryLabel) {
    for (const auto& [templateName, document] : emsRecordTemplates()) {
        SCOPED_TRACE(templateName);
        RenderOptions options = caseNamed(templateName).options;
        options.language = "en";
        options.edition = "2026";
        const RenderResult result = renderDocument(exampleWorkspace(), options);
        for (const Diagnostic& d : result.diagnostics) {
            ADD_FAILURE() << formatDiagnostic(d);
        }
        EXPECT_NE(result.layoutDump.find("Document number"), std::string::npos);
        EXPECT_GT(result.pages, 0);
    }
}

TEST(EmsTemplates, ARecordKindWithSeveralRecordsNeedsTheDocumentNamed) {
    RenderOptions options;
    options.templateName = "audit-report";
    options.period = "2025-helar";
    try {
        renderDocument(exampleWorkspace(), options);
        ADD_FAILURE() << "rendered without --document";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("revisionsrapport-ir-2025-01"), std::string::npos)
            << e.what();
    }
    options.document = "no-such-report";
    EXPECT_ANY_THROW(renderDocument(exampleWorkspace(), options));
}

} // namespace rodtrad
