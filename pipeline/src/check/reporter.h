#pragma once

#include "load/document.h"
#include "rodtrad/diagnostic.h"

#include <string>
#include <vector>

namespace rodtrad {

// An id or value as it appears in messages: "KF3".
inline std::string quote(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

// Appends located diagnostics for the checks.
class Reporter {
public:
    explicit Reporter(std::vector<Diagnostic>& out) : out_(out) {}

    void error(const Document& doc, pugi::xml_node node, std::string code, std::string message) {
        add(Severity::error, doc, doc.position(node), std::move(code), std::move(message));
    }
    void warning(const Document& doc, pugi::xml_node node, std::string code, std::string message) {
        add(Severity::warning, doc, doc.position(node), std::move(code), std::move(message));
    }
    void note(const Document& doc, pugi::xml_node node, std::string message) {
        add(Severity::note, doc, doc.position(node), "", std::move(message));
    }
    // Points at the attribute's value when it is in the source text.
    void error(const Document& doc, pugi::xml_node node, const char* attribute, std::string code,
               std::string message) {
        add(Severity::error, doc, doc.position(node.attribute(attribute), node), std::move(code),
            std::move(message));
    }
    void warning(const Document& doc, pugi::xml_node node, const char* attribute, std::string code,
                 std::string message) {
        add(Severity::warning, doc, doc.position(node.attribute(attribute), node), std::move(code),
            std::move(message));
    }

private:
    void add(Severity severity, const Document& doc, SourcePosition at, std::string code,
             std::string message) {
        out_.push_back(
            {severity, doc.path, at.line, at.column, std::move(code), std::move(message)});
    }
    std::vector<Diagnostic>& out_;
};

} // namespace rodtrad
