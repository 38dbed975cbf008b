#include "util/json_writer.h"

#include <array>

namespace rodtrad {

void JsonWriter::separate() {
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (!first_) {
        out_ << ',';
    }
    first_ = false;
}

void JsonWriter::beginObject() {
    separate();
    out_ << '{';
    first_ = true;
}

void JsonWriter::endObject() {
    out_ << '}';
    first_ = false;
}

void JsonWriter::beginArray() {
    separate();
    out_ << '[';
    first_ = true;
}

void JsonWriter::endArray() {
    out_ << ']';
    first_ = false;
}

void JsonWriter::key(std::string_view name) {
    value(name);
    out_ << ':';
    afterKey_ = true;
}

void JsonWriter::value(std::string_view text) {
    separate();
    static constexpr std::array<char, 16> hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                              '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    out_ << '"';
    std::size_t plain = 0; // start of the run of characters written as they are
    const auto flush = [&](std::size_t end) {
        out_.write(text.data() + plain, static_cast<std::streamsize>(end - plain));
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        if (c != '"' && c != '\\' && byte >= 0x20) {
            continue;
        }
        flush(i);
        plain = i + 1;
        switch (c) {
        case '"':
            out_ << "\\\"";
            break;
        case '\\':
            out_ << "\\\\";
            break;
        case '\n':
            out_ << "\\n";
            break;
        case '\r':
            out_ << "\\r";
            break;
        case '\t':
            out_ << "\\t";
            break;
        default:
            out_ << "\\u00" << hex[byte >> 4] << hex[byte & 0xf];
        }
    }
    flush(text.size());
    out_ << '"';
}

void JsonWriter::value(long long number) {
    separate();
    out_ << number;
}

void JsonWriter::value(bool flag) {
    separate();
    out_ << (flag ? "true" : "false");
}

void JsonWriter::null() {
    separate();
    out_ << "null";
}

} // namespace rodtrad
