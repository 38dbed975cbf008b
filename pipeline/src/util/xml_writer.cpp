#include "util/xml_writer.h"

#include "util/xml_escape.h"

#include <cassert>
#include <charconv>

namespace rodtrad {
void XmlWriter::declaration() {
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlWriter::indent(std::size_t level) {
    out_.append(level * 2, ' ');
}

void XmlWriter::endStartTag() {
    if (startTagOpen_) {
        out_ += ">\n";
        startTagOpen_ = false;
    }
}

void XmlWriter::open(std::string_view name) {
    assert(!textWritten_);
    endStartTag();
    indent(open_.size());
    out_ += '<';
    out_ += name;
    open_.push_back(name);
    startTagOpen_ = true;
}

void XmlWriter::attribute(std::string_view name, std::string_view value) {
    assert(startTagOpen_);
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    appendXmlEscaped(out_, value, XmlContext::attribute);
    out_ += '"';
}

void XmlWriter::attribute(std::string_view name, int value) {
    char digits[16];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    attribute(name, std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void XmlWriter::attribute(std::string_view name, bool value) {
    attribute(name, std::string_view(value ? "true" : "false"));
}

void XmlWriter::text(std::string_view value) {
    assert(startTagOpen_);
    out_ += '>';
    appendXmlEscaped(out_, value, XmlContext::content);
    startTagOpen_ = false;
    textWritten_ = true;
}

void XmlWriter::close() {
    assert(!open_.empty());
    const std::string_view name = open_.back();
    open_.pop_back();
    if (startTagOpen_) {
        out_ += " />\n";
        startTagOpen_ = false;
        return;
    }
    if (!textWritten_) {
        indent(open_.size());
    }
    textWritten_ = false;
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

void XmlWriter::textElement(std::string_view name, std::string_view value) {
    open(name);
    text(value);
    close();
}

void XmlWriter::copyAttributes(pugi::xml_node node) {
    for (const pugi::xml_attribute a : node.attributes()) {
        attribute(a.name(), a.value());
    }
}

void XmlWriter::copy(pugi::xml_node node) {
    open(node.name());
    copyAttributes(node);
    const pugi::xml_node first = node.first_child();
    if (first && first.type() == pugi::node_pcdata && !first.next_sibling()) {
        text(first.value());
    } else {
        for (const pugi::xml_node child : node.children()) {
            if (child.type() == pugi::node_element) {
                copy(child);
            } else if (child.type() == pugi::node_pcdata) {
                endStartTag();
                indent(open_.size());
                appendXmlEscaped(out_, child.value(), XmlContext::content);
                out_ += '\n';
            }
        }
    }
    close();
}

} // namespace rodtrad
