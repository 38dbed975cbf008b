#include "load/schema_set.h"

#include <cstring>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace rodtrad {
namespace {

// Set while the schemas compile, so that xs:include of an embedded schema is the one external
// load the process ever allows.
thread_local bool compilingSchemas = false;

std::string_view baseName(std::string_view url) {
    const std::size_t slash = url.find_last_of('/');
    return slash == std::string_view::npos ? url : url.substr(slash + 1);
}

xmlParserInputPtr guardedEntityLoader(const char* url, const char* /*id*/,
                                      xmlParserCtxtPtr context) {
    if (compilingSchemas && url != nullptr) {
        const auto& schemas = embeddedSchemas();
        const auto it = schemas.find(baseName(url));
        if (it != schemas.end()) {
            // The embedded text lives for the whole process; libxml2 reads it in place.
            return xmlNewStringInputStream(context,
                                           reinterpret_cast<const xmlChar*>(it->second.data()));
        }
    }
    return nullptr;
}

struct ErrorCollector {
    const std::string* file;
    std::vector<Diagnostic>* diagnostics;
    std::string code;
    std::size_t count = 0;
};

constexpr std::size_t maxErrorsPerFile = 200;

std::string trimmed(const char* text) {
    std::string s = text != nullptr ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

void collectError(void* userData, xmlErrorPtr error) {
    auto* collector = static_cast<ErrorCollector*>(userData);
    if (error == nullptr || error->level == XML_ERR_WARNING) {
        return;
    }
    // libxml2 follows an invalid enumeration value with this second, internal complaint.
    if (error->message != nullptr &&
        std::strstr(error->message, "No precomputed value available") != nullptr) {
        return;
    }
    if (++collector->count > maxErrorsPerFile) {
        if (collector->count == maxErrorsPerFile + 1) {
            collector->diagnostics->push_back({Severity::error, *collector->file, 0, 0,
                                               collector->code,
                                               "too many errors; the rest of this file is not "
                                               "reported"});
        }
        return;
    }
    Diagnostic d;
    d.file = *collector->file;
    d.line = error->line;
    d.column = error->int2 > 0 && error->domain == XML_FROM_PARSER ? error->int2 : 0;
    d.code = error->domain == XML_FROM_SCHEMASV ? "schema" : "xml.malformed";
    d.message = withoutNamespaceNames(trimmed(error->message));
    // libxml2 words these checks in terms of its own options; say what the user can do.
    if (d.message.find("Excessive depth") != std::string::npos) {
        d.code = "xml.depth";
        d.message = "elements nested too deeply";
    }
    collector->diagnostics->push_back(std::move(d));
}

} // namespace

std::string withoutNamespaceNames(std::string message) {
    std::size_t from = 0;
    std::size_t open;
    while ((open = message.find('{', from)) != std::string::npos) {
        const std::size_t close = message.find('}', open);
        if (close == std::string::npos) {
            break;
        }
        const std::string_view inside =
            std::string_view(message).substr(open + 1, close - open - 1);
        if (inside.find_first_of(" '\"") == std::string_view::npos &&
            inside.find(':') != std::string_view::npos) {
            message.erase(open, close - open + 1);
            from = open;
        } else {
            from = close + 1;
        }
    }
    return message;
}

void installXmlSecurityPolicy() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(guardedEntityLoader);
    });
}

struct SchemaSet::Impl {
    std::unordered_map<std::string_view, xmlSchemaPtr> schemas;
    ~Impl() {
        for (auto& entry : schemas) {
            xmlSchemaFree(entry.second);
        }
    }

    xmlSchemaPtr compile(std::string_view name, std::string_view text) {
        std::string url = "rodtrad-schema:/" + std::string(name);
        compilingSchemas = true;
        xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), url.c_str(),
                                      nullptr, XML_PARSE_NONET);
        xmlSchemaPtr schema = nullptr;
        if (doc != nullptr) {
            xmlSchemaParserCtxtPtr parser = xmlSchemaNewDocParserCtxt(doc);
            schema = xmlSchemaParse(parser);
            xmlSchemaFreeParserCtxt(parser);
            xmlFreeDoc(doc);
        }
        compilingSchemas = false;
        if (schema == nullptr) {
            throw std::logic_error("embedded schema " + std::string(name) + " does not compile");
        }
        return schema;
    }
};

SchemaSet::SchemaSet() : impl_(std::make_unique<Impl>()) {
    installXmlSecurityPolicy();
    for (const auto& [name, text] : embeddedSchemas()) {
        if (name.ends_with(".xsd") && name != "common.xsd" && !name.ends_with("-common.xsd")) {
            impl_->schemas.emplace(name, impl_->compile(name, text));
        }
    }
}

SchemaSet::~SchemaSet() = default;

const SchemaSet& SchemaSet::instance() {
    static const SchemaSet set;
    return set;
}

bool SchemaSet::validate(std::string_view text, DocumentKind kind, const std::string& file,
                         std::vector<Diagnostic>& diagnostics) const {
    return validate(text, kindInfo(kind).schemaFile, file, diagnostics);
}

bool SchemaSet::validate(std::string_view text, std::string_view schemaFile,
                         const std::string& file, std::vector<Diagnostic>& diagnostics) const {
    const auto it = impl_->schemas.find(schemaFile);
    if (it == impl_->schemas.end()) {
        throw std::logic_error("no embedded schema " + std::string(schemaFile));
    }
    ErrorCollector collector{&file, &diagnostics, "schema"};
    xmlSchemaValidCtxtPtr context = xmlSchemaNewValidCtxt(it->second);
    xmlSchemaSetValidStructuredErrors(context, collectError, &collector);
    xmlSetStructuredErrorFunc(&collector, collectError);
    xmlParserInputBufferPtr input = xmlParserInputBufferCreateMem(
        text.data(), static_cast<int>(text.size()), XML_CHAR_ENCODING_UTF8);
    // Takes ownership of input.
    const int result =
        xmlSchemaValidateStream(context, input, XML_CHAR_ENCODING_UTF8, nullptr, nullptr);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    xmlSchemaFreeValidCtxt(context);
    if (result != 0 && collector.count == 0) {
        diagnostics.push_back(
            {Severity::error, file, 0, 0, "schema", "the document could not be validated"});
    }
    return result == 0 && collector.count == 0;
}

} // namespace rodtrad
