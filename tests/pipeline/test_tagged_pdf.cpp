// The tagged structure of every rendered example, read back with qpdf's library and poppler:
// every marked-content id on every page belongs to exactly one structure element, through the
// parent tree too; all drawing is tagged or an artifact; every Figure has alternative text; the
// catalog says Marked, Lang and DisplayDocTitle. Plus a golden `pdfinfo -struct-text` dump per
// template (tests/golden/structure/), with UPDATE_GOLDEN=1 to accept a reviewed change. And the
// outline: a bookmark for a heading too long for a PDF string.
#include "layout/layout_engine.h"
#include "pdf/font_set.h"
#include "pdf/pdf_document.h"
#include "rendered_examples.h"

// qpdf 11 asks its users to choose how PointerHolder behaves; rodtrad uses none of it.
#define POINTERHOLDER_TRANSITION 4
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <sstream>

namespace rodtrad {
namespace {

namespace fs = std::filesystem;
using namespace test;

using PageContent = std::pair<QPDFObjGen, long long>; // page, marked-content id

// What the structure tree says: who owns each page's marked content and each annotation.
struct Tree {
    std::map<PageContent, std::vector<QPDFObjGen>> contentOwners;
    std::map<QPDFObjGen, std::vector<QPDFObjGen>> annotationOwners;
    std::vector<std::string> problems;
    int figures = 0;
    int elements = 0;
};

void walk(QPDFObjectHandle element, QPDFObjectHandle parent, Tree& tree, int depth) {
    if (depth > 200) {
        tree.problems.push_back("the structure tree is deeper than 200 levels");
        return;
    }
    ++tree.elements;
    const std::string role = element.getKey("/S").isName() ? element.getKey("/S").getName() : "";
    if (role.empty()) {
        tree.problems.push_back("a structure element without /S");
    }
    if (!element.getKey("/P").isIndirect() ||
        element.getKey("/P").getObjGen() != parent.getObjGen()) {
        tree.problems.push_back(role + " does not name its parent in /P");
    }
    if (role == "/Figure") {
        ++tree.figures;
        QPDFObjectHandle alt = element.getKey("/Alt");
        if (!alt.isString() || alt.getUTF8Value().empty()) {
            tree.problems.push_back("a Figure without alternative text");
        }
    }
    QPDFObjectHandle page = element.getKey("/Pg");
    std::vector<QPDFObjectHandle> kids;
    QPDFObjectHandle k = element.getKey("/K");
    if (k.isArray()) {
        kids = k.getArrayAsVector();
    } else if (!k.isNull()) {
        kids.push_back(k);
    }
    for (QPDFObjectHandle kid : kids) {
        if (kid.isInteger()) {
            if (!page.isIndirect()) {
                tree.problems.push_back(role + " has marked content but no /Pg");
                continue;
            }
            tree.contentOwners[{page.getObjGen(), kid.getIntValue()}].push_back(
                element.getObjGen());
        } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR")) {
            tree.contentOwners[{kid.getKey("/Pg").getObjGen(), kid.getKey("/MCID").getIntValue()}]
                .push_back(element.getObjGen());
        } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
            tree.annotationOwners[kid.getKey("/Obj").getObjGen()].push_back(element.getObjGen());
        } else if (kid.isDictionary() && kid.getKey("/S").isName()) {
            walk(kid, element, tree, depth + 1);
        } else {
            tree.problems.push_back(role + " has a kid that is none of MCID, MCR, OBJR, element");
        }
    }
}

// Reads a page's content: marked-content nesting, text objects, and what draws outside any
// tagged sequence or artifact.
class ContentReader : public QPDFObjectHandle::ParserCallbacks {
public:
    std::set<long long> mcids;
    std::vector<std::string> problems;

    void handleObject(QPDFObjectHandle object, size_t, size_t) override {
        if (!object.isOperator()) {
            operands_.push_back(object);
            return;
        }
        const std::string op = object.getOperatorValue();
        if (op == "BDC" || op == "BMC") {
            Sequence sequence;
            sequence.artifact =
                !operands_.empty() && operands_.front().isNameAndEquals("/Artifact");
            if (op == "BDC" && operands_.size() == 2 && operands_[1].isDictionary() &&
                operands_[1].getKey("/MCID").isInteger()) {
                const long long mcid = operands_[1].getKey("/MCID").getIntValue();
                sequence.tagged = true;
                if (!mcids.insert(mcid).second) {
                    problems.push_back("MCID " + std::to_string(mcid) + " used twice on a page");
                }
            }
            sequence.inText = inText_;
            open_.push_back(sequence);
        } else if (op == "EMC") {
            if (open_.empty()) {
                problems.push_back("EMC without a sequence to end");
            } else {
                if (open_.back().inText != inText_) {
                    problems.push_back("a marked-content sequence crosses a text object's bounds");
                }
                open_.pop_back();
            }
        } else if (op == "BT") {
            inText_ = true;
        } else if (op == "ET") {
            inText_ = false;
        } else if (draws(op) && !covered()) {
            problems.push_back("\"" + op + "\" draws outside any tagged sequence or artifact");
        }
        operands_.clear();
    }

    void handleEOF() override {
        if (!open_.empty()) {
            problems.push_back("a marked-content sequence is left open at the end of the page");
        }
    }

private:
    struct Sequence {
        bool artifact = false;
        bool tagged = false;
        bool inText = false;
    };

    static bool draws(const std::string& op) {
        static const std::set<std::string> painting{"Tj", "TJ", "'",  "\"", "f",  "F",  "f*", "S",
                                                    "s",  "B",  "B*", "b",  "b*", "sh", "Do", "EI"};
        return painting.count(op) != 0;
    }

    bool covered() const {
        for (const Sequence& s : open_) {
            if (s.artifact || s.tagged) {
                return true;
            }
        }
        return false;
    }

    std::vector<QPDFObjectHandle> operands_;
    std::vector<Sequence> open_;
    bool inText_ = false;
};

TEST(TaggedPdf, CatalogDeclaresATaggedDocumentInItsLanguage) {
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        QPDF pdf;
        pdf.processFile(rendered(c).file.c_str());
        QPDFObjectHandle root = pdf.getRoot();
        EXPECT_TRUE(root.getKey("/MarkInfo").getKey("/Marked").isBool() &&
                    root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
        EXPECT_EQ(root.getKey("/Lang").getUTF8Value(), c.options.language == "en" ? "en" : "sv-SE");
        EXPECT_TRUE(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
        EXPECT_TRUE(root.getKey("/StructTreeRoot").isDictionary());
        EXPECT_EQ(pdf.getPDFVersion(), "1.7");
        EXPECT_NE(run("pdfinfo " + rendered(c).file.string()).find("Tagged:          yes"),
                  std::string::npos);
        // Title shown, not the file name; PDF/UA identification beside PDF/A's.
        EXPECT_NE(run("pdfinfo -meta " + rendered(c).file.string()).find("<pdfuaid:part>1<"),
                  std::string::npos);
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            EXPECT_TRUE(page.getObjectHandle().getKey("/Tabs").isNameAndEquals("/S"));
        }
    }
}

TEST(TaggedPdf, EveryMarkedContentIdBelongsToExactlyOneElementAndAllContentIsTagged) {
    for (const Case& c : cases()) {
        SCOPED_TRACE(c.name);
        QPDF pdf;
        pdf.processFile(rendered(c).file.c_str());
        QPDFObjectHandle structRoot = pdf.getRoot().getKey("/StructTreeRoot");
        ASSERT_TRUE(structRoot.getKey("/K").isDictionary());
        Tree tree;
        walk(structRoot.getKey("/K"), structRoot, tree, 0);
        EXPECT_EQ(tree.problems, std::vector<std::string>{});
        EXPECT_GT(tree.elements, 50);

        QPDFNumberTreeObjectHelper parentTree(structRoot.getKey("/ParentTree"), pdf);
        auto parents = parentTree.getAsMap();
        std::size_t contentSeen = 0;
        int pageNumber = 0;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            ++pageNumber;
            SCOPED_TRACE("page " + std::to_string(pageNumber));
            const QPDFObjGen pageId = page.getObjectHandle().getObjGen();
            ContentReader reader;
            page.parseContents(&reader);
            EXPECT_EQ(reader.problems, std::vector<std::string>{});
            QPDFObjectHandle key = page.getObjectHandle().getKey("/StructParents");
            ASSERT_TRUE(key.isInteger());
            const auto entry = parents.find(key.getIntValue());
            ASSERT_NE(entry, parents.end()) << "no parent tree entry for the page";
            QPDFObjectHandle owners = entry->second;
            ASSERT_TRUE(owners.isArray());
            EXPECT_EQ(static_cast<std::size_t>(owners.getArrayNItems()), reader.mcids.size());
            for (long long mcid : reader.mcids) {
                const auto owner = tree.contentOwners.find({pageId, mcid});
                ASSERT_NE(owner, tree.contentOwners.end())
                    << "MCID " << mcid << " belongs to no structure element";
                ASSERT_EQ(owner->second.size(), 1u)
                    << "MCID " << mcid << " belongs to several elements";
                EXPECT_EQ(owners.getArrayItem(static_cast<int>(mcid)).getObjGen(),
                          owner->second.front())
                    << "the parent tree names another owner for MCID " << mcid;
                ++contentSeen;
            }
            QPDFObjectHandle annotations = page.getObjectHandle().getKey("/Annots");
            if (!annotations.isArray()) {
                continue;
            }
            for (QPDFObjectHandle annotation : annotations.aitems()) {
                QPDFObjectHandle structParent = annotation.getKey("/StructParent");
                ASSERT_TRUE(structParent.isInteger()) << "a link annotation outside the tree";
                const auto owner = tree.annotationOwners.find(annotation.getObjGen());
                ASSERT_NE(owner, tree.annotationOwners.end());
                ASSERT_EQ(owner->second.size(), 1u);
                EXPECT_EQ(parents.at(structParent.getIntValue()).getObjGen(),
                          owner->second.front());
                EXPECT_FALSE(annotation.getKey("/Contents").getUTF8Value().empty());
            }
        }
        // Nothing in the tree points at content that is not on its page.
        EXPECT_EQ(contentSeen, tree.contentOwners.size());
    }
}

TEST(TaggedPdf, ChartsAndDiagramsSayInWordsWhatTheyShow) {
    QPDF pdf;
    pdf.processFile(rendered(cases()[1]).file.c_str()); // the follow-up report
    std::vector<std::string> alts;
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (object.isDictionary() && object.getKey("/S").isNameAndEquals("/Figure")) {
            alts.push_back(object.getKey("/Alt").getUTF8Value());
        }
    }
    ASSERT_FALSE(alts.empty());
    bool outcomeChart = false;
    for (const std::string& alt : alts) {
        // "Utfall 2022–2025: 3,1; 2,9; … ; mål 2,5; status gul"
        if (alt.find("Utfall ") != std::string::npos && alt.find("mål") != std::string::npos &&
            alt.find("status") != std::string::npos) {
            outcomeChart = true;
        }
    }
    EXPECT_TRUE(outcomeChart) << "no chart describes its outcomes, target and status: "
                              << alts.front();
}

TEST(TaggedPdf, ABookmarkForAHeadingOfAHundredThousandCharactersIsCutWithAnEllipsis) {
    PdfDocument writer;
    Flow flow;
    Block heading;
    heading.kind = Block::Kind::heading;
    heading.outline = true;
    heading.numbered = false;
    heading.anchor = "long";
    // "Å" is two bytes in UTF-8: the cut falls between characters, never inside one.
    heading.runs = {
        TextRun{"Å" + std::string(99999, 'W'), FontRef{FontFace::bold, 16}, Color{}, "", ""}};
    flow.blocks.push_back(heading);
    LaidOutDocument laidOut = LayoutEngine(writer.fonts(), nullptr).layout(flow);
    const std::string bytes = writer.write(std::move(laidOut), DocumentInfo{});
    QPDF pdf;
    pdf.processMemoryFile("outline", bytes.data(), bytes.size());
    QPDFObjectHandle first = pdf.getRoot().getKey("/Outlines").getKey("/First");
    ASSERT_TRUE(first.isDictionary());
    EXPECT_EQ(first.getKey("/Title").getUTF8Value(), "Å" + std::string(499, 'W') + "\u2026");
    EXPECT_TRUE(first.getKey("/Next").isNull());
    EXPECT_TRUE(first.getKey("/Dest").isArray());
    EXPECT_TRUE(pdf.getRoot().getKey("/PageMode").isNameAndEquals("/UseOutlines"));
}

// One test, as poppler takes tens of seconds to print the structure of a document with
// thousands of elements: once per template (the English follow-up report has the same
// structure as the Swedish one).
TEST(TaggedPdf, PopplerReadsTheStructureWithoutAComplaintAsInTheGoldenDump) {
    const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    for (const Case& c : cases()) {
        // poppler reads the structure tree slowly (a minute for a long report): the plans and
        // reports here, the record templates by the faster checks above.
        if (c.name == "follow-up-report-en-final" || c.ems) {
            continue;
        }
        SCOPED_TRACE(c.name);
        const std::string file = rendered(c).file.string();
        EXPECT_EQ(runErrors("pdftotext " + file + " /dev/null"), "");
        const fs::path golden = source / "tests/golden/structure" / (c.name + ".txt");
        std::string complaints;
        std::string dump = runOutput("pdfinfo -struct-text " + file, complaints);
        EXPECT_EQ(complaints, "");
        // Object numbers of annotations say nothing about the structure.
        for (std::size_t at = dump.find("Object "); at != std::string::npos;
             at = dump.find("Object ", at + 1)) {
            const std::size_t end = dump.find('\n', at);
            dump.replace(at, end - at, "Object (link annotation)");
        }
        if (update) {
            fs::create_directories(golden.parent_path());
            std::ofstream(golden, std::ios::binary) << dump;
            continue;
        }
        std::ifstream in(golden, std::ios::binary);
        std::stringstream expected;
        expected << in.rdbuf();
        ASSERT_FALSE(expected.str().empty())
            << "no golden dump; run with UPDATE_GOLDEN=1 and review";
        EXPECT_TRUE(expected.str() == dump) << "the structure differs from " << golden
                                            << "; review with UPDATE_GOLDEN=1 and git diff";
    }
}

} // namespace
} // namespace rodtrad
