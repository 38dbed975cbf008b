#include "load/schema_set.h"
#include "load/workspace_impl.h"
#include "load/xml_file.h"
#include "model/period.h"
#include "rodtrad/error.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

namespace rodtrad {
namespace {

void addAt(std::vector<Diagnostic>& out, const std::string& file, SourcePosition at,
           std::string code, std::string message) {
    out.push_back({Severity::error, file, at.line, at.column, std::move(code), std::move(message)});
}

std::string describeKinds() {
    std::string names;
    for (const auto& info : documentKinds()) {
        names += names.empty() ? "" : ", ";
        names += info.rootElement;
    }
    return names;
}

std::unique_ptr<Document> parseLoaded(std::unique_ptr<Document> doc, const ParseLimits& limits,
                                      std::vector<Diagnostic>& diagnostics) {
    const std::string_view text(doc->buffer.get(), doc->size);
    const auto root = prescanRoot(text, doc->path, limits, doc->lines, diagnostics);
    if (!root) {
        return nullptr;
    }
    const RootElement& rootElement = root->element;
    const auto kind = kindFromRoot(rootElement.namespaceUri, rootElement.localName);
    if (!kind) {
        addAt(diagnostics, doc->path, doc->positionOfOffset(root->offset), "doc.kind",
              "unknown document: root element <" + rootElement.localName + "> in namespace \"" +
                  rootElement.namespaceUri + "\"; a workspace holds " + describeKinds());
        return nullptr;
    }
    doc->kind = *kind;
    const std::size_t before = diagnostics.size();
    doc->schemaValid = SchemaSet::instance().validate(text, *kind, doc->path, diagnostics);
    const bool parserComplained =
        std::any_of(diagnostics.begin() + static_cast<std::ptrdiff_t>(before), diagnostics.end(),
                    [](const Diagnostic& d) { return d.code != "schema"; });

    const pugi::xml_parse_result parsed = doc->xml.load_buffer_inplace(
        doc->buffer.get(), doc->size, pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        if (!parserComplained) {
            addAt(diagnostics, doc->path,
                  doc->positionOfOffset(static_cast<std::size_t>(parsed.offset)), "xml.malformed",
                  parsed.description());
        }
        return nullptr;
    }
    if (parserComplained) {
        return nullptr;
    }
    if (!rootElement.prefix.empty()) {
        stripElementPrefixes(doc->xml.document_element());
    }
    return doc;
}

} // namespace

std::unique_ptr<Document> loadDocument(const std::filesystem::path& file, std::string displayPath,
                                       std::string relativePath, const ParseLimits& limits,
                                       std::vector<Diagnostic>& diagnostics) {
    auto doc = std::make_unique<Document>();
    doc->buffer = readWholeFile(file, displayPath, limits.maxFileBytes, doc->size, diagnostics);
    if (!doc->buffer) {
        return nullptr;
    }
    doc->path = std::move(displayPath);
    doc->relativePath = std::move(relativePath);
    return parseLoaded(std::move(doc), limits, diagnostics);
}

std::unique_ptr<Document> loadDocumentFromText(std::string_view text, std::string displayPath,
                                               const ParseLimits& limits,
                                               std::vector<Diagnostic>& diagnostics) {
    if (text.size() > limits.maxFileBytes) {
        addAt(diagnostics, displayPath, {}, "xml.limit",
              "document is " + humanSize(text.size()) + "; the limit is " +
                  humanSize(limits.maxFileBytes));
        return nullptr;
    }
    auto doc = std::make_unique<Document>();
    doc->path = displayPath;
    doc->relativePath = std::move(displayPath);
    doc->size = text.size();
    doc->buffer = std::make_unique<char[]>(doc->size + 1);
    std::memcpy(doc->buffer.get(), text.data(), text.size());
    return parseLoaded(std::move(doc), limits, diagnostics);
}

std::vector<const Document*> Workspace::Impl::ofKind(DocumentKind kind) const {
    std::vector<const Document*> result;
    for (const auto& doc : documents) {
        if (doc->kind == kind) {
            result.push_back(doc.get());
        }
    }
    return result;
}

Workspace::Workspace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workspace::~Workspace() = default;

const std::filesystem::path& Workspace::root() const {
    return impl_->root;
}
std::size_t Workspace::documentCount() const {
    return impl_->documents.size();
}

std::unique_ptr<Workspace> Workspace::load(const std::filesystem::path& directory,
                                           const LoadOptions& options,
                                           std::vector<Diagnostic>& diagnostics) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
        throw IoError(directory.string() + ": not a workspace directory");
    }
    struct Entry {
        fs::path file;
        std::string relative;
    };
    std::vector<Entry> entries;
    fs::recursive_directory_iterator it(directory, fs::directory_options::none, ec);
    if (ec) {
        throw IoError(directory.string() + ": " + ec.message());
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            throw IoError(directory.string() + ": " + ec.message());
        }
        const fs::path& path = it->path();
        const std::string name = path.filename().string();
        if (!name.empty() && name.front() == '.') {
            if (it->is_directory(ec)) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (path.extension() == ".xml" && !it->is_directory(ec)) {
            entries.push_back({path, path.lexically_relative(directory).generic_string()});
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.relative < b.relative; });

    SchemaSet::instance(); // compile once, before the workers start
    std::vector<std::unique_ptr<Document>> loaded(entries.size());
    std::vector<std::vector<Diagnostic>> found(entries.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < entries.size();) {
            const std::string display = (directory / entries[i].relative).generic_string();
            loaded[i] = loadDocument(entries[i].file, display, entries[i].relative, options.limits,
                                     found[i]);
        }
    };
    unsigned threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
    threads = std::clamp<unsigned>(threads, 1,
                                   static_cast<unsigned>(std::max<std::size_t>(1, entries.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back(work);
    }
    work();
    for (auto& thread : pool) {
        thread.join();
    }

    auto impl = std::make_unique<Impl>();
    impl->root = directory;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        diagnostics.insert(diagnostics.end(), found[i].begin(), found[i].end());
        if (loaded[i]) {
            impl->documents.push_back(std::move(loaded[i]));
        }
    }
    return std::unique_ptr<Workspace>(new Workspace(std::move(impl)));
}

std::optional<Period> latestFollowUpPeriod(const Workspace::Impl& workspace) {
    std::optional<Period> latest;
    for (const Document* doc : workspace.ofKind(DocumentKind::followUp)) {
        const pugi::xml_node period = doc->root().child("period");
        const int year = period.attribute("year").as_int();
        const auto kind = parsePeriodKind(period.attribute("kind").value());
        if (year > 0 && kind && (!latest || *latest < Period{year, *kind})) {
            latest = Period{year, *kind};
        }
    }
    return latest;
}

std::optional<Date> Workspace::defaultAsOf() const {
    const auto latest = latestFollowUpPeriod(*impl_);
    return latest ? std::optional<Date>(latest->end()) : std::nullopt;
}

} // namespace rodtrad
