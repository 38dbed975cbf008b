#include "kolada/kolada_response.h"

#include "kolada/json_syntax.h"
#include "load/line_index.h"
#include "load/xml_prescan.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <fstream>
#include <regex>
#include <sstream>

namespace rodtrad {
namespace {

constexpr std::uintmax_t maxResponseBytes = std::uintmax_t{64} * 1024 * 1024;

// Raised inside this file for a shape error; becomes one diagnostic.
struct ShapeError {
    std::string field;
    std::string message;
};

std::string kindOf(const Poco::Dynamic::Var& value) {
    if (value.isEmpty()) {
        return "null";
    }
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        return "an object";
    }
    if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        return "an array";
    }
    if (value.isString()) {
        return "a string";
    }
    if (value.isBoolean()) {
        return "a boolean";
    }
    return "a number";
}

Poco::JSON::Object::Ptr objectAt(const Poco::Dynamic::Var& value, const std::string& field) {
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
        throw ShapeError{field, "expected an object, found " + kindOf(value)};
    }
    return value.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr arrayAt(const Poco::JSON::Object::Ptr& object, const std::string& name,
                               const std::string& field) {
    const Poco::Dynamic::Var value = object->get(name);
    if (value.type() != typeid(Poco::JSON::Array::Ptr)) {
        throw ShapeError{field, value.isEmpty() && !object->has(name)
                                    ? "missing"
                                    : "expected an array, found " + kindOf(value)};
    }
    return value.extract<Poco::JSON::Array::Ptr>();
}

std::string stringAt(const Poco::JSON::Object::Ptr& object, const std::string& name,
                     const std::string& field) {
    const Poco::Dynamic::Var value = object->get(name);
    if (!value.isString()) {
        throw ShapeError{field, object->has(name) ? "expected a string, found " + kindOf(value)
                                                  : "missing"};
    }
    return value.convert<std::string>();
}

bool isNumber(const Poco::Dynamic::Var& value) {
    return !value.isEmpty() &&
           (value.isInteger() || value.type() == typeid(double) || value.type() == typeid(float));
}

int yearAt(const Poco::JSON::Object::Ptr& object, const std::string& field) {
    const Poco::Dynamic::Var value = object->get("period");
    int year = 0;
    if (value.isInteger()) {
        year = value.convert<int>();
    } else if (value.isString() &&
               std::regex_match(value.convert<std::string>(), std::regex("\\d{4}"))) {
        year = std::stoi(value.convert<std::string>());
    } else {
        throw ShapeError{field, object->has("period") ? "expected a year, found " + kindOf(value)
                                                      : "missing"};
    }
    if (year < 1900 || year > 2200) {
        throw ShapeError{field, "expected a year, found " + std::to_string(year)};
    }
    return year;
}

KoladaRecord readRecord(const Poco::Dynamic::Var& item, const std::string& path) {
    static const std::regex kpiPattern("[NU]\\d{5}");
    static const std::regex municipalityPattern("\\d{4}");
    static const std::regex ouPattern("[A-Z0-9]{5,20}");
    const auto object = objectAt(item, path);
    KoladaRecord record;
    record.path = path;
    record.kpi = stringAt(object, "kpi", path + ".kpi");
    if (!std::regex_match(record.kpi, kpiPattern)) {
        throw ShapeError{path + ".kpi", "\"" + record.kpi + "\" is not a Kolada KPI id"};
    }
    if (object->has("municipality")) {
        record.municipality = stringAt(object, "municipality", path + ".municipality");
        if (!std::regex_match(record.municipality, municipalityPattern)) {
            throw ShapeError{path + ".municipality",
                             "\"" + record.municipality + "\" is not a Kolada municipality id"};
        }
    } else if (object->has("ou")) {
        record.ou = stringAt(object, "ou", path + ".ou");
        if (!std::regex_match(record.ou, ouPattern)) {
            throw ShapeError{path + ".ou", "\"" + record.ou + "\" is not a Kolada unit id"};
        }
    } else {
        throw ShapeError{path, "has neither \"municipality\" nor \"ou\""};
    }
    record.period = yearAt(object, path + ".period");
    const auto values = arrayAt(object, "values", path + ".values");
    for (std::size_t i = 0; i < values->size(); ++i) {
        const std::string field = path + ".values[" + std::to_string(i) + "]";
        const auto entry = objectAt(values->get(static_cast<unsigned>(i)), field);
        KoladaValue value;
        const std::string gender = stringAt(entry, "gender", field + ".gender");
        if (gender != "T" && gender != "K" && gender != "M") {
            throw ShapeError{field + ".gender", "expected T, K or M, found \"" + gender + "\""};
        }
        value.gender = gender[0];
        const Poco::Dynamic::Var number = entry->get("value");
        if (isNumber(number)) {
            value.value = number.convert<double>();
            if (!std::isfinite(*value.value)) {
                throw ShapeError{field + ".value", "not a finite number"};
            }
        } else if (!number.isEmpty()) {
            throw ShapeError{field + ".value",
                             "expected a number or null, found " + kindOf(number)};
        }
        const Poco::Dynamic::Var status = entry->get("status");
        if (status.isString()) {
            value.status = status.convert<std::string>();
        } else if (!status.isEmpty()) {
            throw ShapeError{field + ".status", "expected a string, found " + kindOf(status)};
        }
        record.values.push_back(std::move(value));
    }
    return record;
}

} // namespace

std::optional<std::vector<KoladaRecord>> readKoladaResponse(const std::filesystem::path& file,
                                                            std::vector<Diagnostic>& diagnostics) {
    const std::string name = file.string();
    auto refuse = [&](int line, int column, std::string message) {
        diagnostics.push_back(
            {Severity::error, name, line, column, "kolada.response", std::move(message)});
        return std::nullopt;
    };
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        return refuse(0, 0, "not a regular file");
    }
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > maxResponseBytes) {
        return refuse(0, 0, ec ? "cannot read: " + ec.message() : "larger than 64 MiB");
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    LineIndex lines;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            lines.addLineStart(i + 1);
        }
    }
    if (const auto bad = findInvalidUtf8(text)) {
        const SourcePosition at = lines.position(text, *bad);
        return refuse(at.line, at.column, "invalid UTF-8");
    }
    if (const auto syntax = findJsonSyntaxError(text)) {
        const SourcePosition at = lines.position(text, syntax->offset);
        return refuse(at.line, at.column, "not valid JSON: " + syntax->message);
    }
    std::vector<KoladaRecord> records;
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var root = parser.parse(text);
        const auto envelope = objectAt(root, "the response");
        const auto values = arrayAt(envelope, "values", "values");
        if (envelope->has("count")) {
            const Poco::Dynamic::Var count = envelope->get("count");
            if (!count.isInteger()) {
                throw ShapeError{"count", "expected a number, found " + kindOf(count)};
            }
            if (count.convert<std::size_t>() != values->size()) {
                throw ShapeError{"count", "says " + count.convert<std::string>() + " values but " +
                                              std::to_string(values->size()) +
                                              " are here (truncated response?)"};
            }
        }
        for (const char* paging : {"next_page", "next_url"}) {
            const Poco::Dynamic::Var next = envelope->get(paging);
            if (!next.isEmpty() && !next.isString()) {
                throw ShapeError{paging, "expected a URL or null, found " + kindOf(next)};
            }
            if (next.isString() && !next.convert<std::string>().empty()) {
                diagnostics.push_back({Severity::note, name, 0, 0, "kolada.paging",
                                       std::string(paging) + ": the response has more pages (" +
                                           next.convert<std::string>() + "); import every page"});
            }
        }
        for (std::size_t i = 0; i < values->size(); ++i) {
            records.push_back(readRecord(values->get(static_cast<unsigned>(i)),
                                         "values[" + std::to_string(i) + "]"));
        }
    } catch (const ShapeError& e) {
        return refuse(0, 0, e.field + ": " + e.message);
    } catch (const Poco::Exception& e) {
        return refuse(0, 0, "not valid JSON: " + e.displayText());
    }
    return records;
}

} // namespace rodtrad
