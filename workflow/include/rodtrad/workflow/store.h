#pragma once

#include "rodtrad/sha256.h"
#include "rodtrad/workflow/definition.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace rodtrad::workflow {

struct User {
    std::int64_t id = 0;
    std::string name;
    Role role = Role::author;
    std::string unit;
};

struct DocumentInfo {
    std::int64_t id = 0;
    std::string key; // the document's header id
    std::string kind;
    std::string unit;
    std::string title;
    int revision = 0;         // the latest revision's number
    std::string state;        // the latest revision's state
    std::string sha256;       // the latest revision's
    std::string submittedBy;  // who submitted the latest revision, if anyone did
    int approvedRevision = 0; // the latest approved or published revision; 0: none
};

// Users who took a quorum action (approve, ...) on a document's latest revision, by action.
using Votes = std::map<std::string, std::set<std::string>>;

// What a new document is called and whose it is.
struct NewDocument {
    std::string key; // the document's header id
    std::string kind;
    std::string unit;
    std::string title;
};

struct Revision {
    int number = 0;
    std::string state;
    std::string xml;
    std::string sha256;
    std::string createdBy;
    std::string submittedBy;
    std::int64_t createdAt = 0; // microseconds since the epoch
};

// One event of the audit trail. Each carries the hash of the one before, so that no event can
// be changed, removed or inserted without verification noticing.
struct AuditEvent {
    std::int64_t seq = 0;
    std::int64_t at = 0; // microseconds since the epoch
    std::string actor;
    std::string action;
    std::string document; // key, or "" for events about users
    int revision = 0;
    std::string detail;
    std::string previousHash;
    std::string hash;
};

// An approval round: a name, a due date and the documents in scope (kinds and units; empty
// means all).
struct Round {
    std::int64_t id = 0;
    std::string name;
    std::string due; // YYYY-MM-DD
    std::vector<std::string> kinds;
    std::vector<std::string> units;
    std::string createdBy;
};

struct AuditVerification {
    std::int64_t events = 0;
    std::vector<std::string> problems; // empty: the chain and every revision verify
    bool ok() const { return problems.empty(); }
};

// A transition asked of the store: it reads the revision's facts, asks `decide` inside its
// transaction, and applies and audits the outcome in the same transaction.
struct TransitionRequest {
    std::string document; // key
    std::string action;
    std::string comment;
    User actor;
    // Whether the actor's unit covers the document's unit (the organisation tree is the
    // caller's). Called inside the store's transaction: it must not call the store.
    std::function<bool(const std::string& documentUnit)> withinUnit;
};

struct TransitionResult {
    Decision decision;
    DocumentInfo document; // after the transition
    bool found = true;     // false: no such document
};

enum class WriteOutcome { done, conflict, notFound, exists };

// The database cannot be reached (down, restarting, the connection lost): the request may be
// tried again later. Other failures are std::runtime_error.
class StoreUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Where the workflow service keeps everything it was given: users with hashed tokens,
// documents with immutable revisions, votes and the hash-chained audit trail. Every method is
// one transaction, durable when it returns. The interface keeps SQL out of the service so that
// another database can serve it.
class Store {
public:
    virtual ~Store() = default;

    // Where the store is, for messages (no password).
    virtual std::string describe() const = 0;
    // Throws unless the database answers now and still holds the store's municipality.
    virtual void checkConnection() = 0;

    // While a read scope lives, the reads this thread makes see the database as of one moment
    // (one read transaction) and cost less than reads made one by one. Writes made meanwhile
    // are not seen by the scope's reads: take one for requests that only read.
    class ReadScope {
    public:
        virtual ~ReadScope() = default;
    };
    virtual std::unique_ptr<ReadScope> readScope() = 0;

    virtual User addUser(const std::string& name, Role role, const std::string& unit,
                         const std::string& tokenHash, const std::string& passwordHash,
                         const std::string& actor) = 0;
    // The user a token belongs to: a user's own token or a signed-in session's that has not
    // expired or ended.
    virtual std::optional<User> userByTokenHash(const std::string& tokenHash) = 0;
    // A session of the web login: its token (hash) is good for `lifetime` or until it is ended.
    // Returns when it expires (microseconds since the epoch). Audited.
    virtual std::int64_t startSession(const User& user, const std::string& tokenHash,
                                      std::chrono::seconds lifetime) = 0;
    // Ends a session; false if the token is not a session's (a user's own token, or unknown).
    virtual bool endSession(const std::string& tokenHash, const std::string& actor) = 0;
    virtual std::optional<User> userByName(const std::string& name) = 0;
    virtual std::string passwordHash(const std::string& name) = 0;

    // A new document with revision 1 as a draft; exists when the key is taken.
    virtual WriteOutcome createDocument(const NewDocument& document, const std::string& xml,
                                        const std::string& sha256, const std::string& actor) = 0;
    // A new draft revision on top of `expectedRevision`; conflict when the latest is another.
    virtual WriteOutcome addRevision(const std::string& key, int expectedRevision,
                                     const std::string& title, const std::string& xml,
                                     const std::string& sha256, const std::string& actor,
                                     int& newRevision) = 0;
    virtual std::optional<DocumentInfo> document(const std::string& key) = 0;
    virtual std::vector<DocumentInfo> documents() = 0;
    // The votes on every document's latest revision, by document key.
    virtual std::map<std::string, Votes> votes() = 0;
    virtual std::optional<Revision> revision(const std::string& key, int number) = 0;
    virtual std::optional<Revision> latestRevision(const std::string& key) = 0;
    // The latest revision in one of the states, searching back from the newest.
    virtual std::optional<Revision> latestIn(const std::string& key,
                                             const std::vector<std::string>& states) = 0;

    virtual TransitionResult transition(const TransitionRequest& request) = 0;
    // Records that the latest revision was approved outside the service (a decision in the
    // document's header, imported with a workspace): state approved, audited as an import.
    virtual void importApproval(const std::string& key, const std::string& actor,
                                const std::string& detail) = 0;

    // The PDF rendered from an approved revision, kept so that it is served byte for byte the
    // same ever after. storePdf keeps the first one stored and returns it.
    virtual std::optional<std::string> storedPdf(const std::string& key, int revision) = 0;
    virtual std::string storePdf(const std::string& key, int revision, const std::string& pdf) = 0;
    // The stored PDF of a revision or, when there is none yet, the one `render` makes (empty:
    // it could not), stored. `render` runs once for a revision across every node on the
    // database: a caller that finds another rendering it waits and gets the stored one.
    virtual std::optional<std::string>
    storedOrRendered(const std::string& key, int revision,
                     const std::function<std::optional<std::string>()>& render) = 0;

    virtual Round createRound(const Round& round) = 0;
    virtual std::vector<Round> rounds() = 0;
    virtual std::optional<Round> round(std::int64_t id) = 0;

    // Records a refusal (401, 403) or another event that changes nothing.
    virtual void audit(const std::string& actor, const std::string& action,
                       const std::string& document, int revision, const std::string& detail) = 0;
    virtual std::vector<AuditEvent> auditTrail(std::int64_t afterSeq, int limit) = 0;
    // Every event about one document, oldest first.
    virtual std::vector<AuditEvent> history(const std::string& key) = 0;
    virtual AuditVerification verify() = 0;
};

// The store of one municipality (a tenant: every query is scoped to it) at `location`:
//   - a directory, or "sqlite:DIR": the embedded store, one SQLite file in DIR (created if
//     missing), WAL journal, synchronous=FULL;
//   - "postgresql://[user[:password]@][host][:port][/database][?name=value&...]": PostgreSQL,
//     which several service nodes and several municipalities can share.
// Every database holds the municipality "default"; `create` adds `tenant` if it is missing
// (otherwise a missing one is an error). The schema is migrated to the current version first.
// Throws std::runtime_error when the database cannot be opened, std::invalid_argument for a
// location that is not one.
std::unique_ptr<Store> openStore(const std::string& location, const std::string& tenant = "default",
                                 bool create = false);
// The municipality "default" of the SQLite store in `directory`.
std::unique_ptr<Store> openSqliteStore(const std::filesystem::path& directory);

// What copying a store moved.
struct StoreCopy {
    std::int64_t users = 0;
    std::int64_t documents = 0;
    std::int64_t revisions = 0;
    std::int64_t auditEvents = 0;
    std::string lastAuditHash; // the chain's head, the same in both after the copy
};

// Copies one municipality's store from one location to another (SQLite to PostgreSQL, say),
// with every user, session, document, revision, vote, stored PDF, round and audit event as
// they are: the audit chain keeps its sequence numbers and hashes. The target municipality is
// created if missing and must hold nothing yet. Reads the source as of one moment and writes
// the target in one transaction: a failed copy leaves nothing behind. Throws
// std::runtime_error on failure.
StoreCopy copyStore(const std::string& from, const std::string& fromTenant, const std::string& to,
                    const std::string& toTenant);

// Helpers shared by every store (sha256Hex is rodtrad/sha256.h).
// The hash an audit event carries: SHA-256 over its fields and the previous hash.
std::string auditHash(const AuditEvent& event);

} // namespace rodtrad::workflow
