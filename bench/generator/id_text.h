#pragma once

#include <charconv>
#include <cstddef>
#include <cstring>
#include <string_view>

namespace rodtrad::bench {

// An identifier assembled on the stack. IdType allows at most 64 characters; longer input is
// cut rather than overflowing, and the schema check would report it.
class IdText {
public:
    IdText& operator<<(std::string_view part) {
        const std::size_t count = part.size() < capacity - size_ ? part.size() : capacity - size_;
        std::memcpy(text_ + size_, part.data(), count);
        size_ += count;
        return *this;
    }
    // value in decimal, zero-padded to width digits.
    IdText& number(long value, int width = 1) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        for (auto length = end - digits; length < width; ++length) {
            *this << "0";
        }
        return *this << std::string_view(digits, static_cast<std::size_t>(end - digits));
    }
    std::string_view view() const { return {text_, size_}; }
    operator std::string_view() const { return view(); }

private:
    static constexpr std::size_t capacity = 64;
    char text_[capacity];
    std::size_t size_ = 0;
};

} // namespace rodtrad::bench
