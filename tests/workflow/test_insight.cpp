// The web UI's views of a workspace: the red thread and the ISO 14001 coverage matrix as JSON,
// read back with a JSON parser and compared with what the pipeline itself computes for the
// bundled example.
#include "insight.h"
#include "rodtrad/rollup.h"
#include "rodtrad/workspace.h"
#include "temp_directory.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace rodtrad::workflow {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

const fs::path examplePath = fs::path(RODTRAD_SOURCE_DIR) / "examples/upplands-vasby";

Object::Ptr parse(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Object::Ptr>();
}

std::string text(const Object::Ptr& object, const std::string& key) {
    return object->getValue<std::string>(key);
}

long long number(const Object::Ptr& object, const std::string& key) {
    return object->getValue<Poco::Int64>(key);
}

std::vector<Object::Ptr> objects(const Object::Ptr& object, const std::string& key) {
    std::vector<Object::Ptr> out;
    const Array::Ptr array = object->getArray(key);
    if (!array) {
        ADD_FAILURE() << "no array \"" << key << "\"";
        return out;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        out.push_back(array->getObject(static_cast<unsigned>(i)));
    }
    return out;
}

Object::Ptr byId(const std::vector<Object::Ptr>& nodes, const std::string& id) {
    for (const Object::Ptr& node : nodes) {
        if (text(node, "id") == id) {
            return node;
        }
    }
    ADD_FAILURE() << "no node \"" << id << "\"";
    return new Object;
}

// The rolled-up document as `rodtrad rollup` writes it, to compare the JSON with.
struct Rollup {
    pugi::xml_document doc;
    pugi::xml_node root;
};

std::unique_ptr<Rollup> exampleRollup(const std::string& period) {
    std::vector<Diagnostic> diagnostics;
    const auto workspace = Workspace::load(examplePath, {}, diagnostics);
    const std::string xml = rollupDocument(*workspace, RollupOptions{period});
    auto rollup = std::make_unique<Rollup>();
    EXPECT_TRUE(rollup->doc.load_string(xml.c_str()));
    rollup->root = rollup->doc.document_element();
    return rollup;
}

const Object::Ptr& redThread(const std::string& period, const std::string& lang) {
    static std::map<std::string, Object::Ptr> cache;
    Object::Ptr& parsed = cache[period + "/" + lang];
    if (!parsed) {
        parsed = parse(redThreadJson(examplePath, period, lang));
    }
    return parsed;
}

const Object::Ptr& coverage(const std::string& edition, const std::string& asOf,
                            const std::string& lang) {
    static std::map<std::string, Object::Ptr> cache;
    Object::Ptr& parsed = cache[edition + "/" + asOf + "/" + lang];
    if (!parsed) {
        parsed = parse(coverageJson(examplePath, edition, asOf, lang));
    }
    return parsed;
}

// The goal tree below a rollup goal and a JSON goal must be the same: the same goals in the
// same order, each with the unit it belongs to and the status of its assessment.
void expectSameGoals(pugi::xml_node goal, const Object::Ptr& node) {
    const std::string id = goal.attribute("id").value();
    SCOPED_TRACE("goal " + id);
    EXPECT_EQ(text(node, "id"), id);
    EXPECT_EQ(text(node, "title"), goal.attribute("title").value());
    EXPECT_EQ(text(node->getObject("unit"), "id"), goal.attribute("unit").value());
    EXPECT_EQ(text(node->getObject("unit"), "name"), goal.attribute("unitName").value());
    EXPECT_EQ(text(node, "status"), goal.child("assessment").attribute("status").value());
    EXPECT_FALSE(text(node, "statusText").empty());
    std::vector<std::string> indicators;
    for (pugi::xml_node indicator : goal.children("indicator")) {
        indicators.push_back(id + "/" + indicator.attribute("id").value());
    }
    std::vector<std::string> shown;
    for (const Object::Ptr& indicator : objects(node, "indicators")) {
        shown.push_back(text(indicator, "id"));
    }
    EXPECT_EQ(shown, indicators);
    const std::vector<Object::Ptr> children = objects(node, "goals");
    std::size_t i = 0;
    for (pugi::xml_node child : goal.children("goal")) {
        ASSERT_LT(i, children.size()) << "goal " << child.attribute("id").value() << " missing";
        EXPECT_EQ(text(children[i], "parent"), id);
        expectSameGoals(child, children[i]);
        ++i;
    }
    EXPECT_EQ(i, children.size());
}

TEST(InsightRedThread, ShowsEveryPerspectiveWithItsCouncilGoalsAndTheirBreakdown) {
    const Object::Ptr& thread = redThread("2025-delar", "sv");
    EXPECT_EQ(text(thread, "period"), "2025-delar");
    EXPECT_EQ(text(thread, "periodText"), "Delårsrapport (per 31 augusti)");
    const std::vector<Object::Ptr> perspectives = objects(thread, "perspectives");
    std::vector<std::string> names;
    for (const Object::Ptr& perspective : perspectives) {
        names.push_back(text(perspective, "name"));
        EXPECT_EQ(text(perspective, "status"), "none");
    }
    EXPECT_EQ(names, (std::vector<std::string>{"Kund/Medborgare", "Samhälle och miljö",
                                               "Medarbetare", "Ekonomi"}));

    // Every council goal of the strategic plan, under its perspective, broken down to the
    // committees and units exactly as the rollup breaks it down.
    pugi::xml_document plan;
    ASSERT_TRUE(plan.load_file((examplePath / "strategic-plan.xml").c_str()));
    const auto rollup = exampleRollup("2025-delar");
    std::size_t councilGoals = 0;
    for (pugi::xml_node perspective : plan.document_element().children("perspective")) {
        const Object::Ptr node = byId(perspectives, perspective.attribute("id").value());
        std::vector<std::string> expected;
        for (pugi::xml_node goal : perspective.children("councilGoal")) {
            expected.push_back(goal.attribute("id").value());
        }
        std::vector<std::string> shown;
        for (const Object::Ptr& goal : objects(node, "goals")) {
            shown.push_back(text(goal, "id"));
            EXPECT_EQ(text(goal, "type"), "councilGoal");
        }
        EXPECT_EQ(shown, expected);
        councilGoals += shown.size();
    }
    EXPECT_EQ(councilGoals, 10u);
    for (pugi::xpath_node goal : rollup->root.select_nodes("perspective/councilGoal")) {
        const Object::Ptr perspective =
            byId(perspectives, goal.node().parent().attribute("id").value());
        expectSameGoals(goal.node(),
                        byId(objects(perspective, "goals"), goal.node().attribute("id").value()));
    }

    // KF1 is broken down to Kommunstyrelsen's goal KS-M1 among others.
    const Object::Ptr kf1 = byId(objects(perspectives[0], "goals"), "KF1");
    const Object::Ptr ksM1 = byId(objects(kf1, "goals"), "KS-M1");
    EXPECT_EQ(text(ksM1->getObject("unit"), "name"), "Kommunstyrelsen");
    EXPECT_EQ(text(ksM1, "parent"), "KF1");
}

TEST(InsightRedThread, IndicatorHasTheTargetOutcomeAndStatusOfTheRollup) {
    const auto rollup = exampleRollup("2025-delar");
    const pugi::xml_node indicator =
        rollup->root.select_node("perspective/councilGoal[@id='KF1']/indicator[@id='KF1-NT2']")
            .node();
    ASSERT_TRUE(indicator);
    const pugi::xml_node status = indicator.child("status");
    const pugi::xml_node consolidated =
        indicator.find_child_by_attribute("consolidated", "year", "2025");
    ASSERT_TRUE(consolidated);

    const Object::Ptr kf1 =
        byId(objects(objects(redThread("2025-delar", "sv"), "perspectives")[0], "goals"), "KF1");
    const Object::Ptr shown = byId(objects(kf1, "indicators"), "KF1/KF1-NT2");
    EXPECT_EQ(text(shown, "indicatorId"), "KF1-NT2");
    EXPECT_EQ(text(shown, "name"), indicator.attribute("name").value());
    EXPECT_EQ(text(shown, "measure"), "procent");
    EXPECT_EQ(number(shown, "year"), 2025);
    EXPECT_EQ(text(shown, "target"), status.attribute("target").value());
    EXPECT_EQ(text(shown, "outcome"), status.attribute("outcome").value());
    EXPECT_EQ(text(shown, "status"), status.attribute("value").value());
    // What the delårsrapport shows for e-mails answered within a working day: 87 % against a
    // target of 90 %, yellow.
    EXPECT_EQ(text(shown, "outcome"), "87");
    EXPECT_EQ(text(shown, "target"), "90");
    EXPECT_EQ(text(shown, "status"), "yellow");
    EXPECT_EQ(text(shown, "statusText"), "Gul");
    EXPECT_EQ(text(shown, "outcomeSource"), "consolidated");
    EXPECT_TRUE(shown->isNull("statusReason"));

    // The committees whose values make up the outcome, by name.
    std::vector<std::string> contributors;
    for (const Object::Ptr& unit : objects(shown, "contributors")) {
        contributors.push_back(text(unit, "unit"));
    }
    std::istringstream from(consolidated.attribute("from").value());
    std::vector<std::string> expected;
    for (std::string unit; from >> unit;) {
        expected.push_back(unit);
    }
    ASSERT_FALSE(expected.empty());
    ASSERT_EQ(contributors, expected);
    EXPECT_EQ(text(objects(shown, "contributors").front(), "name"), "Kommunstyrelsen");

    // The years before, oldest first, ending with the period's outcome.
    const std::vector<Object::Ptr> history = objects(shown, "history");
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(number(history.back(), "year"), 2025);
    EXPECT_EQ(text(history.back(), "value"), status.attribute("outcome").value());
}

TEST(InsightRedThread, DecimalsAreWrittenForTheLanguageAndMissingOutcomesAreNull) {
    const std::vector<Object::Ptr> perspectives =
        objects(redThread("2025-delar", "sv"), "perspectives");
    const Object::Ptr kf1 = byId(objects(perspectives[0], "goals"), "KF1");
    // Building permits, in weeks with one decimal.
    const Object::Ptr permits = byId(objects(kf1, "indicators"), "KF1/KF1-NT3");
    EXPECT_EQ(text(permits, "outcome"), "5.2");
    EXPECT_EQ(text(permits, "outcomeText"), "5,2");
    const Object::Ptr english = byId(
        objects(byId(objects(objects(redThread("2025-delar", "en"), "perspectives")[0], "goals"),
                     "KF1"),
                "indicators"),
        "KF1/KF1-NT3");
    EXPECT_EQ(text(english, "outcomeText"), "5.2");
    // The citizen survey is not reported until the full year: no outcome, never a zero.
    const Object::Ptr survey = byId(objects(kf1, "indicators"), "KF1/KF1-NT1");
    EXPECT_TRUE(survey->isNull("outcome"));
    EXPECT_TRUE(survey->isNull("outcomeText"));
    EXPECT_EQ(text(survey, "status"), "not-assessable");
    EXPECT_EQ(text(survey, "statusText"), "Kan inte bedömas");
    EXPECT_EQ(text(survey, "statusReason"), "no-outcome");
}

TEST(InsightRedThread, StatusIsInWordsInSwedishByDefaultAndInEnglishOnRequest) {
    const auto kf1 = [](const std::string& lang) {
        return byId(objects(objects(redThread("2025-delar", lang), "perspectives")[0], "goals"),
                    "KF1");
    };
    // The assessment in the words of the plan's own scale.
    EXPECT_EQ(text(kf1("sv"), "status"), "red");
    EXPECT_EQ(text(kf1("sv"), "statusText"), "Ej uppfyllt");
    EXPECT_EQ(text(kf1("en"), "statusText"), "Not achieved");
    const Object::Ptr sv = byId(objects(kf1("sv"), "indicators"), "KF1/KF1-NT2");
    const Object::Ptr en = byId(objects(kf1("en"), "indicators"), "KF1/KF1-NT2");
    EXPECT_EQ(text(sv, "statusText"), "Gul");
    EXPECT_EQ(text(en, "statusText"), "Yellow");
    EXPECT_EQ(text(sv, "trendText"), "Förbättras");
    EXPECT_EQ(text(en, "trendText"), "Improving");
    EXPECT_EQ(text(redThread("2025-delar", "en"), "periodText"), "Interim report (to 31 August)");

    // Every status in the tree has its words, in either language.
    std::set<std::string> seen;
    const std::function<void(const Object::Ptr&)> visit = [&](const Object::Ptr& goal) {
        EXPECT_FALSE(text(goal, "statusText").empty()) << text(goal, "id");
        seen.insert(text(goal, "status"));
        for (const char* list : {"indicators", "activities"}) {
            for (const Object::Ptr& node : objects(goal, list)) {
                EXPECT_FALSE(text(node, "statusText").empty()) << text(node, "id");
                EXPECT_NE(text(node, "statusText"), text(node, "status")) << text(node, "id");
            }
        }
        for (const Object::Ptr& child : objects(goal, "goals")) {
            visit(child);
        }
    };
    for (const std::string lang : {"sv", "en"}) {
        for (const Object::Ptr& perspective :
             objects(redThread("2025-delar", lang), "perspectives")) {
            for (const Object::Ptr& goal : objects(perspective, "goals")) {
                visit(goal);
            }
        }
    }
    EXPECT_TRUE(seen.count("green") && seen.count("yellow") && seen.count("red"));
}

TEST(InsightRedThread, DefaultPeriodIsTheLatestFollowedUp) {
    const std::string json = redThreadJson(examplePath, "", "sv");
    EXPECT_EQ(text(parse(json), "period"), "2025-helar");
    EXPECT_EQ(json, redThreadJson(examplePath, "2025", "sv")); // a bare year is helår
}

TEST(InsightRedThread, RefusesABadPeriodOrLanguage) {
    try {
        redThreadJson(examplePath, "2025-T2", "sv");
        FAIL() << "no exception for period 2025-T2";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("\"2025-T2\""), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("YEAR-delar"), std::string::npos) << e.what();
    }
    EXPECT_THROW(redThreadJson(examplePath, "2025", "de"), std::runtime_error);
    // No strategic plan covers 2031.
    EXPECT_THROW(redThreadJson(examplePath, "2031", "sv"), std::runtime_error);
}

TEST(InsightCoverage, ListsEveryClauseOfTheEditionWithItsSwedishTitle) {
    pugi::xml_document catalogue;
    ASSERT_TRUE(catalogue.load_file(
        (fs::path(RODTRAD_SOURCE_DIR) / "schemas/iso14001-clauses.xml").c_str()));
    std::vector<std::string> expected;
    for (pugi::xpath_node clause :
         catalogue.select_nodes("/clauseCatalogue/edition[@id='2015']//clause")) {
        expected.push_back(
            std::string(clause.node().attribute("number").value()) + " " +
            clause.node().find_child_by_attribute("title", "lang", "sv").child_value());
    }
    ASSERT_GT(expected.size(), 30u);

    const Object::Ptr& matrix = coverage("2015", "2025-12-31", "sv");
    EXPECT_EQ(text(matrix, "edition"), "2015");
    EXPECT_EQ(text(matrix, "asOf"), "2025-12-31");
    std::vector<std::string> shown;
    for (const Object::Ptr& clause : objects(matrix, "clauses")) {
        shown.push_back(text(clause, "number") + " " + text(clause, "title"));
    }
    EXPECT_EQ(shown, expected);
    EXPECT_EQ(shown[1], "4.1 Förståelse av organisationen och dess förutsättningar");
}

TEST(InsightCoverage, SummaryAgreesWithTheClauses) {
    for (const std::string edition : {"2015", "2026"}) {
        SCOPED_TRACE("edition " + edition);
        const Object::Ptr& matrix = coverage(edition, "2025-12-31", "sv");
        const std::vector<Object::Ptr> clauses = objects(matrix, "clauses");
        std::map<std::string, long long> states;
        std::map<std::string, long long> gapKinds;
        long long gaps = 0;
        long long covered = 0;
        for (const Object::Ptr& clause : clauses) {
            const std::string state = text(clause, "state");
            ++states[state];
            covered += state == "approved" || state == "draft" || state == "document-control";
            for (const Object::Ptr& gap : objects(clause, "gaps")) {
                ++gapKinds[text(gap, "kind")];
                ++gaps;
                EXPECT_FALSE(text(gap, "text").empty());
                EXPECT_EQ(text(gap, "message").rfind(text(gap, "text"), 0), 0u);
            }
            // A clause whose records are all approved has no record left to approve.
            if (state == "approved") {
                for (const Object::Ptr& record : objects(clause, "records")) {
                    EXPECT_EQ(text(record, "state"), "approved") << text(clause, "number");
                }
            }
        }
        const Object::Ptr summary = matrix->getObject("summary");
        EXPECT_EQ(number(summary, "clauses"), static_cast<long long>(clauses.size()));
        EXPECT_EQ(number(summary, "covered"), covered);
        EXPECT_EQ(number(summary, "gaps"), gaps);
        EXPECT_GT(gaps, 0);
        long long stateTotal = 0;
        for (const Object::Ptr& entry : objects(summary, "states")) {
            EXPECT_EQ(number(entry, "clauses"), states[text(entry, "state")])
                << text(entry, "state");
            stateTotal += number(entry, "clauses");
        }
        EXPECT_EQ(stateTotal, static_cast<long long>(clauses.size()));
        long long kindTotal = 0;
        for (const Object::Ptr& entry : objects(summary, "gapsByKind")) {
            EXPECT_EQ(number(entry, "gaps"), gapKinds[text(entry, "kind")]) << text(entry, "kind");
            kindTotal += number(entry, "gaps");
        }
        EXPECT_EQ(kindTotal, gaps);
    }
}

TEST(InsightCoverage, ShowsTheOperationalPlanStillInDraftAsAGap) {
    // The example's Fritid och föreningsliv plan was returned by the committee for changes: it
    // serves 6.2.2 (planning to achieve the environmental objectives) without an approval.
    const auto clauses = objects(coverage("2015", "2025-12-31", "sv"), "clauses");
    Object::Ptr planning;
    for (const Object::Ptr& clause : clauses) {
        if (text(clause, "number") == "6.2.2") {
            planning = clause;
        }
    }
    ASSERT_TRUE(planning);
    EXPECT_EQ(text(planning, "state"), "draft");
    EXPECT_EQ(text(planning, "stateText"), "Utkast");
    EXPECT_EQ(text(planning, "status"), "yellow");
    const Object::Ptr record = byId(objects(planning, "records"), "vp-kfn-fritid-2025");
    EXPECT_EQ(text(record, "state"), "draft");
    EXPECT_TRUE(record->isNull("approvalDate"));
    bool found = false;
    for (const Object::Ptr& gap : objects(planning, "gaps")) {
        if (text(gap, "kind") == "not-approved" && text(gap, "record") == "vp-kfn-fritid-2025") {
            found = true;
            EXPECT_EQ(text(gap, "text"), "Inte fastställt");
            EXPECT_NE(text(gap, "message").find("Fritid och föreningsliv"), std::string::npos)
                << text(gap, "message");
        }
    }
    EXPECT_TRUE(found);

    // The same in English.
    for (const Object::Ptr& clause : objects(coverage("2015", "2025-12-31", "en"), "clauses")) {
        if (text(clause, "number") == "6.2.2") {
            EXPECT_EQ(text(clause, "title"),
                      "Planning actions to achieve environmental objectives");
            EXPECT_EQ(text(clause, "stateText"), "Draft");
        }
    }
}

TEST(InsightCoverage, ReviewsFallDueAsTimePasses) {
    // The strategic plan's next review is 2025-06-16: a gap at the end of the year, none in
    // spring. The default day is the end of the latest period followed up.
    const auto overdueReviews = [](const Object::Ptr& matrix) {
        std::set<std::string> records;
        for (const Object::Ptr& clause : objects(matrix, "clauses")) {
            for (const Object::Ptr& gap : objects(clause, "gaps")) {
                if (text(gap, "kind") == "review-overdue") {
                    records.insert(text(gap, "record"));
                }
            }
        }
        return records;
    };
    EXPECT_EQ(overdueReviews(coverage("2015", "2025-12-31", "sv")).count("sp-2025-2027"), 1u);
    EXPECT_EQ(overdueReviews(coverage("2015", "2025-03-01", "sv")).count("sp-2025-2027"), 0u);
    EXPECT_EQ(coverageJson(examplePath, "2015", "", "sv"),
              coverageJson(examplePath, "2015", "2025-12-31", "sv"));
}

TEST(InsightCoverage, RefusesABadEditionDateOrLanguage) {
    EXPECT_THROW(coverageJson(examplePath, "2019", "2025-12-31", "sv"), std::runtime_error);
    EXPECT_THROW(coverageJson(examplePath, "2015", "31/12/2025", "sv"), std::runtime_error);
    EXPECT_THROW(coverageJson(examplePath, "2015", "2025-12-31", "fi"), std::runtime_error);
}

TEST(InsightWorkspace, BrokenWorkspaceIsRefusedNamingTheFile) {
    // The example with one record cut off in the middle, as an interrupted save leaves it.
    const TempDirectory dir("rodtrad-insight-test");
    fs::copy(examplePath, dir.path(), fs::copy_options::recursive);
    const fs::path broken = dir.path() / "ems/communication-log.xml";
    std::string content;
    {
        std::ifstream in(broken, std::ios::binary);
        content.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::ofstream(broken, std::ios::binary | std::ios::trunc)
        << content.substr(0, content.size() / 2);

    const auto expectRefused = [&](const std::function<void()>& call) {
        try {
            call();
            ADD_FAILURE() << "no exception for a broken workspace";
        } catch (const std::runtime_error& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("ems/communication-log.xml:"), std::string::npos) << message;
            // The temporary copy's path means nothing to the user.
            EXPECT_EQ(message.find(dir.path().string()), std::string::npos) << message;
        }
    };
    expectRefused([&] { redThreadJson(dir.path(), "2025-delar", "sv"); });
    expectRefused([&] { coverageJson(dir.path(), "2015", "2025-12-31", "sv"); });
    EXPECT_THROW(redThreadJson(dir.path() / "no-such-directory", "", "sv"), std::runtime_error);
}

} // namespace
} // namespace rodtrad::workflow
