#include "document_header.h"

namespace rodtrad::bench {

void writeHeader(XmlWriter& xml, const DocumentHeader& header) {
    xml.start("header");
    xml.element("id", header.id);
    xml.element("title", header.title);
    xml.element("unit", header.unit);
    xml.element("documentNumber", header.documentNumber);
    if (!header.owner.empty()) {
        xml.element("owner", header.owner);
    }
    if (!header.approvedBy.empty()) {
        xml.start("approval");
        xml.attribute("by", header.approvedBy);
        xml.attribute("date", header.approvalDate);
        if (!header.approvalReference.empty()) {
            xml.attribute("reference", header.approvalReference);
        }
        xml.end();
    }
    if (header.hasNextReview) {
        xml.start("nextReview");
        char text[16];
        const char* end = header.nextReview.format(text);
        xml.text(std::string_view(text, static_cast<std::size_t>(end - text)));
        xml.end();
    }
    xml.element("language", "sv");
    for (const std::string_view clause : header.clauses) {
        xml.start("clause");
        xml.attribute("edition", "2015");
        xml.attribute("number", clause);
        xml.end();
    }
    xml.end();
}

} // namespace rodtrad::bench
