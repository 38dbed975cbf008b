#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad {

// A streaming XML writer into a string, for documents too large to build as a tree first.
// The output is laid out as pugixml's indented save lays it out (two-space indent, empty
// elements as `<a />`, text-only elements on one line), so a document written here and the
// same document saved from a tree are byte for byte the same.
//
// Element names must outlive the element: string literals, or names of nodes in a loaded
// document.
class XmlWriter {
public:
    explicit XmlWriter(std::string& out) : out_(out) {}

    void declaration();
    void open(std::string_view name);
    void attribute(std::string_view name, std::string_view value);
    void attribute(std::string_view name, const char* value) {
        attribute(name, std::string_view(value));
    }
    void attribute(std::string_view name, const std::string& value) {
        attribute(name, std::string_view(value));
    }
    void attribute(std::string_view name, int value);
    void attribute(std::string_view name, bool value);
    // The element's whole content as text; nothing else may be written into it.
    void text(std::string_view value);
    void close();
    // An element holding only text: <name>value</name>.
    void textElement(std::string_view name, std::string_view value);
    // A copy of a loaded element with its attributes and content.
    void copy(pugi::xml_node node);
    // The attributes of a loaded element, in their order.
    void copyAttributes(pugi::xml_node node);

    int depth() const { return static_cast<int>(open_.size()); }

private:
    void endStartTag();
    void indent(std::size_t level);

    std::string& out_;
    std::vector<std::string_view> open_;
    bool startTagOpen_ = false; // "<name attr..." written, ">" not yet
    bool textWritten_ = false;  // the innermost element holds text
};

} // namespace rodtrad
