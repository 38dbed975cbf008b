#include "kolada/json_syntax.h"

#include <cctype>

namespace rodtrad {
namespace {

class Scanner {
public:
    Scanner(std::string_view text, int maxDepth) : text_(text), maxDepth_(maxDepth) {}

    std::optional<JsonSyntaxError> run() {
        skipSpace();
        if (!value(0)) {
            return error_;
        }
        skipSpace();
        if (at_ != text_.size()) {
            fail("unexpected text after the end of the JSON value");
            return error_;
        }
        return std::nullopt;
    }

private:
    bool fail(std::string message) {
        if (!error_) {
            error_ = JsonSyntaxError{at_, std::move(message)};
        }
        return false;
    }

    bool end() const { return at_ >= text_.size(); }
    char peek() const { return text_[at_]; }

    void skipSpace() {
        while (!end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++at_;
        }
    }

    bool truncated() { return fail(std::string("the text ends early (truncated file?)")); }

    bool literal(std::string_view word) {
        if (text_.substr(at_, word.size()) != word) {
            return text_.size() - at_ < word.size() &&
                           text_.substr(at_) == word.substr(0, text_.size() - at_)
                       ? truncated()
                       : fail("expected " + std::string(word));
        }
        at_ += word.size();
        return true;
    }

    bool string() {
        ++at_; // opening quote
        while (!end()) {
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++at_;
                return true;
            }
            if (c < 0x20) {
                return fail(std::string("control character in a string"));
            }
            if (c == '\\') {
                ++at_;
                if (end()) {
                    return truncated();
                }
                const char e = peek();
                if (e == 'u') {
                    for (int i = 1; i <= 4; ++i) {
                        if (at_ + static_cast<std::size_t>(i) >= text_.size()) {
                            return truncated();
                        }
                        if (!std::isxdigit(static_cast<unsigned char>(
                                text_[at_ + static_cast<std::size_t>(i)]))) {
                            return fail(std::string("bad \\u escape"));
                        }
                    }
                    at_ += 5;
                    continue;
                }
                if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    return fail(std::string("bad escape in a string"));
                }
            }
            ++at_;
        }
        return truncated();
    }

    bool digits() {
        const std::size_t start = at_;
        while (!end() && peek() >= '0' && peek() <= '9') {
            ++at_;
        }
        return at_ > start || (end() ? truncated() : fail(std::string("expected a digit")));
    }

    bool number() {
        if (peek() == '-') {
            ++at_;
        }
        if (end()) {
            return truncated();
        }
        if (peek() == '0') {
            ++at_;
        } else if (!digits()) {
            return false;
        }
        if (!end() && peek() == '.') {
            ++at_;
            if (!digits()) {
                return false;
            }
        }
        if (!end() && (peek() == 'e' || peek() == 'E')) {
            ++at_;
            if (!end() && (peek() == '+' || peek() == '-')) {
                ++at_;
            }
            if (!digits()) {
                return false;
            }
        }
        return true;
    }

    bool container(int depth, char close) {
        if (depth >= maxDepth_) {
            return fail("nested deeper than " + std::to_string(maxDepth_) + " levels");
        }
        const bool object = close == '}';
        ++at_;
        skipSpace();
        if (end()) {
            return truncated();
        }
        if (peek() == close) {
            ++at_;
            return true;
        }
        while (true) {
            if (object) {
                if (peek() != '"') {
                    return fail(std::string("expected a member name in quotes"));
                }
                if (!string()) {
                    return false;
                }
                skipSpace();
                if (end()) {
                    return truncated();
                }
                if (peek() != ':') {
                    return fail(std::string("expected ':' after a member name"));
                }
                ++at_;
                skipSpace();
            }
            if (!value(depth + 1)) {
                return false;
            }
            skipSpace();
            if (end()) {
                return truncated();
            }
            if (peek() == close) {
                ++at_;
                return true;
            }
            if (peek() != ',') {
                return fail(std::string("expected ',' or '") + close + "'");
            }
            ++at_;
            skipSpace();
            if (end()) {
                return truncated();
            }
        }
    }

    bool value(int depth) {
        if (end()) {
            return truncated();
        }
        switch (peek()) {
        case '{':
            return container(depth, '}');
        case '[':
            return container(depth, ']');
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
                return number();
            }
            return fail(std::string("unexpected character"));
        }
    }

    std::string_view text_;
    int maxDepth_;
    std::size_t at_ = 0;
    std::optional<JsonSyntaxError> error_;
};

} // namespace

std::optional<JsonSyntaxError> findJsonSyntaxError(std::string_view text, int maxDepth) {
    return Scanner(text, maxDepth).run();
}

} // namespace rodtrad
