#pragma once

#include "layout/flow.h"
#include "layout/font_metrics.h"
#include "rodtrad/diagnostic.h"

#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace rodtrad {

// A label catalogue (templates/labels/<lang>.xml): key → text.
using Labels = std::map<std::string, std::string, std::less<>>;

// Binds a report template (schemas/template.xsd) to a rolled-up document and produces the
// flow the layout engine paginates. Text in templates may hold placeholders:
//   {xpath}         the string value of an XPath expression, relative to the current node
//   {#key}          a label from the catalogue of the document's language
//   {label:xpath}   the label whose key is the expression's value (status words)
//   {level:xpath}   the assessment level's label from the plan's own scale
//   {num:xpath}     a number in the language's notation, with the indicator's decimals
// XPath variables: $year, $period, $unit, $lang, $document (the EMS record), $edition. Every text
// is checked against the font; what it cannot show is reported with the rolled-up element's source
// (file and id or line).
class Composer {
public:
    Composer(pugi::xml_node templateRoot, const pugi::xml_document& rollup, const Labels& labels,
             Language language, const std::map<std::string, std::string>& variables,
             const FontMetrics& metrics, std::vector<Diagnostic>& diagnostics);

    Flow compose();

private:
    struct Style {
        FontRef font;
        Color color;
        BlockStyle block;
    };

    void run(pugi::xml_node instructions, pugi::xml_node context);
    void instruction(pugi::xml_node node, pugi::xml_node context);
    std::string expand(std::string_view text, pugi::xml_node context);
    std::string evaluate(std::string_view expression, pugi::xml_node context);
    std::string label(std::string_view key);
    std::vector<TextRun> runs(const std::string& text, const Style& style, pugi::xml_node context,
                              const std::string& lang = {}, const std::string& link = {});
    std::string linkTarget(pugi::xml_attribute link, pugi::xml_node context);
    const Style& style(std::string_view name);
    pugi::xpath_node_set select(std::string_view xpath, pugi::xml_node context);

    void paragraph(pugi::xml_node node, pugi::xml_node context, Block::Kind kind);
    void richText(pugi::xml_node node, pugi::xml_node context);
    void table(pugi::xml_node node, pugi::xml_node context);
    void chart(pugi::xml_node node, pugi::xml_node context);
    void redThread(pugi::xml_node node, pugi::xml_node context);
    void approval(pugi::xml_node node, pugi::xml_node context);
    void documentControl(pugi::xml_node node, pugi::xml_node context);
    void keyValueTable(const std::vector<std::pair<std::string, std::string>>& rows,
                       pugi::xml_node context);

    pugi::xml_node template_;
    const pugi::xml_document& rollup_;
    const Labels& labels_;
    Language language_;
    const FontMetrics& metrics_;
    std::vector<Diagnostic>& diagnostics_;
    pugi::xpath_variable_set variables_;
    std::map<std::string, Style, std::less<>> styles_;
    Flow flow_;
    std::string templateName_;
};

} // namespace rodtrad
