// The element-by-element diff between two revisions of a document that reviewers read: what was
// added, removed, changed or moved since the last approved revision.
#include "revision_diff.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace rodtrad::workflow {
namespace {

namespace fs = std::filesystem;

const fs::path strategicPlanPath =
    fs::path(RODTRAD_SOURCE_DIR) / "examples/upplands-vasby/strategic-plan.xml";

// One change on one line, every field shown, so that an expectation reads like the review.
std::string describe(const ElementChange& change) {
    return changeKindName(change.kind) + " " + change.element + "[" + change.id + "] \"" +
           change.label + "\" at " + change.path + " | " + change.field + " | " + change.before +
           " -> " + change.after;
}

std::vector<std::string> diff(const std::string& before, const std::string& after) {
    std::vector<std::string> lines;
    for (const ElementChange& change : diffRevisions(before, after)) {
        lines.push_back(describe(change));
    }
    return lines;
}

using Lines = std::vector<std::string>;

// The message diffRevisions refuses the pair with, "" if it does not.
std::string refusal(const std::string& before, const std::string& after) {
    try {
        diffRevisions(before, after);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string serialise(const pugi::xml_document& document) {
    std::ostringstream out;
    document.save(out, "\t");
    return out.str();
}

const std::string plan = R"(<?xml version="1.0" encoding="UTF-8"?>
<operationalPlan xmlns="urn:rodtrad:plan:1">
  <header>
    <id>vp-tn-2025</id>
    <title>Verksamhetsplan 2025</title>
    <revision>2</revision>
  </header>
  <goal id="g1" parent="KF5">
    <title>Energianvändningen minskar</title>
    <description>
      <p>Driftoptimering i alla lokaler.</p>
    </description>
    <indicator id="i1" direction="lower">
      <name>Energianvändning per kvadratmeter</name>
      <target>80</target>
      <baseline year="2023" value="149"/>
      <target year="2025" value="140" yellow="146"/>
      <target year="2026" value="136" yellow="142"/>
    </indicator>
    <activity id="a1" status="planned">
      <title>Byta belysning i simhallen</title>
    </activity>
  </goal>
  <goal id="g2" parent="KF7">
    <title>Avfallet minskar</title>
    <description>
      <p>Mer återbruk.</p>
    </description>
    <indicatorRef ref="KF7-NT1"/>
    <indicatorRef ref="KF7-NT2"/>
  </goal>
  <goal id="g3" parent="KF9">
    <title>Friska medarbetare</title>
    <indicatorRef ref="KF9-NT1"/>
  </goal>
  <analysis>
    <p>Första stycket.</p>
    <p>Andra stycket.</p>
    <p>Tredje stycket.</p>
  </analysis>
</operationalPlan>
)";

// plan with `from` replaced by `to`, which must occur exactly once.
std::string edited(const std::string& from, const std::string& to) {
    const std::size_t at = plan.find(from);
    if (at == std::string::npos || plan.find(from, at + 1) != std::string::npos) {
        throw std::logic_error("not exactly once in the plan: " + from);
    }
    std::string text = plan;
    text.replace(at, from.size(), to);
    return text;
}

} // namespace

TEST(RevisionDiff, IdenticalRevisionsHaveNoChanges) {
    EXPECT_EQ(diff(plan, plan), Lines{});

    const std::string original = readFile(strategicPlanPath);
    ASSERT_FALSE(original.empty()) << strategicPlanPath;
    EXPECT_EQ(diff(original, original), Lines{});

    // Saved again by another tool: other indentation, other quoting, no declaration.
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(original.c_str()));
    std::ostringstream resaved;
    document.save(resaved, "", pugi::format_raw | pugi::format_no_declaration);
    EXPECT_NE(resaved.str(), original);
    EXPECT_EQ(diff(original, resaved.str()), Lines{});

    // Text reflowed over lines is the same text.
    EXPECT_EQ(diff(plan, edited("<p>Andra stycket.</p>", "<p>\n      Andra\n  stycket.  </p>")),
              Lines{});
}

TEST(RevisionDiff, ChangedTargetIsReportedOnItsIndicator) {
    EXPECT_EQ(diff(plan, edited("<target>80</target>", "<target>85</target>")),
              (Lines{"changed indicator[i1] \"Energianvändning per kvadratmeter\" at "
                     "goal[g1]/indicator[i1] | target | 80 -> 85"}));

    // Targets as the schemas write them: one per year, the year is their key.
    EXPECT_EQ(diff(plan, edited(R"(<target year="2026" value="136" yellow="142"/>)",
                                R"(<target year="2026" value="134" yellow="142"/>)")),
              (Lines{"changed indicator[i1] \"Energianvändning per kvadratmeter\" at "
                     "goal[g1]/indicator[i1] | target[2026]/@value | 136 -> 134"}));
}

TEST(RevisionDiff, ElementWithIdChildIsMatchedByIt) {
    EXPECT_EQ(diff(plan, edited("<revision>2</revision>", "<revision>3</revision>")),
              (Lines{"changed header[vp-tn-2025] \"Verksamhetsplan 2025\" at header[vp-tn-2025] | "
                     "revision | 2 -> 3"}));

    const std::string log = R"(<communicationLog xmlns="urn:rodtrad:ems:1">
      <entry><id>kom-1</id><topic>Ny miljöpolicy</topic><party>Alla medarbetare</party></entry>
      <entry><id>kom-2</id><topic>Buller vid depån</topic><party>Boende</party></entry>
    </communicationLog>)";
    const std::string reordered = R"(<communicationLog xmlns="urn:rodtrad:ems:1">
      <entry><id>kom-2</id><topic>Buller vid depån</topic><party>Boende</party></entry>
      <entry><id>kom-1</id><topic>Ny miljöpolicy</topic><party>Miljöombuden</party></entry>
    </communicationLog>)";
    // Matched by position, both entries would show every field changed.
    EXPECT_EQ(diff(log, reordered),
              (Lines{"moved entry[kom-2] \"\" at entry[kom-2] | position | 2 -> 1",
                     "changed entry[kom-1] \"\" at entry[kom-1] | party | Alla medarbetare -> "
                     "Miljöombuden"}));
}

TEST(RevisionDiff, AddedAndRemovedGoalsAreOneEntryEachWithTheirTitle) {
    const std::string goal2 =
        plan.substr(plan.find(R"(<goal id="g2")"),
                    plan.find(R"(<goal id="g3")") - plan.find(R"(<goal id="g2")"));
    const std::string goal4 = R"(<goal id="g4" parent="KF6">
    <title>Upphandlingen ställer miljökrav</title>
    <description><p>Miljökrav i alla upphandlingar.</p><p>Uppföljning under avtalstiden.</p></description>
    <indicator id="i4" direction="higher">
      <name>Andel upphandlingar med miljökrav</name>
      <target year="2025" value="90"/>
    </indicator>
    <activity id="a4" status="planned"><title>Mallar för miljökrav</title></activity>
  </goal>
  )";
    EXPECT_EQ(diff(plan, edited(goal2, goal4)),
              (Lines{"removed goal[g2] \"Avfallet minskar\" at goal[g2] |  | Avfallet minskar -> ",
                     "added goal[g4] \"Upphandlingen ställer miljökrav\" at goal[g4] |  |  -> "
                     "Upphandlingen ställer miljökrav"}));
}

TEST(RevisionDiff, AddedElementWithoutTitleIsSummarisedByItsText) {
    const std::string longText(150, 'x');
    const std::string risk = R"(<risk id="r1" likelihood="4"><description>)" + longText +
                             R"(</description><mitigation>)" + longText + R"(</mitigation></risk>)";
    const Lines lines = diff(plan, edited("<analysis>", risk + "<analysis>"));
    // 150 + a space + the first 49 of the mitigation, then the mark of the cut.
    EXPECT_EQ(lines, (Lines{"added risk[r1] \"\" at risk[r1] |  |  -> " + longText + " " +
                            std::string(49, 'x') + "…"}));

    // An element that is only attributes is summarised by them.
    EXPECT_EQ(diff(plan, edited(R"(<indicatorRef ref="KF9-NT1"/>)",
                                R"(<indicatorRef ref="KF9-NT1"/><indicatorRef ref="KF9-NT2"/>)")),
              (Lines{"added indicatorRef[KF9-NT2] \"\" at goal[g3]/indicatorRef[KF9-NT2] |  |  -> "
                     "ref=\"KF9-NT2\""}));
}

TEST(RevisionDiff, ChangedAddedAndRemovedAttributes) {
    EXPECT_EQ(diff(plan, edited(R"(<goal id="g1" parent="KF5">)",
                                R"(<goal id="g1" parent="KF6" rule="viktad">)")),
              (Lines{"changed goal[g1] \"Energianvändningen minskar\" at goal[g1] | @parent | KF5 "
                     "-> KF6",
                     "changed goal[g1] \"Energianvändningen minskar\" at goal[g1] | @rule |  -> "
                     "viktad"}));
    EXPECT_EQ(diff(plan, edited(R"(<activity id="a1" status="planned">)", R"(<activity id="a1">)")),
              (Lines{"changed activity[a1] \"Byta belysning i simhallen\" at goal[g1]/activity[a1] "
                     "| @status | planned -> "}));
}

TEST(RevisionDiff, EditedInsertedAndDeletedParagraphs) {
    EXPECT_EQ(diff(plan, edited("<p>Andra stycket.</p>", "<p>Andra stycket, omskrivet.</p>")),
              (Lines{"changed operationalPlan[] \"\" at  | analysis/p[2] | Andra stycket. -> "
                     "Andra stycket, omskrivet."}));

    // A paragraph put first and the last one dropped: the others are not shown as edited.
    EXPECT_EQ(diff(plan, edited("<p>Första stycket.</p>\n    <p>Andra stycket.</p>\n    "
                                "<p>Tredje stycket.</p>",
                                "<p>Nytt första stycke.</p><p>Första stycket.</p>"
                                "<p>Andra stycket.</p>")),
              (Lines{"added p[] \"\" at analysis/p[1] |  |  -> Nytt första stycke.",
                     "removed p[] \"\" at analysis/p[3] |  | Tredje stycket. -> "}));

    // A paragraph added to a description that had one.
    EXPECT_EQ(
        diff(plan, edited("<p>Mer återbruk.</p>", "<p>Mer återbruk.</p><p>Mindre matsvinn.</p>")),
        (Lines{"added p[] \"\" at goal[g2]/description/p[2] |  |  -> Mindre matsvinn."}));
}

TEST(RevisionDiff, LeafThatAppearsOrDisappearsIsAChangedField) {
    const std::string followUp = R"(<followUp xmlns="urn:rodtrad:plan:1">
      <header><id>uf-1</id><title>Delårsrapport</title><owner>Maria Holmgren</owner></header>
      <outcome indicator="KF7-NT3" year="2024" value="44"/>
      <outcome indicator="KF7-NT3" year="2025" value="40"/>
    </followUp>)";
    const std::string next = R"(<followUp xmlns="urn:rodtrad:plan:1">
      <header><id>uf-1</id><title>Delårsrapport</title></header>
      <outcome indicator="KF7-NT3" year="2024" value="44"/>
      <outcome indicator="KF7-NT3" year="2025" value="40"><comment>Januari–augusti.</comment></outcome>
    </followUp>)";
    EXPECT_EQ(diff(followUp, next),
              (Lines{"changed header[uf-1] \"Delårsrapport\" at header[uf-1] | owner | Maria "
                     "Holmgren -> ",
                     "changed followUp[] \"\" at  | outcome[KF7-NT3,2025]/comment |  -> "
                     "Januari–augusti."}));
}

TEST(RevisionDiff, ReorderedSiblingsAreMovedNotChanged) {
    const std::size_t g1 = plan.find(R"(<goal id="g1")");
    const std::size_t g3 = plan.find(R"(<goal id="g3")");
    const std::size_t end = plan.find("<analysis>");
    // g3 first, then g1 and g2 as they were.
    const std::string reordered = plan.substr(0, g1) + plan.substr(g3, end - g3) +
                                  plan.substr(g1, g3 - g1) + plan.substr(end);
    EXPECT_EQ(diff(plan, reordered),
              (Lines{"moved goal[g3] \"Friska medarbetare\" at goal[g3] | position | 3 -> 1"}));

    // Paragraphs swapped: one moved, not one removed and one added with the same text.
    EXPECT_EQ(diff(plan, edited("<p>Första stycket.</p>\n    <p>Andra stycket.</p>",
                                "<p>Andra stycket.</p><p>Första stycket.</p>")),
              (Lines{"moved p[] \"\" at analysis/p[1] | position | 2 -> 1"}));

    // A list put ahead of the paragraph it followed.
    const std::string text = R"(<p>Driftoptimering i alla lokaler.</p>)";
    const std::string list = R"(<list><item>Simhallen</item><item>Stadshuset</item></list>)";
    EXPECT_EQ(diff(edited(text, text + list), edited(text, list + text)),
              (Lines{"moved list[] \"\" at goal[g1]/description/list | position | 2 -> 1"}));

    // Attributes in another order are the same attributes.
    EXPECT_EQ(diff(plan, edited(R"(<target year="2025" value="140" yellow="146"/>)",
                                R"(<target yellow="146" value="140" year="2025"/>)")),
              Lines{});
}

TEST(RevisionDiff, ElementMovedToAnotherParentIsOneMove) {
    const std::string organisation = R"(<organisation xmlns="urn:rodtrad:org:1">
      <unit id="uvk"><name>Kommunen</name>
        <unit id="ks"><name>Kommunstyrelsen</name>
          <unit id="klf"><name>Kommunledningsförvaltningen</name>
            <unit id="klf-hallbarhet"><name>Hållbarhet</name><manager>Karin Ekström</manager></unit>
          </unit>
        </unit>
      </unit>
    </organisation>)";
    const std::string reorganised = R"(<organisation xmlns="urn:rodtrad:org:1">
      <unit id="uvk"><name>Kommunen</name>
        <unit id="ks"><name>Kommunstyrelsen</name>
          <unit id="klf"><name>Kommunledningsförvaltningen</name></unit>
          <unit id="klf-hallbarhet"><name>Hållbarhet</name><manager>Jonas Wikström</manager></unit>
        </unit>
      </unit>
    </organisation>)";
    EXPECT_EQ(diff(organisation, reorganised),
              (Lines{"moved unit[klf-hallbarhet] \"Hållbarhet\" at unit[uvk]/unit[ks]/"
                     "unit[klf-hallbarhet] | path | unit[uvk]/unit[ks]/unit[klf]/"
                     "unit[klf-hallbarhet] -> unit[uvk]/unit[ks]/unit[klf-hallbarhet]",
                     "changed unit[klf-hallbarhet] \"Hållbarhet\" at unit[uvk]/unit[ks]/"
                     "unit[klf-hallbarhet] | manager | Karin Ekström -> Jonas Wikström"}));

    // Moved into a unit that is new: the new unit is one entry, the move another.
    const std::string withNewUnit = R"(<organisation xmlns="urn:rodtrad:org:1">
      <unit id="uvk"><name>Kommunen</name>
        <unit id="ks"><name>Kommunstyrelsen</name>
          <unit id="klf"><name>Kommunledningsförvaltningen</name></unit>
          <unit id="hkf"><name>Hållbarhetsförvaltningen</name>
            <unit id="klf-hallbarhet"><name>Hållbarhet</name><manager>Karin Ekström</manager></unit>
          </unit>
        </unit>
      </unit>
    </organisation>)";
    EXPECT_EQ(diff(organisation, withNewUnit),
              (Lines{"added unit[hkf] \"Hållbarhetsförvaltningen\" at unit[uvk]/unit[ks]/unit[hkf] "
                     "|  |  -> Hållbarhetsförvaltningen",
                     "moved unit[klf-hallbarhet] \"Hållbarhet\" at unit[uvk]/unit[ks]/unit[hkf]/"
                     "unit[klf-hallbarhet] | path | unit[uvk]/unit[ks]/unit[klf]/"
                     "unit[klf-hallbarhet] -> unit[uvk]/unit[ks]/unit[hkf]/unit[klf-hallbarhet]"}));
}

TEST(RevisionDiff, NamespacePrefixesAreIgnored) {
    const std::string before = R"(<operationalPlan xmlns="urn:rodtrad:plan:1">
      <goal id="g1"><title>Mål</title><indicatorRef ref="KF1-NT1" weight="1"/></goal>
    </operationalPlan>)";
    const std::string prefixed = R"(<p:operationalPlan xmlns:p="urn:rodtrad:plan:1">
      <p:goal id="g1"><p:title>Mål</p:title><p:indicatorRef ref="KF1-NT1" weight="1"/></p:goal>
    </p:operationalPlan>)";
    EXPECT_EQ(diff(before, prefixed), Lines{});

    std::string changed = prefixed;
    changed.replace(changed.find(R"(weight="1")"), 10, R"(weight="2")");
    EXPECT_EQ(diff(before, changed),
              (Lines{"changed goal[g1] \"Mål\" at goal[g1] | indicatorRef[KF1-NT1]/@weight | 1 "
                     "-> 2"}));
}

TEST(RevisionDiff, RealStrategicPlanWithThreeEdits) {
    const std::string original = readFile(strategicPlanPath);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(original.c_str()));

    pugi::xml_node target =
        document.select_node("//indicator[@id='KF1-NT2']/target[@year='2026']").node();
    ASSERT_TRUE(target);
    const std::string indicatorName = target.parent().child("name").text().get();
    const std::string oldValue = target.attribute("value").value();
    target.attribute("value").set_value("93");

    pugi::xml_node paragraph =
        document.select_node("//councilGoal[@id='KF3']/description/p").node();
    ASSERT_TRUE(paragraph);
    const std::string goalTitle = paragraph.parent().parent().child("title").text().get();
    const std::string oldText = paragraph.text().get();
    const std::string newText = "Den som har hemtjänst ska känna sig trygg.";
    paragraph.text().set(newText.c_str());

    pugi::xml_node perspective = document.select_node("//perspective[@id='ekonomi']").node();
    ASSERT_TRUE(perspective);
    pugi::xml_node goal = perspective.append_child("councilGoal");
    goal.append_attribute("id").set_value("KF11");
    goal.append_child("title").text().set("Kommunens investeringar är självfinansierade");
    goal.append_child("description").append_child("p").text().set("Ett nytt mål.");
    pugi::xml_node indicator = goal.append_child("indicator");
    indicator.append_attribute("id").set_value("KF11-NT1");
    indicator.append_child("name").text().set("Självfinansieringsgrad för investeringar");

    EXPECT_EQ(diff(original, serialise(document)),
              (Lines{"changed indicator[KF1-NT2] \"" + indicatorName +
                         "\" at perspective[kund]/councilGoal[KF1]/indicator[KF1-NT2] | "
                         "target[2026]/@value | " +
                         oldValue + " -> 93",
                     "changed councilGoal[KF3] \"" + goalTitle +
                         "\" at perspective[kund]/councilGoal[KF3] | description/p | " + oldText +
                         " -> " + newText,
                     "added councilGoal[KF11] \"Kommunens investeringar är självfinansierade\" at "
                     "perspective[ekonomi]/councilGoal[KF11] |  |  -> Kommunens investeringar är "
                     "självfinansierade"}));
}

TEST(RevisionDiff, RevisionsThatAreNotPlainXmlAreRefusedNamingTheSide) {
    EXPECT_TRUE(refusal("<operationalPlan><goal></operationalPlan>", plan)
                    .starts_with("before revision is not well-formed XML"));
    EXPECT_TRUE(refusal(plan, "").starts_with("after revision"));

    const std::string withDtd = R"(<?xml version="1.0"?>
<!DOCTYPE operationalPlan [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<operationalPlan xmlns="urn:rodtrad:plan:1"><analysis><p>&b;</p></analysis></operationalPlan>)";
    EXPECT_TRUE(refusal(plan, withDtd).starts_with("after revision has a document type"));
    EXPECT_TRUE(refusal(withDtd, plan).starts_with("before revision has a document type"));

    std::string deep;
    for (int i = 0; i < 200; ++i) {
        deep += "<x>";
    }
    for (int i = 0; i < 200; ++i) {
        deep += "</x>";
    }
    EXPECT_TRUE(refusal(deep, deep).starts_with("before revision nests elements deeper than"));
    EXPECT_EQ(refusal(plan, plan), "");
}

TEST(RevisionDiff, LargeRevisionsAreComparedByIdentity) {
    // A plan the size of a large municipality's: 10,000 goals under one root.
    constexpr int goals = 10000;
    std::string before = R"(<operationalPlan xmlns="urn:rodtrad:plan:1">)";
    for (int i = 0; i < goals; ++i) {
        const std::string id = std::to_string(i);
        before += R"(<goal id="g)" + id + R"("><title>Mål )" + id + R"(</title><indicator id="i)" +
                  id + R"("><name>Nyckeltal )" + id +
                  R"(</name><target year="2025" value="1"/><target year="2026" value="2"/>)" +
                  R"(</indicator><activity id="a)" + id +
                  R"(" status="planned"><title>Aktivitet )" + id + "</title></activity></goal>";
    }
    before += "</operationalPlan>";
    std::string after = before;
    const std::string from =
        R"(<indicator id="i7777"><name>Nyckeltal 7777</name><target year="2025" value="1"/>)";
    after.replace(
        after.find(from), from.size(),
        R"(<indicator id="i7777"><name>Nyckeltal 7777</name><target year="2025" value="5"/>)");

    EXPECT_EQ(
        diff(before, after),
        (Lines{"changed indicator[i7777] \"Nyckeltal 7777\" at goal[g7777]/indicator[i7777] | "
               "target[2025]/@value | 1 -> 5"}));
}

TEST(RevisionDiff, DifferentRootsAreOneRemovalAndOneAddition) {
    const std::vector<ElementChange> changes =
        diffRevisions(plan, R"(<followUp xmlns="urn:rodtrad:plan:1"><header><id>uf-1</id>)"
                            R"(<title>Delårsrapport</title></header></followUp>)");
    ASSERT_EQ(changes.size(), 2U);
    EXPECT_EQ(changes[0].kind, ElementChange::Kind::removed);
    EXPECT_EQ(changes[0].element, "operationalPlan");
    // The whole plan's text, cut at 200 characters.
    EXPECT_TRUE(
        changes[0].before.starts_with("vp-tn-2025 Verksamhetsplan 2025 2 Energianvändningen"))
        << changes[0].before;
    EXPECT_TRUE(changes[0].before.ends_with("Friska medar…")) << changes[0].before;
    EXPECT_EQ(describe(changes[1]), "added followUp[] \"\" at  |  |  -> uf-1 Delårsrapport");
}

TEST(RevisionDiff, KindNames) {
    EXPECT_EQ(changeKindName(ElementChange::Kind::added), "added");
    EXPECT_EQ(changeKindName(ElementChange::Kind::removed), "removed");
    EXPECT_EQ(changeKindName(ElementChange::Kind::changed), "changed");
    EXPECT_EQ(changeKindName(ElementChange::Kind::moved), "moved");
}

} // namespace rodtrad::workflow
