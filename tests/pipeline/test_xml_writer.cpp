#include "util/xml_writer.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <sstream>

namespace rodtrad {
namespace {

std::string savedByPugixml(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
    return out.str();
}

// Awkward values: markup characters, quotes, control characters, Swedish letters.
constexpr const char* awkward = "a<b>&c \"d\" 'e'\tf\ng\rh\x01i åäö – €";

TEST(XmlWriter, LaysOutAndEscapesExactlyAsPugixmlSaves) {
    pugi::xml_document tree;
    pugi::xml_node root = tree.append_child("root");
    root.append_attribute("text") = awkward;
    root.append_attribute("count") = -42;
    root.append_attribute("flag") = true;
    root.append_child("empty");
    root.append_child("withText").text() = awkward;
    root.append_child("emptyText").text() = "";
    pugi::xml_node nested = root.append_child("nested");
    nested.append_attribute("id") = "n1";
    nested.append_child("leaf").append_attribute("v") = "1";
    nested.append_child("deeper").append_child("leaf");

    std::string written;
    XmlWriter out(written);
    out.open("root");
    out.attribute("text", awkward);
    out.attribute("count", -42);
    out.attribute("flag", true);
    out.open("empty");
    out.close();
    out.textElement("withText", awkward);
    out.textElement("emptyText", "");
    out.open("nested");
    out.attribute("id", "n1");
    out.open("leaf");
    out.attribute("v", "1");
    out.close();
    out.open("deeper");
    out.open("leaf");
    out.close();
    out.close();
    out.close();
    out.close();
    EXPECT_EQ(out.depth(), 0);
    EXPECT_EQ(written, savedByPugixml(tree));
}

TEST(XmlWriter, CopiesALoadedElementWithItsContent) {
    pugi::xml_document source;
    ASSERT_TRUE(source.load_string(
        "<budget measure=\"tkr\"><frame unit=\"kn\" amount=\"1 200\"><note>Ram &amp; "
        "tillägg</note></frame><frame unit=\"sn\"/></budget>"));
    std::string written;
    XmlWriter out(written);
    out.copy(source.document_element());
    EXPECT_EQ(written, savedByPugixml(source));
    pugi::xml_document reread;
    ASSERT_TRUE(reread.load_string(written.c_str()));
    EXPECT_STREQ(reread.child("budget").child("frame").child_value("note"), "Ram & tillägg");
}

TEST(XmlWriter, WrittenTextReadsBackUnchanged) {
    std::string written;
    XmlWriter out(written);
    out.declaration();
    out.open("r");
    out.attribute("a", "x<y & \"z\" > w");
    out.text("1 < 2 && 3 > 2");
    out.close();
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(written.c_str()));
    EXPECT_STREQ(doc.child("r").attribute("a").value(), "x<y & \"z\" > w");
    EXPECT_STREQ(doc.child("r").child_value(), "1 < 2 && 3 > 2");
}

} // namespace
} // namespace rodtrad
