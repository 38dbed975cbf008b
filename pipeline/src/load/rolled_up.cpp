#include "load/rolled_up.h"

#include "load/schema_set.h"
#include "load/xml_file.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <fstream>
#include <future>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <optional>

namespace rodtrad {

ParseLimits rolledUpLimits() {
    ParseLimits limits;
    // libxml2 takes a buffer's size as an int.
    limits.maxFileBytes = INT_MAX;
    // A consolidated figure lists every unit that reported it.
    limits.maxAttributeBytes = std::size_t{1024} * 1024;
    return limits;
}

namespace {

using NeedNode = ElementNeeds::Node;

bool whitespaceOnly(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Counts the attributes of each start tag in the bytes before the parser sees them: libxml2
// compares every attribute of an element with every other, so a few hundred thousand of them
// in a 5 MB file would hold it for minutes. Follows tags and quoted values across chunks;
// comments, CDATA and processing instructions are passed over as far as their first '>'.
class StartTagGuard {
public:
    explicit StartTagGuard(int maxAttributes) : maxAttributes_(maxAttributes) {}

    // False once a start tag has more attributes than allowed.
    bool scan(std::string_view bytes) {
        const char* const begin = bytes.data();
        const char* const end = begin + bytes.size();
        for (const char* at = begin; at < end; ++at) {
            const char c = *at;
            switch (state_) {
            case State::content: {
                const void* open = std::memchr(at, '<', static_cast<std::size_t>(end - at));
                if (open == nullptr) {
                    at = end;
                    continue;
                }
                at = static_cast<const char*>(open);
                state_ = State::open;
                break;
            }
            case State::open:
                state_ = c == '!' || c == '?' || c == '/' ? State::markup : State::tag;
                attributes_ = 0;
                break;
            case State::tag:
                if (c == '>') {
                    state_ = State::content;
                } else if (c == '"' || c == '\'') {
                    quote_ = c;
                    state_ = State::value;
                    if (++attributes_ > maxAttributes_) {
                        line_ += static_cast<int>(std::count(begin, at, '\n'));
                        return false;
                    }
                }
                break;
            case State::value:
                if (c == quote_) {
                    state_ = State::tag;
                }
                break;
            case State::markup:
                if (c == '>') {
                    state_ = State::content;
                }
                break;
            }
        }
        line_ += static_cast<int>(std::count(begin, end, '\n'));
        return true;
    }

    int line() const { return line_; }

private:
    enum class State { content, open, tag, value, markup };
    State state_ = State::content;
    char quote_ = '"';
    int attributes_ = 0;
    int line_ = 1;
    int maxAttributes_;
};

// Builds the model from libxml2's parser events, keeping only the elements the needs name (and
// those between them and the root); the subtree of any other element is skipped as it is read.
// The model is what pugixml would have parsed from the kept elements: element names without
// prefixes, attributes (namespace declarations among them) in their order, text that is not
// only whitespace, CDATA sections; no comments or processing instructions.
class ModelBuilder {
public:
    ModelBuilder(pugi::xml_document& model, const ElementNeeds& needs, const ParseLimits& limits,
                 const std::string& displayPath, std::vector<Diagnostic>& diagnostics)
        : model_(model), limits_(limits), displayPath_(displayPath), diagnostics_(diagnostics) {
        Frame& document = push();
        document.node = model_;
        document.matched.push_back(needs.document());
        document.everything = needs.keepsEverything();
        std::memset(&handler_, 0, sizeof handler_);
        handler_.initialized = XML_SAX2_MAGIC;
        handler_.startElementNs = &ModelBuilder::startElement;
        handler_.endElementNs = &ModelBuilder::endElement;
        handler_.characters = &ModelBuilder::characters;
        handler_.cdataBlock = &ModelBuilder::cdata;
        handler_.internalSubset = &ModelBuilder::documentType;
        handler_.serror = &ModelBuilder::parserError;
    }

    ModelBuilder(const ModelBuilder&) = delete;
    ModelBuilder& operator=(const ModelBuilder&) = delete;

    ~ModelBuilder() {
        if (parser_ != nullptr) {
            xmlFreeParserCtxt(parser_);
        }
    }

    // Parses the next bytes; false once the document is refused.
    bool feed(const char* bytes, std::size_t size, bool last) {
        if (parser_ == nullptr) {
            if (!start(std::string_view(bytes, size))) {
                return false;
            }
            if (std::string_view(bytes, size).starts_with("\xEF\xBB\xBF")) {
                bytes += 3; // UTF-8's byte-order mark
                size -= 3;
            }
        }
        if (!failed_) {
            xmlParseChunk(parser_, bytes, static_cast<int>(size), last ? 1 : 0);
        }
        if (!failed_ && last && (parser_->wellFormed == 0 || open_ != 1 || !rootSeen_)) {
            fail(0, "xml.malformed", rootSeen_ ? "the document ends early" : "no root element");
        }
        return !failed_;
    }

private:
    struct Frame {
        pugi::xml_node node; // empty while pending: kept only if a descendant is
        std::vector<const NeedNode*> matched;
        std::vector<const NeedNode*> searching; // looking for descendants of a name
        bool everything = false;
        // A pending element's own, to create it with: its attributes as "name\0value\0"...
        std::string name;
        std::string attributes;
        std::string text; // since the last child
        bool textIsCdata = false;
    };

    // Frames are reused from element to element, with the memory their strings hold.
    Frame& top() { return frames_[open_ - 1]; }
    Frame& push() {
        if (open_ == frames_.size()) {
            frames_.emplace_back();
        }
        Frame& frame = frames_[open_++];
        frame.node = pugi::xml_node();
        frame.matched.clear();
        frame.searching.clear();
        frame.everything = false;
        frame.name.clear();
        frame.attributes.clear();
        frame.text.clear();
        frame.textIsCdata = false;
        return frame;
    }

    bool start(std::string_view first) {
        // The document is read as UTF-8 whatever it declares; a byte-order mark of UTF-16 or
        // UTF-32 says it is not.
        if (first.starts_with("\xFE\xFF") || first.starts_with("\xFF\xFE") ||
            first.starts_with(std::string_view("\0", 1)) ||
            first.starts_with(std::string_view("<\0", 2))) {
            fail(1, "xml.encoding", "not UTF-8 (a rolled-up document is written in UTF-8)");
            return false;
        }
        if (const auto declared = declaredEncoding(first);
            declared && !isUtf8EncodingName(declared->name)) {
            fail(1, "xml.encoding",
                 "declares encoding \"" + declared->name +
                     "\"; a rolled-up document is written in UTF-8");
            return false;
        }
        parser_ = xmlCreatePushParserCtxt(&handler_, this, nullptr, 0, displayPath_.c_str());
        if (parser_ == nullptr) {
            fail(0, "xml.malformed", "the XML parser could not be started");
            return false;
        }
        xmlCtxtUseOptions(parser_, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
        xmlSwitchEncoding(parser_, XML_CHAR_ENCODING_UTF8);
        return true;
    }

    int line() const { return parser_ != nullptr ? xmlSAX2GetLineNumber(parser_) : 0; }

    void fail(int line, std::string code, std::string message, int column = 0) {
        if (!failed_) {
            diagnostics_.push_back(
                {Severity::error, displayPath_, line, column, std::move(code), std::move(message)});
        }
        failed_ = true;
        if (parser_ != nullptr) {
            xmlStopParser(parser_);
        }
    }

    static void parserError(void* userData, xmlErrorPtr error) {
        auto* self = static_cast<ModelBuilder*>(userData);
        if (error == nullptr || error->level == XML_ERR_WARNING || self->failed_) {
            return;
        }
        std::string message = error->message != nullptr ? error->message : "not well-formed";
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
            message.pop_back();
        }
        std::string code = "xml.malformed";
        // libxml2 words these in terms of its parser; say what is wrong with the file.
        if (!self->rootSeen_ && (message.find("Document is empty") != std::string::npos ||
                                 message.find("Extra content at the end") != std::string::npos ||
                                 message.find("Start tag expected") != std::string::npos)) {
            message = "no root element";
        } else if (self->open_ > 1 &&
                   message.find("Extra content at the end") != std::string::npos) {
            message = "the document ends before its elements are closed (cut short?)";
        } else if (message.find("Huge input lookup") != std::string::npos ||
                   message.find("too long") != std::string::npos) {
            code = "xml.limit";
            message = "a value or text longer than the parser takes (10 MB)";
        }
        self->fail(error->line, std::move(code), withoutNamespaceNames(message),
                   error->int2 > 0 ? error->int2 : 0);
    }

    static void documentType(void* userData, const xmlChar*, const xmlChar*, const xmlChar*) {
        auto* self = static_cast<ModelBuilder*>(userData);
        self->fail(self->line(), "xml.dtd",
                   "document type declarations (<!DOCTYPE>, entities) are refused: they can "
                   "pull in external files or expand without bound");
    }

    static std::string_view view(const xmlChar* text) {
        return text != nullptr ? std::string_view(reinterpret_cast<const char*>(text))
                               : std::string_view();
    }

    // Text and CDATA come in pieces (a chunk may end inside either): each run of one kind
    // becomes one node, text only if it is not all whitespace.
    void flushText(Frame& frame) {
        if (!frame.text.empty()) {
            if (frame.textIsCdata) {
                frame.node.append_child(pugi::node_cdata).set_value(frame.text.c_str());
            } else if (!whitespaceOnly(frame.text)) {
                frame.node.append_child(pugi::node_pcdata).set_value(frame.text.c_str());
            }
            frame.text.clear();
        }
    }

    // Creates the pending elements up to the top of the stack.
    void materialize() {
        for (std::size_t i = 1; i < open_; ++i) {
            Frame& frame = frames_[i];
            if (frame.node) {
                continue;
            }
            frame.node = frames_[i - 1].node.append_child(frame.name.c_str());
            for (std::size_t at = 0; at < frame.attributes.size();) {
                const char* name = frame.attributes.c_str() + at;
                const char* value = name + std::strlen(name) + 1;
                frame.node.append_attribute(name).set_value(value);
                at = static_cast<std::size_t>(value - frame.attributes.c_str()) +
                     std::strlen(value) + 1;
            }
        }
    }

    // What of the needs an element named name under parent answers to: the nodes it matches
    // (by a child step or a step to any depth), those still looking for descendants below it,
    // and whether everything below it is kept.
    static void matchNeeds(const Frame& parent, std::string_view name, Frame& frame) {
        frame.everything = parent.everything;
        if (frame.everything) {
            return;
        }
        for (const NeedNode* need : parent.matched) {
            if (const auto it = need->children.find(name); it != need->children.end()) {
                frame.matched.push_back(it->second.get());
            }
        }
        for (const auto* list : {&parent.matched, &parent.searching}) {
            for (const NeedNode* need : *list) {
                if (need->descendants.empty()) {
                    continue;
                }
                if (const auto it = need->descendants.find(name); it != need->descendants.end()) {
                    frame.matched.push_back(it->second.get());
                }
                if (std::find(frame.searching.begin(), frame.searching.end(), need) ==
                    frame.searching.end()) {
                    frame.searching.push_back(need);
                }
            }
        }
        for (const NeedNode* need : frame.matched) {
            frame.everything = frame.everything || need->everything;
        }
    }

    static void startElement(void* userData, const xmlChar* localName, const xmlChar* elementPrefix,
                             const xmlChar* uri, int namespaceCount, const xmlChar** namespaces,
                             int attributeCount, int /*defaulted*/, const xmlChar** attributes) {
        auto* self = static_cast<ModelBuilder*>(userData);
        if (self->failed_) {
            return;
        }
        const std::string_view name = view(localName);
        if (++self->depth_ > self->limits_.maxDepth) {
            self->fail(self->line(), "xml.depth",
                       "elements nested deeper than " + std::to_string(self->limits_.maxDepth) +
                           " levels");
            return;
        }
        bool longName = name.size() + view(elementPrefix).size() > self->limits_.maxNameBytes;
        for (int a = 0; a < attributeCount; ++a) {
            const xmlChar* const* attribute = attributes + 5 * a;
            longName = longName || view(attribute[0]).size() + view(attribute[1]).size() >
                                       self->limits_.maxNameBytes;
        }
        if (longName) {
            self->fail(self->line(), "xml.limit",
                       "a name longer than " + std::to_string(self->limits_.maxNameBytes) +
                           " bytes");
            return;
        }
        for (int a = 0; a < attributeCount; ++a) {
            const xmlChar* const* attribute = attributes + 5 * a;
            const auto bytes = static_cast<std::size_t>(attribute[4] - attribute[3]);
            if (bytes > self->limits_.maxAttributeBytes) {
                self->fail(self->line(), "xml.limit",
                           "attribute " + std::string(view(attribute[0])) + " of <" +
                               std::string(name) + "> is " + humanSize(bytes) + "; the limit is " +
                               humanSize(self->limits_.maxAttributeBytes));
                return;
            }
        }
        if (!self->rootSeen_) {
            self->rootSeen_ = true;
            if (name != "rollup" || view(uri) != rollupNamespace) {
                self->fail(self->line(), "doc.kind",
                           "not a rolled-up document: the root element is <" + std::string(name) +
                               "> in namespace \"" + std::string(view(uri)) +
                               "\", not <rollup> in \"" + std::string(rollupNamespace) +
                               "\" (what rodtrad rollup writes)");
                return;
            }
        }
        if (self->skipping_ > 0) {
            ++self->skipping_;
            return;
        }
        const bool root = self->open_ == 1;
        Frame& frame = self->push();
        const Frame& parent = self->frames_[self->open_ - 2];
        matchNeeds(parent, name, frame);
        const bool keep = root || frame.everything || !frame.matched.empty();
        if (!keep && frame.searching.empty()) {
            --self->open_;
            self->skipping_ = 1;
            return;
        }
        if (self->frames_[self->open_ - 2].node) {
            self->flushText(self->frames_[self->open_ - 2]);
        }
        frame.name = name;
        const auto add = [&frame](std::string_view prefix, std::string_view local,
                                  std::string_view value) {
            if (!prefix.empty()) {
                frame.attributes.append(prefix).push_back(':');
            }
            frame.attributes.append(local).push_back('\0');
            frame.attributes.append(value).push_back('\0');
        };
        for (int n = 0; n < namespaceCount; ++n) {
            const std::string_view prefix = view(namespaces[2 * n]);
            add(prefix.empty() ? "" : "xmlns", prefix.empty() ? "xmlns" : prefix,
                view(namespaces[2 * n + 1]));
        }
        for (int a = 0; a < attributeCount; ++a) {
            const xmlChar* const* attribute = attributes + 5 * a;
            add(view(attribute[1]), view(attribute[0]),
                std::string_view(reinterpret_cast<const char*>(attribute[3]),
                                 static_cast<std::size_t>(attribute[4] - attribute[3])));
        }
        if (keep) {
            self->materialize();
        }
    }

    static void endElement(void* userData, const xmlChar*, const xmlChar*, const xmlChar*) {
        auto* self = static_cast<ModelBuilder*>(userData);
        if (self->failed_) {
            return;
        }
        --self->depth_;
        if (self->skipping_ > 0) {
            --self->skipping_;
            return;
        }
        Frame& frame = self->top();
        if (frame.node) {
            self->flushText(frame);
        }
        --self->open_;
    }

    // The element text goes to: the open one, if it is built.
    Frame* textTarget() {
        if (failed_ || skipping_ > 0 || open_ < 2 || !top().node) {
            return nullptr;
        }
        return &top();
    }

    void appendText(const xmlChar* text, int length, bool cdata) {
        if (Frame* frame = textTarget()) {
            if (frame->textIsCdata != cdata) {
                flushText(*frame);
                frame->textIsCdata = cdata;
            }
            frame->text.append(reinterpret_cast<const char*>(text),
                               static_cast<std::size_t>(length));
        }
    }

    static void characters(void* userData, const xmlChar* text, int length) {
        static_cast<ModelBuilder*>(userData)->appendText(text, length, false);
    }

    static void cdata(void* userData, const xmlChar* text, int length) {
        static_cast<ModelBuilder*>(userData)->appendText(text, length, true);
    }

    pugi::xml_document& model_;
    const ParseLimits& limits_;
    const std::string& displayPath_;
    std::vector<Diagnostic>& diagnostics_;
    xmlSAXHandler handler_{};
    xmlParserCtxtPtr parser_ = nullptr;
    std::vector<Frame> frames_; // the document, then the open elements not skipped
    std::size_t open_ = 0;
    int depth_ = 0;
    int skipping_ = 0; // open elements of a skipped subtree
    bool rootSeen_ = false;
    bool failed_ = false;
};

constexpr std::size_t chunkBytes = std::size_t{1} << 20;

} // namespace

std::unique_ptr<pugi::xml_document> loadRolledUp(const std::filesystem::path& file,
                                                 const std::string& displayPath,
                                                 const ElementNeeds& needs, bool validate,
                                                 std::vector<Diagnostic>& diagnostics) {
    installXmlSecurityPolicy();
    const ParseLimits limits = rolledUpLimits();
    auto model = std::make_unique<pugi::xml_document>();
    ModelBuilder builder(*model, needs, limits, displayPath, diagnostics);
    if (validate) {
        // The schema check reads the bytes in memory while the model is built from them: the
        // whole file is held, as libxml2's validator reads from memory.
        std::size_t size = 0;
        const std::unique_ptr<char[]> buffer =
            readWholeFile(file, displayPath, limits.maxFileBytes, size, diagnostics);
        if (!buffer) {
            return nullptr;
        }
        // Nothing reaches the validator that the prescan refuses (a DTD above all).
        LineIndex lines;
        if (!prescanRoot(std::string_view(buffer.get(), size), displayPath, limits, lines,
                         diagnostics)) {
            return nullptr;
        }
        std::vector<Diagnostic> invalid;
        auto validation = std::async(std::launch::async, [&] {
            return SchemaSet::instance().validate(std::string_view(buffer.get(), size),
                                                  "rollup.xsd", displayPath, invalid);
        });
        bool built = true;
        for (std::size_t at = 0; built && (at < size || at == 0); at += chunkBytes) {
            const std::size_t n = std::min(chunkBytes, size - at);
            built = builder.feed(buffer.get() + at, n, at + n >= size);
        }
        const bool valid = validation.get();
        if (!built) {
            return nullptr;
        }
        if (!valid) {
            diagnostics.insert(diagnostics.end(), invalid.begin(), invalid.end());
            return nullptr;
        }
        return model;
    }
    const std::optional<std::size_t> size =
        checkedFileSize(file, displayPath, limits.maxFileBytes, diagnostics);
    if (!size) {
        return nullptr;
    }
    std::ifstream in(file, std::ios::binary);
    std::size_t total = 0;
    const auto readInto = [&](std::vector<char>& chunk) -> std::optional<std::size_t> {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        total += n;
        if (total > limits.maxFileBytes) {
            diagnostics.push_back(
                {Severity::error, displayPath, 0, 0, "xml.limit",
                 "file grew past " + humanSize(limits.maxFileBytes) + " while read"});
            return std::nullopt;
        }
        return n;
    };
    // Each chunk's start tags are counted on a second thread while the one before is parsed.
    StartTagGuard guard(limits.maxAttributes);
    std::vector<char> current(chunkBytes);
    std::vector<char> next(chunkBytes);
    std::optional<std::size_t> n = readInto(current);
    if (!n) {
        return nullptr;
    }
    bool guarded = guard.scan(std::string_view(current.data(), *n));
    while (true) {
        if (!guarded) {
            diagnostics.push_back({Severity::error, displayPath, guard.line(), 0, "xml.limit",
                                   "more than " + std::to_string(limits.maxAttributes) +
                                       " attributes on one element"});
            return nullptr;
        }
        const bool last = *n < current.size();
        std::optional<std::size_t> m;
        std::future<bool> scanned;
        if (!last) {
            m = readInto(next);
            if (!m) {
                return nullptr;
            }
            scanned = std::async(std::launch::async, [&guard, &next, size = *m] {
                return guard.scan(std::string_view(next.data(), size));
            });
        }
        const bool parsed = builder.feed(current.data(), *n, last);
        if (scanned.valid()) {
            guarded = scanned.get();
        }
        if (!parsed) {
            return nullptr;
        }
        if (last) {
            break;
        }
        std::swap(current, next);
        n = m;
    }
    if (in.bad()) {
        diagnostics.push_back({Severity::error, displayPath, 0, 0, "io.read", "cannot read"});
        return nullptr;
    }
    return model;
}

} // namespace rodtrad
