#include "xml_writer.h"

#include "error.h"

#include <cerrno>
#include <charconv>
#include <cstring>

namespace rodtrad::bench {
namespace {

// Large writes, few system calls; small enough to stay in the cache while it fills.
constexpr std::size_t flushBytes = std::size_t{1} << 20;
constexpr std::string_view declaration = R"(<?xml version="1.0" encoding="UTF-8"?>)";

} // namespace

XmlWriter::XmlWriter() {
    buffer_.reserve(flushBytes + 64 * 1024);
    stack_.reserve(32);
}

XmlWriter::~XmlWriter() {
    if (file_ != nullptr) {
        std::fclose(file_);
    }
}

void XmlWriter::open(const std::filesystem::path& file) {
    path_ = file;
    file_ = std::fopen(file.c_str(), "wb");
    if (file_ == nullptr) {
        throw IoError(file.string() + ": cannot create: " + std::strerror(errno));
    }
    std::setvbuf(file_, nullptr, _IONBF, 0);
    buffer_.clear();
    stack_.clear();
    startTagOpen_ = false;
    buffer_ += declaration;
}

void XmlWriter::close() {
    while (!stack_.empty()) {
        end();
    }
    buffer_ += '\n';
    flush();
    const int status = std::fclose(file_);
    file_ = nullptr;
    if (status != 0) {
        throw IoError(path_.string() + ": cannot write: " + std::strerror(errno));
    }
    ++files_;
}

void XmlWriter::start(std::string_view name) {
    closeStartTag();
    if (!stack_.empty()) {
        stack_.back().hasChildren = true;
    }
    newline();
    buffer_ += '<';
    buffer_ += name;
    stack_.push_back({name});
    startTagOpen_ = true;
}

void XmlWriter::attribute(std::string_view name, std::string_view value) {
    buffer_ += ' ';
    buffer_ += name;
    buffer_ += "=\"";
    escape(value, true);
    buffer_ += '"';
}

void XmlWriter::attribute(std::string_view name, std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    attribute(name, std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void XmlWriter::attribute(std::string_view name, Decimal value) {
    char digits[24];
    const char* end = value.format(digits);
    attribute(name, std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void XmlWriter::attribute(std::string_view name, CalendarDate value) {
    char digits[16];
    const char* end = value.format(digits);
    attribute(name, std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void XmlWriter::text(std::string_view content) {
    closeStartTag();
    escape(content, false);
}

void XmlWriter::end() {
    const Frame frame = stack_.back();
    stack_.pop_back();
    if (startTagOpen_) {
        buffer_ += "/>";
        startTagOpen_ = false;
    } else {
        if (frame.hasChildren) {
            newline();
        }
        buffer_ += "</";
        buffer_ += frame.name;
        buffer_ += '>';
    }
    flushIfFull();
}

void XmlWriter::element(std::string_view name, std::string_view content) {
    start(name);
    text(content);
    end();
}

void XmlWriter::paragraph(std::string_view name, std::string_view content) {
    start(name);
    element("p", content);
    end();
}

void XmlWriter::closeStartTag() {
    if (startTagOpen_) {
        buffer_ += '>';
        startTagOpen_ = false;
    }
}

void XmlWriter::newline() {
    buffer_ += '\n';
    buffer_.append(stack_.size() * 2, ' ');
}

void XmlWriter::escape(std::string_view content, bool inAttribute) {
    const char* specials = inAttribute ? "&<\"" : "&<>";
    std::size_t from = 0;
    for (;;) {
        const std::size_t at = content.find_first_of(specials, from);
        buffer_.append(content.substr(from, at - from));
        if (at == std::string_view::npos) {
            return;
        }
        switch (content[at]) {
        case '&':
            buffer_ += "&amp;";
            break;
        case '<':
            buffer_ += "&lt;";
            break;
        case '>':
            buffer_ += "&gt;";
            break;
        default:
            buffer_ += "&quot;";
            break;
        }
        from = at + 1;
    }
}

void XmlWriter::flushIfFull() {
    if (buffer_.size() >= flushBytes) {
        flush();
    }
}

void XmlWriter::flush() {
    if (buffer_.empty()) {
        return;
    }
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
        throw IoError(path_.string() + ": cannot write: " + std::strerror(errno));
    }
    totalBytes_ += buffer_.size();
    buffer_.clear();
}

} // namespace rodtrad::bench
