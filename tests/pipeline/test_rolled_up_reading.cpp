// Reading a rolled-up document for a template: only what the template reads is built, and what
// is built is what a full parse gives.
#include "compose/data_needs.h"
#include "load/rolled_up.h"
#include "rodtrad/cli.h"
#include "temp_workspace.h"

#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <map>
#include <sstream>

namespace rodtrad {

const std::map<std::string_view, std::string_view>& embeddedTemplates();

namespace {

const std::filesystem::path example =
    std::filesystem::path(RODTRAD_SOURCE_DIR) / "examples" / "upplands-vasby";

std::filesystem::path rolledUpExample(const test::TempWorkspace& dir) {
    const std::string file = dir.path("rollup.xml").string();
    const std::string workspace = example.string();
    const char* argv[] = {"rodtrad",    "rollup", workspace.c_str(), "--period",
                          "2025-helar", "-o",     file.c_str()};
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(runCommandLine(7, argv, out, err), 0) << err.str();
    return file;
}

ElementNeeds needsOfTemplate(const std::string& name) {
    pugi::xml_document doc;
    const std::string_view text = embeddedTemplates().at(name + ".xml");
    EXPECT_TRUE(doc.load_buffer(text.data(), text.size()));
    return dataNeedsOf(doc.document_element());
}

ElementNeeds needsOfBody(const std::string& body) {
    pugi::xml_document doc;
    const std::string text =
        "<template xmlns='urn:rodtrad:template:1'><body>" + body + "</body></template>";
    EXPECT_TRUE(doc.load_string(text.c_str()));
    return dataNeedsOf(doc.document_element());
}

std::unique_ptr<pugi::xml_document> read(const std::filesystem::path& file,
                                         const ElementNeeds& needs) {
    std::vector<Diagnostic> diagnostics;
    auto model = loadRolledUp(file, "rollup.xml", needs, false, diagnostics);
    EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().message;
    return model;
}

std::size_t count(const pugi::xml_document& doc, const char* xpath) {
    return doc.select_nodes(xpath).size();
}

std::string saved(const pugi::xml_document& doc) {
    std::ostringstream xml;
    doc.save(xml, "  ");
    return xml.str();
}

} // namespace

TEST(RolledUpReading, TheWholeDocumentIsWhatAFullParseGives) {
    const test::TempWorkspace dir;
    const std::filesystem::path file = rolledUpExample(dir);
    const auto model = read(file, ElementNeeds::whole());
    ASSERT_TRUE(model);
    pugi::xml_document parsed;
    ASSERT_TRUE(parsed.load_file(file.c_str()));
    EXPECT_TRUE(saved(*model) == saved(parsed));
}

TEST(RolledUpReading, TextAndCdataThatCrossTheChunksReadAreWhole) {
    const test::TempWorkspace dir;
    std::string text;
    {
        std::ifstream in(rolledUpExample(dir), std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    // A CDATA section and a text that both span the first 1 MiB the reader parses.
    std::string words;
    for (int i = 0; i < 400; ++i) {
        words += "ord" + std::to_string(i) + " ";
    }
    const std::size_t p = text.find("<p>");
    ASSERT_NE(p, std::string::npos);
    const std::size_t pad = (std::size_t{1} << 20) - 1000 - p;
    text.insert(p + 3, "<![CDATA[" + words + "]]>" + words);
    text.insert(p, "<!-- " + std::string(pad, 'x') + " -->");
    dir.write("padded.xml", text);
    const auto whole = read(dir.path("padded.xml"), ElementNeeds::whole());
    ASSERT_TRUE(whole);
    pugi::xml_document parsed;
    ASSERT_TRUE(parsed.load_string(text.c_str()));
    EXPECT_TRUE(saved(*whole) == saved(parsed));
    const auto part = read(dir.path("padded.xml"), needsOfTemplate("strategic-plan"));
    ASSERT_TRUE(part);
    const pugi::xml_node first = part->select_node("/rollup/plan/vision/p").node();
    EXPECT_EQ(std::string(first.child_value()), words);
    EXPECT_EQ(std::string(first.first_child().next_sibling().value()).substr(0, words.size()),
              words);
}

TEST(RolledUpReading, TheFollowUpReportGetsWhatItReadsAndNotTheUnitsFigures) {
    const test::TempWorkspace dir;
    const std::filesystem::path file = rolledUpExample(dir);
    const auto whole = read(file, ElementNeeds::whole());
    const auto part = read(file, needsOfTemplate("follow-up-report"));
    ASSERT_TRUE(whole && part);
    EXPECT_LT(count(*part, "//*"), count(*whole, "//*") / 2);
    // What the report shows, all of it: council goals' indicators with their series, the
    // committees' goals and every activity below them, the organisation, the scale.
    for (const char* xpath :
         {"/rollup/perspective/councilGoal/indicator/outcome",
          "/rollup/perspective/councilGoal/indicator/consolidated",
          "/rollup/perspective/councilGoal/indicator/target",
          "/rollup/perspective/councilGoal/assessment/justification//*",
          "/rollup/perspective/councilGoal/analysis//*", "/rollup/perspective/councilGoal/goal",
          "/rollup/perspective/councilGoal/goal//activity", "/rollup/organisation/unit",
          "/rollup/plan/scale//*", "/rollup/plan/@title", "/rollup/@period"}) {
        EXPECT_EQ(count(*part, xpath), count(*whole, xpath)) << xpath;
    }
    EXPECT_GT(count(*part, "/rollup/perspective/councilGoal/goal//activity"), 0U);
    // What it does not: the units' own indicators and every gender split.
    EXPECT_GT(count(*whole, "/rollup/perspective/councilGoal/goal/goal/indicator"), 0U);
    EXPECT_EQ(count(*part, "/rollup/perspective/councilGoal/goal/goal/indicator"), 0U);
    EXPECT_GT(count(*whole, "//split"), 0U);
    EXPECT_EQ(count(*part, "//split"), 0U);
}

TEST(RolledUpReading, PathsAreFollowedThroughContextsPredicatesAndDescendants) {
    const ElementNeeds needs = needsOfBody(
        "<forEach select='/rollup/a'>"
        "  <table select='b[@x = /rollup/c/@y]'><column header='{@h}'>{d/@z} {#label}</column>"
        "  </table>"
        "  <richText select='e'/>"
        "  <if test='.//f'><paragraph>{num:g/@v} {level:h/@level}</paragraph></if>"
        "</forEach>");
    ASSERT_FALSE(needs.keepsEverything());
    const ElementNeeds::Node* rollup = needs.document()->children.at("rollup").get();
    const ElementNeeds::Node* a = rollup->children.at("a").get();
    EXPECT_TRUE(a->children.at("b")->children.count("d"));
    EXPECT_TRUE(rollup->children.count("c"));
    EXPECT_TRUE(a->children.at("e")->everything);
    EXPECT_FALSE(a->children.at("b")->everything);
    EXPECT_TRUE(a->descendants.count("f"));
    EXPECT_TRUE(a->children.count("g"));
    EXPECT_TRUE(rollup->children.at("plan")->children.at("scale")->everything);
    EXPECT_FALSE(rollup->children.count("b"));
}

TEST(RolledUpReading, AnElementsValueKeepsEverythingBelowIt) {
    const ElementNeeds needs = needsOfBody("<paragraph>{/rollup/plan/vision}</paragraph>");
    EXPECT_TRUE(needs.document()
                    ->children.at("rollup")
                    ->children.at("plan")
                    ->children.at("vision")
                    ->everything);
}

TEST(RolledUpReading, WhatTheAnalysisDoesNotFollowNeedsTheWholeDocument) {
    for (const char* body :
         {"<paragraph>{count(preceding-sibling::goal)}</paragraph>",
          "<forEach select='/rollup/a' variable='v' value='@id'>"
          "<table select='$v/b'><column>{@x}</column></table></forEach>",
          "<forEach select='/rollup//goal'><paragraph>{../@id}</paragraph></forEach>",
          "<somethingNew select='/rollup/a'/>", "<paragraph>{/rollup/a[}</paragraph>"}) {
        EXPECT_TRUE(needsOfBody(body).keepsEverything()) << body;
    }
}

} // namespace rodtrad
