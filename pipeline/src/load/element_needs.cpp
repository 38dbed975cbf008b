#include "load/element_needs.h"

namespace rodtrad {
namespace {

ElementNeeds::Node*
step(std::map<std::string, std::unique_ptr<ElementNeeds::Node>, std::less<>>& edges,
     const ElementNeeds::Node* from, std::string_view name) {
    const auto it = edges.find(name);
    if (it != edges.end()) {
        return it->second.get();
    }
    auto node = std::make_unique<ElementNeeds::Node>();
    node->parent = from;
    return edges.emplace(std::string(name), std::move(node)).first->second.get();
}

} // namespace

ElementNeeds::Node* ElementNeeds::Node::child(std::string_view name) {
    return step(children, this, name);
}

ElementNeeds::Node* ElementNeeds::Node::descendant(std::string_view name) {
    Node* node = step(descendants, this, name);
    node->anyDepth = true;
    return node;
}

ElementNeeds::ElementNeeds() : document_(std::make_unique<Node>()) {}

ElementNeeds ElementNeeds::whole() {
    ElementNeeds needs;
    needs.keepEverything();
    return needs;
}

} // namespace rodtrad
