#include "load/rolled_up.h"

#include "load/schema_set.h"
#include "load/xml_file.h"

#include <climits>
#include <future>

namespace rodtrad {

ParseLimits rolledUpLimits() {
    ParseLimits limits;
    // libxml2 takes a buffer's size as an int.
    limits.maxFileBytes = INT_MAX;
    // A consolidated figure lists every unit that reported it.
    limits.maxAttributeBytes = std::size_t{1024} * 1024;
    return limits;
}

std::unique_ptr<pugi::xml_document> loadRolledUp(const std::filesystem::path& file,
                                                 const std::string& displayPath,
                                                 std::vector<Diagnostic>& diagnostics) {
    const ParseLimits limits = rolledUpLimits();
    std::size_t size = 0;
    const std::unique_ptr<char[]> buffer =
        readWholeFile(file, displayPath, limits.maxFileBytes, size, diagnostics);
    if (!buffer) {
        return nullptr;
    }
    const std::string_view text(buffer.get(), size);
    LineIndex lines;
    const auto root = prescanRoot(text, displayPath, limits, lines, diagnostics);
    if (!root) {
        return nullptr;
    }
    if (root->element.localName != "rollup" || root->element.namespaceUri != rollupNamespace) {
        const SourcePosition at = lines.position(text, root->offset);
        diagnostics.push_back(
            {Severity::error, displayPath, at.line, at.column, "doc.kind",
             "not a rolled-up document: the root element is <" + root->element.localName +
                 "> in namespace \"" + root->element.namespaceUri + "\", not <rollup> in \"" +
                 std::string(rollupNamespace) + "\" (what rodtrad rollup writes)"});
        return nullptr;
    }
    // libxml2 validates the bytes as read while pugixml parses its own copy: the two passes are
    // the cost of reading a rolled-up document, and they take about as long as each other.
    std::vector<Diagnostic> invalid;
    auto validation = std::async(std::launch::async, [&] {
        return SchemaSet::instance().validate(text, "rollup.xsd", displayPath, invalid);
    });
    auto model = std::make_unique<pugi::xml_document>();
    const pugi::xml_parse_result parsed =
        model->load_buffer(buffer.get(), size, pugi::parse_default, pugi::encoding_utf8);
    const bool valid = validation.get();
    if (!valid) {
        diagnostics.insert(diagnostics.end(), invalid.begin(), invalid.end());
        return nullptr;
    }
    if (!parsed) {
        const SourcePosition at = lines.position(text, static_cast<std::size_t>(parsed.offset));
        diagnostics.push_back({Severity::error, displayPath, at.line, at.column, "xml.malformed",
                               parsed.description()});
        return nullptr;
    }
    if (!root->element.prefix.empty()) {
        stripElementPrefixes(model->document_element());
    }
    return model;
}

} // namespace rodtrad
