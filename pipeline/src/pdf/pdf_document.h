#pragma once

#include "layout/flow.h"
#include "layout/laid_out_document.h"

#include <memory>
#include <string>

namespace rodtrad {

class FontSet;

// One PDF being made with libharu: it owns the libharu document and the fonts loaded into it
// (which also measure text for the layout engine), and writes a laid-out document into it:
// text in embedded UTF-8 TrueType fonts, vector graphics, links and the outline, document
// information in UTF-8 with dates from the data, PDF/A-1b metadata written by rodtrad (XMP
// escaped, /Subtype /XML), the sRGB output intent and a trailer /ID derived from the content.
// libharu's errors are recorded by its handler and turned into rodtrad::Error after each call;
// nothing is thrown through C code.
class PdfDocument {
public:
    PdfDocument();
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    const FontSet& fonts() const;

    // Draws every page and returns the PDF's bytes. The document's id is a digest of the pages'
    // readable dump (writeLayoutDump), which is handed to layoutDump when asked for. Call once.
    // Each page's primitives are let go once drawn, so the pages are not held twice.
    std::string write(LaidOutDocument&& document, const DocumentInfo& info,
                      std::string* layoutDump = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace rodtrad
