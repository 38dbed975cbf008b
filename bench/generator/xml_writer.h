#pragma once

#include "calendar_date.h"
#include "decimal.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad::bench {

// Streams one XML document at a time to a file through a large buffer, indented by two
// spaces. Element and attribute names must be literals (the writer keeps views of them until
// the element ends); text and attribute values are escaped. The writer is reused from
// document to document so that its buffer and stack are allocated once.
class XmlWriter {
public:
    XmlWriter();
    ~XmlWriter();
    XmlWriter(const XmlWriter&) = delete;
    XmlWriter& operator=(const XmlWriter&) = delete;

    // Creates file and writes the XML declaration. Throws IoError.
    void open(const std::filesystem::path& file);
    // Ends the document, writes what is buffered and closes the file. Throws IoError.
    void close();

    // <name ...: attributes may follow until the first child, text or end().
    void start(std::string_view name);
    void attribute(std::string_view name, std::string_view value);
    void attribute(std::string_view name, std::int64_t value);
    void attribute(std::string_view name, Decimal value);
    void attribute(std::string_view name, CalendarDate value);
    void text(std::string_view content);
    // Closes the innermost open element.
    void end();
    // <name>content</name>
    void element(std::string_view name, std::string_view content);
    // <name><p>content</p></name>: a rich-text element with one paragraph.
    void paragraph(std::string_view name, std::string_view content);

    std::uint64_t totalBytes() const { return totalBytes_; }
    std::uint64_t files() const { return files_; }

private:
    struct Frame {
        std::string_view name;
        bool hasChildren = false;
    };
    void closeStartTag();
    void newline();
    void escape(std::string_view content, bool inAttribute);
    void flushIfFull();
    void flush();

    std::string buffer_;
    std::vector<Frame> stack_;
    std::FILE* file_ = nullptr;
    std::filesystem::path path_;
    bool startTagOpen_ = false;
    std::uint64_t totalBytes_ = 0;
    std::uint64_t files_ = 0;
};

} // namespace rodtrad::bench
