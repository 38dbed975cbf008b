// The ISO 14001 evidence pack of the example municipality, and its verification against packs
// altered, cut down, added to and built to attack the reader.
#include "load/schema_set.h"
#include "rendered_examples.h"
#include "rodtrad/error.h"
#include "rodtrad/evidence.h"
#include "rodtrad/render.h"

#include <Poco/Checksum.h>
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <sstream>
#include <unistd.h>

namespace rodtrad {
namespace {

namespace fs = std::filesystem;
using Files = std::vector<std::pair<std::string, std::string>>;

const EvidencePack& examplePack() {
    static const EvidencePack pack = [] {
        EvidenceOptions options;
        options.period = "2025-helar";
        return buildEvidencePack(test::exampleWorkspace(), options);
    }();
    return pack;
}

class TempDir {
public:
    TempDir()
        : dir_(fs::temp_directory_path() / ("rodtrad-evidence-" + std::to_string(::getpid()))) {
        fs::create_directories(dir_);
    }
    ~TempDir() { fs::remove_all(dir_); }
    fs::path file(const std::string& name) const { return dir_ / name; }

private:
    fs::path dir_;
};

const TempDir& tempDir() {
    static const TempDir dir;
    return dir;
}

void writeBytes(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

// Every entry of a zip, in archive order.
Files readZip(const std::string& bytes) {
    std::istringstream in(bytes);
    const Poco::Zip::ZipArchive archive(in);
    Files files;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
        if (it->second.isDirectory()) {
            continue;
        }
        std::istringstream again(bytes);
        Poco::Zip::ZipInputStream entry(again, it->second, true);
        std::string content;
        Poco::StreamCopier::copyToString(entry, content);
        files.emplace_back(it->first, content);
    }
    return files;
}

std::string writeZip(const Files& files) {
    std::ostringstream out;
    Poco::Zip::Compress compress(out, true);
    for (const auto& [name, content] : files) {
        std::istringstream in(content);
        compress.addFile(in, Poco::DateTime(2025, 12, 31), Poco::Path(name, Poco::Path::PATH_UNIX));
    }
    compress.close();
    return out.str();
}

// A zip written byte by byte (stored, no compression), for names and layouts that no zip
// library would write.
std::string rawZip(const Files& files) {
    const auto u16 = [](std::string& out, unsigned v) {
        out += static_cast<char>(v & 0xFF);
        out += static_cast<char>((v >> 8) & 0xFF);
    };
    const auto u32 = [&u16](std::string& out, unsigned v) {
        u16(out, v & 0xFFFF);
        u16(out, v >> 16);
    };
    std::string body;
    std::string directory;
    for (const auto& [name, content] : files) {
        Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
        crc.update(content.data(), static_cast<unsigned>(content.size()));
        const unsigned offset = static_cast<unsigned>(body.size());
        const auto common = [&](std::string& out) {
            u16(out, 20);
            u16(out, 0);
            u16(out, 0); // stored
            u16(out, 0);
            u16(out, 0x21);
            u32(out, crc.checksum());
            u32(out, static_cast<unsigned>(content.size()));
            u32(out, static_cast<unsigned>(content.size()));
            u16(out, static_cast<unsigned>(name.size()));
            u16(out, 0);
        };
        u32(body, 0x04034b50);
        common(body);
        body += name;
        body += content;
        u32(directory, 0x02014b50);
        u16(directory, 20);
        common(directory);
        u16(directory, 0);
        u16(directory, 0);
        u16(directory, 0);
        u32(directory, 0);
        u32(directory, offset);
        directory += name;
    }
    std::string zip = body + directory;
    u32(zip, 0x06054b50);
    u16(zip, 0);
    u16(zip, 0);
    u16(zip, static_cast<unsigned>(files.size()));
    u16(zip, static_cast<unsigned>(files.size()));
    u32(zip, static_cast<unsigned>(directory.size()));
    u32(zip, static_cast<unsigned>(body.size()));
    u16(zip, 0);
    return zip;
}

std::string contentOf(const Files& files, const std::string& name) {
    for (const auto& [path, content] : files) {
        if (path == name) {
            return content;
        }
    }
    ADD_FAILURE() << "no " << name << " in the pack";
    return {};
}

struct VerifyRun {
    int status = 0;
    std::string out;
    std::string err;
};

VerifyRun verifyWithCli(const std::string& name, const std::string& bytes) {
    const fs::path file = tempDir().file(name);
    writeBytes(file, bytes);
    VerifyRun run;
    std::string errors;
    run.out = test::runOutput("(" + std::string(RODTRAD_BINARY) + " evidence verify " +
                                  file.string() + "; echo \"status=$?\")",
                              errors);
    run.err = errors;
    const auto at = run.out.rfind("status=");
    run.status = std::stoi(run.out.substr(at + 7));
    return run;
}

} // namespace

TEST(EvidencePack, HoldsTheIndexEveryRecordTheReportsSourcesApprovalsAndManifest) {
    const EvidencePack& pack = examplePack();
    const Files files = readZip(pack.zip);
    std::set<std::string> names;
    for (const auto& [name, content] : files) {
        names.insert(name);
    }
    for (const char* expected :
         {"evidence-index.pdf", "manifest.xml", "approvals.xml", "records/miljopolicy.pdf",
          "records/miljoaspektregister.pdf", "records/bindande-krav.pdf",
          "records/avvikelselogg-miljo.pdf", "records/ledningens-genomgang-2025.pdf",
          "records/revisionsrapport-ir-2025-08.pdf", "reports/strategic-plan.pdf",
          "reports/follow-up-report-2025-helar.pdf", "source/ems/environmental-policy.xml",
          "source/strategic-plan.xml", "source/follow-ups/kf-2025-helar.xml"}) {
        EXPECT_EQ(names.count(expected), 1u) << expected;
    }
    // One source file per workspace document, byte for byte.
    std::size_t sources = 0;
    for (const auto& [name, content] : files) {
        if (name.starts_with("source/")) {
            ++sources;
            std::ifstream in(test::example / name.substr(7), std::ios::binary);
            const std::string original((std::istreambuf_iterator<char>(in)), {});
            EXPECT_EQ(content, original) << name;
        }
    }
    EXPECT_EQ(sources, test::exampleWorkspace().documentCount());
    EXPECT_EQ(files.size(), pack.entries.size() + 1);
}

TEST(EvidencePack, ManifestIsValidAndListsEverySizeAndHash) {
    const Files files = readZip(examplePack().zip);
    const std::string manifest = contentOf(files, "manifest.xml");
    std::vector<Diagnostic> invalid;
    EXPECT_TRUE(
        SchemaSet::instance().validate(manifest, "evidence-manifest.xsd", "manifest.xml", invalid))
        << (invalid.empty() ? "" : formatDiagnostic(invalid.front()));
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(manifest.c_str()));
    const pugi::xml_node root = doc.document_element();
    EXPECT_STREQ(root.attribute("edition").value(), "2015");
    EXPECT_STREQ(root.attribute("asOf").value(), "2025-12-31");
    EXPECT_STREQ(root.attribute("municipality").value(), "Upplands Väsby kommun");
    std::size_t listed = 0;
    for (pugi::xml_node file : root.children("file")) {
        ++listed;
        const std::string content = contentOf(files, file.attribute("path").value());
        EXPECT_EQ(std::to_string(content.size()), file.attribute("size").value());
    }
    EXPECT_EQ(listed, files.size() - 1);
    const pugi::xml_node policy =
        root.find_child_by_attribute("file", "path", "records/miljopolicy.pdf");
    EXPECT_STREQ(policy.attribute("role").value(), "record");
    EXPECT_STREQ(policy.attribute("kind").value(), "environmentalPolicy");
    EXPECT_STREQ(policy.attribute("state").value(), "approved");
}

TEST(EvidencePack, ApprovalRecordsNameWhoApprovedWhichRevision) {
    const std::string approvals = contentOf(readZip(examplePack().zip), "approvals.xml");
    std::vector<Diagnostic> invalid;
    EXPECT_TRUE(SchemaSet::instance().validate(approvals, "evidence-manifest.xsd", "approvals.xml",
                                               invalid));
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(approvals.c_str()));
    const pugi::xml_node policy =
        doc.document_element().find_child_by_attribute("document", "id", "miljopolicy");
    EXPECT_STREQ(policy.attribute("state").value(), "approved");
    EXPECT_STREQ(policy.child("approval").attribute("date").value(), "2023-06-19");
    const pugi::xml_node log = doc.document_element().find_child_by_attribute(
        "document", "id", "kommunikationslogg-miljo");
    EXPECT_STREQ(log.attribute("state").value(), "draft");
}

TEST(EvidencePack, SameInputsGiveTheSameBytes) {
    EvidenceOptions options;
    options.period = "2025-helar";
    const EvidencePack again = buildEvidencePack(test::exampleWorkspace(), options);
    EXPECT_TRUE(again.zip == examplePack().zip);
    options.asOf = Date::parse("2026-06-30");
    const EvidencePack later = buildEvidencePack(test::exampleWorkspace(), options);
    EXPECT_FALSE(later.zip == examplePack().zip);
    EXPECT_GT(later.gaps, examplePack().gaps); // reviews fall due as time passes
}

TEST(EvidencePack, IndexShowsTheMatrixAndLinksToEachDocument) {
    const Files files = readZip(examplePack().zip);
    const fs::path index = tempDir().file("evidence-index.pdf");
    writeBytes(index, contentOf(files, "evidence-index.pdf"));
    const std::string text = test::run("pdftotext -layout " + index.string() + " -");
    EXPECT_NE(text.find("Bevisförteckning för certifieringsrevision"), std::string::npos);
    EXPECT_NE(text.find("5.2 Miljöpolicy"), std::string::npos);
    EXPECT_NE(text.find("KS 2023/0214"), std::string::npos); // the policy's document number
    EXPECT_NE(text.find("Översyn försenad"), std::string::npos);
    EXPECT_EQ(text.find("UTKAST"), std::string::npos);
    // The policy's number links to its PDF in the pack, opened at the first page.
    const std::string uncompressed =
        test::run("qpdf --qdf --object-streams=disable " + index.string() + " -");
    EXPECT_NE(uncompressed.find("/S /GoToR"), std::string::npos);
    EXPECT_NE(uncompressed.find("(records/miljopolicy.pdf)"), std::string::npos);
    EXPECT_NE(uncompressed.find("(source/follow-ups/kf-2025-helar.xml)"), std::string::npos);
}

TEST(EvidencePack, DraftRecordsCarryTheWatermarkApprovedOnesDoNot) {
    const Files files = readZip(examplePack().zip);
    // Each record's PDF is the one `rodtrad render` gives for it, with the watermark exactly
    // when the record is not approved.
    const auto expectRendered = [&](const std::string& templateName, const std::string& id,
                                    bool approved) {
        RenderOptions options;
        options.templateName = templateName;
        options.document = id;
        options.period = "2025-helar";
        options.final = approved;
        options.keepLayoutDump = true;
        const RenderResult result = renderDocument(test::exampleWorkspace(), options);
        EXPECT_TRUE(result.pdf == contentOf(files, "records/" + id + ".pdf")) << id;
        EXPECT_EQ(result.layoutDump.find("[artifact] UTKAST") == std::string::npos, approved) << id;
    };
    expectRendered("environmental-policy", "miljopolicy", true);
    expectRendered("communication-log", "kommunikationslogg-miljo", false);
}

TEST(EvidencePack, CarriesTheAuditTrailTheWorkflowServiceSupplies) {
    EvidenceOptions options;
    options.period = "2025-helar";
    options.edition = "2026";
    options.language = "en";
    const std::string trail = "<auditTrail><event seq=\"1\"/></auditTrail>\n";
    options.supplied.push_back({"audit-trail.xml", "audit-trail", trail});
    const EvidencePack pack = buildEvidencePack(test::exampleWorkspace(), options);
    const Files files = readZip(pack.zip);
    EXPECT_EQ(contentOf(files, "audit-trail.xml"), trail);
    const std::string manifest = contentOf(files, "manifest.xml");
    EXPECT_NE(
        manifest.find("path=\"audit-trail.xml\" size=\"" + std::to_string(trail.size()) + "\""),
        std::string::npos)
        << manifest;
    EXPECT_NE(manifest.find(R"(edition="2026")"), std::string::npos);
    // The 2026 edition's index in English, with the clauses that edition added.
    const fs::path index = tempDir().file("index-2026.pdf");
    writeBytes(index, contentOf(files, "evidence-index.pdf"));
    const std::string text = test::run("pdftotext " + index.string() + " -");
    EXPECT_NE(text.find("Evidence index for the certification audit"), std::string::npos);
    EXPECT_NE(text.find("6.3 Planning of changes"), std::string::npos);
    EXPECT_NE(text.find("6.1.5 Planning action"), std::string::npos);
    EXPECT_TRUE(pack.diagnostics.empty());

    options.supplied = {{"../escape.xml", "audit-trail", "x"}};
    EXPECT_THROW(buildEvidencePack(test::exampleWorkspace(), options), UsageError);
    options.supplied = {{"manifest.xml", "approvals", "x"}};
    EXPECT_THROW(buildEvidencePack(test::exampleWorkspace(), options), UsageError);
}

TEST(EvidenceVerify, IntactPackPasses) {
    const VerifyRun run = verifyWithCli("intact.zip", examplePack().zip);
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.out.find(std::to_string(examplePack().entries.size()) + " files match"),
              std::string::npos)
        << run.out;
}

TEST(EvidenceVerify, ReportsAnAlteredARemovedAndAnAddedFileByName) {
    Files files = readZip(examplePack().zip);
    for (auto& [name, content] : files) {
        if (name == "records/miljopolicy.pdf") {
            content[content.size() / 2] ^= 0x01; // one byte changed
        }
    }
    std::erase_if(files, [](const auto& f) { return f.first == "source/ems/ems-scope.xml"; });
    files.emplace_back("records/extra.pdf", "%PDF-1.7 not from the pack");
    const VerifyRun run = verifyWithCli("tampered.zip", writeZip(files));
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find("records/miljopolicy.pdf: error: altered"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("source/ems/ems-scope.xml: error: missing"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("records/extra.pdf: error: extra"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("3 problems found"), std::string::npos) << run.err;
}

TEST(EvidenceVerify, EachChangeAloneIsFound) {
    const Files original = readZip(examplePack().zip);
    Files altered = original;
    for (auto& [name, content] : altered) {
        if (name == "approvals.xml") {
            content[100] = content[100] == 'a' ? 'b' : 'a';
        }
    }
    EXPECT_EQ(verifyWithCli("altered.zip", writeZip(altered)).status, 1);
    Files removed = original;
    std::erase_if(removed, [](const auto& f) { return f.first == "evidence-index.pdf"; });
    const VerifyRun withoutIndex = verifyWithCli("removed.zip", writeZip(removed));
    EXPECT_EQ(withoutIndex.status, 1);
    EXPECT_NE(withoutIndex.err.find("evidence-index.pdf: error: missing"), std::string::npos);
    Files added = original;
    added.emplace_back("notes.txt", "");
    EXPECT_EQ(verifyWithCli("added.zip", writeZip(added)).status, 1);
    EXPECT_EQ(verifyWithCli("rezipped.zip", writeZip(original)).status, 0);
}

TEST(EvidenceVerify, RefusesWhatIsNotAPackWithAClearMessage) {
    const VerifyRun notZip = verifyWithCli("garbage.zip", std::string(4096, 'x'));
    EXPECT_EQ(notZip.status, 1);
    EXPECT_NE(notZip.err.find("not a complete zip archive"), std::string::npos) << notZip.err;

    const std::string& pack = examplePack().zip;
    const VerifyRun truncated = verifyWithCli("truncated.zip", pack.substr(0, pack.size() / 2));
    EXPECT_EQ(truncated.status, 1) << truncated.out;
    EXPECT_NE(truncated.err.find("not a complete zip archive"), std::string::npos) << truncated.err;
    // A directory claiming entries the archive does not hold.
    std::string lying = pack;
    lying[lying.rfind(std::string("PK\x01\x02", 4)) + 20] ^= 0x7F; // a compressed size
    const VerifyRun corrupt = verifyWithCli("corrupt.zip", lying);
    EXPECT_EQ(corrupt.status, 1) << corrupt.out;

    const VerifyRun noManifest = verifyWithCli("no-manifest.zip", rawZip({{"a.txt", "a"}}));
    EXPECT_EQ(noManifest.status, 1);
    EXPECT_NE(noManifest.err.find("the pack has no manifest"), std::string::npos);

    const VerifyRun missing = verifyWithCli("missing.zip", "");
    EXPECT_EQ(missing.status, 1);
}

TEST(EvidenceVerify, HostileArchivesAreReportedNeverFollowed) {
    const Files files = readZip(examplePack().zip);
    const std::string manifest = contentOf(files, "manifest.xml");
    // A name that climbs out of the folder it would be extracted to.
    const VerifyRun traversal = verifyWithCli(
        "traversal.zip", rawZip({{"manifest.xml", manifest}, {"../../etc/evil", "x"}}));
    EXPECT_EQ(traversal.status, 1);
    EXPECT_NE(traversal.err.find("../../etc/evil: error: extra"), std::string::npos)
        << traversal.err;
    EXPECT_NE(traversal.err.find("unsafe name"), std::string::npos);
    EXPECT_FALSE(fs::exists("/etc/evil"));

    // The same name twice: the second copy could pass off content the manifest never saw.
    const VerifyRun twice = verifyWithCli(
        "twice.zip",
        rawZip({{"manifest.xml", manifest}, {"approvals.xml", "a"}, {"approvals.xml", "b"}}));
    EXPECT_EQ(twice.status, 1);
    EXPECT_NE(twice.err.find("approvals.xml: error: duplicate"), std::string::npos) << twice.err;

    // A manifest with a document type declaration is refused before any parser expands it.
    const std::string bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
        "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><evidenceManifest>&b;</evidenceManifest>";
    const VerifyRun entities = verifyWithCli("entities.zip", rawZip({{"manifest.xml", bomb}}));
    EXPECT_EQ(entities.status, 1);
    EXPECT_NE(entities.err.find("manifest.xml: error: manifest"), std::string::npos)
        << entities.err;

    // A manifest that lists a path outside the pack's own layout is invalid, not followed.
    std::string outside = manifest;
    outside.replace(outside.find("path=\"approvals.xml\""), 20, "path=\"../approvals.xml\"");
    const VerifyRun invalid = verifyWithCli("outside.zip", rawZip({{"manifest.xml", outside}}));
    EXPECT_EQ(invalid.status, 1);
    EXPECT_NE(invalid.err.find("manifest.xml: error: manifest"), std::string::npos) << invalid.err;
}

} // namespace rodtrad
