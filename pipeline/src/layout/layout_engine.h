#pragma once

#include "layout/flow.h"
#include "layout/font_metrics.h"
#include "layout/laid_out_document.h"
#include "layout/line_breaker.h"

#include <functional>

namespace rodtrad {

// Paginates a flow: numbered headings kept with what follows them, paragraphs with widow and
// orphan control (never one line of a paragraph alone at the foot or head of a page), list
// items with hanging labels, tables whose header rows repeat on every page and whose rows split
// across pages when they must, traffic-light cells, figures, a table of contents whose page
// numbers and links are filled in once every heading has its page, page headers and footers
// with "Sida X av Y", and the draft watermark. Builds the logical structure as it goes. Pure:
// the same flow and metrics give the same layout, and nothing here writes a PDF.
class LayoutEngine {
public:
    LayoutEngine(const FontMetrics& metrics, const Hyphenator* hyphenator,
                 std::function<void(int pages)> progress = {})
        : metrics_(metrics), hyphenator_(hyphenator), progress_(std::move(progress)) {}

    LaidOutDocument layout(const Flow& flow) const;

private:
    const FontMetrics& metrics_;
    const Hyphenator* hyphenator_;
    std::function<void(int pages)> progress_;
};

} // namespace rodtrad
