#include "load/document.h"

namespace rodtrad {

std::string Document::id() const {
    return root().child("header").child_value("id");
}

SourcePosition Document::positionOfOffset(std::size_t offset) const {
    return lines.position(std::string_view(buffer.get(), size), offset);
}

SourcePosition Document::position(pugi::xml_node node) const {
    for (; node; node = node.parent()) {
        const std::ptrdiff_t offset = node.offset_debug();
        if (offset >= 0) {
            // offset_debug points at the element's name; the diagnostic points at its '<'.
            return positionOfOffset(static_cast<std::size_t>(offset > 0 ? offset - 1 : 0));
        }
    }
    return {};
}

SourcePosition Document::position(pugi::xml_attribute attribute, pugi::xml_node owner) const {
    if (attribute) {
        const char* value = attribute.value();
        if (value >= buffer.get() && value < buffer.get() + size) {
            return positionOfOffset(static_cast<std::size_t>(value - buffer.get()));
        }
    }
    return position(owner);
}

} // namespace rodtrad
