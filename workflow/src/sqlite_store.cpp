#include "rodtrad/workflow/store.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <sqlite3.h>
#include <sstream>
#include <stdexcept>

namespace rodtrad::workflow {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using Poco::Data::Statement;

std::string auditHash(const AuditEvent& e) {
    // Length-prefixed fields, so that no two different events hash alike by moving text
    // between fields.
    std::string text;
    const auto field = [&text](std::string_view value) {
        text += std::to_string(value.size());
        text += ':';
        text += value;
        text += ';';
    };
    field(std::to_string(e.seq));
    field(std::to_string(e.at));
    field(e.actor);
    field(e.action);
    field(e.document);
    field(std::to_string(e.revision));
    field(e.detail);
    field(e.previousHash);
    return sha256Hex(text);
}

namespace {

std::int64_t nowMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

constexpr int schemaVersion = 2;

const char* const schema[] = {
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
    "role TEXT NOT NULL, unit TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, "
    "password_hash TEXT NOT NULL, created_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL UNIQUE, "
    "kind TEXT NOT NULL, unit TEXT NOT NULL, title TEXT NOT NULL, created_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS revisions (document_id INTEGER NOT NULL, number INTEGER NOT NULL, "
    "state TEXT NOT NULL, xml TEXT NOT NULL, sha256 TEXT NOT NULL, created_by TEXT NOT NULL, "
    "submitted_by TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (document_id, number))",
    "CREATE TABLE IF NOT EXISTS votes (document_id INTEGER NOT NULL, number INTEGER NOT NULL, "
    "action TEXT NOT NULL, user_name TEXT NOT NULL, "
    "PRIMARY KEY (document_id, number, action, user_name))",
    "CREATE TABLE IF NOT EXISTS pdfs (document_id INTEGER NOT NULL, number INTEGER NOT NULL, "
    "pdf BLOB NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (document_id, number))",
    "CREATE TABLE IF NOT EXISTS rounds (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "due TEXT NOT NULL, kinds TEXT NOT NULL, units TEXT NOT NULL, created_by TEXT NOT NULL, "
    "created_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL, "
    "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS audit (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, "
    "actor TEXT NOT NULL, action TEXT NOT NULL, document TEXT NOT NULL, revision INTEGER NOT NULL, "
    "detail TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)",
};

// A statement compiled once per connection and run again with new parameters. Poco::Data
// compiles the SQL text anew on every execution, which costs several times the lookup itself,
// so the lookups every request makes go through these. Parameters bind in order ($1, $2, ...).
class Query {
public:
    Query(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }

    Query& bind(const std::string& text) {
        check(sqlite3_bind_text(statement_, ++bound_, text.data(), static_cast<int>(text.size()),
                                SQLITE_STATIC));
        return *this;
    }
    Query& bind(std::string&&) = delete; // bound text is not copied: it must outlive the step
    Query& bind(std::int64_t number) {
        check(sqlite3_bind_int64(statement_, ++bound_, number));
        return *this;
    }

    // The next row; false when there is none.
    bool next() {
        const int rc = sqlite3_step(statement_);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            check(rc);
        }
        return false;
    }

    std::string text(int column) const {
        const auto* bytes = sqlite3_column_blob(statement_, column);
        const int size = sqlite3_column_bytes(statement_, column);
        return bytes == nullptr
                   ? std::string()
                   : std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) {
            throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db_));
        }
    }

    sqlite3* db_;
    sqlite3_stmt* statement_;
    int bound_ = 0;
};

// One connection to the database: a Poco::Data session and the statements compiled on it.
class Connection {
public:
    explicit Connection(const std::string& path) : session_("SQLite", path) {
        session_ << "PRAGMA busy_timeout=10000", now;
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() {
        for (const auto& [sql, statement] : prepared_) {
            sqlite3_finalize(statement);
        }
    }

    Session& session() { return session_; }

    // `sql` lives as long as the process (a literal or a static): statements are kept by its
    // address.
    Query query(const char* sql) {
        sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(session_);
        sqlite3_stmt*& statement = prepared_[sql];
        if (statement == nullptr && sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                                       &statement, nullptr) != SQLITE_OK) {
            prepared_.erase(sql);
            throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db));
        }
        return Query(db, statement);
    }

private:
    Session session_;
    std::map<const char*, sqlite3_stmt*> prepared_;
};

// One read transaction: every query inside it sees the database as of its first read.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Connection& connection) : connection_(connection) {
        connection_.query("BEGIN").next();
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ~ReadSnapshot() {
        try {
            connection_.query("ROLLBACK").next();
        } catch (...) {
            // Nothing was written; SQLite ends the transaction with the connection's next
            // statement at the latest.
        }
    }

private:
    Connection& connection_;
};

// Connections for readers, one per concurrent request: SQLite serves readers of a WAL database
// in parallel with each other and with the one writer, each on its own connection. A
// connection is opened when every open one is in use and kept for the next reader. While a
// thread holds a read scope, its reads all go to the scope's connection and transaction.
class ReaderConnections {
    struct Current {
        ReaderConnections* owner = nullptr;
        Connection* connection = nullptr;
    };
    static thread_local Current* scope_;

public:
    explicit ReaderConnections(std::string path) : path_(std::move(path)) {}

    // A connection to read on: the thread's read scope's, or one of the pool's for one call.
    class Lease {
    public:
        explicit Lease(Connection& scoped) : connection_(&scoped) {}
        Lease(ReaderConnections& owner, std::unique_ptr<Connection> connection)
            : owner_(&owner), owned_(std::move(connection)), connection_(owned_.get()) {}
        Lease(Lease&& other) noexcept = default;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (owned_) {
                owner_->giveBack(std::move(owned_));
            }
        }
        Connection& operator*() { return *connection_; }
        Connection* operator->() { return connection_; }

    private:
        ReaderConnections* owner_ = nullptr;
        std::unique_ptr<Connection> owned_;
        Connection* connection_;
    };

    Lease acquire() {
        if (scope_ != nullptr && scope_->owner == this) {
            return Lease(*scope_->connection);
        }
        {
            const std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                std::unique_ptr<Connection> connection = std::move(idle_.back());
                idle_.pop_back();
                return Lease(*this, std::move(connection));
            }
        }
        return Lease(*this, std::make_unique<Connection>(path_));
    }

    // Reads on this thread share one connection and one transaction while the scope lives.
    class Scope final : public Store::ReadScope {
    public:
        explicit Scope(ReaderConnections& owner) : lease_(owner.acquire()), previous_(scope_) {
            if (previous_ != nullptr && previous_->owner == &owner) {
                return; // inside a scope already: its transaction serves
            }
            snapshot_.emplace(*lease_);
            current_.owner = &owner;
            current_.connection = &*lease_;
            scope_ = &current_;
        }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
        ~Scope() override { scope_ = previous_; }

    private:
        Lease lease_;
        std::optional<ReadSnapshot> snapshot_;
        Current* previous_;
        Current current_;
    };

private:
    void giveBack(std::unique_ptr<Connection> connection) {
        const std::lock_guard lock(mutex_);
        idle_.push_back(std::move(connection));
    }

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

thread_local ReaderConnections::Current* ReaderConnections::scope_ = nullptr;

class SqliteStore final : public Store {
public:
    explicit SqliteStore(const std::filesystem::path& directory)
        : readers_((directory / "rodtrad.sqlite").string()) {
        static std::once_flag registered;
        std::call_once(registered, [] {
            // Each connection is used by one thread at a time (the writer under its mutex,
            // readers leased from the pool), so SQLite's per-connection mutexes are not needed;
            // nor are its memory statistics, which take a global mutex on every allocation.
            sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
            sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
            Poco::Data::SQLite::Connector::registerConnector();
        });
        std::filesystem::create_directories(directory);
        writer_ = std::make_unique<Connection>((directory / "rodtrad.sqlite").string());
        Session& s = writer_->session();
        s << "PRAGMA journal_mode=WAL", now;
        s << "PRAGMA synchronous=FULL", now;
        s << "PRAGMA foreign_keys=ON", now;
        write([&] {
            for (const char* statement : schema) {
                s << statement, now;
            }
            std::vector<int> versions;
            s << "SELECT version FROM schema_version", into(versions), now;
            if (versions.empty()) {
                int version = schemaVersion;
                s << "INSERT INTO schema_version (version) VALUES ($1)", use(version), now;
            } else if (versions.front() > schemaVersion) {
                throw std::runtime_error("the store was written by a newer rodtrad-server");
            } else if (versions.front() < schemaVersion) {
                // Version 2 added the sessions table, created above.
                int version = schemaVersion;
                s << "UPDATE schema_version SET version = $1", use(version), now;
            }
        });
    }

    User addUser(const std::string& name, Role role, const std::string& unit,
                 const std::string& tokenHash, const std::string& passwordHash,
                 const std::string& actor) override {
        User user;
        write([&] {
            Session& s = writer_->session();
            std::string roleText(roleName(role));
            std::string n = name, u = unit, t = tokenHash, p = passwordHash;
            std::int64_t at = nowMicros();
            s << "INSERT INTO users (name, role, unit, token_hash, password_hash, created_at) "
                 "VALUES ($1, $2, $3, $4, $5, $6)",
                use(n), use(roleText), use(u), use(t), use(p), use(at), now;
            user = *findUser(*writer_, name);
            appendAudit(actor, "user.add", "", 0,
                        "user=" + name + " role=" + roleText + " unit=" + unit);
        });
        return user;
    }

    std::unique_ptr<ReadScope> readScope() override {
        return std::make_unique<ReaderConnections::Scope>(readers_);
    }

    std::optional<User> userByTokenHash(const std::string& tokenHash) override {
        auto connection = readers_.acquire();
        Query q = connection->query(
            "SELECT id, name, role, unit FROM users WHERE token_hash = $1 UNION ALL "
            "SELECT u.id, u.name, u.role, u.unit FROM sessions s JOIN users u ON u.id = s.user_id "
            "WHERE s.token_hash = $2 AND s.expires_at > $3");
        if (!q.bind(tokenHash).bind(tokenHash).bind(nowMicros()).next()) {
            return std::nullopt;
        }
        return userRow(q);
    }

    std::int64_t startSession(const User& user, const std::string& tokenHash,
                              std::chrono::seconds lifetime) override {
        const std::int64_t expiresAt =
            nowMicros() + std::chrono::duration_cast<std::chrono::microseconds>(lifetime).count();
        write([&] {
            writer_->query("DELETE FROM sessions WHERE expires_at <= $1").bind(nowMicros()).next();
            writer_
                ->query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                        "VALUES ($1, $2, $3, $4)")
                .bind(tokenHash)
                .bind(user.id)
                .bind(nowMicros())
                .bind(expiresAt)
                .next();
            appendAudit(user.name, "session.start", "", 0, "");
        });
        return expiresAt;
    }

    bool endSession(const std::string& tokenHash, const std::string& actor) override {
        bool ended = false;
        write([&] {
            Query q = writer_->query("SELECT token_hash FROM sessions WHERE token_hash = $1");
            if (!q.bind(tokenHash).next()) {
                return;
            }
            writer_->query("DELETE FROM sessions WHERE token_hash = $1").bind(tokenHash).next();
            appendAudit(actor, "session.end", "", 0, "");
            ended = true;
        });
        return ended;
    }

    std::map<std::string, Votes> votes() override {
        std::map<std::string, Votes> all;
        auto connection = readers_.acquire();
        for (Query q = connection->query(
                 "SELECT d.doc_key, v.action, v.user_name FROM votes v JOIN documents d ON d.id = "
                 "v.document_id WHERE v.number = (SELECT MAX(m.number) FROM revisions m WHERE "
                 "m.document_id = d.id) ORDER BY d.doc_key");
             q.next();) {
            all[q.text(0)][q.text(1)].insert(q.text(2));
        }
        return all;
    }

    std::optional<User> userByName(const std::string& name) override {
        return findUser(*readers_.acquire(), name);
    }

    std::string passwordHash(const std::string& name) override {
        auto connection = readers_.acquire();
        Query q = connection->query("SELECT password_hash FROM users WHERE name = $1");
        return q.bind(name).next() ? q.text(0) : std::string();
    }

    WriteOutcome createDocument(const NewDocument& document, const std::string& xml,
                                const std::string& sha256, const std::string& actor) override {
        WriteOutcome outcome = WriteOutcome::done;
        write([&] {
            Session& s = writer_->session();
            if (findDocument(*writer_, document.key)) {
                outcome = WriteOutcome::exists;
                return;
            }
            std::string key = document.key, kind = document.kind, unit = document.unit,
                        title = document.title;
            std::int64_t at = nowMicros();
            s << "INSERT INTO documents (doc_key, kind, unit, title, created_at) "
                 "VALUES ($1, $2, $3, $4, $5)",
                use(key), use(kind), use(unit), use(title), use(at), now;
            std::vector<std::int64_t> ids;
            s << "SELECT id FROM documents WHERE doc_key = $1", into(ids), use(key), now;
            const std::int64_t id = ids.at(0);
            insertRevision(id, 1, xml, sha256, actor);
            appendAudit(actor, "document.create", document.key, 1,
                        "kind=" + document.kind + " sha256=" + sha256);
        });
        return outcome;
    }

    WriteOutcome addRevision(const std::string& key, int expectedRevision, const std::string& title,
                             const std::string& xml, const std::string& sha256,
                             const std::string& actor, int& newRevision) override {
        WriteOutcome outcome = WriteOutcome::done;
        write([&] {
            const auto document = findDocument(*writer_, key);
            if (!document) {
                outcome = WriteOutcome::notFound;
                return;
            }
            if (document->revision != expectedRevision || document->state == "in_review") {
                outcome = WriteOutcome::conflict;
                return;
            }
            newRevision = document->revision + 1;
            insertRevision(document->id, newRevision, xml, sha256, actor);
            std::string t = title, k = key;
            writer_->session() << "UPDATE documents SET title = $1 WHERE doc_key = $2", use(t),
                use(k), now;
            appendAudit(actor, "document.revise", key, newRevision, "sha256=" + sha256);
        });
        return outcome;
    }

    std::optional<DocumentInfo> document(const std::string& key) override {
        return findDocument(*readers_.acquire(), key);
    }

    std::vector<DocumentInfo> documents() override { return allDocuments(*readers_.acquire()); }

    std::optional<Revision> revision(const std::string& key, int number) override {
        return findRevision(*readers_.acquire(), key, number);
    }

    std::optional<Revision> latestRevision(const std::string& key) override {
        static const std::string latestSql = revisionsSql("ORDER BY r.number DESC LIMIT 1");
        auto connection = readers_.acquire();
        Query q = connection->query(latestSql.c_str());
        if (!q.bind(key).next()) {
            return std::nullopt;
        }
        return revisionRow(q);
    }

    std::optional<Revision> latestIn(const std::string& key,
                                     const std::vector<std::string>& states) override {
        if (states.empty()) {
            return std::nullopt;
        }
        auto connection = readers_.acquire();
        Session& s = connection->session();
        std::string k = key;
        std::vector<std::string> wanted = states;
        std::vector<int> numbers;
        Statement select(s);
        std::string sql = "SELECT r.number FROM revisions r JOIN documents d ON d.id = "
                          "r.document_id WHERE d.doc_key = $1 AND r.state IN (";
        for (std::size_t i = 0; i < states.size(); ++i) {
            sql += (i == 0 ? "$" : ", $") + std::to_string(i + 2);
        }
        select << sql + ") ORDER BY r.number DESC LIMIT 1", use(k);
        for (std::string& state : wanted) {
            select, useRef(state);
        }
        select, into(numbers), now;
        return numbers.empty() ? std::nullopt : findRevision(*connection, key, numbers[0]);
    }

    TransitionResult transition(const TransitionRequest& request) override {
        TransitionResult result;
        write([&] {
            const auto document = findDocument(*writer_, request.document);
            if (!document) {
                result.found = false;
                return;
            }
            const WorkflowDefinition* definition =
                WorkflowCatalogue::instance().forKind(document->kind);
            if (definition == nullptr) {
                throw std::logic_error("no workflow definition for " + document->kind);
            }
            std::int64_t id = document->id;
            int number = document->revision;
            std::string action = request.action;
            RevisionFacts facts;
            facts.state = document->state;
            facts.submittedBy = document->submittedBy;
            facts.documentUnit = document->unit;
            facts.actorWithinUnit = !request.withinUnit || request.withinUnit(document->unit);
            {
                Query q = writer_->query("SELECT user_name FROM votes WHERE document_id = $1 AND "
                                         "number = $2 AND action = $3");
                for (q.bind(id).bind(number).bind(action); q.next();) {
                    facts.approvals.insert(q.text(0));
                }
            }
            const Actor actor{request.actor.name, request.actor.role, request.actor.unit};
            result.decision =
                decide(*definition, facts, actor, request.action, !request.comment.empty());
            const Decision& d = result.decision;
            const std::string comment =
                request.comment.empty() ? std::string() : " comment=" + request.comment;
            switch (d.outcome) {
            case Outcome::illegal:
            case Outcome::forbidden:
            case Outcome::commentRequired:
                appendAudit(request.actor.name, "refused." + request.action, request.document,
                            number, d.reason);
                break;
            case Outcome::vote:
                addVote(id, number, action, request.actor.name);
                appendAudit(request.actor.name, "vote." + request.action, request.document, number,
                            std::to_string(d.votes) + " of " + std::to_string(d.quorum) + comment);
                break;
            case Outcome::done:
                apply(*document, request, d);
                appendAudit(request.actor.name, request.action, request.document, number,
                            document->state + " -> " + d.next + comment);
                break;
            }
            result.document = *findDocument(*writer_, request.document);
        });
        return result;
    }

    void importApproval(const std::string& key, const std::string& actor,
                        const std::string& detail) override {
        write(
            [&] {
                const auto document = findDocument(*writer_, key);
                if (!document) {
                    throw std::logic_error("no document " + key);
                }
                std::string state = "approved";
                std::int64_t id = document->id;
                int number = document->revision;
                writer_->session()
                    << "UPDATE revisions SET state = $1 WHERE document_id = $2 AND number = $3",
                    use(state), use(id), use(number), now;
                appendAudit(actor, "import.approved", key, number, detail);
            });
    }

    std::optional<std::string> storedPdf(const std::string& key, int revision) override {
        return findPdf(readers_.acquire()->session(), key, revision);
    }

    std::string storePdf(const std::string& key, int revision, const std::string& pdf) override {
        std::string kept;
        write([&] {
            if (auto existing = findPdf(writer_->session(), key, revision)) {
                kept = std::move(*existing);
                return;
            }
            const auto document = findDocument(*writer_, key);
            if (!document) {
                throw std::logic_error("no document " + key);
            }
            std::int64_t id = document->id;
            int number = revision;
            Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(pdf.data()), pdf.size());
            std::string sha = sha256Hex(pdf);
            writer_->session() << "INSERT INTO pdfs (document_id, number, pdf, sha256) "
                                  "VALUES ($1, $2, $3, $4)",
                use(id), use(number), use(blob), use(sha), now;
            appendAudit("rodtrad-server", "pdf.store", key, revision, "sha256=" + sha);
            kept = pdf;
        });
        return kept;
    }

    Round createRound(const Round& round) override {
        Round created = round;
        write(
            [&] {
                std::string name = round.name, due = round.due, kinds = joined(round.kinds),
                            units = joined(round.units), by = round.createdBy;
                std::int64_t at = nowMicros();
                writer_->session()
                    << "INSERT INTO rounds (name, due, kinds, units, created_by, created_at) "
                       "VALUES ($1, $2, $3, $4, $5, $6)",
                    use(name), use(due), use(kinds), use(units), use(by), use(at), now;
                std::vector<std::int64_t> ids;
                writer_->session() << "SELECT MAX(id) FROM rounds", into(ids), now;
                created.id = ids.at(0);
                appendAudit(by, "round.create", "", 0,
                            "round=" + std::to_string(created.id) + " name=" + name +
                                " due=" + due + " kinds=" + kinds + " units=" + units);
            });
        return created;
    }

    std::vector<Round> rounds() override { return readRounds(readers_.acquire()->session(), 0); }

    std::optional<Round> round(std::int64_t id) override {
        auto found = readRounds(readers_.acquire()->session(), id);
        return found.empty() ? std::nullopt : std::optional<Round>(found.front());
    }

    void audit(const std::string& actor, const std::string& action, const std::string& document,
               int revision, const std::string& detail) override {
        write([&] { appendAudit(actor, action, document, revision, detail); });
    }

    std::vector<AuditEvent> auditTrail(std::int64_t afterSeq, int limit) override {
        return readAudit(readers_.acquire()->session(), afterSeq, limit);
    }

    std::vector<AuditEvent> history(const std::string& key) override {
        return readAudit(readers_.acquire()->session(), 0, 1000000, key);
    }

    AuditVerification verify() override {
        const auto scope = readScope(); // the chain and the revisions as of one moment
        auto connection = readers_.acquire();
        Session& s = connection->session();
        AuditVerification result;
        std::string previous;
        std::int64_t expectedSeq = 1;
        std::map<std::pair<std::string, int>, std::string> created; // revision → sha256
        for (std::int64_t after = 0;;) {
            const std::vector<AuditEvent> events = readAudit(s, after, 10000);
            if (events.empty()) {
                break;
            }
            for (const AuditEvent& e : events) {
                ++result.events;
                const std::string at = "audit event " + std::to_string(e.seq);
                if (e.seq != expectedSeq) {
                    result.problems.push_back(at + ": expected event " +
                                              std::to_string(expectedSeq) +
                                              " (events removed or inserted)");
                }
                if (e.previousHash != previous) {
                    result.problems.push_back(at + ": does not carry the hash of the event before");
                }
                if (auditHash(e) != e.hash) {
                    result.problems.push_back(at + ": its content does not match its hash (" +
                                              e.action + " " + e.document + ")");
                }
                if ((e.action == "document.create" || e.action == "document.revise") &&
                    e.detail.find("sha256=") != std::string::npos) {
                    created[{e.document, e.revision}] =
                        e.detail.substr(e.detail.find("sha256=") + 7, 64);
                }
                previous = e.hash;
                expectedSeq = e.seq + 1;
                after = e.seq;
            }
        }
        // Every revision's text hashes to what it says and to what the trail recorded.
        std::vector<std::string> keys;
        std::vector<int> numbers;
        std::vector<std::string> xmls;
        std::vector<std::string> hashes;
        s << "SELECT d.doc_key, r.number, r.xml, r.sha256 FROM revisions r JOIN "
             "documents d ON d.id = r.document_id ORDER BY d.doc_key, r.number",
            into(keys), into(numbers), into(xmls), into(hashes), now;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::string what = "revision " + std::to_string(numbers[i]) + " of " + keys[i];
            if (sha256Hex(xmls[i]) != hashes[i]) {
                result.problems.push_back(what + ": its text does not match its SHA-256");
            }
            const auto recorded = created.find({keys[i], numbers[i]});
            if (recorded == created.end()) {
                result.problems.push_back(what + ": the audit trail never recorded it");
            } else if (recorded->second != hashes[i]) {
                result.problems.push_back(what + ": differs from the text the audit trail "
                                                 "recorded");
            }
        }
        return result;
    }

private:
    // Runs f in one write transaction (BEGIN IMMEDIATE ... COMMIT), rolled back if it throws.
    template <typename F> void write(F&& f) {
        const std::lock_guard lock(mutex_);
        writer_->query("BEGIN IMMEDIATE").next();
        try {
            f();
            writer_->query("COMMIT").next();
        } catch (...) {
            try {
                writer_->query("ROLLBACK").next();
            } catch (...) {
                // The transaction ended with the failure already.
            }
            throw;
        }
    }

    static std::optional<User> findUser(Connection& c, const std::string& name) {
        Query q = c.query("SELECT id, name, role, unit FROM users WHERE name = $1");
        if (!q.bind(name).next()) {
            return std::nullopt;
        }
        return userRow(q);
    }

    static User userRow(const Query& q) {
        return User{q.integer(0), q.text(1), parseRole(q.text(2)).value_or(Role::author),
                    q.text(3)};
    }

    // Documents with their latest revision's number, state and hash and the number of the
    // latest approved (or published) one; `filter` completes the statement.
    static std::string documentsSql(const std::string& filter) {
        return ("SELECT d.id, d.doc_key, d.kind, d.unit, d.title, r.number, r.state, r.sha256, "
                "r.submitted_by, "
                "COALESCE((SELECT MAX(a.number) FROM revisions a WHERE a.document_id = d.id "
                "AND a.state IN ('approved', 'published')), 0) FROM documents d JOIN revisions "
                "r ON r.document_id = d.id AND r.number = (SELECT MAX(m.number) FROM revisions "
                "m WHERE m.document_id = d.id) " +
                filter);
    }

    static DocumentInfo documentRow(const Query& q) {
        DocumentInfo d;
        d.id = q.integer(0);
        d.key = q.text(1);
        d.kind = q.text(2);
        d.unit = q.text(3);
        d.title = q.text(4);
        d.revision = static_cast<int>(q.integer(5));
        d.state = q.text(6);
        d.sha256 = q.text(7);
        d.submittedBy = q.text(8);
        d.approvedRevision = static_cast<int>(q.integer(9));
        return d;
    }

    static std::vector<DocumentInfo> allDocuments(Connection& c) {
        std::vector<DocumentInfo> found;
        static const std::string sql = documentsSql("ORDER BY d.doc_key");
        for (Query q = c.query(sql.c_str()); q.next();) {
            found.push_back(documentRow(q));
        }
        return found;
    }

    static std::optional<DocumentInfo> findDocument(Connection& c, const std::string& key) {
        static const std::string sql = documentsSql("WHERE d.doc_key = $1");
        Query q = c.query(sql.c_str());
        if (!q.bind(key).next()) {
            return std::nullopt;
        }
        return documentRow(q);
    }

    // A document's revisions; `filter` completes the statement after the key ($1).
    static std::string revisionsSql(const std::string& filter) {
        return ("SELECT r.number, r.state, r.xml, r.sha256, r.created_by, "
                "r.submitted_by, r.created_at FROM revisions r JOIN documents d ON d.id "
                "= r.document_id WHERE d.doc_key = $1 " +
                filter);
    }

    static Revision revisionRow(const Query& q) {
        return Revision{static_cast<int>(q.integer(0)),
                        q.text(1),
                        q.text(2),
                        q.text(3),
                        q.text(4),
                        q.text(5),
                        q.integer(6)};
    }

    static std::optional<Revision> findRevision(Connection& c, const std::string& key, int number) {
        static const std::string sql = revisionsSql("AND r.number = $2");
        Query q = c.query(sql.c_str());
        if (!q.bind(key).bind(number).next()) {
            return std::nullopt;
        }
        return revisionRow(q);
    }

    static std::string joined(const std::vector<std::string>& words) {
        std::string out;
        for (const std::string& w : words) {
            out += (out.empty() ? "" : " ") + w;
        }
        return out;
    }

    static std::vector<std::string> split(const std::string& text) {
        std::vector<std::string> words;
        std::istringstream in(text);
        for (std::string w; in >> w;) {
            words.push_back(w);
        }
        return words;
    }

    // Every round (id 0) or one.
    static std::vector<Round> readRounds(Session& s, std::int64_t id) {
        std::vector<std::int64_t> ids;
        std::vector<std::string> names, dues, kinds, units, creators;
        std::int64_t all = id, wanted = id;
        s << "SELECT id, name, due, kinds, units, created_by FROM rounds "
             "WHERE $1 = 0 OR id = $2 ORDER BY id",
            into(ids), into(names), into(dues), into(kinds), into(units), into(creators), use(all),
            use(wanted), now;
        std::vector<Round> found;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            found.push_back(
                {ids[i], names[i], dues[i], split(kinds[i]), split(units[i]), creators[i]});
        }
        return found;
    }

    static std::optional<std::string> findPdf(Session& s, const std::string& key, int revision) {
        std::vector<Poco::Data::BLOB> pdfs;
        std::string k = key;
        int n = revision;
        s << "SELECT p.pdf FROM pdfs p JOIN documents d ON d.id = p.document_id "
             "WHERE d.doc_key = $1 AND p.number = $2",
            into(pdfs), use(k), use(n), now;
        if (pdfs.empty()) {
            return std::nullopt;
        }
        return std::string(reinterpret_cast<const char*>(pdfs[0].rawContent()), pdfs[0].size());
    }

    void insertRevision(std::int64_t documentId, int number, const std::string& xml,
                        const std::string& sha256, const std::string& actor) {
        std::string state = "draft", x = xml, h = sha256, a = actor, none;
        std::int64_t at = nowMicros();
        writer_->session()
            << "INSERT INTO revisions (document_id, number, state, xml, sha256, created_by, "
               "submitted_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            use(documentId), use(number), use(state), use(x), use(h), use(a), use(none), use(at),
            now;
    }

    void addVote(std::int64_t documentId, int number, const std::string& action,
                 const std::string& user) {
        writer_
            ->query("INSERT INTO votes (document_id, number, action, user_name) "
                    "VALUES ($1, $2, $3, $4)")
            .bind(documentId)
            .bind(number)
            .bind(action)
            .bind(user)
            .next();
    }

    void apply(const DocumentInfo& document, const TransitionRequest& request,
               const Decision& decision) {
        const std::int64_t id = document.id;
        const int number = document.revision;
        writer_->query("UPDATE revisions SET state = $1 WHERE document_id = $2 AND number = $3")
            .bind(decision.next)
            .bind(id)
            .bind(number)
            .next();
        if (request.action == "submit") {
            writer_
                ->query(
                    "UPDATE revisions SET submitted_by = $1 WHERE document_id = $2 AND number = $3")
                .bind(request.actor.name)
                .bind(id)
                .bind(number)
                .next();
        }
        if (document.state == "in_review") {
            // A new review round starts with no votes.
            writer_->query("DELETE FROM votes WHERE document_id = $1 AND number = $2")
                .bind(id)
                .bind(number)
                .next();
        }
        if (decision.next == "approved") {
            // The new approved revision supersedes the ones before it.
            writer_
                ->query("UPDATE revisions SET state = 'superseded' WHERE document_id = $1 AND "
                        "number < $2 AND state IN ('approved', 'published')")
                .bind(id)
                .bind(number)
                .next();
        }
    }

    void appendAudit(const std::string& actor, const std::string& action,
                     const std::string& document, int revision, const std::string& detail) {
        AuditEvent e;
        e.seq = 1;
        if (Query last = writer_->query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
            last.next()) {
            e.seq = last.integer(0) + 1;
            e.previousHash = last.text(1);
        }
        e.at = nowMicros();
        e.actor = actor;
        e.action = action;
        e.document = document;
        e.revision = revision;
        e.detail = detail;
        e.hash = auditHash(e);
        writer_
            ->query("INSERT INTO audit (seq, at, actor, action, document, revision, detail, "
                    "previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
            .bind(e.seq)
            .bind(e.at)
            .bind(e.actor)
            .bind(e.action)
            .bind(e.document)
            .bind(e.revision)
            .bind(e.detail)
            .bind(e.previousHash)
            .bind(e.hash)
            .next();
    }

    static std::vector<AuditEvent> readAudit(Session& s, std::int64_t afterSeq, int limit,
                                             const std::string& document = {}) {
        std::vector<std::int64_t> seqs, ats;
        std::vector<std::string> actors, actions, documents, details, previous, hashes;
        std::vector<int> revisions;
        std::int64_t after = afterSeq;
        int n = limit;
        std::string key = document;
        Statement select(s);
        if (document.empty()) {
            select << "SELECT seq, at, actor, action, document, revision, detail, previous_hash, "
                      "hash FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2",
                use(after), use(n);
        } else {
            select << "SELECT seq, at, actor, action, document, revision, detail, previous_hash, "
                      "hash FROM audit WHERE seq > $1 AND document = $2 ORDER BY seq LIMIT $3",
                use(after), use(key), use(n);
        }
        select, into(seqs), into(ats), into(actors), into(actions), into(documents),
            into(revisions), into(details), into(previous), into(hashes), now;
        std::vector<AuditEvent> events;
        for (std::size_t i = 0; i < seqs.size(); ++i) {
            events.push_back({seqs[i], ats[i], actors[i], actions[i], documents[i], revisions[i],
                              details[i], previous[i], hashes[i]});
        }
        return events;
    }

    std::mutex mutex_; // one writer at a time, on writer_
    std::unique_ptr<Connection> writer_;
    ReaderConnections readers_;
};

} // namespace

std::unique_ptr<Store> openSqliteStore(const std::filesystem::path& directory) {
    try {
        return std::make_unique<SqliteStore>(directory);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("cannot open the store in " + directory.string() + ": " +
                                 e.displayText());
    }
}

} // namespace rodtrad::workflow
