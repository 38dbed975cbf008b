#pragma once

#include "layout/laid_out_document.h"

#include <hpdf.h>
#include <string>
#include <vector>

namespace rodtrad {

// The tagged side of a PDF (PDF/UA-1): marked-content sequences in the page content, each
// belonging to one element of the document's logical structure or marked as an artifact, and
// the structure tree, parent tree and catalog entries that tie them together.
//
// Drawing code calls mark() before each primitive and close() before leaving a text object, so
// a marked-content sequence never spans BT/ET and never interrupts a path. Link annotations are
// added with annotation(); finish() writes the tree once every page is drawn.
class StructureTree {
public:
    StructureTree(HPDF_Doc pdf, const std::vector<StructElement>& structure);

    void beginPage(HPDF_Page page);
    // Starts the sequence for content of a structure element (or an artifact, -1), unless the
    // open one is already that.
    void mark(int structure);
    // Ends the open sequence, if any.
    void close();
    void endPage();
    // A link annotation on the current or an earlier page, belonging to a Link element.
    void annotation(HPDF_Annotation annotation, HPDF_Page page, int structure,
                    const std::string& contents);
    // The structure tree, the parent tree, /MarkInfo, /Lang, the page /StructParents and /Tabs.
    void finish(const std::string& language);

private:
    struct Kid {
        enum class Kind { element, content, object } kind = Kind::element;
        int element = -1;   // element
        int page = -1;      // content, object
        int mcid = -1;      // content
        HPDF_Dict object{}; // object: an annotation
        int structParent{}; // object: its key in the parent tree
    };
    struct Node {
        StructElement element;
        std::vector<Kid> kids;
        bool attached = false; // in its parent's kids
        int firstPage = -1;
        HPDF_Dict dict{};
        const StructureTree* tree = nullptr; // for writing the dictionary's entries
    };

    void attach(int element);
    void attachEmpty();
    void groupLargeKids();
    HPDF_Dict writeElements();
    static HPDF_STATUS writeElementEntries(HPDF_Dict dict, HPDF_Stream stream);
    HPDF_Dict writeParentTree();
    void check(const char* what);

    HPDF_Doc pdf_;
    std::vector<Node> nodes_;
    std::vector<HPDF_Page> pages_;
    HPDF_Dict root_{};
    std::vector<int> mcidCount_; // by page
    static constexpr int noSequence = -2;
    int current_ = noSequence; // the open sequence's structure (-1: an artifact)
    int annotations_ = 0;
};

} // namespace rodtrad
