#include "service.h"

#include "documents_pdf.h"
#include "insight.h"
#include "load/workspace_impl.h"
#include "revision_diff.h"
#include "rodtrad/check.h"
#include "rodtrad/evidence.h"
#include "temp_directory.h"
#include "util/json_writer.h"
#include "util/xml_writer.h"
#include "web_assets.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <pugixml.hpp>
#include <sstream>

namespace rodtrad::workflow {
namespace {

namespace fs = std::filesystem;

// A query parameter, or the fallback when the request has none.
std::string queryValue(const Request& request, const char* name, const char* fallback) {
    const auto it = request.query.find(name);
    return it == request.query.end() ? std::string(fallback) : it->second;
}

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> parts;
    std::istringstream in(path);
    for (std::string part; std::getline(in, part, '/');) {
        if (!part.empty()) {
            parts.push_back(part);
        }
    }
    return parts;
}

std::string etagOf(int revision, const std::string& sha256) {
    return "\"" + std::to_string(revision) + "-" + sha256.substr(0, 16) + "\"";
}

void writeDocumentFields(JsonWriter& w, const DocumentInfo& d) {
    w.field("id", d.key);
    w.field("kind", d.kind);
    w.field("title", d.title);
    w.field("unit", d.unit);
    w.field("state", d.state);
    w.field("revision", d.revision);
}

void writeDocument(JsonWriter& w, const DocumentInfo& d) {
    w.beginObject();
    writeDocumentFields(w, d);
    w.endObject();
}

// A revision's XML with its ETag.
Reply xmlReply(Revision revision) {
    Reply reply;
    reply.contentType = "application/xml";
    reply.body = std::move(revision.xml);
    reply.headers["ETag"] = etagOf(revision.number, revision.sha256);
    return reply;
}

// Audit events as JSON: a document's history (without the document and the chain), or the
// trail itself.
std::string eventsJson(const std::vector<AuditEvent>& events, bool trail) {
    return json([&](JsonWriter& w) {
        w.beginArray();
        for (const AuditEvent& e : events) {
            w.beginObject();
            w.field("seq", static_cast<long long>(e.seq));
            w.field("at", static_cast<long long>(e.at));
            w.field("who", e.actor);
            w.field("action", e.action);
            if (trail) {
                w.field("document", e.document);
            }
            w.field("revision", e.revision);
            w.field("detail", e.detail);
            if (trail) {
                w.field("previousHash", e.previousHash);
                w.field("hash", e.hash);
            }
            w.endObject();
        }
        w.endArray();
    });
}

std::string diagnosticsJson(const std::vector<Diagnostic>& diagnostics) {
    return json([&](JsonWriter& w) {
        w.beginArray();
        for (const Diagnostic& d : diagnostics) {
            w.beginObject();
            w.field("file", d.file);
            w.field("line", d.line);
            w.field("column", d.column);
            w.field("severity", std::string(severityName(d.severity)));
            w.field("code", d.code);
            w.field("message", d.message);
            w.endObject();
        }
        w.endArray();
    });
}

// What an upload is, once it has passed validation.
struct Upload {
    std::string key;
    std::string kind;
    std::string unit;
    std::string title;
};

void writeFile(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// Validates an upload as `rodtrad check` would: its schema, then the cross-document checks
// against the store's current documents with the upload in place of its earlier revision.
// Time-dependent findings (an evaluation overdue) are the coverage matrix's business and do
// not refuse a document.
std::optional<Upload> validate(const std::string& text, Store& store,
                               std::vector<Diagnostic>& diagnostics) {
    const std::unique_ptr<Document> doc =
        loadDocumentFromText(text, "upload.xml", ParseLimits{}, diagnostics);
    if (!doc || !doc->schemaValid || countErrors(diagnostics) > 0) {
        return std::nullopt;
    }
    const pugi::xml_node header = doc->root().child("header");
    Upload upload{header.child_value("id"), doc->root().name(), header.child_value("unit"),
                  header.child_value("title")};
    const TempDirectory dir("rodtrad-upload");
    for (const DocumentInfo& stored : store.documents()) {
        if (stored.key == upload.key) {
            continue;
        }
        const auto revision = store.revision(stored.key, stored.revision);
        writeFile(dir.path() / "stored" / (stored.key + ".xml"), revision->xml);
    }
    writeFile(dir.path() / "upload" / (upload.key + ".xml"), text);
    CheckOptions options;
    options.asOf = Date{1970, 1, 1};
    const CheckReport report = checkWorkspaceDirectory(dir.path(), options);
    for (Diagnostic d : report.diagnostics) {
        const auto at = d.file.find("/upload/");
        if (at == std::string::npos) {
            continue;
        }
        d.file = d.file.substr(at + 8);
        diagnostics.push_back(std::move(d));
    }
    if (countErrors(diagnostics) > 0) {
        return std::nullopt;
    }
    return upload;
}

Reply refusedUpload(const std::vector<Diagnostic>& diagnostics) {
    std::string detail;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::error) {
            detail = formatDiagnostic(d);
            break;
        }
    }
    return problem(422, "The document is not valid", detail,
                   "\"diagnostics\":" + diagnosticsJson(diagnostics));
}

bool isXml(const Request& request) {
    const std::string type = request.header("content-type");
    return type.starts_with("application/xml") || type.starts_with("text/xml");
}

} // namespace

std::string json(const std::function<void(JsonWriter&)>& write) {
    std::ostringstream out;
    JsonWriter w(out);
    write(w);
    out << '\n';
    return out.str();
}

Reply jsonReply(int status, std::string body) {
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

// Today's date in UTC, for overdue marks (the service may read the clock; the pipeline never).
Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    return Date{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

Reply problem(int status, const std::string& title, const std::string& detail,
              const std::string& extraJsonFields) {
    Reply reply;
    reply.status = status;
    reply.contentType = "application/problem+json";
    std::string body = json([&](JsonWriter& w) {
        w.beginObject();
        w.field("type", "about:blank");
        w.field("title", title);
        w.field("status", status);
        w.field("detail", detail);
        w.endObject();
    });
    if (!extraJsonFields.empty()) {
        body.insert(body.rfind('}'), "," + extraJsonFields);
    }
    reply.body = std::move(body);
    return reply;
}

Reply Service::handle(const Request& request) {
    try {
        return route(request);
    } catch (const StoreUnavailable& e) {
        Reply reply = problem(503, "Service unavailable", e.what());
        reply.headers["Retry-After"] = "5";
        return reply;
    } catch (const std::exception& e) {
        return problem(500, "Internal error", e.what());
    }
}

Reply Service::readiness() {
    // Unauthenticated: the answer names neither the database nor why; the log does.
    const auto answer = [](int status, std::string_view state, std::string_view database) {
        return jsonReply(status, json([&](JsonWriter& w) {
                             w.beginObject();
                             w.field("status", state);
                             w.field("database", database);
                             w.endObject();
                         }));
    };
    try {
        store_.checkConnection();
    } catch (const std::exception& e) {
        std::cerr << "rodtrad-server: not ready: " << e.what() << std::endl;
        Reply reply = answer(503, "unavailable", "unreachable");
        reply.headers["Retry-After"] = "5";
        return reply;
    }
    return answer(200, "ready", "ok");
}

std::optional<User> Service::authenticate(const Request& request, Reply& refusal) {
    const std::string authorization = request.header("authorization");
    constexpr std::string_view bearer = "Bearer ";
    if (authorization.starts_with(bearer)) {
        const std::string token = authorization.substr(bearer.size());
        if (auto user = store_.userByTokenHash(sha256Hex(token))) {
            return user;
        }
    }
    store_.audit("", "refused.auth", "", 0,
                 request.method + " " + request.path +
                     (authorization.empty() ? ": no token" : ": unknown token"));
    refusal = problem(401, "Unauthorized",
                      authorization.empty() ? "a bearer token is required"
                                            : "the bearer token is not known");
    refusal.headers["WWW-Authenticate"] = "Bearer";
    return std::nullopt;
}

Reply Service::route(const Request& request) {
    const std::vector<std::string> p = segments(request.path);
    const std::string& m = request.method;
    const auto notAllowed = [&] {
        return problem(405, "Method not allowed", m + " is not allowed on " + request.path);
    };
    if (auto page = webAsset(request, webRoot_)) {
        return *page;
    }
    if (p.size() == 1 && p[0] == "healthz") {
        return m == "GET" ? jsonReply(200, "{\"status\":\"ok\"}\n") : notAllowed();
    }
    if (p.size() == 1 && p[0] == "readyz") {
        return m == "GET" ? readiness() : notAllowed();
    }
    if (p.size() == 2 && p[0] == "api" && p[1] == "openapi.json") {
        return m == "GET" ? jsonReply(200, openApi()) : notAllowed();
    }
    if (!p.empty() && p[0] == "public") {
        return m == "GET" ? publicFile(p) : notAllowed();
    }
    if (p.size() < 3 || p[0] != "api" || p[1] != "v1") {
        return problem(404, "Not found", "no route " + request.path);
    }
    // A request that only reads sees the store as of one moment.
    const auto readScope =
        m == "GET" || m == "HEAD" ? store_.readScope() : std::unique_ptr<Store::ReadScope>();
    if (p.size() == 3 && p[2] == "session" && m == "POST") {
        return signIn(request);
    }
    Reply refusal;
    const auto user = authenticate(request, refusal);
    if (!user) {
        return refusal;
    }
    const std::string& collection = p[2];
    if (collection == "session" && p.size() == 3) {
        return m == "GET" || m == "DELETE" ? session(request, *user) : notAllowed();
    }
    if (collection == "redthread" && p.size() == 3) {
        return m == "GET" ? redThread(request) : notAllowed();
    }
    if (collection == "coverage" && p.size() == 3) {
        return m == "GET" ? coverage(request) : notAllowed();
    }
    if (collection == "tasks" && p.size() == 3) {
        return m == "GET" ? tasks(*user) : notAllowed();
    }
    if (collection == "documents") {
        if (p.size() == 3) {
            return m == "GET"    ? listDocuments(request, *user)
                   : m == "POST" ? createDocument(request, *user)
                                 : notAllowed();
        }
        const std::string& key = p[3];
        if (p.size() == 4) {
            return m == "GET" ? documentMetadata(key) : notAllowed();
        }
        const std::string& what = p[4];
        if (p.size() == 5 && what == "content") {
            return m == "GET"   ? content(key)
                   : m == "PUT" ? putContent(request, *user, key)
                                : notAllowed();
        }
        if (p.size() == 6 && what == "revisions") {
            return m == "GET" ? revision(key, p[5]) : notAllowed();
        }
        if (p.size() == 5 && what == "transitions") {
            return m == "POST" ? transition(request, *user, key) : notAllowed();
        }
        if (p.size() == 5 && what == "diff") {
            return m == "GET" ? diff(request, key) : notAllowed();
        }
        if (p.size() == 5 && what == "actions") {
            return m == "GET" ? actions(*user, key) : notAllowed();
        }
        if (p.size() == 5 && what == "history") {
            return m == "GET" ? history(key) : notAllowed();
        }
        if (p.size() == 5 && what == "pdf") {
            return m == "GET" ? pdf(key) : notAllowed();
        }
    }
    if (collection == "evidence" && p.size() == 3) {
        return m == "GET" ? evidence(request) : notAllowed();
    }
    if (collection == "rounds" && p.size() == 3) {
        return m == "GET" ? listRounds() : m == "POST" ? createRound(request, *user) : notAllowed();
    }
    if (collection == "rounds" && p.size() == 4) {
        return m == "GET" ? roundDashboard(p[3]) : notAllowed();
    }
    if (collection == "audit" && p.size() == 3) {
        return m == "GET" ? auditTrail(request) : notAllowed();
    }
    if (collection == "audit" && p.size() == 4 && p[3] == "verify") {
        return m == "GET" ? auditVerify() : notAllowed();
    }
    return problem(404, "Not found", "no route " + request.path);
}

Reply Service::listDocuments(const Request& request, const User&) {
    const std::string kind = queryValue(request, "kind", "");
    const std::string unit = queryValue(request, "unit", "");
    const std::string state = queryValue(request, "state", "");
    return jsonReply(200, json([&](JsonWriter& w) {
                         w.beginArray();
                         for (const DocumentInfo& d : store_.documents()) {
                             if ((kind.empty() || d.kind == kind) &&
                                 (unit.empty() || d.unit == unit) &&
                                 (state.empty() || d.state == state)) {
                                 writeDocument(w, d);
                             }
                         }
                         w.endArray();
                     }));
}

std::optional<Reply> Service::refuseWriterRole(const User& user, const std::string& verb,
                                               const std::string& key, int revision) {
    if (user.role == Role::author || user.role == Role::admin) {
        return std::nullopt;
    }
    store_.audit(user.name, "refused." + verb, key, revision,
                 "role " + std::string(roleName(user.role)));
    return problem(403, "Forbidden", "only authors and admins " + verb + " documents");
}

std::optional<Reply> Service::refuseWriterUnit(const User& user, const std::string& verb,
                                               const std::string& key, int revision,
                                               const std::string& unit) {
    if (user.role == Role::admin || withinUnit(user, unit)) {
        return std::nullopt;
    }
    store_.audit(user.name, "refused." + verb, key, revision,
                 "unit " + unit + " is not " + user.unit);
    return problem(403, "Forbidden", user.name + " writes for unit " + user.unit + ", not " + unit);
}

Reply Service::createDocument(const Request& request, const User& user) {
    if (!isXml(request)) {
        return problem(415, "Unsupported media type", "send the document as application/xml");
    }
    if (auto refused = refuseWriterRole(user, "create", "", 0)) {
        return *refused;
    }
    std::vector<Diagnostic> diagnostics;
    const auto upload = validate(request.body, store_, diagnostics);
    if (!upload) {
        return refusedUpload(diagnostics);
    }
    if (auto refused = refuseWriterUnit(user, "create", upload->key, 0, upload->unit)) {
        return *refused;
    }
    const std::string sha = sha256Hex(request.body);
    const WriteOutcome outcome = store_.createDocument(
        {upload->key, upload->kind, upload->unit, upload->title}, request.body, sha, user.name);
    if (outcome == WriteOutcome::exists) {
        return problem(409, "Conflict",
                       "a document " + upload->key + " exists; PUT its content to revise it");
    }
    Reply reply = jsonReply(
        201, json([&](JsonWriter& w) { writeDocument(w, *store_.document(upload->key)); }));
    reply.headers["Location"] = "/api/v1/documents/" + upload->key;
    reply.headers["ETag"] = etagOf(1, sha);
    return reply;
}

Reply Service::documentMetadata(const std::string& key) {
    const auto document = store_.document(key);
    if (!document) {
        return problem(404, "Not found", "no document " + key);
    }
    Reply reply = jsonReply(200, json([&](JsonWriter& w) {
                                w.beginObject();
                                writeDocumentFields(w, *document);
                                w.field("sha256", document->sha256);
                                w.key("approvedRevision");
                                if (document->approvedRevision > 0) {
                                    w.value(document->approvedRevision);
                                } else {
                                    w.null();
                                }
                                w.endObject();
                            }));
    reply.headers["ETag"] = etagOf(document->revision, document->sha256);
    return reply;
}

Reply Service::content(const std::string& key) {
    auto latest = store_.latestRevision(key);
    if (!latest) {
        return problem(404, "Not found", "no document " + key);
    }
    return xmlReply(std::move(*latest));
}

Reply Service::putContent(const Request& request, const User& user, const std::string& key) {
    const auto document = store_.document(key);
    if (!document) {
        return problem(404, "Not found", "no document " + key);
    }
    if (auto refused = refuseWriterRole(user, "revise", key, document->revision)) {
        return *refused;
    }
    if (auto refused = refuseWriterUnit(user, "revise", key, document->revision, document->unit)) {
        return *refused;
    }
    const std::string ifMatch = request.header("if-match");
    if (ifMatch.empty()) {
        return problem(428, "Precondition required",
                       "send If-Match with the ETag of the revision you edited");
    }
    if (ifMatch != etagOf(document->revision, document->sha256)) {
        return problem(412, "Precondition failed",
                       "the document has changed since; the current revision is " +
                           std::to_string(document->revision));
    }
    if (!isXml(request)) {
        return problem(415, "Unsupported media type", "send the document as application/xml");
    }
    if (document->state == "in_review") {
        return problem(409, "Conflict",
                       "revision " + std::to_string(document->revision) +
                           " is in review; it must be sent back or withdrawn first");
    }
    std::vector<Diagnostic> diagnostics;
    const auto upload = validate(request.body, store_, diagnostics);
    if (!upload) {
        return refusedUpload(diagnostics);
    }
    if (upload->key != key || upload->kind != document->kind) {
        return problem(422, "The document is not valid",
                       "the content is " + upload->kind + " " + upload->key + ", not " +
                           document->kind + " " + key);
    }
    if (upload->unit != document->unit) {
        return problem(422, "The document is not valid",
                       "the document belongs to unit " + document->unit +
                           "; a revision cannot move it to " + upload->unit);
    }
    const std::string sha = sha256Hex(request.body);
    int number = 0;
    const WriteOutcome outcome = store_.addRevision(key, document->revision, upload->title,
                                                    request.body, sha, user.name, number);
    if (outcome == WriteOutcome::conflict) {
        return problem(412, "Precondition failed", "the document changed while it was saved");
    }
    Reply reply = documentMetadata(key);
    reply.headers["ETag"] = etagOf(number, sha);
    return reply;
}

Reply Service::revision(const std::string& key, const std::string& number) {
    char* end = nullptr;
    const long n = std::strtol(number.c_str(), &end, 10);
    if (number.empty() || *end != '\0' || n < 1 || n > 1000000) {
        return problem(404, "Not found", "no revision " + number + " of " + key);
    }
    const auto found = store_.revision(key, static_cast<int>(n));
    if (!found) {
        return problem(404, "Not found", "no revision " + number + " of " + key);
    }
    Reply reply = xmlReply(*found);
    reply.headers["Cache-Control"] = "private, max-age=31536000, immutable";
    return reply;
}

std::optional<std::vector<std::string>> jsonStrings(const std::string& body,
                                                    std::initializer_list<const char*> names) {
    try {
        Poco::JSON::Parser parser;
        const auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
        std::vector<std::string> values;
        for (const char* name : names) {
            values.push_back(object->optValue<std::string>(name, ""));
        }
        return values;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

Reply Service::transition(const Request& request, const User& user, const std::string& key) {
    const auto fields = jsonStrings(request.body, {"action", "comment"});
    if (!fields) {
        return problem(400, "Bad request",
                       "send {\"action\": \"submit|approve|...\", \"comment\": \"...\"}");
    }
    const std::string& action = (*fields)[0];
    const std::string& comment = (*fields)[1];
    // A document keeps its unit for life, so the unit is judged before the store's
    // transaction (which must not call back into the store).
    const auto document = store_.document(key);
    if (!document) {
        return problem(404, "Not found", "no document " + key);
    }
    const bool within = withinUnit(user, document->unit);
    const TransitionResult result = store_.transition(
        {key, action, comment, user, [within](const std::string&) { return within; }});
    if (!result.found) {
        return problem(404, "Not found", "no document " + key);
    }
    const Decision& d = result.decision;
    switch (d.outcome) {
    case Outcome::illegal:
        return problem(409, "Conflict", d.reason);
    case Outcome::forbidden:
        return problem(403, "Forbidden", d.reason);
    case Outcome::commentRequired:
        return problem(422, "Comment required", d.reason);
    case Outcome::vote:
    case Outcome::done:
        break;
    }
    return jsonReply(d.outcome == Outcome::vote ? 202 : 200, json([&](JsonWriter& w) {
                         w.beginObject();
                         w.field("id", key);
                         w.field("action", action);
                         w.field("state", result.document.state);
                         w.field("revision", result.document.revision);
                         w.field("approvals", d.votes);
                         w.field("quorum", d.quorum);
                         w.endObject();
                     }));
}

Reply Service::history(const std::string& key) {
    if (!store_.document(key)) {
        return problem(404, "Not found", "no document " + key);
    }
    return jsonReply(200, eventsJson(store_.history(key), false));
}

std::optional<std::string> Service::finalPdf(const DocumentInfo& document, const Revision& revision,
                                             std::string& error) {
    return store_.storedOrRendered(
        document.key, revision.number, [&]() -> std::optional<std::string> {
            RenderedRevision rendered = renderRevision(store_, document, revision, true);
            if (rendered.pdf.empty()) {
                error = rendered.error;
                return std::nullopt;
            }
            return std::move(rendered.pdf);
        });
}

Reply Service::pdf(const std::string& key) {
    const auto document = store_.document(key);
    if (!document) {
        return problem(404, "Not found", "no document " + key);
    }
    if (templateForKind(document->kind).empty()) {
        return problem(404, "Not found", "documents of kind " + document->kind + " have no PDF");
    }
    const auto latest = store_.revision(key, document->revision);
    const bool approved = latest->state == "approved" || latest->state == "published";
    std::string error;
    std::optional<std::string> bytes;
    if (approved) {
        bytes = finalPdf(*document, *latest, error);
    } else {
        RenderedRevision draft = renderRevision(store_, *document, *latest, false);
        error = draft.error;
        if (!draft.pdf.empty()) {
            bytes = std::move(draft.pdf);
        }
    }
    if (!bytes) {
        return problem(422, "Cannot render the document", error);
    }
    Reply reply;
    reply.contentType = "application/pdf";
    reply.body = std::move(*bytes);
    reply.headers["ETag"] = etagOf(latest->number, latest->sha256);
    reply.headers["Content-Disposition"] =
        "inline; filename=\"" + key + "-" + std::to_string(latest->number) + ".pdf\"";
    return reply;
}

// /public/ lists the published documents; /public/{id}.pdf is one, without a token.
Reply Service::publicFile(const std::vector<std::string>& path) {
    if (path.size() == 1) {
        return jsonReply(200, json([&](JsonWriter& w) {
                             w.beginArray();
                             for (const DocumentInfo& d : store_.documents()) {
                                 if (const auto published = store_.latestIn(d.key, {"published"})) {
                                     w.beginObject();
                                     w.field("id", d.key);
                                     w.field("kind", d.kind);
                                     w.field("title", d.title);
                                     w.field("revision", published->number);
                                     w.field("href", "/public/" + d.key + ".pdf");
                                     w.endObject();
                                 }
                             }
                             w.endArray();
                         }));
    }
    if (path.size() != 2 || !path[1].ends_with(".pdf")) {
        return problem(404, "Not found", "nothing published there");
    }
    const std::string key = path[1].substr(0, path[1].size() - 4);
    const auto document = store_.document(key);
    const auto published = document ? store_.latestIn(key, {"published"}) : std::nullopt;
    if (!published) {
        return problem(404, "Not found", "no published document " + key);
    }
    std::string error;
    auto bytes = finalPdf(*document, *published, error);
    if (!bytes) {
        return problem(422, "Cannot render the document", error);
    }
    Reply reply;
    reply.contentType = "application/pdf";
    reply.body = std::move(*bytes);
    reply.headers["ETag"] = etagOf(published->number, published->sha256);
    reply.headers["Cache-Control"] = "public, max-age=300";
    return reply;
}

namespace {

void writeRound(JsonWriter& w, const Round& round) {
    w.field("id", static_cast<long long>(round.id));
    w.field("name", round.name);
    w.field("due", round.due);
    w.key("kinds");
    w.beginArray();
    for (const std::string& kind : round.kinds) {
        w.value(kind);
    }
    w.endArray();
    w.key("units");
    w.beginArray();
    for (const std::string& unit : round.units) {
        w.value(unit);
    }
    w.endArray();
    w.field("createdBy", round.createdBy);
}

// Who the document waits for in its state.
const char* waitingFor(const std::string& state) {
    if (state == "draft" || state == "changes_requested") {
        return "author";
    }
    if (state == "in_review") {
        return "reviewer or approver";
    }
    if (state == "approved") {
        return "publisher";
    }
    return "";
}

} // namespace

// The evidence pack of the documents as they stand (each at its latest approved revision, a
// document never approved at its latest), judged today, with the audit trail as evidence of
// the approvals.
Reply Service::evidence(const Request& request) {
    const std::string edition = queryValue(request, "edition", "2015");
    if (edition != "2015" && edition != "2026") {
        return problem(422, "Invalid edition", "edition must be 2015 or 2026, not " + edition);
    }
    const TempDirectory dir("rodtrad-evidence");
    writeWorkspace(store_, dir.path());
    std::string trail;
    XmlWriter xml(trail);
    xml.declaration();
    xml.open("auditTrail");
    for (std::int64_t after = 0;;) {
        const std::vector<AuditEvent> events = store_.auditTrail(after, 10000);
        if (events.empty()) {
            break;
        }
        for (const AuditEvent& e : events) {
            xml.open("event");
            xml.attribute("seq", std::to_string(e.seq));
            xml.attribute("at", std::to_string(e.at));
            xml.attribute("who", e.actor);
            xml.attribute("action", e.action);
            xml.attribute("document", e.document);
            xml.attribute("revision", e.revision);
            xml.attribute("detail", e.detail);
            xml.attribute("previousHash", e.previousHash);
            xml.attribute("hash", e.hash);
            xml.close();
            after = e.seq;
        }
    }
    xml.close();
    trail += '\n';
    std::vector<Diagnostic> diagnostics;
    const auto workspace = Workspace::load(dir.path(), {}, diagnostics);
    EvidenceOptions options;
    options.edition = edition;
    options.asOf = today();
    options.supplied.push_back({"audit-trail.xml", "audit-trail", trail});
    EvidencePack pack;
    try {
        pack = buildEvidencePack(*workspace, options);
    } catch (const std::exception& e) {
        return problem(422, "Cannot build the evidence pack", e.what());
    }
    Reply reply;
    reply.contentType = "application/zip";
    reply.body = std::move(pack.zip);
    reply.headers["Content-Disposition"] = "attachment; filename=\"iso14001-" + edition +
                                           "-evidence-" + options.asOf->toString() + ".zip\"";
    return reply;
}

Reply Service::listRounds() {
    return jsonReply(200, json([&](JsonWriter& w) {
                         w.beginArray();
                         for (const Round& round : store_.rounds()) {
                             w.beginObject();
                             writeRound(w, round);
                             w.endObject();
                         }
                         w.endArray();
                     }));
}

Reply Service::createRound(const Request& request, const User& user) {
    if (user.role == Role::author) {
        store_.audit(user.name, "refused.round.create", "", 0, "role author");
        return problem(403, "Forbidden", "authors take part in rounds; quality staff run them");
    }
    Round round;
    try {
        Poco::JSON::Parser parser;
        const auto body = parser.parse(request.body).extract<Poco::JSON::Object::Ptr>();
        round.name = body->optValue<std::string>("name", "");
        round.due = body->optValue<std::string>("due", "");
        for (const char* list : {"kinds", "units"}) {
            if (const auto array = body->getArray(list)) {
                for (std::size_t i = 0; i < array->size(); ++i) {
                    (std::string_view(list) == "kinds" ? round.kinds : round.units)
                        .push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
                }
            }
        }
    } catch (const std::exception&) {
        return problem(400, "Bad request",
                       "send {\"name\": ..., \"due\": \"YYYY-MM-DD\", \"kinds\": [...], "
                       "\"units\": [...]}");
    }
    if (round.name.empty() || round.name.size() > 200) {
        return problem(422, "Invalid round", "name must be 1 to 200 characters");
    }
    if (!Date::parse(round.due)) {
        return problem(422, "Invalid round",
                       "due must be a date YYYY-MM-DD, not \"" + round.due + "\"");
    }
    for (const std::string& kind : round.kinds) {
        if (WorkflowCatalogue::instance().forKind(kind) == nullptr) {
            return problem(422, "Invalid round", "there is no document kind \"" + kind + "\"");
        }
    }
    round.createdBy = user.name;
    const Round created = store_.createRound(round);
    Reply reply = jsonReply(201, json([&](JsonWriter& w) {
                                w.beginObject();
                                writeRound(w, created);
                                w.endObject();
                            }));
    reply.headers["Location"] = "/api/v1/rounds/" + std::to_string(created.id);
    return reply;
}

namespace {

// A view of the store's documents written out as a workspace; a workspace that the pipeline
// refuses, or a bad argument, is a 422 with the pipeline's words.
Reply workspaceView(Store& store,
                    const std::function<std::string(const std::filesystem::path&)>& view) {
    const TempDirectory dir("rodtrad-view");
    writeWorkspace(store, dir.path());
    try {
        return jsonReply(200, view(dir.path()));
    } catch (const std::runtime_error& e) {
        return problem(422, "Cannot compute the view", e.what());
    }
}

} // namespace

Reply Service::diff(const Request& request, const std::string& key) {
    const auto document = store_.document(key);
    if (!document) {
        return problem(404, "Not found", "no document " + key);
    }
    const int base =
        document->approvedRevision > 0 && document->approvedRevision < document->revision
            ? document->approvedRevision
            : document->revision - 1;
    const auto number = [&](const char* name, int fallback) {
        const std::string text = queryValue(request, name, "");
        char* end = nullptr;
        const long n = text.empty() ? fallback : std::strtol(text.c_str(), &end, 10);
        return text.empty() || (*end == '\0' && n >= 0 && n <= document->revision)
                   ? static_cast<int>(n)
                   : -1;
    };
    const int from = number("from", base);
    const int to = number("to", document->revision);
    if (from < 0 || to < 1) {
        return problem(400, "Bad request",
                       "from and to are revisions of " + key + ", 1 to " +
                           std::to_string(document->revision));
    }
    const auto after = store_.revision(key, to);
    const auto before = from >= 1 ? store_.revision(key, from) : std::nullopt;
    std::vector<ElementChange> changes;
    try {
        changes = before ? diffRevisions(before->xml, after->xml) : std::vector<ElementChange>();
    } catch (const std::invalid_argument& e) {
        return problem(422, "Cannot compare the revisions", e.what());
    }
    return jsonReply(200, json([&](JsonWriter& w) {
                         w.beginObject();
                         w.key("from");
                         if (before) {
                             w.value(from);
                         } else {
                             w.null();
                         }
                         w.field("to", to);
                         w.key("approvedRevision");
                         if (document->approvedRevision > 0) {
                             w.value(document->approvedRevision);
                         } else {
                             w.null();
                         }
                         w.key("changes");
                         w.beginArray();
                         for (const ElementChange& c : changes) {
                             w.beginObject();
                             w.field("change", changeKindName(c.kind));
                             w.field("element", c.element);
                             w.field("id", c.id);
                             w.field("label", c.label);
                             w.field("path", c.path);
                             w.field("field", c.field);
                             w.field("before", c.before);
                             w.field("after", c.after);
                             w.endObject();
                         }
                         w.endArray();
                         w.endObject();
                     }));
}

Reply Service::redThread(const Request& request) {
    const std::string period = queryValue(request, "period", "");
    const std::string lang = queryValue(request, "lang", "sv");
    return workspaceView(store_, [&](const std::filesystem::path& workspace) {
        return redThreadJson(workspace, period, lang);
    });
}

Reply Service::coverage(const Request& request) {
    const std::string edition = queryValue(request, "edition", "2015");
    const std::string lang = queryValue(request, "lang", "sv");
    const std::string asOf = queryValue(request, "asOf", today().toString().c_str());
    return workspaceView(store_, [&](const std::filesystem::path& workspace) {
        return coverageJson(workspace, edition, asOf, lang);
    });
}

bool roundCovers(const Round& round, const DocumentInfo& document) {
    const auto has = [](const std::vector<std::string>& list, const std::string& value) {
        return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
    };
    return has(round.kinds, document.kind) && has(round.units, document.unit);
}

Reply Service::roundDashboard(const std::string& id) {
    char* end = nullptr;
    const long long number = std::strtoll(id.c_str(), &end, 10);
    const auto round = *end == '\0' && number > 0 ? store_.round(number) : std::nullopt;
    if (!round) {
        return problem(404, "Not found", "no round " + id);
    }
    const Date due = *Date::parse(round->due);
    const bool pastDue = due < today();
    std::size_t done = 0;
    std::size_t total = 0;
    std::size_t overdue = 0;
    const auto votes = store_.votes();
    const std::string body = json([&](JsonWriter& w) {
        w.beginObject();
        writeRound(w, *round);
        w.key("documents");
        w.beginArray();
        for (const DocumentInfo& d : store_.documents()) {
            if (!roundCovers(*round, d)) {
                continue;
            }
            const bool finished = d.state == "approved" || d.state == "published";
            const bool late = pastDue && !finished;
            ++total;
            done += finished ? 1 : 0;
            overdue += late ? 1 : 0;
            w.beginObject();
            w.field("id", d.key);
            w.field("kind", d.kind);
            w.field("unit", d.unit);
            w.field("title", d.title);
            w.field("state", d.state);
            w.field("revision", d.revision);
            w.field("waitingFor", waitingFor(d.state));
            w.field("overdue", late);
            // Progress towards the quorum of approvals.
            const WorkflowDefinition* definition = WorkflowCatalogue::instance().forKind(d.kind);
            const Transition* approve =
                definition == nullptr ? nullptr : definition->find("approve", "in_review");
            const auto voted = votes.find(d.key);
            int given = 0;
            if (voted != votes.end()) {
                const auto it = voted->second.find("approve");
                given = it == voted->second.end() ? 0 : static_cast<int>(it->second.size());
            }
            w.field("approvals", given);
            w.field("quorum", approve == nullptr ? 1 : approve->quorum);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    });
    // The counts go first for a reader; they are known only once the list is written.
    std::string summary = "{\"approved\":" + std::to_string(done) +
                          ",\"total\":" + std::to_string(total) +
                          ",\"overdue\":" + std::to_string(overdue) + ",";
    return jsonReply(200, summary + body.substr(1));
}

Reply Service::auditTrail(const Request& request) {
    const auto number = [&request](const char* name, long long fallback) {
        const auto it = request.query.find(name);
        if (it == request.query.end()) {
            return fallback;
        }
        char* end = nullptr;
        const long long value = std::strtoll(it->second.c_str(), &end, 10);
        return *end == '\0' && value >= 0 ? value : fallback;
    };
    const long long after = number("after", 0);
    const int limit = static_cast<int>(std::min(number("limit", 1000), 10000LL));
    return jsonReply(200, eventsJson(store_.auditTrail(after, limit), true));
}

Reply Service::auditVerify() {
    const AuditVerification result = store_.verify();
    return jsonReply(200, json([&](JsonWriter& w) {
                         w.beginObject();
                         w.field("ok", result.ok());
                         w.field("events", static_cast<long long>(result.events));
                         w.key("problems");
                         w.beginArray();
                         for (const std::string& p : result.problems) {
                             w.value(p);
                         }
                         w.endArray();
                         w.endObject();
                     }));
}

} // namespace rodtrad::workflow
