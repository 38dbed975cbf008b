#include "revision_diff.h"

#include "rodtrad/limits.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <numeric>
#include <pugixml.hpp>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace rodtrad::workflow {

namespace {

using Kind = ElementChange::Kind;

constexpr std::size_t npos = static_cast<std::size_t>(-1);
constexpr std::size_t summaryCodePoints = 200;
constexpr std::string_view ellipsis = "\u2026";

// Sibling keys the schemas declare (xs:unique) for elements without an id of their own, and the
// dated entries of logs. An element is keyed only when it carries every attribute of its key.
struct NaturalKey {
    std::string_view element;
    std::array<std::string_view, 2> attributes;
};
constexpr std::array naturalKeys{
    NaturalKey{"activityReport", {"activity", {}}},
    NaturalKey{"analysis", {"goal", {}}},
    NaturalKey{"appliesTo", {"unit", {}}},
    NaturalKey{"baseline", {"year", {}}},
    NaturalKey{"clause", {"edition", "number"}},
    NaturalKey{"drill", {"date", {}}},
    NaturalKey{"evaluation", {"date", {}}},
    NaturalKey{"file", {"path", {}}},
    NaturalKey{"frame", {"year", {}}},
    NaturalKey{"goalAssessment", {"goal", {}}},
    NaturalKey{"input", {"kind", {}}},
    NaturalKey{"label", {"lang", {}}},
    NaturalKey{"level", {"level", {}}},
    NaturalKey{"measurement", {"date", {}}},
    NaturalKey{"outcome", {"indicator", "year"}},
    NaturalKey{"score", {"criterion", {}}},
    NaturalKey{"split", {"gender", {}}},
    NaturalKey{"style", {"name", {}}},
    NaturalKey{"target", {"year", {}}},
    NaturalKey{"title", {"lang", {}}},
    NaturalKey{"transition", {"action", "from"}},
    NaturalKey{"weight", {"name", {}}},
};

std::string_view localName(const char* qualified) {
    const std::string_view name(qualified);
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool isNamespaceDeclaration(std::string_view qualified) {
    return qualified == "xmlns" || qualified.starts_with("xmlns:");
}

bool isXmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The text with runs of whitespace collapsed to one space, and none leading or trailing.
std::string normalised(std::string_view text) {
    std::string out;
    bool pendingSpace = false;
    for (const char c : text) {
        if (isXmlSpace(c)) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !out.empty()) {
            out += ' ';
        }
        pendingSpace = false;
        out += c;
    }
    return out;
}

bool isText(pugi::xml_node node) {
    return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

// The element's own text (not its descendants'), normalised.
std::string directText(pugi::xml_node element) {
    std::string raw;
    for (pugi::xml_node node = element.first_child(); node; node = node.next_sibling()) {
        if (isText(node)) {
            raw += node.value();
        }
    }
    return normalised(raw);
}

bool hasElementChild(pugi::xml_node element) {
    for (pugi::xml_node node = element.first_child(); node; node = node.next_sibling()) {
        if (node.type() == pugi::node_element) {
            return true;
        }
    }
    return false;
}

pugi::xml_node childNamed(pugi::xml_node element, std::string_view name) {
    for (pugi::xml_node node = element.first_child(); node; node = node.next_sibling()) {
        if (node.type() == pugi::node_element && localName(node.name()) == name) {
            return node;
        }
    }
    return {};
}

pugi::xml_attribute attributeNamed(pugi::xml_node element, std::string_view name) {
    for (pugi::xml_attribute attribute : element.attributes()) {
        if (!isNamespaceDeclaration(attribute.name()) && localName(attribute.name()) == name) {
            return attribute;
        }
    }
    return {};
}

struct Attribute {
    std::string_view name;
    std::string value;
};

std::vector<Attribute> attributesOf(pugi::xml_node element) {
    std::vector<Attribute> attributes;
    for (pugi::xml_attribute attribute : element.attributes()) {
        if (!isNamespaceDeclaration(attribute.name())) {
            attributes.push_back({localName(attribute.name()), normalised(attribute.value())});
        }
    }
    return attributes;
}

// name="value" name="value", for elements whose content is their attributes.
std::string attributeSummary(pugi::xml_node element) {
    std::string summary;
    for (const Attribute& attribute : attributesOf(element)) {
        if (!summary.empty()) {
            summary += ' ';
        }
        summary.append(attribute.name).append("=\"").append(attribute.value) += '"';
    }
    return summary;
}

// The text of the first <title> or <name> child.
std::string labelOf(pugi::xml_node element) {
    for (pugi::xml_node node = element.first_child(); node; node = node.next_sibling()) {
        if (node.type() != pugi::node_element) {
            continue;
        }
        const std::string_view name = localName(node.name());
        if (name == "title" || name == "name") {
            return directText(node);
        }
    }
    return {};
}

bool isUtf8LeadByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
}

// The text of a subtree, each text node normalised and joined by spaces, cut after `limit` code
// points. Stops walking once it has enough, so a large added section costs no more than its
// first paragraphs.
class TextSummary : public pugi::xml_tree_walker {
public:
    explicit TextSummary(std::size_t limit) : limit_(limit) {}

    bool for_each(pugi::xml_node& node) override {
        if (!isText(node)) {
            return true;
        }
        const std::string part = normalised(node.value());
        if (part.empty()) {
            return true;
        }
        if (!text_.empty()) {
            text_ += ' ';
            ++codePoints_;
        }
        text_ += part;
        codePoints_ +=
            static_cast<std::size_t>(std::count_if(part.begin(), part.end(), isUtf8LeadByte));
        return codePoints_ <= limit_;
    }

    std::string take() {
        if (codePoints_ > limit_) {
            std::size_t seen = 0;
            for (std::size_t i = 0; i < text_.size(); ++i) {
                if (isUtf8LeadByte(text_[i]) && seen++ == limit_) {
                    text_.resize(i);
                    text_ += ellipsis;
                    break;
                }
            }
        }
        return std::move(text_);
    }

private:
    std::size_t limit_;
    std::size_t codePoints_ = 0;
    std::string text_;
};

// What a reviewer is shown for an element added or removed as a whole.
std::string summaryOf(pugi::xml_node element) {
    if (std::string label = labelOf(element); !label.empty()) {
        return label;
    }
    TextSummary text(summaryCodePoints);
    element.traverse(text);
    if (std::string summary = text.take(); !summary.empty()) {
        return summary;
    }
    return attributeSummary(element);
}

// The value of a leaf element that appears or disappears: its text, else its attributes.
std::string leafValue(pugi::xml_node element) {
    if (std::string text = directText(element); !text.empty()) {
        return text;
    }
    return attributeSummary(element);
}

std::string join(std::string_view head, std::string_view tail) {
    if (head.empty()) {
        return std::string(tail);
    }
    if (tail.empty()) {
        return std::string(head);
    }
    std::string joined(head);
    joined += '/';
    joined += tail;
    return joined;
}

enum class IdentityKind {
    none, // matched by position
    own,  // an id attribute or <id> child: the element is something reviewers name
    key,  // a ref attribute or a schema-declared sibling key
};

struct Identity {
    IdentityKind kind = IdentityKind::none;
    std::string value;
};

Identity identityOf(pugi::xml_node element) {
    if (std::string id = normalised(attributeNamed(element, "id").value()); !id.empty()) {
        return {IdentityKind::own, std::move(id)};
    }
    if (const pugi::xml_node idChild = childNamed(element, "id");
        idChild && !hasElementChild(idChild)) {
        if (std::string id = directText(idChild); !id.empty()) {
            return {IdentityKind::own, std::move(id)};
        }
    }
    const std::string_view name = localName(element.name());
    for (const NaturalKey& key : naturalKeys) {
        if (key.element != name) {
            continue;
        }
        std::string value;
        for (const std::string_view attributeName : key.attributes) {
            if (attributeName.empty()) {
                continue;
            }
            const pugi::xml_attribute attribute = attributeNamed(element, attributeName);
            if (!attribute) {
                return {};
            }
            if (!value.empty()) {
                value += ',';
            }
            value += normalised(attribute.value());
        }
        return {IdentityKind::key, std::move(value)};
    }
    if (const pugi::xml_attribute ref = attributeNamed(element, "ref"); ref) {
        return {IdentityKind::key, normalised(ref.value())};
    }
    return {};
}

// An element child with what matching needs to know about it.
struct Child {
    pugi::xml_node node;
    std::string_view name;
    Identity identity;
    bool leaf = true;
    std::string segment;          // its step in a path, see ElementChange::path
    std::size_t partner = npos;   // index of its match among the other revision's siblings
    pugi::xml_node elsewhere;     // its match by id when that is under another parent
    std::size_t movedFrom = npos; // reordered: 1-based position among matched siblings before
    std::size_t movedTo = npos;   // ... and after
};

std::vector<Child> childrenOf(pugi::xml_node parent) {
    std::vector<Child> children;
    // Per name: how many siblings without identity have it, and how many of them are numbered.
    std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> unkeyed;
    for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
        if (node.type() != pugi::node_element) {
            continue;
        }
        Child child;
        child.node = node;
        child.name = localName(node.name());
        child.identity = identityOf(node);
        child.leaf = !hasElementChild(node);
        if (child.identity.kind == IdentityKind::none) {
            ++unkeyed[child.name].first;
        }
        children.push_back(std::move(child));
    }
    for (Child& child : children) {
        child.segment = child.name;
        if (child.identity.kind != IdentityKind::none) {
            child.segment.append("[").append(child.identity.value) += ']';
            continue;
        }
        auto& [total, numbered] = unkeyed[child.name];
        ++numbered;
        if (total > 1) {
            child.segment.append("[").append(std::to_string(numbered)) += ']';
        }
    }
    return children;
}

// The content of a subtree in one string: element names, attributes in name order and
// normalised text, so that equal content compares equal whatever its formatting.
void appendContent(std::string& out, pugi::xml_node element) {
    out += '<';
    out += localName(element.name());
    std::vector<Attribute> attributes = attributesOf(element);
    std::sort(attributes.begin(), attributes.end(), [](const Attribute& a, const Attribute& b) {
        return a.name < b.name || (a.name == b.name && a.value < b.value);
    });
    for (const Attribute& attribute : attributes) {
        out.append("\x1f").append(attribute.name).append("=").append(attribute.value);
    }
    out += '>';
    out += directText(element);
    for (pugi::xml_node node = element.first_child(); node; node = node.next_sibling()) {
        if (node.type() == pugi::node_element) {
            appendContent(out, node);
        }
    }
    out += "</>";
}

std::string contentOf(const Child& child) {
    std::string content;
    appendContent(content, child.node);
    return content;
}

// Which of `values` form one longest strictly increasing subsequence (patience sorting, so the
// choice is deterministic).
std::vector<bool> longestIncreasing(const std::vector<std::size_t>& values) {
    std::vector<std::size_t> tails;
    std::vector<std::size_t> previous(values.size(), npos);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto it = std::lower_bound(
            tails.begin(), tails.end(), values[i],
            [&values](std::size_t tail, std::size_t value) { return values[tail] < value; });
        if (it != tails.begin()) {
            previous[i] = *(it - 1);
        }
        if (it == tails.end()) {
            tails.push_back(i);
        } else {
            *it = i;
        }
    }
    std::vector<bool> member(values.size(), false);
    for (std::size_t i = tails.empty() ? npos : tails.back(); i != npos; i = previous[i]) {
        member[i] = true;
    }
    return member;
}

using NodeKey = const pugi::xml_node_struct*;

// Every element below the root that has an id of its own, by name and id. Also notes a document
// nested deeper than the parse limits allow, which is refused before the comparison recurses.
class IdentityIndex : public pugi::xml_tree_walker {
public:
    struct Entry {
        pugi::xml_node node;
        std::size_t count = 0;
    };

    explicit IdentityIndex(int maxDepth) : maxDepth_(maxDepth) {}

    bool for_each(pugi::xml_node& node) override {
        if (node.type() != pugi::node_element) {
            return true;
        }
        // depth() counts from the root's children at 0; the root is level 1.
        if (depth() + 2 > maxDepth_) {
            tooDeep_ = true;
            return false;
        }
        const Identity identity = identityOf(node);
        if (identity.kind == IdentityKind::own) {
            std::string key(localName(node.name()));
            key += '\n';
            key += identity.value;
            Entry& entry = entries_[key];
            entry.node = node;
            ++entry.count;
        }
        return true;
    }

    bool tooDeep() const { return tooDeep_; }
    const std::unordered_map<std::string, Entry>& entries() const { return entries_; }

private:
    int maxDepth_;
    bool tooDeep_ = false;
    std::unordered_map<std::string, Entry> entries_;
};

class RevisionDiff {
public:
    RevisionDiff(pugi::xml_node beforeRoot, pugi::xml_node afterRoot,
                 const IdentityIndex& beforeIndex, const IdentityIndex& afterIndex)
        : beforeRoot_(beforeRoot), afterRoot_(afterRoot) {
        for (const auto& [key, afterEntry] : afterIndex.entries()) {
            const auto found = beforeIndex.entries().find(key);
            if (afterEntry.count != 1 || found == beforeIndex.entries().end() ||
                found->second.count != 1) {
                continue;
            }
            beforeOf_[afterEntry.node.internal_object()] = found->second.node;
            afterOf_[found->second.node.internal_object()] = afterEntry.node;
        }
    }

    std::vector<ElementChange> run() {
        const std::string_view name = localName(afterRoot_.name());
        if (localName(beforeRoot_.name()) != name) {
            reportWhole(Kind::removed, beforeRoot_, identityOf(beforeRoot_), "");
            reportWhole(Kind::added, afterRoot_, identityOf(afterRoot_), "");
            return std::move(changes_);
        }
        const Identity identity = identityOf(afterRoot_);
        const Scope root{std::string(name),
                         identity.kind == IdentityKind::own ? identity.value : std::string(),
                         labelOf(afterRoot_), ""};
        diffContent(beforeRoot_, afterRoot_, root, "");
        return std::move(changes_);
    }

private:
    // The element a `changed` is reported on: the nearest one with an id of its own.
    struct Scope {
        std::string element;
        std::string id;
        std::string label;
        std::string path;
    };

    void report(Kind kind, std::string element, std::string id, std::string label, std::string path,
                std::string field, std::string before, std::string after) {
        changes_.push_back(ElementChange{.kind = kind,
                                         .element = std::move(element),
                                         .id = std::move(id),
                                         .label = std::move(label),
                                         .path = std::move(path),
                                         .field = std::move(field),
                                         .before = std::move(before),
                                         .after = std::move(after)});
    }

    void reportField(const Scope& scope, std::string field, std::string before, std::string after) {
        report(Kind::changed, scope.element, scope.id, scope.label, scope.path, std::move(field),
               std::move(before), std::move(after));
    }

    void reportWhole(Kind kind, pugi::xml_node element, const Identity& identity,
                     std::string path) {
        std::string name(localName(element.name()));
        std::string summary = summaryOf(element);
        if (kind == Kind::removed) {
            report(kind, std::move(name), identity.value, labelOf(element), std::move(path), "",
                   std::move(summary), "");
        } else {
            report(kind, std::move(name), identity.value, labelOf(element), std::move(path), "", "",
                   std::move(summary));
        }
    }

    // Attributes, own text and children of a matched pair.
    void diffContent(pugi::xml_node before, pugi::xml_node after, const Scope& scope,
                     const std::string& relative) {
        diffAttributes(before, after, scope, relative);
        if (std::string was = directText(before), now = directText(after); was != now) {
            reportField(scope, relative.empty() ? "text" : relative, std::move(was),
                        std::move(now));
        }
        if (hasElementChild(before) || hasElementChild(after)) {
            diffChildren(before, after, scope, relative);
        }
    }

    void diffAttributes(pugi::xml_node before, pugi::xml_node after, const Scope& scope,
                        const std::string& relative) {
        const std::vector<Attribute> was = attributesOf(before);
        const std::vector<Attribute> now = attributesOf(after);
        // Matched through their orders by name, so that an element with very many attributes
        // costs n log n.
        const auto byName = [](const std::vector<Attribute>& attributes) {
            std::vector<std::size_t> order(attributes.size());
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::stable_sort(order.begin(), order.end(),
                             [&attributes](std::size_t a, std::size_t b) {
                                 return attributes[a].name < attributes[b].name;
                             });
            return order;
        };
        const std::vector<std::size_t> wasOrder = byName(was);
        const std::vector<std::size_t> nowOrder = byName(now);
        std::vector<std::size_t> partner(now.size(), npos);
        std::vector<bool> kept(was.size(), false);
        for (std::size_t i = 0, j = 0; i < wasOrder.size() && j < nowOrder.size();) {
            const std::string_view wasName = was[wasOrder[i]].name;
            const std::string_view nowName = now[nowOrder[j]].name;
            if (wasName < nowName) {
                ++i;
            } else if (nowName < wasName) {
                ++j;
            } else {
                partner[nowOrder[j++]] = wasOrder[i];
                kept[wasOrder[i++]] = true;
            }
        }
        const auto field = [&relative](std::string_view name) {
            return join(relative, "@" + std::string(name));
        };
        for (std::size_t j = 0; j < now.size(); ++j) {
            if (partner[j] == npos) {
                reportField(scope, field(now[j].name), "", now[j].value);
            } else if (was[partner[j]].value != now[j].value) {
                reportField(scope, field(now[j].name), was[partner[j]].value, now[j].value);
            }
        }
        for (std::size_t i = 0; i < was.size(); ++i) {
            if (!kept[i]) {
                reportField(scope, field(was[i].name), was[i].value, "");
            }
        }
    }

    void diffChildren(pugi::xml_node beforeParent, pugi::xml_node afterParent, const Scope& scope,
                      const std::string& relative) {
        std::vector<Child> before = childrenOf(beforeParent);
        std::vector<Child> after = childrenOf(afterParent);
        if (inPlace(before, after)) {
            for (std::size_t i = 0; i < after.size(); ++i) {
                diffMatched(before[i], after[i], scope, relative);
            }
            return;
        }
        matchChildren(before, after, beforeParent, afterParent);
        findReordered(after);

        std::unordered_map<std::string_view, std::size_t> repeated; // most of a name per side
        countNames(before, repeated);
        countNames(after, repeated);
        const auto isRepeated = [&repeated](const Child& child) {
            return repeated.at(child.name) > 1;
        };
        const auto isGone = [](const Child& child) {
            return child.partner == npos && !child.elsewhere;
        };
        const auto reportGone = [&](const Child& child) {
            if (!isGone(child)) {
                return;
            }
            if (child.leaf && child.identity.kind == IdentityKind::none && !isRepeated(child)) {
                reportField(scope, join(relative, child.segment), leafValue(child.node), "");
            } else {
                reportWhole(Kind::removed, child.node, child.identity,
                            join(scope.path, join(relative, child.segment)));
            }
        };

        std::size_t next = 0; // the first before child not yet passed
        for (const Child& child : after) {
            // Removed children come out where they were: ahead of what replaced them.
            while (next < before.size() && (isGone(before[next]) || before[next].elsewhere)) {
                reportGone(before[next++]);
            }
            if (child.partner != npos) {
                if (child.partner >= next) {
                    for (; next < child.partner; ++next) {
                        reportGone(before[next]);
                    }
                    next = child.partner + 1;
                }
                diffMatched(before[child.partner], child, scope, relative);
            } else if (child.elsewhere) {
                diffMovedIn(child.elsewhere, child, join(scope.path, relative));
            } else if (child.leaf && child.identity.kind == IdentityKind::none &&
                       !isRepeated(child)) {
                reportField(scope, join(relative, child.segment), "", leafValue(child.node));
            } else {
                const std::string path = join(scope.path, join(relative, child.segment));
                reportWhole(Kind::added, child.node, child.identity, path);
                reportMovedInto(child.node, path);
            }
        }
        for (; next < before.size(); ++next) {
            reportGone(before[next]);
        }
    }

    // Whether matching would pair the children position by position: the same names and
    // identities in the same order, and equal content where there is no identity. Most
    // children of most elements are where they were; this spares them the matching.
    static bool inPlace(const std::vector<Child>& before, const std::vector<Child>& after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (std::size_t i = 0; i < after.size(); ++i) {
            const Child& was = before[i];
            const Child& now = after[i];
            if (was.name != now.name || was.identity.kind != now.identity.kind ||
                was.identity.value != now.identity.value) {
                return false;
            }
            if (now.identity.kind == IdentityKind::none && contentOf(was) != contentOf(now)) {
                return false;
            }
        }
        return true;
    }

    static void countNames(const std::vector<Child>& children,
                           std::unordered_map<std::string_view, std::size_t>& most) {
        std::unordered_map<std::string_view, std::size_t> count;
        for (const Child& child : children) {
            ++count[child.name];
        }
        for (const auto& [name, n] : count) {
            std::size_t& m = most[name];
            m = std::max(m, n);
        }
    }

    void diffMatched(const Child& before, const Child& after, const Scope& scope,
                     const std::string& relative) {
        const std::string path = join(scope.path, join(relative, after.segment));
        if (after.movedFrom != npos) {
            report(Kind::moved, std::string(after.name), after.identity.value, labelOf(after.node),
                   path, "position", std::to_string(after.movedFrom),
                   std::to_string(after.movedTo));
        }
        if (after.identity.kind != IdentityKind::own) {
            diffContent(before.node, after.node, scope, join(relative, after.segment));
            return;
        }
        std::string label = labelOf(after.node);
        if (label.empty()) {
            label = labelOf(before.node);
        }
        const Scope own{std::string(after.name), after.identity.value, std::move(label), path};
        diffContent(before.node, after.node, own, "");
    }

    // An element matched by id to one under another parent.
    void diffMovedIn(pugi::xml_node before, const Child& after, const std::string& parentPath) {
        const std::string path = join(parentPath, after.segment);
        std::string label = labelOf(after.node);
        report(Kind::moved, std::string(after.name), after.identity.value, label, path, "path",
               beforePath(before), path);
        const Scope own{std::string(after.name), after.identity.value, std::move(label), path};
        diffContent(before, after.node, own, "");
    }

    // An added element is one entry, but elements inside it that were elsewhere before have
    // moved, and are compared with what they were.
    void reportMovedInto(pugi::xml_node added, const std::string& addedPath) {
        for (const Child& child : childrenOf(added)) {
            const auto found = beforeOf_.find(child.node.internal_object());
            if (found != beforeOf_.end()) {
                diffMovedIn(found->second, child, addedPath);
            } else {
                reportMovedInto(child.node, join(addedPath, child.segment));
            }
        }
    }

    void matchChildren(std::vector<Child>& before, std::vector<Child>& after,
                       pugi::xml_node beforeParent, pugi::xml_node afterParent) {
        std::unordered_map<NodeKey, std::size_t> beforeIndex;
        for (std::size_t i = 0; i < before.size(); ++i) {
            if (before[i].identity.kind == IdentityKind::own) {
                beforeIndex.emplace(before[i].node.internal_object(), i);
            }
        }
        for (std::size_t i = 0; i < after.size(); ++i) {
            if (after[i].identity.kind != IdentityKind::own) {
                continue;
            }
            const auto found = beforeOf_.find(after[i].node.internal_object());
            if (found == beforeOf_.end()) {
                continue;
            }
            if (found->second.parent() == beforeParent) {
                const std::size_t j = beforeIndex.at(found->second.internal_object());
                after[i].partner = j;
                before[j].partner = i;
            } else {
                after[i].elsewhere = found->second;
            }
        }
        for (Child& child : before) {
            if (child.identity.kind != IdentityKind::own) {
                continue;
            }
            const auto found = afterOf_.find(child.node.internal_object());
            if (found != afterOf_.end() && found->second.parent() != afterParent) {
                child.elsewhere = found->second;
            }
        }

        // The rest, name by name, in the order names first appear after.
        std::vector<std::string_view> names;
        std::unordered_map<std::string_view,
                           std::pair<std::vector<std::size_t>, std::vector<std::size_t>>>
            groups;
        for (std::size_t i = 0; i < before.size(); ++i) {
            if (before[i].partner == npos && !before[i].elsewhere) {
                groups[before[i].name].first.push_back(i);
            }
        }
        for (std::size_t i = 0; i < after.size(); ++i) {
            if (after[i].partner == npos && !after[i].elsewhere) {
                auto& group = groups[after[i].name];
                if (group.second.empty()) {
                    names.push_back(after[i].name);
                }
                group.second.push_back(i);
            }
        }
        for (const std::string_view name : names) {
            const auto& [was, now] = groups.at(name);
            matchGroup(before, after, was, now);
        }
    }

    static void link(std::vector<Child>& before, std::vector<Child>& after, std::size_t b,
                     std::size_t a) {
        before[b].partner = a;
        after[a].partner = b;
    }

    // Same-named siblings not matched by a unique id.
    static void matchGroup(std::vector<Child>& before, std::vector<Child>& after,
                           const std::vector<std::size_t>& was,
                           const std::vector<std::size_t>& now) {
        const auto ownId = [](const Child& child) {
            return child.identity.kind == IdentityKind::own;
        };
        if (was.size() == 1 && now.size() == 1 && !ownId(before[was[0]]) && !ownId(after[now[0]])) {
            link(before, after, was[0], now[0]);
            return;
        }
        // Keyed ones by kind, key and occurrence of that key.
        const auto keyOf = [](const Child& child, std::unordered_map<std::string, int>& counts) {
            std::string key(1, child.identity.kind == IdentityKind::own ? 'o' : 'k');
            key += child.identity.value;
            key += '\n';
            key += std::to_string(counts[key]++);
            return key;
        };
        std::unordered_map<std::string, int> seen;
        std::unordered_map<std::string, std::size_t> keyed;
        std::vector<std::size_t> wasUnkeyed;
        for (const std::size_t b : was) {
            if (before[b].identity.kind == IdentityKind::none) {
                wasUnkeyed.push_back(b);
            } else {
                keyed.emplace(keyOf(before[b], seen), b);
            }
        }
        seen.clear();
        std::vector<std::size_t> nowUnkeyed;
        for (const std::size_t a : now) {
            if (after[a].identity.kind == IdentityKind::none) {
                nowUnkeyed.push_back(a);
            } else if (const auto found = keyed.find(keyOf(after[a], seen)); found != keyed.end()) {
                link(before, after, found->second, a);
            }
        }
        linkInOrder(before, after, wasUnkeyed, nowUnkeyed);
    }

    // Siblings without identity. Those whose content is unchanged and occurs once on each side
    // are matched, and those of them that kept their relative order anchor the two lists;
    // between anchors, the others are paired by position. One inserted, removed, edited or
    // moved paragraph is then one entry, wherever the others were edited.
    static void linkInOrder(std::vector<Child>& before, std::vector<Child>& after,
                            const std::vector<std::size_t>& was,
                            const std::vector<std::size_t>& now) {
        std::vector<std::string> wasContent(was.size());
        std::vector<std::string> nowContent(now.size());
        std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> occurrences;
        std::unordered_map<std::string_view, std::size_t> wasPosition;
        for (std::size_t i = 0; i < was.size(); ++i) {
            wasContent[i] = contentOf(before[was[i]]);
            ++occurrences[wasContent[i]].first;
            wasPosition[wasContent[i]] = i;
        }
        for (std::size_t i = 0; i < now.size(); ++i) {
            nowContent[i] = contentOf(after[now[i]]);
            ++occurrences[nowContent[i]].second;
        }
        std::vector<std::size_t> candidateWas;
        std::vector<std::size_t> candidateNow;
        for (std::size_t i = 0; i < now.size(); ++i) {
            if (occurrences.at(nowContent[i]) == std::pair<std::size_t, std::size_t>{1, 1}) {
                candidateWas.push_back(wasPosition.at(nowContent[i]));
                candidateNow.push_back(i);
            }
        }
        // Unique unchanged siblings are matched even when out of order: they moved.
        for (std::size_t k = 0; k < candidateNow.size(); ++k) {
            link(before, after, was[candidateWas[k]], now[candidateNow[k]]);
        }
        const std::vector<bool> anchor = longestIncreasing(candidateWas);
        std::size_t wasFrom = 0;
        std::size_t nowFrom = 0;
        const auto linkGap = [&](std::size_t wasTo, std::size_t nowTo) {
            while (true) {
                while (wasFrom < wasTo && before[was[wasFrom]].partner != npos) {
                    ++wasFrom;
                }
                while (nowFrom < nowTo && after[now[nowFrom]].partner != npos) {
                    ++nowFrom;
                }
                if (wasFrom == wasTo || nowFrom == nowTo) {
                    return;
                }
                link(before, after, was[wasFrom++], now[nowFrom++]);
            }
        };
        for (std::size_t k = 0; k < candidateNow.size(); ++k) {
            if (anchor[k]) {
                linkGap(candidateWas[k], candidateNow[k]);
                wasFrom = candidateWas[k] + 1;
                nowFrom = candidateNow[k] + 1;
            }
        }
        linkGap(was.size(), now.size());
    }

    // Marks the matched siblings that changed places, as few as explain the new order: first
    // among siblings of the same name that have an identity, then, for the rest, among all
    // siblings (two paragraphs swapped, a list moved ahead of a paragraph).
    static void findReordered(std::vector<Child>& after) {
        std::vector<std::string_view> names;
        std::unordered_map<std::string_view, std::vector<std::size_t>> byName;
        for (std::size_t i = 0; i < after.size(); ++i) {
            if (after[i].partner != npos && after[i].identity.kind != IdentityKind::none) {
                auto& group = byName[after[i].name];
                if (group.empty()) {
                    names.push_back(after[i].name);
                }
                group.push_back(i);
            }
        }
        for (const std::string_view name : names) {
            markOutOfOrder(after, byName.at(name));
        }
        std::vector<std::size_t> rest;
        for (std::size_t i = 0; i < after.size(); ++i) {
            if (after[i].partner != npos && after[i].movedFrom == npos) {
                rest.push_back(i);
            }
        }
        markOutOfOrder(after, rest);
    }

    // Marks the members of `group` (indices into after, in order) outside one longest run whose
    // partners are in order, with their 1-based positions within the group before and after.
    static void markOutOfOrder(std::vector<Child>& after, const std::vector<std::size_t>& group) {
        std::vector<std::size_t> wasAt;
        wasAt.reserve(group.size());
        for (const std::size_t a : group) {
            wasAt.push_back(after[a].partner);
        }
        const std::vector<bool> inOrder = longestIncreasing(wasAt);
        std::vector<std::size_t> sorted = wasAt;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t k = 0; k < group.size(); ++k) {
            if (inOrder[k]) {
                continue;
            }
            const auto rank = std::lower_bound(sorted.begin(), sorted.end(), wasAt[k]);
            after[group[k]].movedFrom = static_cast<std::size_t>(rank - sorted.begin()) + 1;
            after[group[k]].movedTo = k + 1;
        }
    }

    // The path of an element of the before revision, for an element that moved away from it.
    // Remembers the paths of each parent's children at once, so that walking many moved
    // elements up through the same ancestors stays linear.
    const std::string& beforePath(pugi::xml_node element) {
        static const std::string rootPath;
        if (element == beforeRoot_ || !element.parent()) {
            return rootPath;
        }
        if (const auto found = beforePaths_.find(element.internal_object());
            found != beforePaths_.end()) {
            return found->second;
        }
        const std::string parentPath = beforePath(element.parent());
        for (const Child& child : childrenOf(element.parent())) {
            beforePaths_.emplace(child.node.internal_object(), join(parentPath, child.segment));
        }
        return beforePaths_.at(element.internal_object());
    }

    pugi::xml_node beforeRoot_;
    pugi::xml_node afterRoot_;
    std::unordered_map<NodeKey, pugi::xml_node> beforeOf_; // unique id pairs, after to before
    std::unordered_map<NodeKey, pugi::xml_node> afterOf_;  // and before to after
    std::unordered_map<NodeKey, std::string> beforePaths_;
    std::vector<ElementChange> changes_;
};

void parseRevision(pugi::xml_document& document, const std::string& xml, const std::string& side) {
    // parse_doctype keeps a DOCTYPE in the tree so that it can be refused; pugixml never
    // expands entities either way.
    const pugi::xml_parse_result result = document.load_buffer(
        xml.data(), xml.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!result) {
        throw std::invalid_argument(side +
                                    " revision is not well-formed XML: " + result.description() +
                                    " at offset " + std::to_string(result.offset));
    }
    for (pugi::xml_node node = document.first_child(); node; node = node.next_sibling()) {
        if (node.type() == pugi::node_doctype) {
            throw std::invalid_argument(side +
                                        " revision has a document type declaration, which no "
                                        "rodtrad document has");
        }
    }
    if (!document.document_element()) {
        throw std::invalid_argument(side + " revision has no root element");
    }
}

IdentityIndex indexRevision(const pugi::xml_document& document, const std::string& side) {
    const int maxDepth = ParseLimits{}.maxDepth;
    IdentityIndex index(maxDepth);
    document.document_element().traverse(index);
    if (index.tooDeep()) {
        throw std::invalid_argument(side + " revision nests elements deeper than " +
                                    std::to_string(maxDepth) + " levels");
    }
    return index;
}

} // namespace

std::string changeKindName(ElementChange::Kind kind) {
    switch (kind) {
    case Kind::added:
        return "added";
    case Kind::removed:
        return "removed";
    case Kind::changed:
        return "changed";
    case Kind::moved:
        return "moved";
    }
    return "changed";
}

std::vector<ElementChange> diffRevisions(const std::string& beforeXml,
                                         const std::string& afterXml) {
    pugi::xml_document before;
    pugi::xml_document after;
    parseRevision(before, beforeXml, "before");
    parseRevision(after, afterXml, "after");
    const IdentityIndex beforeIndex = indexRevision(before, "before");
    const IdentityIndex afterIndex = indexRevision(after, "after");
    return RevisionDiff(before.document_element(), after.document_element(), beforeIndex,
                        afterIndex)
        .run();
}

} // namespace rodtrad::workflow
