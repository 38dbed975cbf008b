#pragma once

#include "rodtrad/workflow/store.h"

#include <map>
#include <string>
#include <vector>

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
class Service {
public:
    explicit Service(Store& store) : store_(store) {}

    Reply handle(const Request& request);

    // The OpenAPI 3 description of every route handle() serves.
    static const std::string& openApi();

private:
    Reply route(const Request& request);
    std::optional<User> authenticate(const Request& request, Reply& refusal);

    Reply listDocuments(const Request& request, const User& user);
    Reply createDocument(const Request& request, const User& user);
    Reply documentMetadata(const std::string& key);
    Reply content(const std::string& key);
    Reply putContent(const Request& request, const User& user, const std::string& key);
    Reply revision(const std::string& key, const std::string& number);
    Reply transition(const Request& request, const User& user, const std::string& key);
    Reply history(const std::string& key);
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
};

// application/problem+json with type, title, status and detail (and more fields, already
// JSON-encoded, when given).
Reply problem(int status, const std::string& title, const std::string& detail,
              const std::string& extraJsonFields = {});

} // namespace rodtrad::workflow
