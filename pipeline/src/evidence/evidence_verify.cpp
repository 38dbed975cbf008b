#include "load/line_index.h"
#include "load/schema_set.h"
#include "load/xml_prescan.h"
#include "rodtrad/error.h"
#include "rodtrad/evidence.h"

#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/SHA2Engine.h>
#include <Poco/Zip/ParseCallback.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipLocalFileHeader.h>
#include <Poco/Zip/ZipStream.h>
#include <algorithm>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <regex>

namespace rodtrad {
namespace {

// Bounds on what a pack may cost to verify, whatever its headers claim.
constexpr std::size_t maxEntries = 100000;
constexpr std::uint64_t maxEntryBytes = std::uint64_t{4} << 30;
constexpr std::uint64_t maxTotalBytes = std::uint64_t{32} << 30;
constexpr std::size_t maxManifestBytes = std::size_t{64} << 20;

struct Entry {
    std::uint64_t size = 0;
    std::string sha256;
    int count = 0;
};

bool safeName(const std::string& name) {
    static const std::regex pattern("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    return name.size() <= 400 && std::regex_match(name, pattern) &&
           name.find("/../") == std::string::npos && !name.starts_with("../") &&
           !name.ends_with("/..");
}

// Hashes each entry as the archive is read, keeping only the manifest's bytes.
class Hasher : public Poco::Zip::ParseCallback {
public:
    bool handleZipEntry(std::istream& zipStream,
                        const Poco::Zip::ZipLocalFileHeader& header) override {
        if (++entries_ > maxEntries) {
            throw Poco::DataException("more than " + std::to_string(maxEntries) + " entries");
        }
        const std::string name = header.getFileName();
        Entry& entry = byName[name];
        ++entry.count;
        if (header.isDirectory()) {
            entry.sha256.clear();
            return true;
        }
        if (header.isEncrypted()) {
            throw Poco::DataException(name + " is encrypted");
        }
        const bool manifest = name == "manifest.xml";
        if (manifest) {
            manifestText.clear();
        }
        Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
        Poco::Zip::ZipInputStream in(zipStream, header, false);
        char buffer[1 << 16];
        std::uint64_t size = 0;
        while (in) {
            in.read(buffer, sizeof buffer);
            const std::streamsize got = in.gcount();
            if (got <= 0) {
                break;
            }
            size += static_cast<std::uint64_t>(got);
            total_ += static_cast<std::uint64_t>(got);
            if (size > maxEntryBytes || total_ > maxTotalBytes) {
                throw Poco::DataException(name + " unpacks to more than the limit");
            }
            sha.update(buffer, static_cast<unsigned>(got));
            if (manifest) {
                if (manifestText.size() + static_cast<std::size_t>(got) > maxManifestBytes) {
                    throw Poco::DataException("manifest.xml is larger than the limit");
                }
                manifestText.append(buffer, static_cast<std::size_t>(got));
            }
        }
        entry.size = size;
        entry.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
        return true;
    }

    std::size_t localEntries() const { return entries_; }

    std::map<std::string, Entry> byName;
    std::string manifestText;

private:
    std::size_t entries_ = 0;
    std::uint64_t total_ = 0;
};

// Whether the last 64 KiB hold the end-of-central-directory record every zip ends with; leaves
// the stream at the start.
bool endsWithDirectory(std::istream& in) {
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    const std::streamoff tail = std::min<std::streamoff>(size, 65536 + 22);
    std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(tail, 0)), '\0');
    in.seekg(size - tail);
    in.read(bytes.data(), tail);
    in.clear();
    in.seekg(0);
    return tail >= 22 && bytes.rfind(std::string("PK\x05\x06", 4)) != std::string::npos;
}

// The central directory, which zip tools read, must describe exactly the entries hashed from the
// local headers: otherwise a tool could show content the manifest never covered.
void checkDirectory(const Poco::Zip::ZipArchive& archive, std::size_t localEntries,
                    VerifyReport& report) {
    std::size_t listed = 0;
    for (auto info = archive.fileInfoBegin(); info != archive.fileInfoEnd(); ++info) {
        ++listed;
        const auto local = archive.findHeader(info->first);
        if (local == archive.headerEnd() ||
            static_cast<std::uint64_t>(local->second.getStartPos()) != info->second.getOffset() ||
            local->second.getCRC() != info->second.getCRC() ||
            local->second.getCompressedSize() != info->second.getCompressedSize() ||
            local->second.getUncompressedSize() != info->second.getUncompressedSize()) {
            report.findings.push_back({info->first, "inconsistent",
                                       "the central directory describes this entry differently "
                                       "from its local header"});
        }
    }
    if (listed != localEntries) {
        report.findings.push_back({"central directory", "inconsistent",
                                   "the central directory lists " + std::to_string(listed) +
                                       " entries, the archive holds " +
                                       std::to_string(localEntries)});
    }
}

// Validates the manifest as any other untrusted XML (prescan, then the schema).
bool readManifest(const std::string& text, pugi::xml_document& doc, VerifyReport& report) {
    LineIndex lines;
    const PrescanResult scan = prescanXml(text, ParseLimits{}, lines);
    if (scan.refusal) {
        const auto at = lines.position(text, scan.refusal->offset);
        report.findings.push_back(
            {"manifest.xml", "manifest",
             "line " + std::to_string(at.line) + ": " + scan.refusal->message});
        return false;
    }
    std::vector<Diagnostic> invalid;
    if (!SchemaSet::instance().validate(text, "evidence-manifest.xsd", "manifest.xml", invalid)) {
        for (const Diagnostic& d : invalid) {
            report.findings.push_back({"manifest.xml", "manifest", formatDiagnostic(d)});
        }
        return false;
    }
    if (!doc.load_buffer(text.data(), text.size()) ||
        std::string_view(doc.document_element().name()) != "evidenceManifest") {
        report.findings.push_back({"manifest.xml", "manifest", "not an evidence manifest"});
        return false;
    }
    return true;
}

} // namespace

VerifyReport verifyEvidencePack(const std::filesystem::path& zip) {
    std::ifstream in(zip, std::ios::binary);
    if (!in) {
        throw IoError("cannot open " + zip.string());
    }
    VerifyReport report;
    const std::string packName = zip.filename().string();
    if (!endsWithDirectory(in)) {
        report.findings.push_back({packName, "unreadable",
                                   "not a complete zip archive: it has no end of central "
                                   "directory (cut short, or not a zip file)"});
        return report;
    }
    Hasher hasher;
    try {
        const Poco::Zip::ZipArchive archive(in, hasher);
        checkDirectory(archive, hasher.localEntries(), report);
    } catch (const Poco::Exception& e) {
        report.findings.push_back(
            {packName, "unreadable", "not a readable zip archive: " + e.displayText()});
    } catch (const std::exception& e) {
        report.findings.push_back({zip.filename().string(), "unreadable",
                                   std::string("not a readable zip archive: ") + e.what()});
    }
    for (const auto& [name, entry] : hasher.byName) {
        if (entry.count > 1) {
            report.findings.push_back(
                {name, "duplicate",
                 "the archive holds " + std::to_string(entry.count) + " entries of this name"});
        }
    }
    if (!report.findings.empty()) {
        return report;
    }
    const auto manifestEntry = hasher.byName.find("manifest.xml");
    if (manifestEntry == hasher.byName.end()) {
        report.findings.push_back({"manifest.xml", "missing", "the pack has no manifest"});
        return report;
    }
    pugi::xml_document manifest;
    if (!readManifest(hasher.manifestText, manifest, report)) {
        return report;
    }
    std::map<std::string, pugi::xml_node> listed;
    for (pugi::xml_node file : manifest.document_element().children("file")) {
        listed.emplace(file.attribute("path").value(), file);
    }
    for (const auto& [path, file] : listed) {
        const auto it = hasher.byName.find(path);
        if (it == hasher.byName.end()) {
            report.findings.push_back(
                {path, "missing", "listed in the manifest but not in the pack"});
            continue;
        }
        ++report.filesChecked;
        const std::string size = std::to_string(it->second.size);
        if (size != file.attribute("size").value() ||
            it->second.sha256 != file.attribute("sha256").value()) {
            report.findings.push_back({path, "altered",
                                       "SHA-256 " + it->second.sha256 + " and " + size +
                                           " bytes; the manifest lists " +
                                           file.attribute("sha256").value() + " and " +
                                           file.attribute("size").value() + " bytes"});
        }
    }
    // A directory entry is what zip tools add for the folders of the files listed.
    const auto holdsListedFile = [&listed](const std::string& directory) {
        const auto next = listed.lower_bound(directory);
        return next != listed.end() && next->first.starts_with(directory);
    };
    for (const auto& [name, entry] : hasher.byName) {
        if (name == "manifest.xml" || listed.count(name) != 0 ||
            (name.ends_with('/') && entry.sha256.empty() && holdsListedFile(name))) {
            continue;
        }
        report.findings.push_back({name, "extra",
                                   safeName(name) ? "in the pack but not in the manifest"
                                                  : "in the pack but not in the manifest, with "
                                                    "an unsafe name"});
    }
    return report;
}

} // namespace rodtrad
