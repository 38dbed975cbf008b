#pragma once

#include <string>
#include <vector>

namespace rodtrad::workflow {

// One difference between two revisions of a document, told by element so that a reviewer reads
// "indicator KF1-NT2: target[2025]/@value 90 → 92" or "councilGoal KF11 added" rather than a
// line diff.
struct ElementChange {
    enum class Kind { added, removed, changed, moved };
    Kind kind;
    // Local name of the element the change is about: the added, removed or moved element, or
    // for `changed` the nearest element with an id of its own that holds the changed value
    // (the document's root element when there is none).
    std::string element;
    // Its identity: the id attribute or <id> child; for an element without one, the key it was
    // matched by (a ref attribute, or the sibling key its schema declares, such as the year of a
    // <target>, values joined with ','); "" for elements matched by position.
    std::string id;
    // The text of its first <title> or <name> child, "" if it has none.
    std::string label;
    // Where the element is: its ancestors below the root and itself, '/'-separated, each as
    // name[id] or name[key], or as name[n] (1-based) when siblings without identity share the
    // name, or as the bare name. "" is the root element. Example:
    // "perspective[kund]/councilGoal[KF1]".
    std::string path;
    // changed: what changed, relative to `path`: a leaf child ("target", "description/p[2]"),
    //          an attribute ("@parent", "target[2025]/@value"), or "text" for the element's own
    //          text.
    // moved:   "position" when reordered among its siblings (before and after are its 1-based
    //          positions among the siblings of its name found in both revisions, or among all
    //          of them when only its place next to differently named ones changed), "path" when
    //          moved under another parent (before and after are the old and new path).
    // added, removed: "".
    std::string field;
    // changed: the old and new value, whitespace-normalised; "" where the field is absent.
    // added, removed: a summary of the element (its label, else up to 200 characters of its
    // text followed by "…" when cut, else its attributes) in after, respectively before.
    std::string before;
    std::string after;
};

// "added", "removed", "changed" or "moved".
std::string changeKindName(ElementChange::Kind kind);

// The changes from one revision of a document to the next, in the document order of the after
// revision, with removed elements where they were. Deterministic; the time it takes grows with
// the size of the documents, not with its square.
//
// Elements are compared by local name (namespace prefixes and declarations are ignored) and
// values by their whitespace-normalised text. Children are matched to children:
//   - an element with an id of its own (id attribute, else the text of an <id> child) is
//     matched by element name and id anywhere in the document when the pair is unique in both
//     revisions, so that moving it to another parent is one `moved`; otherwise within its
//     parent;
//   - other elements by name and key within their parent: a ref attribute, or the sibling key
//     the schemas declare (target/@year, outcome/@indicator+@year, clause/@edition+@number, ...);
//     the only sibling of its name on both sides is matched whatever its key;
//   - the rest by position among same-named siblings, after aligning those whose content is
//     unchanged and unique among them, so that one inserted paragraph is one addition.
// Changed attributes and leaf children (elements without element children) are reported as
// `changed` on the nearest element with an id of its own. An element found in one revision
// only is one `added` or `removed`, not expanded into its content; a single leaf child that
// appears or disappears is instead a `changed` with an empty before or after. Revisions whose
// root elements differ in name are one removed and one added root.
//
// Throws std::invalid_argument, with a message starting "before revision" or "after revision",
// when a revision is not well-formed XML, has a document type declaration, or nests deeper than
// the parse limits allow.
std::vector<ElementChange> diffRevisions(const std::string& beforeXml, const std::string& afterXml);

} // namespace rodtrad::workflow
