#include "pdf/structure_tree.h"

#include "rodtrad/error.h"
#include "util/utf8.h"

#include <algorithm>
#include <cstdio>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

namespace rodtrad {
namespace {

// libharu's limits on arrays and on the keys of a number-tree leaf we write.
constexpr std::size_t maxKids = 8000;
constexpr std::size_t maxParentTreeLeaf = 2000;

// A PDF text string for any Unicode text: UTF-16BE with a byte-order mark.
std::vector<unsigned char> textString(std::string_view utf8) {
    std::vector<unsigned char> bytes{0xFE, 0xFF};
    const auto unit = [&](unsigned value) {
        bytes.push_back(static_cast<HPDF_BYTE>(value >> 8));
        bytes.push_back(static_cast<HPDF_BYTE>(value & 0xFF));
    };
    // A PDF string holds at most 65,535 bytes: a longer text (the alternative text of a diagram
    // of thousands of goals) ends in an ellipsis there.
    constexpr std::size_t limit = 65535 - 8;
    for (std::size_t i = 0; i < utf8.size();) {
        if (bytes.size() >= limit) {
            unit(0x2026);
            break;
        }
        const DecodedCodePoint c = decodeUtf8(utf8, i);
        i += c.length;
        const char32_t value = c.valid ? c.value : U'\uFFFD';
        if (value >= 0x10000) {
            const unsigned v = static_cast<unsigned>(value) - 0x10000;
            unit(0xD800 + (v >> 10));
            unit(0xDC00 + (v & 0x3FF));
        } else {
            unit(static_cast<unsigned>(value));
        }
    }
    return bytes;
}

HPDF_Binary textStringObject(HPDF_MMgr mmgr, std::string_view utf8) {
    std::vector<unsigned char> bytes = textString(utf8);
    return HPDF_Binary_New(mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
}

// A PDF literal string of ASCII text, escaped as libharu escapes its own.
void appendLiteral(std::string& out, std::string_view text) {
    out += '(';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7E || c == '\\' || c == '(' || c == ')') {
            char escaped[5];
            std::snprintf(escaped, sizeof escaped, "\\%03o", byte);
            out += escaped;
        } else {
            out += c;
        }
    }
    out += ')';
}

HPDF_Stream contentStream(HPDF_Page page) {
    return static_cast<HPDF_PageAttr>(page->attr)->stream;
}

} // namespace

StructureTree::StructureTree(HPDF_Doc pdf, const std::vector<StructElement>& structure)
    : pdf_(pdf) {
    nodes_.reserve(structure.size());
    for (const StructElement& element : structure) {
        nodes_.push_back({element, {}, false, -1, nullptr});
    }
    if (nodes_.empty()) {
        nodes_.push_back({{"Document", -1, "", "", "", ""}, {}, false, -1, nullptr});
    }
    nodes_[0].attached = true; // the root
}

void StructureTree::check(const char* what) {
    if (HPDF_GetError(pdf_) != HPDF_OK) {
        char text[96];
        std::snprintf(text, sizeof text, "libharu error 0x%04X while %s",
                      static_cast<unsigned>(HPDF_GetError(pdf_)), what);
        HPDF_ResetError(pdf_);
        throw Error(text);
    }
}

void StructureTree::beginPage(HPDF_Page page) {
    pages_.push_back(page);
    mcidCount_.push_back(0);
    current_ = noSequence;
}

void StructureTree::mark(int structure) {
    if (structure >= static_cast<int>(nodes_.size())) {
        structure = -1;
    }
    if (current_ == structure) {
        return;
    }
    close();
    HPDF_Stream stream = contentStream(pages_.back());
    if (structure < 0) {
        HPDF_Stream_WriteStr(stream, "/Artifact BMC\012");
    } else {
        const int page = static_cast<int>(pages_.size()) - 1;
        const int mcid = mcidCount_.back()++;
        Node& node = nodes_[static_cast<std::size_t>(structure)];
        attach(structure);
        Kid kid;
        kid.kind = Kid::Kind::content;
        kid.page = page;
        kid.mcid = mcid;
        node.kids.push_back(kid);
        if (node.firstPage < 0) {
            node.firstPage = page;
        }
        char operators[96];
        std::snprintf(operators, sizeof operators, "/%s <</MCID %d>> BDC\012",
                      node.element.role.c_str(), mcid);
        HPDF_Stream_WriteStr(stream, operators);
    }
    current_ = structure;
}

void StructureTree::close() {
    if (current_ != noSequence) {
        HPDF_Stream_WriteStr(contentStream(pages_.back()), "EMC\012");
        current_ = noSequence;
    }
}

void StructureTree::endPage() {
    close();
}

// An element joins its parent's kids when its first content appears, so kids come in reading
// order; its ancestors join first.
void StructureTree::attach(int element) {
    Node& node = nodes_[static_cast<std::size_t>(element)];
    if (node.attached) {
        return;
    }
    const int parent = node.element.parent >= 0 ? node.element.parent : 0;
    attach(parent);
    Kid kid;
    kid.element = element;
    nodes_[static_cast<std::size_t>(parent)].kids.push_back(kid);
    node.attached = true;
}

void StructureTree::annotation(HPDF_Annotation annotation, HPDF_Page page, int structure,
                               const std::string& contents) {
    if (structure < 0 || structure >= static_cast<int>(nodes_.size())) {
        return;
    }
    const auto at = std::find(pages_.begin(), pages_.end(), page);
    Kid kid;
    kid.kind = Kid::Kind::object;
    kid.page = static_cast<int>(at - pages_.begin());
    kid.object = annotation;
    kid.structParent = annotations_++;
    attach(structure);
    nodes_[static_cast<std::size_t>(structure)].kids.push_back(kid);
    HPDF_Dict_Add(annotation, "Contents", textStringObject(pdf_->mmgr, contents));
    check("tagging a link");
}

// Table cells without content still belong in their row, or the table is ragged: they join
// their parent after the sibling before them. Other elements without content are left out.
void StructureTree::attachEmpty() {
    for (std::size_t e = 1; e < nodes_.size(); ++e) {
        Node& node = nodes_[e];
        if (node.attached || (node.element.role != "TD" && node.element.role != "TH")) {
            continue;
        }
        const int parent = node.element.parent >= 0 ? node.element.parent : 0;
        attach(parent);
        auto& kids = nodes_[static_cast<std::size_t>(parent)].kids;
        auto position = kids.begin();
        for (auto it = kids.begin(); it != kids.end(); ++it) {
            if (it->kind == Kid::Kind::element && it->element < static_cast<int>(e)) {
                position = it + 1;
            }
        }
        Kid kid;
        kid.element = static_cast<int>(e);
        kids.insert(position, kid);
        node.attached = true;
    }
}

// An element with more kids than an array may hold gets them in groups under Div elements.
void StructureTree::groupLargeKids() {
    for (std::size_t e = 0; e < nodes_.size(); ++e) {
        if (nodes_[e].kids.size() <= maxKids) {
            continue;
        }
        std::vector<Kid> all = std::move(nodes_[e].kids);
        nodes_[e].kids.clear();
        for (std::size_t begin = 0; begin < all.size(); begin += maxKids) {
            Node group;
            group.element = {"Div", static_cast<int>(e), "", "", "", ""};
            group.attached = true;
            const std::size_t end = std::min(all.size(), begin + maxKids);
            group.kids.assign(all.begin() + static_cast<std::ptrdiff_t>(begin),
                              all.begin() + static_cast<std::ptrdiff_t>(end));
            const int groupIndex = static_cast<int>(nodes_.size());
            for (const Kid& kid : group.kids) {
                if (kid.kind == Kid::Kind::element) {
                    nodes_[static_cast<std::size_t>(kid.element)].element.parent = groupIndex;
                } else if (group.firstPage < 0) {
                    group.firstPage = kid.page;
                }
            }
            Kid kid;
            kid.element = groupIndex;
            nodes_[e].kids.push_back(kid);
            nodes_.push_back(std::move(group));
        }
    }
}

namespace {

void appendReference(std::string& out, const void* object) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(object);
    out += std::to_string(header->obj_id & 0x00FFFFFF);
    out += ' ';
    out += std::to_string(header->gen_no);
    out += " R";
}

void appendName(std::string& out, std::string_view name) {
    out += '/';
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x20 && byte < 0x7F &&
            std::string_view("#()<>[]{}/%").find(c) == std::string_view::npos) {
            out += c;
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "#%02X", byte);
            out += escaped;
        }
    }
}

void appendHex(std::string& out, const std::vector<unsigned char>& bytes) {
    static constexpr char digits[] = "0123456789ABCDEF";
    out += '<';
    for (const unsigned char byte : bytes) {
        out += digits[byte >> 4];
        out += digits[byte & 0x0F];
    }
    out += '>';
}

} // namespace

// A structure element is a libharu dictionary without entries of its own, which gives it an
// object number; its entries are written from the node as the document is saved. Built from
// libharu objects, the tree of a table-dense document took more memory than all its pages:
// every name and every dictionary entry reserves 128 bytes there.
HPDF_STATUS StructureTree::writeElementEntries(HPDF_Dict dict, HPDF_Stream stream) {
    const auto* node = static_cast<const Node*>(dict->attr);
    const StructureTree& tree = *node->tree;
    std::string out = "/Type /StructElem\012/S ";
    appendName(out, node->element.role);
    out += "\012/P ";
    const std::size_t index = static_cast<std::size_t>(node - tree.nodes_.data());
    const int parent = index == 0 ? -1 : std::max(node->element.parent, 0);
    appendReference(out, parent < 0 ? static_cast<const void*>(tree.root_)
                                    : tree.nodes_[static_cast<std::size_t>(parent)].dict);
    if (node->firstPage >= 0) {
        out += "\012/Pg ";
        appendReference(out, tree.pages_[static_cast<std::size_t>(node->firstPage)]);
    }
    if (!node->element.alt.empty()) {
        out += "\012/Alt ";
        appendHex(out, textString(node->element.alt));
    }
    if (!node->element.lang.empty()) {
        out += "\012/Lang ";
        appendLiteral(out, node->element.lang);
    }
    if (!node->element.scope.empty()) {
        out += "\012/A <<\012/O /Table\012/Scope ";
        appendName(out, node->element.scope);
        out += "\012>>";
    }
    out += "\012/K [ ";
    for (const Kid& kid : node->kids) {
        switch (kid.kind) {
        case Kid::Kind::element:
            appendReference(out, tree.nodes_[static_cast<std::size_t>(kid.element)].dict);
            break;
        case Kid::Kind::content:
            if (kid.page == node->firstPage) {
                out += std::to_string(kid.mcid);
            } else {
                out += "<<\012/Type /MCR\012/Pg ";
                appendReference(out, tree.pages_[static_cast<std::size_t>(kid.page)]);
                out += "\012/MCID " + std::to_string(kid.mcid) + "\012>>";
            }
            break;
        case Kid::Kind::object:
            out += "<<\012/Type /OBJR\012/Obj ";
            appendReference(out, kid.object);
            out += "\012/Pg ";
            appendReference(out, tree.pages_[static_cast<std::size_t>(kid.page)]);
            out += "\012>>";
            break;
        }
        out += ' ';
    }
    out += "]\012";
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(out.data()),
                             static_cast<HPDF_UINT>(out.size()));
}

HPDF_Dict StructureTree::writeElements() {
    HPDF_MMgr mmgr = pdf_->mmgr;
    root_ = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(pdf_->xref, root_);
    HPDF_Dict_AddName(root_, "Type", "StructTreeRoot");
    for (Node& node : nodes_) {
        if (node.attached) {
            node.tree = this;
            node.dict = HPDF_Dict_New(mmgr);
            HPDF_Xref_Add(pdf_->xref, node.dict);
            if (node.dict != nullptr) {
                node.dict->attr = &node;
                node.dict->write_fn = writeElementEntries;
            }
        }
    }
    HPDF_Dict_Add(root_, "K", nodes_[0].dict);
    check("writing the structure tree");
    return root_;
}

// The parent tree maps each page's marked-content ids, and each annotation, back to the element
// that owns it: a number tree keyed by the page's /StructParents (its index) and, after the
// pages, the annotations' /StructParent; split into leaves so no array outgrows libharu.
HPDF_Dict StructureTree::writeParentTree() {
    HPDF_MMgr mmgr = pdf_->mmgr;
    std::vector<std::vector<HPDF_Dict>> owners(pages_.size());
    for (std::size_t p = 0; p < pages_.size(); ++p) {
        owners[p].resize(static_cast<std::size_t>(mcidCount_[p]), nullptr);
    }
    std::vector<std::pair<int, HPDF_Dict>> annotationOwners;
    for (const Node& node : nodes_) {
        if (!node.attached) {
            continue;
        }
        for (const Kid& kid : node.kids) {
            if (kid.kind == Kid::Kind::content) {
                owners[static_cast<std::size_t>(kid.page)][static_cast<std::size_t>(kid.mcid)] =
                    node.dict;
            } else if (kid.kind == Kid::Kind::object) {
                const int key = static_cast<int>(pages_.size()) + kid.structParent;
                HPDF_Dict_AddNumber(kid.object, "StructParent", key);
                annotationOwners.emplace_back(key, node.dict);
            }
        }
    }
    std::sort(annotationOwners.begin(), annotationOwners.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    // Every key with its value, in key order.
    std::vector<std::pair<int, void*>> entries;
    for (std::size_t p = 0; p < pages_.size(); ++p) {
        if (owners[p].size() > HPDF_LIMIT_MAX_ARRAY) {
            throw Error("page " + std::to_string(p + 1) + " has " +
                        std::to_string(owners[p].size()) +
                        " tagged content sequences, more than a PDF array may hold");
        }
        HPDF_Array array = HPDF_Array_New(mmgr);
        HPDF_Xref_Add(pdf_->xref, array);
        for (HPDF_Dict owner : owners[p]) {
            HPDF_Array_Add(array, owner != nullptr ? static_cast<void*>(owner)
                                                   : static_cast<void*>(HPDF_Null_New(mmgr)));
        }
        HPDF_Dict_AddNumber(pages_[p], "StructParents", static_cast<HPDF_INT32>(p));
        HPDF_Dict_AddName(pages_[p], "Tabs", "S");
        entries.emplace_back(static_cast<int>(p), static_cast<void*>(array));
    }
    for (const auto& [key, owner] : annotationOwners) {
        entries.emplace_back(key, static_cast<void*>(owner));
    }
    HPDF_Dict tree = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(pdf_->xref, tree);
    const auto fillNums = [&](HPDF_Dict node, std::size_t begin, std::size_t end) {
        HPDF_Array nums = HPDF_Array_New(mmgr);
        for (std::size_t i = begin; i < end; ++i) {
            HPDF_Array_AddNumber(nums, entries[i].first);
            HPDF_Array_Add(nums, entries[i].second);
        }
        HPDF_Dict_Add(node, "Nums", nums);
    };
    if (entries.size() <= maxParentTreeLeaf) {
        fillNums(tree, 0, entries.size());
    } else {
        HPDF_Array kids = HPDF_Array_New(mmgr);
        HPDF_Dict_Add(tree, "Kids", kids);
        for (std::size_t begin = 0; begin < entries.size(); begin += maxParentTreeLeaf) {
            const std::size_t end = std::min(entries.size(), begin + maxParentTreeLeaf);
            HPDF_Dict leaf = HPDF_Dict_New(mmgr);
            HPDF_Xref_Add(pdf_->xref, leaf);
            HPDF_Array limits = HPDF_Array_New(mmgr);
            HPDF_Array_AddNumber(limits, entries[begin].first);
            HPDF_Array_AddNumber(limits, entries[end - 1].first);
            HPDF_Dict_Add(leaf, "Limits", limits);
            fillNums(leaf, begin, end);
            HPDF_Array_Add(kids, leaf);
        }
    }
    check("writing the parent tree");
    return tree;
}

void StructureTree::finish(const std::string& language) {
    close();
    attachEmpty();
    groupLargeKids();
    HPDF_Dict root = writeElements();
    HPDF_Dict_Add(root, "ParentTree", writeParentTree());
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
                        static_cast<HPDF_INT32>(pages_.size()) + annotations_);
    HPDF_MMgr mmgr = pdf_->mmgr;
    HPDF_Dict catalog = pdf_->catalog;
    HPDF_Dict_Add(catalog, "StructTreeRoot", root);
    HPDF_Dict markInfo = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(markInfo, "Marked", HPDF_Boolean_New(mmgr, HPDF_TRUE));
    HPDF_Dict_Add(catalog, "MarkInfo", markInfo);
    HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(mmgr, language.c_str(), nullptr));
    HPDF_Dict preferences = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(preferences, "DisplayDocTitle", HPDF_Boolean_New(mmgr, HPDF_TRUE));
    HPDF_Dict_Add(catalog, "ViewerPreferences", preferences);
    pdf_->pdf_version = HPDF_VER_17;
    check("writing the document's tagging");
}

} // namespace rodtrad
