// A corpus of hostile inputs. Each must be refused with a clear error naming the file and,
// where there is one, the line; none may cost more than a bounded amount of memory. Times are
// measured in bench/, not asserted here.
#include "temp_workspace.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace rodtrad {
namespace {

using test::TempWorkspace;

long peakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

constexpr const char* orgOpen = "<organisation xmlns=\"urn:rodtrad:org:1\">";

// The peak memory of the whole test process may grow by at most this much while one hostile
// file is refused; every file here would cost gigabytes if it were parsed naively.
constexpr long memoryBudgetKiB = 64 * 1024;

struct Refusal {
    std::string code;
    int line;
};

Refusal refuse(const TempWorkspace& ws, const std::string& file) {
    const long before = peakRssKiB();
    const CheckReport report = ws.check();
    EXPECT_LE(peakRssKiB() - before, memoryBudgetKiB) << "refusing " << file;
    for (const Diagnostic& d : report.diagnostics) {
        if (d.file.ends_with(file) && d.severity == Severity::error) {
            EXPECT_FALSE(d.message.empty());
            return {d.code, d.line};
        }
    }
    ADD_FAILURE() << file << " was not refused:\n" << test::describe(report);
    return {};
}

} // namespace

TEST(Hostile, ExternalEntityIsRefusedAndNothingIsRead) {
    TempWorkspace ws;
    ws.write("x.xml", std::string("<?xml version=\"1.0\"?>\n<!DOCTYPE organisation [\n"
                                  "  <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n") +
                          orgOpen + "&secret;</organisation>\n");
    const Refusal refusal = refuse(ws, "x.xml");
    EXPECT_EQ(refusal.code, "xml.dtd");
    EXPECT_EQ(refusal.line, 2);
}

TEST(Hostile, ExternalDtdIsRefused) {
    TempWorkspace ws;
    ws.write("x.xml", std::string("<!DOCTYPE organisation SYSTEM \"http://127.0.0.1:9/x.dtd\">\n") +
                          orgOpen + "</organisation>");
    EXPECT_EQ(refuse(ws, "x.xml").code, "xml.dtd");
}

TEST(Hostile, BillionLaughsIsRefused) {
    std::string text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        text += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) {
            text += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        }
        text += "\">\n";
    }
    text += "]>\n" + std::string(orgOpen) + "&lol9;</organisation>\n";
    TempWorkspace ws;
    ws.write("lol.xml", text);
    EXPECT_EQ(refuse(ws, "lol.xml").code, "xml.dtd");
}

TEST(Hostile, QuadraticBlowupIsRefusedBeforeParsing) {
    std::string text = "<?xml version=\"1.0\"?>\n<!DOCTYPE kaboom [<!ENTITY a \"" +
                       std::string(100'000, 'a') + "\">]>\n" + orgOpen;
    for (int i = 0; i < 20'000; ++i) {
        text += "&a;";
    }
    text += "</organisation>\n";
    TempWorkspace ws;
    ws.write("kaboom.xml", text);
    EXPECT_EQ(refuse(ws, "kaboom.xml").code, "xml.dtd");
}

TEST(Hostile, DeepNestingIsRefusedWithItsLine) {
    std::string text = std::string(orgOpen) + "\n";
    for (int i = 0; i < 100'000; ++i) {
        text += "<unit>";
    }
    for (int i = 0; i < 100'000; ++i) {
        text += "</unit>";
    }
    text += "</organisation>\n";
    TempWorkspace ws;
    ws.write("deep.xml", text);
    const Refusal refusal = refuse(ws, "deep.xml");
    EXPECT_EQ(refusal.code, "xml.depth");
    EXPECT_EQ(refusal.line, 2);
}

TEST(Hostile, InvalidUtf8IsRefusedWithItsLine) {
    TempWorkspace ws;
    ws.write("bad.xml", std::string(orgOpen) + "\n<header>\n<title>V\xE4sby</title>\n</header>\n" +
                            "</organisation>\n");
    const Refusal refusal = refuse(ws, "bad.xml");
    EXPECT_EQ(refusal.code, "xml.utf8");
    EXPECT_EQ(refusal.line, 3);
}

TEST(Hostile, TwoGigabyteSparseFileIsRefusedUnread) {
    TempWorkspace ws;
    {
        std::ofstream out(ws.path("huge.xml"), std::ios::binary);
        out << orgOpen;
        out.seekp(std::streamoff{2} * 1024 * 1024 * 1024);
        out << "</organisation>";
    }
    const Refusal refusal = refuse(ws, "huge.xml");
    EXPECT_EQ(refusal.code, "xml.limit");
}

TEST(Hostile, XIncludeIsNotFollowed) {
    TempWorkspace ws = TempWorkspace::minimal();
    ws.replace(
        "organisation.xml", "<name>Upplands Väsby kommun</name>",
        "<name>Upplands Väsby kommun</name><xi:include "
        "xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>");
    const CheckReport report = ws.check();
    const auto schema = test::withCode(report, "schema");
    ASSERT_FALSE(schema.empty()) << test::describe(report);
    for (const auto& d : report.diagnostics) {
        EXPECT_EQ(d.message.find("root:"), std::string::npos) << d.message;
    }
}

TEST(Hostile, UndeclaredEntityIsAWellFormednessError) {
    TempWorkspace ws;
    ws.write("e.xml", std::string(orgOpen) + "\n&undefined;</organisation>");
    EXPECT_EQ(refuse(ws, "e.xml").code, "xml.malformed");
}

TEST(Hostile, OtherEncodingsAreRefused) {
    TempWorkspace ws;
    ws.write("latin1.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" +
                               std::string(orgOpen) + "</organisation>");
    EXPECT_EQ(refuse(ws, "latin1.xml").code, "xml.encoding");
}

TEST(Hostile, HugeAttributeIsRefused) {
    TempWorkspace ws;
    ws.write("attr.xml", std::string("<organisation xmlns=\"urn:rodtrad:org:1\" x=\"") +
                             std::string(20'000'000, 'x') + "\"/>");
    EXPECT_EQ(refuse(ws, "attr.xml").code, "xml.limit");
}

TEST(Hostile, NonRegularFilesAreNotOpened) {
    TempWorkspace ws;
    ASSERT_EQ(mkfifo(ws.path("fifo.xml").c_str(), 0600), 0);
    std::filesystem::create_symlink("/dev/zero", ws.path("zero.xml"));
    const CheckReport report = ws.check();
    EXPECT_EQ(test::withCode(report, "io.read").size(), 2u) << test::describe(report);
}

TEST(Hostile, UnknownDocumentKindIsNamed) {
    TempWorkspace ws;
    ws.write("svg.xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    const Refusal refusal = refuse(ws, "svg.xml");
    EXPECT_EQ(refusal.code, "doc.kind");
}

} // namespace rodtrad
