#include "load/xml_prescan.h"

#include <gtest/gtest.h>

namespace rodtrad {
namespace {

PrescanResult scan(std::string_view text, LineIndex& lines, ParseLimits limits = {}) {
    return prescanXml(text, limits, lines);
}

} // namespace

TEST(Prescan, AcceptsOrdinaryDocumentsAndFindsTheRoot) {
    LineIndex lines;
    const std::string text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- <!DOCTYPE x> -->\n"
                             "<a x='1' y=\"<\"><![CDATA[<!DOCTYPE]]><b/><?pi <!x?></a>\n";
    const auto result = scan(text, lines);
    EXPECT_FALSE(result.refusal) << result.refusal->message;
    EXPECT_EQ(result.rootOffset, text.find("<a "));
    EXPECT_EQ(lines.lineCount(), 4u);
}

TEST(Prescan, RefusesDoctypeWherePointed) {
    LineIndex lines;
    const std::string text =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e \"x\">]>\n<a>&e;</a>";
    const auto result = scan(text, lines);
    ASSERT_TRUE(result.refusal);
    EXPECT_EQ(result.refusal->code, "xml.dtd");
    const SourcePosition at = lines.position(text, result.refusal->offset);
    EXPECT_EQ(at.line, 2);
    EXPECT_EQ(at.column, 1);
}

TEST(Prescan, RefusesNonUtf8EncodingDeclarations) {
    LineIndex lines;
    const auto result = scan("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", lines);
    ASSERT_TRUE(result.refusal);
    EXPECT_EQ(result.refusal->code, "xml.encoding");
    EXPECT_NE(result.refusal->message.find("ISO-8859-1"), std::string::npos);
}

TEST(Prescan, RefusesInvalidUtf8WithItsLineAndColumn) {
    LineIndex lines;
    const std::string text = "<a>\n<b>Väsby \xC3\x28</b>\n</a>";
    const auto result = scan(text, lines);
    ASSERT_TRUE(result.refusal);
    EXPECT_EQ(result.refusal->code, "xml.utf8");
    const SourcePosition at = lines.position(text, result.refusal->offset);
    EXPECT_EQ(at.line, 2);
    EXPECT_EQ(at.column, 10); // characters, not bytes: "Väsby" is five
}

TEST(Prescan, RefusesOverlongEncodingsAndSurrogates) {
    LineIndex lines;
    EXPECT_EQ(scan("<a>\xC0\xAF</a>", lines).refusal->code, "xml.utf8");
    EXPECT_EQ(scan("<a>\xED\xA0\x80</a>", lines).refusal->code, "xml.utf8");
    EXPECT_EQ(scan("<a>\xF4\x90\x80\x80</a>", lines).refusal->code, "xml.utf8");
    EXPECT_FALSE(scan("<a>\xF0\x9F\x98\x80 – ö €</a>", lines).refusal);
}

TEST(Prescan, RefusesControlCharacters) {
    LineIndex lines;
    const std::string text("<a>x\0y</a>", 10);
    const auto result = scan(text, lines);
    ASSERT_TRUE(result.refusal);
    EXPECT_EQ(result.refusal->code, "xml.char");
}

TEST(Prescan, RefusesNestingBeyondTheLimit) {
    LineIndex lines;
    ParseLimits limits;
    limits.maxDepth = 3;
    EXPECT_FALSE(scan("<a><b><c/><c></c></b></a>", lines, limits).refusal);
    const auto result = scan("<a><b><c><d/></c></b></a>", lines, limits);
    EXPECT_FALSE(result.refusal);
    const auto deep = scan("<a><b><c><d></d></c></b></a>", lines, limits);
    ASSERT_TRUE(deep.refusal);
    EXPECT_EQ(deep.refusal->code, "xml.depth");
}

TEST(Prescan, RefusesOverlongAttributeValues) {
    LineIndex lines;
    ParseLimits limits;
    limits.maxAttributeBytes = 8;
    EXPECT_FALSE(scan("<a x='12345678'/>", lines, limits).refusal);
    const auto result = scan("<a x='123456789'/>", lines, limits);
    ASSERT_TRUE(result.refusal);
    EXPECT_EQ(result.refusal->code, "xml.limit");
}

TEST(Prescan, ReadsTheRootElementsNamespace) {
    const std::string text = "<p:strategicPlan xmlns:x=\"no\" xmlns:p='urn:rodtrad:plan:1'>";
    const RootElement root = readRootElement(text, 0);
    EXPECT_EQ(root.localName, "strategicPlan");
    EXPECT_EQ(root.prefix, "p");
    EXPECT_EQ(root.namespaceUri, "urn:rodtrad:plan:1");
    const RootElement plain = readRootElement("<organisation xmlns=\"urn:rodtrad:org:1\"/>", 0);
    EXPECT_EQ(plain.localName, "organisation");
    EXPECT_EQ(plain.namespaceUri, "urn:rodtrad:org:1");
}

TEST(Prescan, RefusesAnElementWithMoreAttributesThanTheParserChecksQuickly) {
    LineIndex lines;
    std::string many;
    for (int i = 0; i < 257; ++i) {
        many += " a" + std::to_string(i) + "='1'";
    }
    const std::string text = "<a>\n<b" + many + "/></a>";
    const auto result = scan(text, lines);
    ASSERT_TRUE(result.refusal);
    EXPECT_EQ(result.refusal->code, "xml.limit");
    EXPECT_EQ(lines.position(text, result.refusal->offset).line, 2);
    std::string fine = "<a>\n<b" + many.substr(0, many.rfind(" a")) + "/></a>";
    EXPECT_FALSE(scan(fine, lines).refusal);
}

} // namespace rodtrad
