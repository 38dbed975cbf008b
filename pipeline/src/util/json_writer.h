#pragma once

#include <ostream>
#include <string_view>

namespace rodtrad {

// A small streaming JSON writer that keeps keys in the order written (Poco's JSON objects
// sort them) and escapes strings per RFC 8259.
class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out) : out_(out) {}

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);
    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(long long number);
    void value(int number) { value(static_cast<long long>(number)); }
    void value(bool flag);
    void null();
    template <typename T> void field(std::string_view name, const T& v) {
        key(name);
        value(v);
    }

private:
    void separate();
    std::ostream& out_;
    bool first_ = true;
    bool afterKey_ = false;
};

} // namespace rodtrad
