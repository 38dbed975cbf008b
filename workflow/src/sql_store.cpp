#include "sql_store.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

namespace rodtrad::workflow {

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

std::vector<std::string> tenancySchema(std::string_view id, std::string_view blob) {
    const std::string key(id);
    const std::string bytes(blob);
    return {
        "CREATE TABLE tenants (id " + key +
            ", name TEXT NOT NULL UNIQUE, created_at BIGINT NOT "
            "NULL)",
        "CREATE TABLE users (id " + key +
            ", tenant_id BIGINT NOT NULL REFERENCES tenants (id), "
            "name TEXT NOT NULL, role TEXT NOT NULL, unit TEXT NOT NULL, token_hash TEXT NOT NULL "
            "UNIQUE, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (tenant_id, "
            "name))",
        "CREATE TABLE documents (id " + key +
            ", tenant_id BIGINT NOT NULL REFERENCES tenants "
            "(id), doc_key TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL, title TEXT NOT "
            "NULL, created_at BIGINT NOT NULL, UNIQUE (tenant_id, doc_key))",
        "CREATE TABLE IF NOT EXISTS revisions (document_id BIGINT NOT NULL, number INTEGER NOT "
        "NULL, state TEXT NOT NULL, xml TEXT NOT NULL, sha256 TEXT NOT NULL, created_by TEXT NOT "
        "NULL, submitted_by TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (document_id, "
        "number))",
        "CREATE TABLE IF NOT EXISTS votes (document_id BIGINT NOT NULL, number INTEGER NOT NULL, "
        "action TEXT NOT NULL, user_name TEXT NOT NULL, PRIMARY KEY (document_id, number, action, "
        "user_name))",
        "CREATE TABLE IF NOT EXISTS pdfs (document_id BIGINT NOT NULL, number INTEGER NOT NULL, "
        "pdf " +
            bytes + " NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (document_id, number))",
        "CREATE TABLE rounds (tenant_id BIGINT NOT NULL REFERENCES tenants (id), id BIGINT NOT "
        "NULL, name TEXT NOT NULL, due TEXT NOT NULL, kinds TEXT NOT NULL, units TEXT NOT NULL, "
        "created_by TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, id))",
        "CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, user_id BIGINT NOT "
        "NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
        "CREATE TABLE audit (tenant_id BIGINT NOT NULL REFERENCES tenants (id), seq BIGINT NOT "
        "NULL, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, document TEXT NOT "
        "NULL, revision INTEGER NOT NULL, detail TEXT NOT NULL, previous_hash TEXT NOT NULL, hash "
        "TEXT NOT NULL, PRIMARY KEY (tenant_id, seq))",
        "CREATE INDEX audit_by_document ON audit (tenant_id, document, seq)",
        "INSERT INTO tenants (name, created_at) VALUES ('default', 0)",
    };
}

std::vector<Migration> sharedMigrations() {
    return {{4,
             {"CREATE TABLE revision_texts (document_id BIGINT NOT NULL, number INTEGER NOT NULL, "
              "xml TEXT NOT NULL, PRIMARY KEY (document_id, number))",
              "INSERT INTO revision_texts (document_id, number, xml) SELECT document_id, number, "
              "xml FROM revisions",
              "ALTER TABLE revisions DROP COLUMN xml"}}};
}

void applyMigrations(SqlConnection& connection, std::vector<Migration> migrations,
                     const std::string& where) {
    for (Migration& migration : sharedMigrations()) {
        migrations.push_back(std::move(migration));
    }
    connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    int version = 0;
    {
        Query q = connection.query("SELECT version FROM schema_version");
        if (q.next()) {
            version = static_cast<int>(q.integer(0));
        }
    }
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (version > newest) {
        throw std::runtime_error(where + " was written by a newer rodtrad-server (schema version " +
                                 std::to_string(version) + "; this one knows up to " +
                                 std::to_string(newest) + ")");
    }
    for (const Migration& migration : migrations) {
        if (migration.version <= version) {
            continue;
        }
        for (const std::string& statement : migration.statements) {
            connection.execute(statement);
        }
        connection.execute(version == 0 ? "INSERT INTO schema_version (version) VALUES (" +
                                              std::to_string(migration.version) + ")"
                                        : "UPDATE schema_version SET version = " +
                                              std::to_string(migration.version));
        version = migration.version;
    }
}

namespace {

std::int64_t nowMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// One read transaction: every query inside it sees the database as of its first read.
class ReadSnapshot {
public:
    ReadSnapshot(SqlDatabase& database, SqlConnection& connection) : connection_(connection) {
        database.beginRead(connection_);
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ~ReadSnapshot() {
        try {
            connection_.execute("ROLLBACK");
        } catch (...) {
            // Nothing was written; the transaction ends with the connection at the latest.
        }
    }

private:
    SqlConnection& connection_;
};

// Connections, one per concurrent request, opened when every open one is in use and kept for
// the next. While a thread holds a read scope, its reads all go to the scope's connection and
// transaction.
class ConnectionPool {
    struct Current {
        ConnectionPool* owner = nullptr;
        SqlConnection* connection = nullptr;
    };
    static thread_local Current* scope_;

public:
    // At most `limit` connections open at once; a caller beyond waits for one to come back (a
    // thread holds at most one connection of a pool at a time, so waiting cannot deadlock).
    ConnectionPool(SqlDatabase& database, std::size_t limit) : database_(database), limit_(limit) {}

    // A connection: the thread's read scope's, or one of the pool's for as long as it lives.
    class Lease {
    public:
        explicit Lease(SqlConnection& scoped) : connection_(&scoped) {}
        Lease(ConnectionPool& owner, std::unique_ptr<SqlConnection> connection)
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
        SqlConnection& operator*() { return *connection_; }
        SqlConnection* operator->() { return connection_; }

    private:
        ConnectionPool* owner_ = nullptr;
        std::unique_ptr<SqlConnection> owned_;
        SqlConnection* connection_;
    };

    // For reads: inside a read scope, the scope's connection.
    Lease acquire() {
        if (scope_ != nullptr && scope_->owner == this) {
            return Lease(*scope_->connection);
        }
        return acquireOwn();
    }

    // A connection of its own, never the scope's (for writes).
    Lease acquireOwn() {
        std::unique_lock lock(mutex_);
        returned_.wait(lock, [this] { return !idle_.empty() || open_ < limit_; });
        if (!idle_.empty()) {
            std::unique_ptr<SqlConnection> connection = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(connection));
        }
        ++open_;
        lock.unlock();
        try {
            return Lease(*this, database_.connect());
        } catch (...) {
            lock.lock();
            --open_;
            returned_.notify_one();
            throw;
        }
    }

    // Reads on this thread share one connection and one transaction while the scope lives.
    class Scope final : public Store::ReadScope {
    public:
        explicit Scope(ConnectionPool& owner) : lease_(owner.acquire()), previous_(scope_) {
            if (previous_ != nullptr && previous_->owner == &owner) {
                return; // inside a scope already: its transaction serves
            }
            snapshot_.emplace(owner.database_, *lease_);
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
    void giveBack(std::unique_ptr<SqlConnection> connection) {
        const bool usable = connection->usable();
        if (!usable) {
            connection.reset(); // lost: the next one asked for is opened anew
        }
        const std::lock_guard lock(mutex_);
        if (usable) {
            idle_.push_back(std::move(connection));
        } else {
            --open_;
        }
        returned_.notify_one();
    }

    SqlDatabase& database_;
    std::size_t limit_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::size_t open_ = 0;
    std::vector<std::unique_ptr<SqlConnection>> idle_;
};

thread_local ConnectionPool::Current* ConnectionPool::scope_ = nullptr;

class SqlStore final : public Store {
public:
    SqlStore(std::shared_ptr<SqlDatabase> database, const std::string& tenant, bool create)
        : database_(std::move(database)), readers_(*database_, database_->connections(false)),
          writers_(*database_, database_->connections(true)), locks_(*database_, 1024),
          tenantName_(tenant) {
        {
            auto connection = writers_.acquireOwn();
            database_->migrate(*connection);
        }
        tenantId_ = findTenant(*readers_.acquire(), tenant);
        if (tenantId_ == 0 && create) {
            write(
                [&](SqlConnection& w) {
                    // Tenants are added under the lock of the first one, so that two nodes adding
                    // the same name at once meet at its UNIQUE constraint one after the other.
                    if (findTenant(w, tenant) == 0) {
                        const std::int64_t at = nowMicros();
                        w.query("INSERT INTO tenants (name, created_at) VALUES ($1, $2)")
                            .bind(tenant)
                            .bind(at)
                            .next();
                    }
                },
                1);
            tenantId_ = findTenant(*readers_.acquire(), tenant);
        }
        if (tenantId_ == 0) {
            throw std::runtime_error(database_->describe() + " holds no municipality \"" + tenant +
                                     "\"");
        }
    }

    std::string describe() const override {
        return database_->describe() + (tenantName_ == "default" ? "" : " (" + tenantName_ + ")");
    }

    void checkConnection() override {
        auto connection = readers_.acquireOwn();
        Query q = connection->query("SELECT COUNT(*) FROM tenants WHERE id = $1");
        if (!q.bind(tenantId_).next() || q.integer(0) != 1) {
            throw std::runtime_error("the municipality is gone from " + database_->describe());
        }
    }

    User addUser(const std::string& name, Role role, const std::string& unit,
                 const std::string& tokenHash, const std::string& passwordHash,
                 const std::string& actor) override {
        User user;
        write([&](SqlConnection& w) {
            const std::string roleText(roleName(role));
            const std::int64_t at = nowMicros();
            w.query("INSERT INTO users (tenant_id, name, role, unit, token_hash, password_hash, "
                    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(tenantId_)
                .bind(name)
                .bind(roleText)
                .bind(unit)
                .bind(tokenHash)
                .bind(passwordHash)
                .bind(at)
                .next();
            user = *findUser(w, name);
            appendAudit(w, actor, "user.add", "", 0,
                        "user=" + name + " role=" + roleText + " unit=" + unit);
        });
        return user;
    }

    std::unique_ptr<ReadScope> readScope() override {
        return std::make_unique<ConnectionPool::Scope>(readers_);
    }

    std::optional<User> userByTokenHash(const std::string& tokenHash) override {
        auto connection = readers_.acquire();
        Query q = connection->query(
            "SELECT id, name, role, unit FROM users WHERE token_hash = $1 AND tenant_id = $2 "
            "UNION ALL SELECT u.id, u.name, u.role, u.unit FROM sessions s JOIN users u ON u.id = "
            "s.user_id WHERE s.token_hash = $3 AND u.tenant_id = $4 AND s.expires_at > $5");
        const std::int64_t now = nowMicros();
        if (!q.bind(tokenHash).bind(tenantId_).bind(tokenHash).bind(tenantId_).bind(now).next()) {
            return std::nullopt;
        }
        return userRow(q);
    }

    std::int64_t startSession(const User& user, const std::string& tokenHash,
                              std::chrono::seconds lifetime) override {
        const std::int64_t expiresAt =
            nowMicros() + std::chrono::duration_cast<std::chrono::microseconds>(lifetime).count();
        write([&](SqlConnection& w) {
            const std::int64_t now = nowMicros();
            w.query("DELETE FROM sessions WHERE expires_at <= $1 AND user_id IN (SELECT id FROM "
                    "users WHERE tenant_id = $2)")
                .bind(now)
                .bind(tenantId_)
                .next();
            w.query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                    "VALUES ($1, $2, $3, $4)")
                .bind(tokenHash)
                .bind(user.id)
                .bind(now)
                .bind(expiresAt)
                .next();
            appendAudit(w, user.name, "session.start", "", 0, "");
        });
        return expiresAt;
    }

    bool endSession(const std::string& tokenHash, const std::string& actor) override {
        bool ended = false;
        write([&](SqlConnection& w) {
            {
                Query q = w.query("SELECT s.token_hash FROM sessions s JOIN users u ON u.id = "
                                  "s.user_id WHERE s.token_hash = $1 AND u.tenant_id = $2");
                if (!q.bind(tokenHash).bind(tenantId_).next()) {
                    return;
                }
            }
            w.query("DELETE FROM sessions WHERE token_hash = $1").bind(tokenHash).next();
            appendAudit(w, actor, "session.end", "", 0, "");
            ended = true;
        });
        return ended;
    }

    std::map<std::string, Votes> votes() override {
        std::map<std::string, Votes> all;
        auto connection = readers_.acquire();
        Query q = connection->query(
            "SELECT d.doc_key, v.action, v.user_name FROM votes v JOIN documents d ON d.id = "
            "v.document_id WHERE d.tenant_id = $1 AND v.number = (SELECT MAX(m.number) FROM "
            "revisions m WHERE m.document_id = d.id) ORDER BY d.doc_key");
        for (q.bind(tenantId_); q.next();) {
            all[q.text(0)][q.text(1)].insert(q.text(2));
        }
        return all;
    }

    std::optional<User> userByName(const std::string& name) override {
        return findUser(*readers_.acquire(), name);
    }

    std::string passwordHash(const std::string& name) override {
        auto connection = readers_.acquire();
        Query q =
            connection->query("SELECT password_hash FROM users WHERE tenant_id = $1 AND name = $2");
        return q.bind(tenantId_).bind(name).next() ? q.text(0) : std::string();
    }

    WriteOutcome createDocument(const NewDocument& document, const std::string& xml,
                                const std::string& sha256, const std::string& actor) override {
        WriteOutcome outcome = WriteOutcome::done;
        write([&](SqlConnection& w) {
            if (findDocument(w, document.key)) {
                outcome = WriteOutcome::exists;
                return;
            }
            const std::int64_t at = nowMicros();
            w.query("INSERT INTO documents (tenant_id, doc_key, kind, unit, title, created_at) "
                    "VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(tenantId_)
                .bind(document.key)
                .bind(document.kind)
                .bind(document.unit)
                .bind(document.title)
                .bind(at)
                .next();
            std::int64_t id = 0;
            {
                Query q = w.query("SELECT id FROM documents WHERE tenant_id = $1 AND doc_key = $2");
                q.bind(tenantId_).bind(document.key).next();
                id = q.integer(0);
            }
            insertRevision(w, id, 1, xml, sha256, actor);
            appendAudit(w, actor, "document.create", document.key, 1,
                        "kind=" + document.kind + " sha256=" + sha256);
        });
        return outcome;
    }

    WriteOutcome addRevision(const std::string& key, int expectedRevision, const std::string& title,
                             const std::string& xml, const std::string& sha256,
                             const std::string& actor, int& newRevision) override {
        WriteOutcome outcome = WriteOutcome::done;
        write([&](SqlConnection& w) {
            const auto document = findDocument(w, key);
            if (!document) {
                outcome = WriteOutcome::notFound;
                return;
            }
            if (document->revision != expectedRevision || document->state == "in_review") {
                outcome = WriteOutcome::conflict;
                return;
            }
            newRevision = document->revision + 1;
            insertRevision(w, document->id, newRevision, xml, sha256, actor);
            w.query("UPDATE documents SET title = $1 WHERE id = $2")
                .bind(title)
                .bind(document->id)
                .next();
            appendAudit(w, actor, "document.revise", key, newRevision, "sha256=" + sha256);
        });
        return outcome;
    }

    std::optional<DocumentInfo> document(const std::string& key) override {
        return findDocument(*readers_.acquire(), key);
    }

    std::vector<DocumentInfo> documents() override {
        static const std::string sql = documentsSql("ORDER BY d.doc_key");
        std::vector<DocumentInfo> found;
        auto connection = readers_.acquire();
        Query q = connection->query(sql.c_str());
        for (q.bind(tenantId_); q.next();) {
            found.push_back(documentRow(q));
        }
        return found;
    }

    std::optional<Revision> revision(const std::string& key, int number) override {
        return findRevision(*readers_.acquire(), key, number);
    }

    std::optional<Revision> latestRevision(const std::string& key) override {
        static const std::string sql = revisionsSql("ORDER BY r.number DESC LIMIT 1");
        auto connection = readers_.acquire();
        Query q = connection->query(sql.c_str());
        if (!q.bind(tenantId_).bind(key).next()) {
            return std::nullopt;
        }
        return revisionRow(q);
    }

    std::optional<Revision> latestIn(const std::string& key,
                                     const std::vector<std::string>& states) override {
        auto connection = readers_.acquire();
        int number = 0;
        {
            Query q = connection->query(
                "SELECT r.number, r.state FROM revisions r JOIN documents d ON d.id = "
                "r.document_id WHERE d.tenant_id = $1 AND d.doc_key = $2 ORDER BY r.number DESC");
            for (q.bind(tenantId_).bind(key); number == 0 && q.next();) {
                if (std::find(states.begin(), states.end(), q.text(1)) != states.end()) {
                    number = static_cast<int>(q.integer(0));
                }
            }
        }
        return number == 0 ? std::nullopt : findRevision(*connection, key, number);
    }

    TransitionResult transition(const TransitionRequest& request) override {
        TransitionResult result;
        write([&](SqlConnection& w) {
            const auto document = findDocument(w, request.document);
            if (!document) {
                result.found = false;
                return;
            }
            const WorkflowDefinition* definition =
                WorkflowCatalogue::instance().forKind(document->kind);
            if (definition == nullptr) {
                throw std::logic_error("no workflow definition for " + document->kind);
            }
            const int number = document->revision;
            RevisionFacts facts;
            facts.state = document->state;
            facts.submittedBy = document->submittedBy;
            facts.documentUnit = document->unit;
            facts.actorWithinUnit = !request.withinUnit || request.withinUnit(document->unit);
            {
                Query q = w.query("SELECT user_name FROM votes WHERE document_id = $1 AND "
                                  "number = $2 AND action = $3");
                for (q.bind(document->id).bind(number).bind(request.action); q.next();) {
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
                appendAudit(w, request.actor.name, "refused." + request.action, request.document,
                            number, d.reason);
                break;
            case Outcome::vote:
                w.query("INSERT INTO votes (document_id, number, action, user_name) "
                        "VALUES ($1, $2, $3, $4)")
                    .bind(document->id)
                    .bind(number)
                    .bind(request.action)
                    .bind(request.actor.name)
                    .next();
                appendAudit(w, request.actor.name, "vote." + request.action, request.document,
                            number,
                            std::to_string(d.votes) + " of " + std::to_string(d.quorum) + comment);
                break;
            case Outcome::done:
                apply(w, *document, request, d);
                appendAudit(w, request.actor.name, request.action, request.document, number,
                            document->state + " -> " + d.next + comment);
                break;
            }
            result.document = *findDocument(w, request.document);
        });
        return result;
    }

    void importApproval(const std::string& key, const std::string& actor,
                        const std::string& detail) override {
        write([&](SqlConnection& w) {
            const auto document = findDocument(w, key);
            if (!document) {
                throw std::logic_error("no document " + key);
            }
            const std::string state = "approved";
            w.query("UPDATE revisions SET state = $1 WHERE document_id = $2 AND number = $3")
                .bind(state)
                .bind(document->id)
                .bind(document->revision)
                .next();
            appendAudit(w, actor, "import.approved", key, document->revision, detail);
        });
    }

    std::optional<std::string> storedPdf(const std::string& key, int revision) override {
        return findPdf(*readers_.acquire(), key, revision);
    }

    std::string storePdf(const std::string& key, int revision, const std::string& pdf) override {
        std::string kept;
        write([&](SqlConnection& w) {
            if (auto existing = findPdf(w, key, revision)) {
                kept = std::move(*existing);
                return;
            }
            const auto document = findDocument(w, key);
            if (!document) {
                throw std::logic_error("no document " + key);
            }
            const std::string sha = sha256Hex(pdf);
            w.query("INSERT INTO pdfs (document_id, number, pdf, sha256) VALUES ($1, $2, $3, $4)")
                .bind(document->id)
                .bind(revision)
                .bindBytes(pdf)
                .bind(sha)
                .next();
            appendAudit(w, "rodtrad-server", "pdf.store", key, revision, "sha256=" + sha);
            kept = pdf;
        });
        return kept;
    }

    std::optional<std::string>
    storedOrRendered(const std::string& key, int revision,
                     const std::function<std::optional<std::string>()>& render) override {
        if (auto stored = findPdf(*readers_.acquire(), key, revision)) {
            return stored;
        }
        // One renderer per revision, under the database's session lock for it. The check after
        // taking it reads outside any read scope, so it sees a PDF another node stored meanwhile.
        auto connection = locks_.acquireOwn();
        const std::string digest =
            sha256Hex(std::to_string(tenantId_) + ":" + key + "#" + std::to_string(revision));
        const auto lockKey =
            static_cast<std::int32_t>(std::stoul(digest.substr(0, 8), nullptr, 16));
        database_->sessionLock(*connection, lockKey, true);
        struct Unlock {
            SqlDatabase& database;
            SqlConnection& connection;
            std::int32_t key;
            ~Unlock() {
                try {
                    database.sessionLock(connection, key, false);
                } catch (...) {
                    // The lock goes with the connection when it closes.
                }
            }
        } unlock{*database_, *connection, lockKey};
        if (auto stored = findPdf(*connection, key, revision)) {
            return stored;
        }
        const auto rendered = render();
        if (!rendered) {
            return std::nullopt;
        }
        return storePdf(key, revision, *rendered);
    }

    Round createRound(const Round& round) override {
        Round created = round;
        write([&](SqlConnection& w) {
            {
                Query q = w.query("SELECT COALESCE(MAX(id), 0) FROM rounds WHERE tenant_id = $1");
                q.bind(tenantId_).next();
                created.id = q.integer(0) + 1;
            }
            const std::string kinds = joined(round.kinds), units = joined(round.units);
            const std::int64_t at = nowMicros();
            w.query("INSERT INTO rounds (tenant_id, id, name, due, kinds, units, created_by, "
                    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(tenantId_)
                .bind(created.id)
                .bind(round.name)
                .bind(round.due)
                .bind(kinds)
                .bind(units)
                .bind(round.createdBy)
                .bind(at)
                .next();
            appendAudit(w, round.createdBy, "round.create", "", 0,
                        "round=" + std::to_string(created.id) + " name=" + round.name +
                            " due=" + round.due + " kinds=" + kinds + " units=" + units);
        });
        return created;
    }

    std::vector<Round> rounds() override { return readRounds(0); }

    std::optional<Round> round(std::int64_t id) override {
        auto found = readRounds(id);
        return found.empty() ? std::nullopt : std::optional<Round>(found.front());
    }

    void audit(const std::string& actor, const std::string& action, const std::string& document,
               int revision, const std::string& detail) override {
        write([&](SqlConnection& w) { appendAudit(w, actor, action, document, revision, detail); });
    }

    std::vector<AuditEvent> auditTrail(std::int64_t afterSeq, int limit) override {
        return readAudit(*readers_.acquire(), afterSeq, limit);
    }

    std::vector<AuditEvent> history(const std::string& key) override {
        std::vector<AuditEvent> events;
        auto connection = readers_.acquire();
        Query q = connection->query("SELECT seq, at, actor, action, document, revision, detail, "
                                    "previous_hash, hash FROM audit WHERE tenant_id = $1 AND "
                                    "document = $2 ORDER BY seq");
        for (q.bind(tenantId_).bind(key); q.next();) {
            events.push_back(auditRow(q));
        }
        return events;
    }

    AuditVerification verify() override {
        const auto scope = readScope(); // the chain and the revisions as of one moment
        auto connection = readers_.acquire();
        AuditVerification result;
        std::string previous;
        std::int64_t expectedSeq = 1;
        std::map<std::pair<std::string, int>, std::string> created; // revision → sha256
        for (std::int64_t after = 0;;) {
            const std::vector<AuditEvent> events = readAudit(*connection, after, 10000);
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
        Query q = connection->query(
            "SELECT d.doc_key, r.number, t.xml, r.sha256 FROM revisions r JOIN documents d ON "
            "d.id = r.document_id JOIN revision_texts t ON t.document_id = r.document_id AND "
            "t.number = r.number WHERE d.tenant_id = $1 ORDER BY d.doc_key, r.number");
        for (q.bind(tenantId_); q.next();) {
            const std::string key = q.text(0);
            const int number = static_cast<int>(q.integer(1));
            const std::string hash = q.text(3);
            const std::string what = "revision " + std::to_string(number) + " of " + key;
            if (sha256Hex(q.text(2)) != hash) {
                result.problems.push_back(what + ": its text does not match its SHA-256");
            }
            const auto recorded = created.find({key, number});
            if (recorded == created.end()) {
                result.problems.push_back(what + ": the audit trail never recorded it");
            } else if (recorded->second != hash) {
                result.problems.push_back(what + ": differs from the text the audit trail "
                                                 "recorded");
            }
        }
        return result;
    }

    // Copies every row of this store's municipality into `target`'s, which must hold none yet
    // (see copyStore). Generated keys are the target's own; everything else is kept as it is.
    StoreCopy copyInto(SqlStore& target) {
        StoreCopy copied;
        const auto scope = readScope(); // the source as of one moment
        auto source = readers_.acquire();
        target.write([&](SqlConnection& w) {
            {
                Query q = w.query("SELECT (SELECT COUNT(*) FROM users WHERE tenant_id = $1) + "
                                  "(SELECT COUNT(*) FROM documents WHERE tenant_id = $2) + "
                                  "(SELECT COUNT(*) FROM audit WHERE tenant_id = $3)");
                q.bind(target.tenantId_).bind(target.tenantId_).bind(target.tenantId_).next();
                if (q.integer(0) != 0) {
                    throw std::runtime_error(target.describe() +
                                             " holds users, documents or audit events already: "
                                             "copy into a municipality that holds nothing");
                }
            }
            const std::int64_t into = target.tenantId_;
            std::map<std::int64_t, std::int64_t> userIds, documentIds;
            const auto newId = [&w, into](const char* sql, const std::string& key) {
                Query q = w.query(sql);
                q.bind(into).bind(key).next();
                return q.integer(0);
            };
            Query users = source->query("SELECT id, name, role, unit, token_hash, password_hash, "
                                        "created_at FROM users WHERE tenant_id = $1 ORDER BY id");
            for (users.bind(tenantId_); users.next(); ++copied.users) {
                const std::string name = users.text(1), role = users.text(2), unit = users.text(3),
                                  token = users.text(4), password = users.text(5);
                w.query("INSERT INTO users (tenant_id, name, role, unit, token_hash, "
                        "password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(into)
                    .bind(name)
                    .bind(role)
                    .bind(unit)
                    .bind(token)
                    .bind(password)
                    .bind(users.integer(6))
                    .next();
                userIds[users.integer(0)] =
                    newId("SELECT id FROM users WHERE tenant_id = $1 AND name = $2", name);
            }
            Query sessions = source->query(
                "SELECT s.token_hash, s.user_id, s.created_at, s.expires_at FROM sessions s JOIN "
                "users u ON u.id = s.user_id WHERE u.tenant_id = $1 AND s.expires_at > $2");
            for (sessions.bind(tenantId_).bind(nowMicros()); sessions.next();) {
                const std::string token = sessions.text(0);
                w.query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                        "VALUES ($1, $2, $3, $4)")
                    .bind(token)
                    .bind(userIds.at(sessions.integer(1)))
                    .bind(sessions.integer(2))
                    .bind(sessions.integer(3))
                    .next();
            }
            Query documents = source->query("SELECT id, doc_key, kind, unit, title, created_at "
                                            "FROM documents WHERE tenant_id = $1 ORDER BY id");
            for (documents.bind(tenantId_); documents.next(); ++copied.documents) {
                const std::string key = documents.text(1), kind = documents.text(2),
                                  unit = documents.text(3), title = documents.text(4);
                w.query("INSERT INTO documents (tenant_id, doc_key, kind, unit, title, "
                        "created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(into)
                    .bind(key)
                    .bind(kind)
                    .bind(unit)
                    .bind(title)
                    .bind(documents.integer(5))
                    .next();
                documentIds[documents.integer(0)] =
                    newId("SELECT id FROM documents WHERE tenant_id = $1 AND doc_key = $2", key);
            }
            Query revisions = source->query(
                "SELECT r.document_id, r.number, r.state, t.xml, r.sha256, r.created_by, "
                "r.submitted_by, r.created_at FROM revisions r JOIN documents d ON d.id = "
                "r.document_id JOIN revision_texts t ON t.document_id = r.document_id AND "
                "t.number = r.number WHERE d.tenant_id = $1");
            for (revisions.bind(tenantId_); revisions.next(); ++copied.revisions) {
                const std::string state = revisions.text(2), xml = revisions.text(3),
                                  sha = revisions.text(4), by = revisions.text(5),
                                  submitted = revisions.text(6);
                insertRevisionRows(w, documentIds.at(revisions.integer(0)),
                                   static_cast<int>(revisions.integer(1)), state, xml, sha, by,
                                   submitted, revisions.integer(7));
            }
            Query votes = source->query(
                "SELECT v.document_id, v.number, v.action, v.user_name FROM votes v JOIN "
                "documents d ON d.id = v.document_id WHERE d.tenant_id = $1");
            for (votes.bind(tenantId_); votes.next();) {
                const std::string action = votes.text(2), user = votes.text(3);
                w.query("INSERT INTO votes (document_id, number, action, user_name) VALUES ($1, "
                        "$2, $3, $4)")
                    .bind(documentIds.at(votes.integer(0)))
                    .bind(votes.integer(1))
                    .bind(action)
                    .bind(user)
                    .next();
            }
            Query pdfs = source->query("SELECT p.document_id, p.number, p.pdf, p.sha256 FROM pdfs "
                                       "p JOIN documents d ON d.id = p.document_id WHERE "
                                       "d.tenant_id = $1");
            for (pdfs.bind(tenantId_); pdfs.next();) {
                const std::string pdf = pdfs.bytes(2), sha = pdfs.text(3);
                w.query("INSERT INTO pdfs (document_id, number, pdf, sha256) VALUES ($1, $2, $3, "
                        "$4)")
                    .bind(documentIds.at(pdfs.integer(0)))
                    .bind(pdfs.integer(1))
                    .bindBytes(pdf)
                    .bind(sha)
                    .next();
            }
            Query rounds = source->query("SELECT id, name, due, kinds, units, created_by, "
                                         "created_at FROM rounds WHERE tenant_id = $1");
            for (rounds.bind(tenantId_); rounds.next();) {
                const std::string name = rounds.text(1), due = rounds.text(2),
                                  kinds = rounds.text(3), units = rounds.text(4),
                                  by = rounds.text(5);
                w.query("INSERT INTO rounds (tenant_id, id, name, due, kinds, units, created_by, "
                        "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                    .bind(into)
                    .bind(rounds.integer(0))
                    .bind(name)
                    .bind(due)
                    .bind(kinds)
                    .bind(units)
                    .bind(by)
                    .bind(rounds.integer(6))
                    .next();
            }
            Query audit = source->query("SELECT seq, at, actor, action, document, revision, "
                                        "detail, previous_hash, hash FROM audit WHERE tenant_id = "
                                        "$1 ORDER BY seq");
            for (audit.bind(tenantId_); audit.next(); ++copied.auditEvents) {
                const AuditEvent e = auditRow(audit);
                insertAudit(w, into, e);
                copied.lastAuditHash = e.hash;
            }
        });
        return copied;
    }

private:
    // Runs f in one write transaction, rolled back if it throws (SQLite's writers take turns
    // on the writers' one connection). A connection found lost when the transaction begins (a
    // pooled one whose server went away) is replaced once.
    template <typename F> void write(F&& f, std::int64_t lockTenant = 0) {
        for (int attempt = 0;; ++attempt) {
            auto connection = writers_.acquireOwn();
            try {
                database_->beginWrite(*connection, lockTenant != 0 ? lockTenant : tenantId_);
            } catch (...) {
                if (attempt == 0 && !connection->usable()) {
                    continue;
                }
                throw;
            }
            try {
                f(*connection);
                connection->execute("COMMIT");
            } catch (...) {
                try {
                    connection->execute("ROLLBACK");
                } catch (...) {
                    // The transaction ended with the failure already.
                }
                throw;
            }
            return;
        }
    }

    static std::int64_t findTenant(SqlConnection& c, const std::string& name) {
        Query q = c.query("SELECT id FROM tenants WHERE name = $1");
        return q.bind(name).next() ? q.integer(0) : 0;
    }

    std::optional<User> findUser(SqlConnection& c, const std::string& name) const {
        Query q = c.query("SELECT id, name, role, unit FROM users WHERE tenant_id = $1 AND "
                          "name = $2");
        if (!q.bind(tenantId_).bind(name).next()) {
            return std::nullopt;
        }
        return userRow(q);
    }

    static User userRow(const Query& q) {
        return User{q.integer(0), q.text(1), parseRole(q.text(2)).value_or(Role::author),
                    q.text(3)};
    }

    // The tenant's documents ($1) with their latest revision's number, state and hash and the
    // number of the latest approved (or published) one; `filter` completes the statement.
    static std::string documentsSql(const std::string& filter) {
        return ("SELECT d.id, d.doc_key, d.kind, d.unit, d.title, r.number, r.state, r.sha256, "
                "r.submitted_by, "
                "COALESCE((SELECT MAX(a.number) FROM revisions a WHERE a.document_id = d.id "
                "AND a.state IN ('approved', 'published')), 0) FROM documents d JOIN revisions "
                "r ON r.document_id = d.id AND r.number = (SELECT MAX(m.number) FROM revisions "
                "m WHERE m.document_id = d.id) WHERE d.tenant_id = $1 " +
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

    std::optional<DocumentInfo> findDocument(SqlConnection& c, const std::string& key) const {
        static const std::string sql = documentsSql("AND d.doc_key = $2");
        Query q = c.query(sql.c_str());
        if (!q.bind(tenantId_).bind(key).next()) {
            return std::nullopt;
        }
        return documentRow(q);
    }

    // A document's revisions (tenant $1, key $2); `filter` completes the statement.
    static std::string revisionsSql(const std::string& filter) {
        return ("SELECT r.number, r.state, t.xml, r.sha256, r.created_by, r.submitted_by, "
                "r.created_at FROM revisions r JOIN documents d ON d.id = r.document_id JOIN "
                "revision_texts t ON t.document_id = r.document_id AND t.number = r.number WHERE "
                "d.tenant_id = $1 AND d.doc_key = $2 " +
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

    std::optional<Revision> findRevision(SqlConnection& c, const std::string& key,
                                         int number) const {
        static const std::string sql = revisionsSql("AND r.number = $3");
        Query q = c.query(sql.c_str());
        if (!q.bind(tenantId_).bind(key).bind(number).next()) {
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
    std::vector<Round> readRounds(std::int64_t id) {
        auto connection = readers_.acquire();
        Query q = connection->query("SELECT id, name, due, kinds, units, created_by FROM rounds "
                                    "WHERE tenant_id = $1 AND (id = $2 OR $3 = 0) ORDER BY id");
        std::vector<Round> found;
        for (q.bind(tenantId_).bind(id).bind(id); q.next();) {
            found.push_back({q.integer(0), q.text(1), q.text(2), split(q.text(3)), split(q.text(4)),
                             q.text(5)});
        }
        return found;
    }

    std::optional<std::string> findPdf(SqlConnection& c, const std::string& key,
                                       int revision) const {
        Query q = c.query("SELECT p.pdf FROM pdfs p JOIN documents d ON d.id = p.document_id "
                          "WHERE d.tenant_id = $1 AND d.doc_key = $2 AND p.number = $3");
        if (!q.bind(tenantId_).bind(key).bind(revision).next()) {
            return std::nullopt;
        }
        return q.bytes(0);
    }

    static void insertRevision(SqlConnection& w, std::int64_t documentId, int number,
                               const std::string& xml, const std::string& sha256,
                               const std::string& actor) {
        insertRevisionRows(w, documentId, number, "draft", xml, sha256, actor, "", nowMicros());
    }

    // A revision: its facts in revisions, its text in revision_texts.
    static void insertRevisionRows(SqlConnection& w, std::int64_t documentId, int number,
                                   const std::string& state, const std::string& xml,
                                   const std::string& sha256, const std::string& createdBy,
                                   const std::string& submittedBy, std::int64_t createdAt) {
        w.query("INSERT INTO revisions (document_id, number, state, sha256, created_by, "
                "submitted_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(documentId)
            .bind(number)
            .bind(state)
            .bind(sha256)
            .bind(createdBy)
            .bind(submittedBy)
            .bind(createdAt)
            .next();
        w.query("INSERT INTO revision_texts (document_id, number, xml) VALUES ($1, $2, $3)")
            .bind(documentId)
            .bind(number)
            .bind(xml)
            .next();
    }

    static void apply(SqlConnection& w, const DocumentInfo& document,
                      const TransitionRequest& request, const Decision& decision) {
        const std::int64_t id = document.id;
        const int number = document.revision;
        w.query("UPDATE revisions SET state = $1 WHERE document_id = $2 AND number = $3")
            .bind(decision.next)
            .bind(id)
            .bind(number)
            .next();
        if (request.action == "submit") {
            w.query("UPDATE revisions SET submitted_by = $1 WHERE document_id = $2 AND number = $3")
                .bind(request.actor.name)
                .bind(id)
                .bind(number)
                .next();
        }
        if (document.state == "in_review") {
            // A new review round starts with no votes.
            w.query("DELETE FROM votes WHERE document_id = $1 AND number = $2")
                .bind(id)
                .bind(number)
                .next();
        }
        if (decision.next == "approved") {
            // The new approved revision supersedes the ones before it.
            w.query("UPDATE revisions SET state = 'superseded' WHERE document_id = $1 AND "
                    "number < $2 AND state IN ('approved', 'published')")
                .bind(id)
                .bind(number)
                .next();
        }
    }

    // The next link of the tenant's chain. Write transactions of a tenant never run side by
    // side (the database serializes them), so the last event read here is the last there is.
    void appendAudit(SqlConnection& w, const std::string& actor, const std::string& action,
                     const std::string& document, int revision, const std::string& detail) {
        AuditEvent e;
        e.seq = 1;
        {
            Query last = w.query("SELECT seq, hash FROM audit WHERE tenant_id = $1 ORDER BY seq "
                                 "DESC LIMIT 1");
            if (last.bind(tenantId_).next()) {
                e.seq = last.integer(0) + 1;
                e.previousHash = last.text(1);
            }
        }
        e.at = nowMicros();
        e.actor = actor;
        e.action = action;
        e.document = document;
        e.revision = revision;
        e.detail = detail;
        e.hash = auditHash(e);
        insertAudit(w, tenantId_, e);
    }

    static void insertAudit(SqlConnection& w, std::int64_t tenant, const AuditEvent& e) {
        w.query("INSERT INTO audit (tenant_id, seq, at, actor, action, document, revision, "
                "detail, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
            .bind(tenant)
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

    static AuditEvent auditRow(const Query& q) {
        return {q.integer(0), q.integer(1), q.text(2),
                q.text(3),    q.text(4),    static_cast<int>(q.integer(5)),
                q.text(6),    q.text(7),    q.text(8)};
    }

    std::vector<AuditEvent> readAudit(SqlConnection& c, std::int64_t afterSeq, int limit) const {
        std::vector<AuditEvent> events;
        Query q = c.query("SELECT seq, at, actor, action, document, revision, detail, "
                          "previous_hash, hash FROM audit WHERE tenant_id = $1 AND seq > $2 ORDER "
                          "BY seq LIMIT $3");
        for (q.bind(tenantId_).bind(afterSeq).bind(limit); q.next();) {
            events.push_back(auditRow(q));
        }
        return events;
    }

    std::shared_ptr<SqlDatabase> database_;
    ConnectionPool readers_;
    ConnectionPool writers_;
    ConnectionPool locks_; // connections holding a session lock while a PDF renders
    std::string tenantName_;
    std::int64_t tenantId_ = 0;
};

} // namespace

std::unique_ptr<Store> openSqlStore(std::shared_ptr<SqlDatabase> database,
                                    const std::string& tenant, bool create) {
    return std::make_unique<SqlStore>(std::move(database), tenant, create);
}

std::unique_ptr<Store> openStore(const std::string& location, const std::string& tenant,
                                 bool create) {
    if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
        return openSqlStore(postgresDatabase(location), tenant, create);
    }
    const std::string directory = location.rfind("sqlite:", 0) == 0
                                      ? location.substr(std::string("sqlite:").size())
                                      : location;
    if (directory.empty() || directory.find("://") != std::string::npos) {
        throw std::invalid_argument("\"" + location +
                                    "\" is not a store: give a directory, sqlite:DIR or "
                                    "postgresql://...");
    }
    return openSqlStore(sqliteDatabase(directory), tenant, create);
}

StoreCopy copyStore(const std::string& from, const std::string& fromTenant, const std::string& to,
                    const std::string& toTenant) {
    const auto source = openStore(from, fromTenant);
    const auto target = openStore(to, toTenant, true);
    const StoreCopy copied =
        static_cast<SqlStore&>(*source).copyInto(static_cast<SqlStore&>(*target));
    // The copy is checked as the source would be: the chain and every revision against it.
    const AuditVerification verified = target->verify();
    if (!verified.ok() || verified.events != copied.auditEvents) {
        throw std::runtime_error("the copy in " + target->describe() + " does not verify: " +
                                 (verified.problems.empty() ? "the events differ in number"
                                                            : verified.problems.front()));
    }
    return copied;
}

std::unique_ptr<Store> openSqliteStore(const std::filesystem::path& directory) {
    return openStore("sqlite:" + directory.string());
}

} // namespace rodtrad::workflow
