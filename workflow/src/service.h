#pragma once

#include "rodtrad/date.h"
#include "rodtrad/workflow/store.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

namespace rodtrad {
class JsonWriter;
}

namespace rodtrad::workflow {

// An HTTP request as the service sees it, whatever carried it.
struct Request {
    std::string method;
    std::string path;                           // without the query
    std::map<std::string, std::string> query;   // decoded
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;

    std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

struct Reply {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::map<std::string, std::string> headers;
};

// The API of the workflow service (DESIGN.md, "HTTP contract"): routing, authentication,
// validation of uploads, the workflow and the audit trail over a Store. Thread-safe as far as
// the store is; independent of the HTTP server so that it is tested request by request.
// The organisation's units, each with its parent ("" at the top), as the store holds them.
using UnitParents = std::map<std::string, std::string>;

// An action the workflow has from a document's state, and whether a user may take it now.
struct ActionOption {
    std::string action;
    std::string next; // the state it leads to
    bool allowed = false;
    std::string reason; // why not, in words, when not allowed
    bool commentRequired = false;
    int votes = 0; // quorum actions already taken on the revision
    int quorum = 1;
};

// Failed sign-ins per user name: after `limit` failures within `window`, further attempts are
// refused until the window has passed, so that passwords cannot be guessed at speed.
class SignInThrottle {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr int limit = 5;
    static constexpr std::chrono::minutes window{15};

    // Seconds until the name may try again; 0: now.
    long long waitSeconds(const std::string& name, Clock::time_point now);
    void failed(const std::string& name, Clock::time_point now);
    void succeeded(const std::string& name);

private:
    struct Failures {
        int count = 0;
        Clock::time_point first;
    };
    std::mutex mutex_;
    std::map<std::string, Failures> failures_;
};

class Service {
public:
    explicit Service(Store& store, std::filesystem::path webRoot = {})
        : store_(store), webRoot_(std::move(webRoot)) {}

    Reply handle(const Request& request);

    // The OpenAPI 3 description of every route handle() serves.
    static const std::string& openApi();

private:
    Reply route(const Request& request);
    std::optional<User> authenticate(const Request& request, Reply& refusal);

    Reply signIn(const Request& request);
    Reply session(const Request& request, const User& user);
    Reply tasks(const User& user);
    Reply actions(const User& user, const std::string& key);
    // The red thread and the ISO 14001 coverage matrix of the documents as they stand (each at
    // its latest approved revision, a document never approved at its latest).
    Reply redThread(const Request& request);
    Reply coverage(const Request& request);
    // Whether the database answers: what load balancers ask before sending requests.
    Reply readiness();

    UnitParents unitParents();
    // What the user may do with the document's latest revision, each action its state has.
    std::vector<ActionOption> optionsFor(const User& user, const DocumentInfo& document,
                                         const Votes& votes, const UnitParents& units);

    Reply listDocuments(const Request& request, const User& user);
    Reply createDocument(const Request& request, const User& user);
    Reply documentMetadata(const std::string& key);
    Reply content(const std::string& key);
    Reply putContent(const Request& request, const User& user, const std::string& key);
    Reply revision(const std::string& key, const std::string& number);
    Reply transition(const Request& request, const User& user, const std::string& key);
    Reply history(const std::string& key);
    // What changed between two revisions, element by element (by default from the latest
    // approved revision, or the one before, to the latest).
    Reply diff(const Request& request, const std::string& key);
    Reply pdf(const std::string& key);
    Reply evidence(const Request& request);
    Reply listRounds();
    Reply createRound(const Request& request, const User& user);
    Reply roundDashboard(const std::string& id);
    Reply publicFile(const std::vector<std::string>& path);
    // The PDF of an approved or published revision: rendered once, stored, the same bytes ever
    // after.
    std::optional<std::string> finalPdf(const DocumentInfo& document, const Revision& revision,
                                        std::string& error);
    Reply auditTrail(const Request& request);
    Reply auditVerify();

    // Whether a user bound to a unit may act for a document of another unit: the same unit or
    // one below it in the organisation the store holds.
    bool withinUnit(const User& user, const std::string& documentUnit);
    // Authors and admins write documents, authors only for their unit: a 403, audited as
    // refused.<verb>, for anyone else.
    std::optional<Reply> refuseWriterRole(const User& user, const std::string& verb,
                                          const std::string& key, int revision);
    std::optional<Reply> refuseWriterUnit(const User& user, const std::string& verb,
                                          const std::string& key, int revision,
                                          const std::string& unit);

    Store& store_;
    // Checking a password costs a deliberate fraction of a second of CPU: at most this many at
    // once, so that a flood of sign-ins cannot take every core from the other requests.
    std::counting_semaphore<2> passwordChecks_{2};
    std::filesystem::path webRoot_; // the web pages' files on disk instead of the built-in ones
    SignInThrottle throttle_;
};

// Whether a round's scope (kinds and units; empty: all) takes in the document.
bool roundCovers(const Round& round, const DocumentInfo& document);

// Whether a user bound to a unit covers a document's unit: the same unit or one below it.
bool covers(const std::string& userUnit, const std::string& documentUnit, const UnitParents& units);

// JSON written by `write`, with a final newline.
std::string json(const std::function<void(JsonWriter&)>& write);
Reply jsonReply(int status, std::string body);
// The named string fields of a JSON object ("" for one it lacks); nullopt if the body is not a
// JSON object.
std::optional<std::vector<std::string>> jsonStrings(const std::string& body,
                                                    std::initializer_list<const char*> names);
// Today's date in UTC, for overdue marks (the service may read the clock; the pipeline never).
Date today();

// application/problem+json with type, title, status and detail (and more fields, already
// JSON-encoded, when given).
Reply problem(int status, const std::string& title, const std::string& detail,
              const std::string& extraJsonFields = {});

} // namespace rodtrad::workflow
