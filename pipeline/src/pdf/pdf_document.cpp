#include "pdf/pdf_document.h"

#include "pdf/font_set.h"
#include "pdf/page_deflater.h"
#include "pdf/structure_tree.h"
#include "rodtrad/error.h"
#include "util/xml_escape.h"

#include <Poco/SHA2Engine.h>
#include <cmath>
#include <cstdio>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pdfa.h>
#include <map>
#include <numbers>
#include <sstream>

namespace rodtrad {
namespace {

constexpr const char* srgbProfile = "/usr/share/color/icc/sRGB.icc";

void recordError(HPDF_STATUS error, HPDF_STATUS detail, void* userData) {
    auto* status = static_cast<std::pair<HPDF_STATUS, HPDF_STATUS>*>(userData);
    if (status->first == HPDF_OK) {
        *status = {error, detail};
    }
}

} // namespace

struct PdfDocument::Impl {
    std::pair<HPDF_STATUS, HPDF_STATUS> status{HPDF_OK, 0};
    HPDF_Doc pdf = nullptr;
    std::unique_ptr<FontSet> fonts;

    Impl() {
        pdf = HPDF_New(recordError, &status);
        if (pdf == nullptr) {
            throw Error("libharu could not create a document");
        }
        HPDF_UseUTFEncodings(pdf);
        HPDF_SetCurrentEncoder(pdf, "UTF-8");
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        // libharu grows its object table a block of 1,024 entries at a time, copying it each
        // time: quadratic in the objects of a document of thousands of pages and a million
        // tagged elements. Blocks of 64 Ki entries (512 KB) keep the copying a fraction of it.
        pdf->xref->entries->items_per_block = 65536;
        check("starting the document");
        fonts = std::make_unique<FontSet>(pdf);
    }

    ~Impl() {
        fonts.reset();
        if (pdf != nullptr) {
            HPDF_Free(pdf);
        }
    }

    void check(const char* what) {
        if (status.first != HPDF_OK) {
            char text[96];
            std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u) while %s",
                          static_cast<unsigned>(status.first), static_cast<unsigned>(status.second),
                          what);
            status = {HPDF_OK, 0};
            HPDF_ResetError(pdf);
            throw Error(text);
        }
    }

    static void setColor(HPDF_Page page, const Color& c, bool fill) {
        if (fill) {
            HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                                 static_cast<HPDF_REAL>(c.b));
        } else {
            HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                                   static_cast<HPDF_REAL>(c.b));
        }
    }

    // Draws a page's primitives in order, each inside the marked-content sequence of its
    // structure element or as an artifact; sequences never cross a text object's bounds.
    void drawPage(HPDF_Page page, const LaidOutPage& content, double height, StructureTree& tags) {
        const auto flip = [height](double y) { return static_cast<HPDF_REAL>(height - y); };
        tags.beginPage(page);
        bool inText = false;
        struct {
            bool font = false;
            FontFace face = FontFace::regular;
            double size = 0;
            bool fillSet = false;
            Color fill;
        } state;
        for (const Primitive& p : content.primitives) {
            if (p.kind == Primitive::Kind::text) {
                if (p.text.empty()) {
                    continue;
                }
                if (!inText) {
                    tags.close();
                    HPDF_Page_BeginText(page);
                    inText = true;
                }
                tags.mark(p.structure);
                // Font and colour are graphics state: set them only when they change.
                if (!state.font || state.face != p.font.face || state.size != p.font.size) {
                    HPDF_Page_SetFontAndSize(page, fonts->font(p.font.face),
                                             static_cast<HPDF_REAL>(p.font.size));
                    state.font = true;
                    state.face = p.font.face;
                    state.size = p.font.size;
                }
                if (!state.fillSet || !(state.fill == p.fill)) {
                    setColor(page, p.fill, true);
                    state.fillSet = true;
                    state.fill = p.fill;
                }
                if (p.angle != 0) {
                    const double a = p.angle * std::numbers::pi / 180;
                    HPDF_Page_SetTextMatrix(page, static_cast<HPDF_REAL>(std::cos(a)),
                                            static_cast<HPDF_REAL>(std::sin(a)),
                                            static_cast<HPDF_REAL>(-std::sin(a)),
                                            static_cast<HPDF_REAL>(std::cos(a)),
                                            static_cast<HPDF_REAL>(p.x), flip(p.y));
                    HPDF_Page_ShowText(page, p.text.c_str());
                    HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, 0, 0);
                } else {
                    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(p.x), flip(p.y), p.text.c_str());
                }
                continue;
            }
            if (inText) {
                tags.close();
                HPDF_Page_EndText(page);
                inText = false;
            }
            tags.mark(p.structure);
            drawShape(page, p, flip);
            if (p.filled) {
                state.fillSet = true;
                state.fill = p.fill;
            }
        }
        tags.close();
        if (inText) {
            HPDF_Page_EndText(page);
        }
        tags.endPage();
    }

    template <typename Flip> void drawShape(HPDF_Page page, const Primitive& p, const Flip& flip) {
        HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(p.lineWidth));
        if (!p.dash.empty()) {
            HPDF_UINT16 pattern[8];
            const std::size_t n = std::min<std::size_t>(p.dash.size(), 8);
            for (std::size_t i = 0; i < n; ++i) {
                pattern[i] = static_cast<HPDF_UINT16>(std::max(1.0, std::round(p.dash[i])));
            }
            HPDF_Page_SetDash(page, pattern, static_cast<HPDF_UINT>(n), 0);
        }
        if (p.stroked || p.kind == Primitive::Kind::line || p.kind == Primitive::Kind::polyline) {
            setColor(page, p.stroke, false);
        }
        if (p.filled) {
            setColor(page, p.fill, true);
        }
        switch (p.kind) {
        case Primitive::Kind::line:
            HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(p.x), flip(p.y));
            HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(p.x2), flip(p.y2));
            HPDF_Page_Stroke(page);
            break;
        case Primitive::Kind::rect:
            HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(p.x), flip(p.y + p.height),
                                static_cast<HPDF_REAL>(p.width), static_cast<HPDF_REAL>(p.height));
            paint(page, p);
            break;
        case Primitive::Kind::polyline:
        case Primitive::Kind::polygon:
            if (p.points.empty()) {
                break;
            }
            HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(p.points[0].first),
                             flip(p.points[0].second));
            for (std::size_t i = 1; i < p.points.size(); ++i) {
                HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(p.points[i].first),
                                 flip(p.points[i].second));
            }
            if (p.kind == Primitive::Kind::polygon) {
                HPDF_Page_ClosePath(page);
                paint(page, p);
            } else {
                HPDF_Page_Stroke(page);
            }
            break;
        case Primitive::Kind::text:
            break;
        }
        if (!p.dash.empty()) {
            HPDF_Page_SetDash(page, nullptr, 0, 0);
        }
    }

    static void paint(HPDF_Page page, const Primitive& p) {
        if (p.filled && p.stroked) {
            HPDF_Page_FillStroke(page);
        } else if (p.filled) {
            HPDF_Page_Fill(page);
        } else {
            HPDF_Page_Stroke(page);
        }
    }

    void addOutline(const LaidOutDocument& document, const std::vector<HPDF_Page>& pages) {
        // A PDF string holds at most 65,535 bytes, and a bookmark pane shows a line or two of
        // each title: longer titles are cut after this many characters and end in an ellipsis.
        constexpr std::size_t kMaxTitleCharacters = 500;
        constexpr const char* kEllipsis = "\xE2\x80\xA6"; // U+2026
        constexpr std::size_t kMaxContinuationBytes = 3;  // in one UTF-8 character
        const auto bookmarkTitle = [&](const std::string& title) {
            std::size_t characters = 0;
            std::size_t continuation = 0; // bytes 10xxxxxx just before
            for (std::size_t i = 0; i < title.size(); ++i) {
                const bool continues = (static_cast<unsigned char>(title[i]) & 0xC0u) == 0x80u;
                // A character starts here, or bytes that are not UTF-8 count as characters.
                if (!continues || continuation == kMaxContinuationBytes) {
                    if (characters == kMaxTitleCharacters) {
                        return title.substr(0, i) + kEllipsis;
                    }
                    ++characters;
                    continuation = 0;
                } else {
                    ++continuation;
                }
            }
            return title;
        };
        HPDF_Encoder encoder = HPDF_GetEncoder(pdf, "UTF-8");
        std::vector<std::pair<int, HPDF_Outline>> stack;
        for (const OutlineEntry& entry : document.outline) {
            const auto at = document.anchors.find(entry.anchor);
            if (at == document.anchors.end()) {
                continue;
            }
            while (!stack.empty() && stack.back().first >= entry.level) {
                stack.pop_back();
            }
            HPDF_Outline parent = stack.empty() ? nullptr : stack.back().second;
            HPDF_Outline outline =
                HPDF_CreateOutline(pdf, parent, bookmarkTitle(entry.title).c_str(), encoder);
            HPDF_Destination destination =
                HPDF_Page_CreateDestination(pages[static_cast<std::size_t>(at->second.page)]);
            HPDF_Destination_SetFitH(destination,
                                     static_cast<HPDF_REAL>(document.pageHeight - at->second.y));
            HPDF_Outline_SetDestination(outline, destination);
            HPDF_Outline_SetOpened(outline, entry.level == 1 ? HPDF_TRUE : HPDF_FALSE);
            stack.emplace_back(entry.level, outline);
        }
        if (!document.outline.empty()) {
            HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
        }
        check("writing the outline");
    }

    // A link to a file beside the document: another PDF opens at its first page (GoToR), any
    // other file through a relative URI.
    HPDF_Annotation externalLink(HPDF_Page page, const HPDF_Rect& rect, const std::string& file) {
        HPDF_Annotation annotation = HPDF_Page_CreateURILinkAnnot(page, rect, file.c_str());
        if (annotation == nullptr || !file.ends_with(".pdf")) {
            return annotation;
        }
        HPDF_Dict action =
            static_cast<HPDF_Dict>(HPDF_Dict_GetItem(annotation, "A", HPDF_OCLASS_DICT));
        HPDF_Dict_RemoveElement(action, "URI");
        HPDF_Dict_AddName(action, "S", "GoToR");
        HPDF_Dict_Add(action, "F", HPDF_String_New(pdf->mmgr, file.c_str(), nullptr));
        HPDF_Array destination = HPDF_Array_New(pdf->mmgr);
        HPDF_Array_AddNumber(destination, 0);
        HPDF_Array_AddName(destination, "Fit");
        HPDF_Dict_Add(action, "D", destination);
        return annotation;
    }

    // What each link says, for its annotation's description: the text of its structure element.
    static std::map<int, std::string> linkTexts(const LaidOutDocument& document) {
        std::map<int, std::string> linkText;
        for (const LaidOutPage& page : document.pages) {
            for (const LinkArea& link : page.links) {
                linkText.emplace(link.structure, std::string());
            }
            for (const Primitive& p : page.primitives) {
                if (p.kind == Primitive::Kind::text) {
                    if (const auto it = linkText.find(p.structure); it != linkText.end()) {
                        it->second += p.text;
                    }
                }
            }
        }
        return linkText;
    }

    void addLinks(const LaidOutDocument& document, const std::vector<HPDF_Page>& pages,
                  StructureTree& tags, const std::map<int, std::string>& linkText) {
        for (std::size_t i = 0; i < document.pages.size(); ++i) {
            for (const LinkArea& link : document.pages[i].links) {
                const double h = document.pageHeight;
                const HPDF_Rect rect{static_cast<HPDF_REAL>(link.x),
                                     static_cast<HPDF_REAL>(h - link.y - link.height),
                                     static_cast<HPDF_REAL>(link.x + link.width),
                                     static_cast<HPDF_REAL>(h - link.y)};
                HPDF_Annotation annotation = nullptr;
                if (link.anchor.starts_with(externalLinkPrefix)) {
                    annotation =
                        externalLink(pages[i], rect, link.anchor.substr(externalLinkPrefix.size()));
                } else {
                    const auto at = document.anchors.find(link.anchor);
                    if (at == document.anchors.end()) {
                        continue;
                    }
                    HPDF_Destination destination = HPDF_Page_CreateDestination(
                        pages[static_cast<std::size_t>(at->second.page)]);
                    HPDF_Destination_SetFitH(destination, static_cast<HPDF_REAL>(h - at->second.y));
                    annotation = HPDF_Page_CreateLinkAnnot(pages[i], rect, destination);
                }
                HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
                std::string text = linkText.at(link.structure);
                while (!text.empty() && text.back() == ' ') {
                    text.pop_back();
                }
                tags.annotation(annotation, pages[i], link.structure, text);
            }
        }
        check("writing links");
    }

    void setInfo(const DocumentInfo& info) {
        HPDF_SetCurrentEncoder(pdf, "UTF-8");
        HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, info.title.c_str());
        HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, info.author.c_str());
        HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, info.subject.c_str());
        HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, info.keywords.c_str());
        HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "rodtrad");
        HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "rodtrad " RODTRAD_VERSION);
        if (info.date.size() == 10) {
            HPDF_Date date{};
            date.year = std::stoi(info.date.substr(0, 4));
            date.month = std::stoi(info.date.substr(5, 2));
            date.day = std::stoi(info.date.substr(8, 2));
            date.ind = 'Z';
            HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
            HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
        }
        check("setting the document information");
    }

    void addMetadata(const DocumentInfo& info) {
        const std::string date = info.date.size() == 10 ? info.date + "T00:00:00Z" : "";
        std::string xmp =
            "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
            "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
            "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" "
            "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
        xmp += "<dc:format>application/pdf</dc:format>\n";
        xmp += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escapeXml(info.title) +
               "</rdf:li></rdf:Alt></dc:title>\n";
        if (!info.author.empty()) {
            xmp += "<dc:creator><rdf:Seq><rdf:li>" + escapeXml(info.author) +
                   "</rdf:li></rdf:Seq></dc:creator>\n";
        }
        if (!info.subject.empty()) {
            xmp += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
                   escapeXml(info.subject) + "</rdf:li></rdf:Alt></dc:description>\n";
        }
        xmp += "<dc:language><rdf:Bag><rdf:li>" + escapeXml(info.language) +
               "</rdf:li></rdf:Bag></dc:language>\n";
        if (!date.empty()) {
            xmp += "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date +
                   "</xmp:ModifyDate>\n";
        }
        xmp += "<xmp:CreatorTool>rodtrad</xmp:CreatorTool>\n";
        xmp += "<pdf:Producer>rodtrad " RODTRAD_VERSION "</pdf:Producer>\n";
        if (!info.keywords.empty()) {
            xmp += "<pdf:Keywords>" + escapeXml(info.keywords) + "</pdf:Keywords>\n";
        }
        xmp += "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n";
        xmp += "<pdfuaid:part>1</pdfuaid:part>\n";
        xmp += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
        HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        HPDF_Dict_AddName(stream, "Type", "Metadata");
        HPDF_Dict_AddName(stream, "Subtype", "XML");
        stream->filter = HPDF_STREAM_FILTER_NONE;
        HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                          static_cast<HPDF_UINT>(xmp.size()));
        HPDF_Dict_Add(pdf->catalog, "Metadata", stream);
        HPDF_OutputIntent intent = HPDF_LoadIccProfileFromFile(pdf, srgbProfile, 3);
        if (intent == nullptr) {
            status = {HPDF_OK, 0};
            HPDF_ResetError(pdf);
            throw IoError(std::string(srgbProfile) +
                          ": cannot read the sRGB profile (package icc-profiles-free)");
        }
        HPDF_PDFA_AppendOutputIntents(pdf, "sRGB IEC61966-2.1", intent);
        check("writing the metadata");
    }

    // libharu writes an encoding CMap where the fonts' ToUnicode map belongs, so extraction and
    // assistive technology guess. Content codes are BMP code points (Identity-H with a
    // CIDToGIDMap), so the right map is the identity: one bfrange per high byte, as a bfrange may
    // vary only in its last byte.
    void replaceToUnicode() {
        std::string cmap =
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
        std::vector<int> highBytes;
        for (int high = 0; high < 256; ++high) {
            if (high < 0xD8 || high > 0xDF) { // no surrogates
                highBytes.push_back(high);
            }
        }
        for (std::size_t i = 0; i < highBytes.size(); i += 100) {
            const std::size_t n = std::min<std::size_t>(100, highBytes.size() - i);
            cmap += std::to_string(n) + " beginbfrange\n";
            for (std::size_t k = i; k < i + n; ++k) {
                char line[40];
                std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", highBytes[k],
                              highBytes[k], highBytes[k]);
                cmap += line;
            }
            cmap += "endbfrange\n";
        }
        cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
        for (FontFace face : {FontFace::regular, FontFace::bold}) {
            HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
            HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                              static_cast<HPDF_UINT>(cmap.size()));
            HPDF_Dict_Add(fonts->font(face), "ToUnicode", stream);
        }
        check("writing the fonts' Unicode maps");
    }

    // A trailer /ID from the content, so the same document always has the same bytes.
    void addId(const std::string& content) {
        Poco::SHA2Engine sha;
        sha.update(content);
        const auto digest = sha.digest();
        HPDF_Array id = HPDF_Array_New(pdf->mmgr);
        for (int i = 0; i < 2; ++i) {
            HPDF_Array_Add(
                id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(digest.data() + 16 * i), 16));
        }
        HPDF_Dict_Add(pdf->trailer, "ID", id);
        check("writing the document id");
    }
};

PdfDocument::PdfDocument() : impl_(std::make_unique<Impl>()) {}
PdfDocument::~PdfDocument() = default;

const FontSet& PdfDocument::fonts() const {
    return *impl_->fonts;
}

std::string PdfDocument::write(LaidOutDocument&& document, const DocumentInfo& info,
                               std::string* layoutDump) {
    Impl& d = *impl_;
    std::vector<HPDF_Page> pages;
    std::ostringstream dump;
    writeLayoutDump(dump, document);
    std::string fingerprint = std::move(dump).str();
    const std::map<int, std::string> linkText = Impl::linkTexts(document);
    StructureTree tags(d.pdf, document.structure);
    PageDeflater deflater;
    for (LaidOutPage& content : document.pages) {
        HPDF_Page page = HPDF_AddPage(d.pdf);
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(document.pageWidth));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(document.pageHeight));
        d.drawPage(page, content, document.pageHeight, tags);
        std::vector<Primitive>().swap(content.primitives);
        d.check("drawing a page");
        deflater.take(page);
        pages.push_back(page);
    }
    deflater.finish();
    d.addOutline(document, pages);
    d.addLinks(document, pages, tags, linkText);
    tags.finish(info.language);
    d.setInfo(info);
    d.addMetadata(info);
    d.replaceToUnicode();
    d.addId(fingerprint + info.title + info.date);
    if (layoutDump != nullptr) {
        *layoutDump = std::move(fingerprint);
    }
    HPDF_SaveToStream(d.pdf);
    d.check("saving");
    HPDF_ResetStream(d.pdf);
    std::string bytes;
    bytes.reserve(HPDF_GetStreamSize(d.pdf));
    HPDF_BYTE buffer[65536];
    while (true) {
        HPDF_UINT32 size = sizeof buffer;
        const HPDF_STATUS read = HPDF_ReadFromStream(d.pdf, buffer, &size);
        bytes.append(reinterpret_cast<const char*>(buffer), size);
        if (read == HPDF_STREAM_EOF || size == 0) {
            break;
        }
    }
    d.status = {HPDF_OK, 0};
    HPDF_ResetError(d.pdf);
    return bytes;
}

} // namespace rodtrad
