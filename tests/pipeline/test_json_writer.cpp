#include "util/json_writer.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>
#include <sstream>

namespace rodtrad {
namespace {

// Awkward values: quotes, backslashes, control characters, Swedish letters.
constexpr const char* awkward = "a\"b\\c\td\ne\rf\x01g\x1fh åäö – € /";

TEST(JsonWriter, EscapesSoThatAJsonParserReadsBackTheSameText) {
    std::ostringstream out;
    JsonWriter w(out);
    w.beginObject();
    w.field("text", awkward);
    w.field("plain", "ingen anmärkning");
    w.field("empty", "");
    w.field("count", -42);
    w.endObject();
    EXPECT_EQ(out.str(), "{\"text\":\"a\\\"b\\\\c\\td\\ne\\rf\\u0001g\\u001fh åäö – € /\","
                         "\"plain\":\"ingen anmärkning\",\"empty\":\"\",\"count\":-42}");
    const auto parsed = Poco::JSON::Parser().parse(out.str()).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(parsed->getValue<std::string>("text"), awkward);
    EXPECT_EQ(parsed->getValue<std::string>("plain"), "ingen anmärkning");
    EXPECT_EQ(parsed->getValue<std::string>("empty"), "");
    EXPECT_EQ(parsed->getValue<int>("count"), -42);
}

} // namespace
} // namespace rodtrad
