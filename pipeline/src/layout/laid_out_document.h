#pragma once

#include "layout/drawing.h"

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace rodtrad {

// The logical structure of a document (what the tagged PDF carries): Document, H1-H6, P, L,
// LI, Lbl, LBody, Table, TR, TH, TD, Figure, Link, TOC, TOCI. Primitives point into it.
struct StructElement {
    std::string role;
    int parent = -1;
    std::string alt;    // Figure
    std::string lang;   // a passage in another language
    std::string scope;  // TH: Column or Row
    std::string anchor; // Link: where it points
};

struct LinkArea {
    double x = 0;
    double y = 0; // top
    double width = 0;
    double height = 0;
    std::string anchor;
    int structure = -1;
};

struct LaidOutPage {
    std::vector<Primitive> primitives;
    std::vector<LinkArea> links;
};

struct Destination {
    int page = 0;
    double y = 0;
};

struct OutlineEntry {
    std::string title;
    int level = 1;
    std::string anchor;
};

struct LaidOutDocument {
    double pageWidth = 0;
    double pageHeight = 0;
    std::vector<LaidOutPage> pages;
    std::vector<StructElement> structure;
    std::vector<OutlineEntry> outline;
    std::map<std::string, Destination> anchors;
};

// A readable dump of every page: boxes, text and where it sits, one line each, to review layout
// changes in golden files without a PDF viewer.
void writeLayoutDump(std::ostream& out, const LaidOutDocument& document);

} // namespace rodtrad
