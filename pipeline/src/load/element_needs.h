#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace rodtrad {

// What of an XML document its reader has to keep: the elements reached from the document by
// paths of element names, each step to a child or to any descendant of a name, and elements
// kept with everything below them. A kept element keeps all its attributes and its text, and
// the elements between it and the root are kept too. A reader that knows what a template reads
// builds only that part of a large document.
class ElementNeeds {
public:
    struct Node {
        const Node* parent = nullptr;
        std::map<std::string, std::unique_ptr<Node>, std::less<>> children;
        std::map<std::string, std::unique_ptr<Node>, std::less<>> descendants;
        bool everything = false;
        bool anyDepth = false; // reached from its parent at any depth

        Node* child(std::string_view name);
        Node* descendant(std::string_view name);
    };

    // Nothing yet but the root element (with its attributes).
    ElementNeeds();
    // The whole document.
    static ElementNeeds whole();

    // Above the root element: its children are what the root may be.
    Node* document() { return document_.get(); }
    const Node* document() const { return document_.get(); }
    // Every element of the document, with everything below it.
    void keepEverything() { document_->everything = true; }
    bool keepsEverything() const { return document_->everything; }

private:
    std::unique_ptr<Node> document_;
};

} // namespace rodtrad
