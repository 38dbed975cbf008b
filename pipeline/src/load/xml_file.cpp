#include "load/xml_file.h"

#include <cstdio>
#include <cstring>
#include <fstream>

namespace rodtrad {

std::string humanSize(std::uintmax_t bytes) {
    constexpr double mib = 1024.0 * 1024.0;
    char text[32];
    if (bytes >= 1024ull * 1024 * 1024) {
        std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(bytes) / (mib * 1024));
    } else {
        std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / mib);
    }
    return text;
}

std::optional<std::size_t> checkedFileSize(const std::filesystem::path& file,
                                           const std::string& displayPath, std::size_t maxBytes,
                                           std::vector<Diagnostic>& diagnostics) {
    const auto refuse = [&](std::string code, std::string message) {
        diagnostics.push_back(
            {Severity::error, displayPath, 0, 0, std::move(code), std::move(message)});
        return std::nullopt;
    };
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::is_regular_file(status)) {
        return refuse("io.read", "not a regular file");
    }
    const std::uintmax_t bytes = std::filesystem::file_size(file, ec);
    if (ec) {
        return refuse("io.read", "cannot read: " + ec.message());
    }
    if (bytes > maxBytes) {
        const bool roundsEqual = humanSize(bytes) == humanSize(maxBytes);
        return refuse("xml.limit", roundsEqual ? "file is " + std::to_string(bytes) +
                                                     " bytes; the limit is " +
                                                     std::to_string(maxBytes) + " bytes"
                                               : "file is " + humanSize(bytes) + "; the limit is " +
                                                     humanSize(maxBytes));
    }
    return static_cast<std::size_t>(bytes);
}

std::unique_ptr<char[]> readWholeFile(const std::filesystem::path& file,
                                      const std::string& displayPath, std::size_t maxBytes,
                                      std::size_t& size, std::vector<Diagnostic>& diagnostics) {
    const std::optional<std::size_t> bytes =
        checkedFileSize(file, displayPath, maxBytes, diagnostics);
    if (!bytes) {
        return nullptr;
    }
    size = *bytes;
    auto buffer = std::make_unique<char[]>(size + 1);
    std::ifstream in(file, std::ios::binary);
    if (!in.read(buffer.get(), static_cast<std::streamsize>(size)) ||
        in.peek() != std::ifstream::traits_type::eof()) {
        diagnostics.push_back({Severity::error, displayPath, 0, 0, "io.read",
                               "cannot read the whole file (changed while read?)"});
        return nullptr;
    }
    return buffer;
}

std::optional<PrescannedRoot> prescanRoot(std::string_view text, const std::string& displayPath,
                                          const ParseLimits& limits, LineIndex& lines,
                                          std::vector<Diagnostic>& diagnostics) {
    const PrescanResult scan = prescanXml(text, limits, lines);
    if (scan.refusal) {
        const SourcePosition at = lines.position(text, scan.refusal->offset);
        diagnostics.push_back({Severity::error, displayPath, at.line, at.column, scan.refusal->code,
                               scan.refusal->message});
        return std::nullopt;
    }
    if (scan.rootOffset == std::string_view::npos) {
        diagnostics.push_back(
            {Severity::error, displayPath, 0, 0, "xml.malformed", "no root element"});
        return std::nullopt;
    }
    return PrescannedRoot{readRootElement(text, scan.rootOffset), scan.rootOffset};
}

void stripElementPrefixes(pugi::xml_node node) {
    for (pugi::xml_node child = node; child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) {
            continue;
        }
        char* name = const_cast<char*>(child.name());
        if (char* colon = std::strchr(name, ':')) {
            std::memmove(name, colon + 1, std::strlen(colon + 1) + 1);
        }
        stripElementPrefixes(child.first_child());
    }
}

} // namespace rodtrad
