#include "rodtrad/workflow/store.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
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

constexpr int schemaVersion = 1;

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
    "CREATE TABLE IF NOT EXISTS audit (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, "
    "actor TEXT NOT NULL, action TEXT NOT NULL, document TEXT NOT NULL, revision INTEGER NOT NULL, "
    "detail TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)",
};

class SqliteStore final : public Store {
public:
    explicit SqliteStore(const std::filesystem::path& directory) {
        static std::once_flag registered;
        std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
        std::filesystem::create_directories(directory);
        session_ = std::make_unique<Session>("SQLite", (directory / "rodtrad.sqlite").string());
        Session& s = *session_;
        s << "PRAGMA journal_mode=WAL", now;
        s << "PRAGMA synchronous=FULL", now;
        s << "PRAGMA busy_timeout=10000", now;
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
            }
        });
    }

    User addUser(const std::string& name, Role role, const std::string& unit,
                 const std::string& tokenHash, const std::string& passwordHash,
                 const std::string& actor) override {
        User user;
        write([&] {
            Session& s = *session_;
            std::string roleText(roleName(role));
            std::string n = name, u = unit, t = tokenHash, p = passwordHash;
            std::int64_t at = nowMicros();
            s << "INSERT INTO users (name, role, unit, token_hash, password_hash, created_at) "
                 "VALUES ($1, $2, $3, $4, $5, $6)",
                use(n), use(roleText), use(u), use(t), use(p), use(at), now;
            user = *findUser("name", name);
            appendAudit(actor, "user.add", "", 0,
                        "user=" + name + " role=" + roleText + " unit=" + unit);
        });
        return user;
    }

    std::optional<User> userByTokenHash(const std::string& tokenHash) override {
        const std::lock_guard lock(mutex_);
        return findUser("token_hash", tokenHash);
    }

    std::optional<User> userByName(const std::string& name) override {
        const std::lock_guard lock(mutex_);
        return findUser("name", name);
    }

    std::string passwordHash(const std::string& name) override {
        const std::lock_guard lock(mutex_);
        std::vector<std::string> hashes;
        std::string n = name;
        *session_ << "SELECT password_hash FROM users WHERE name = $1", into(hashes), use(n), now;
        return hashes.empty() ? std::string() : hashes.front();
    }

    WriteOutcome createDocument(const DocumentInfo& document, const std::string& xml,
                                const std::string& sha256, const std::string& actor) override {
        WriteOutcome outcome = WriteOutcome::done;
        write([&] {
            Session& s = *session_;
            if (findDocument(document.key)) {
                outcome = WriteOutcome::exists;
                return;
            }
            std::string key = document.key, kind = document.kind, unit = document.unit,
                        title = document.title;
            std::int64_t at = nowMicros();
            s << "INSERT INTO documents (doc_key, kind, unit, title, created_at) "
                 "VALUES ($1, $2, $3, $4, $5)",
                use(key), use(kind), use(unit), use(title), use(at), now;
            const std::int64_t id = findDocument(document.key)->id;
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
            const auto document = findDocument(key);
            if (!document) {
                outcome = WriteOutcome::notFound;
                return;
            }
            if (document->revision != expectedRevision) {
                outcome = WriteOutcome::conflict;
                return;
            }
            newRevision = document->revision + 1;
            insertRevision(document->id, newRevision, xml, sha256, actor);
            std::string t = title, k = key;
            *session_ << "UPDATE documents SET title = $1 WHERE doc_key = $2", use(t), use(k), now;
            appendAudit(actor, "document.revise", key, newRevision, "sha256=" + sha256);
        });
        return outcome;
    }

    std::optional<DocumentInfo> document(const std::string& key) override {
        const std::lock_guard lock(mutex_);
        return findDocument(key);
    }

    std::vector<DocumentInfo> documents() override {
        const std::lock_guard lock(mutex_);
        std::vector<std::string> keys;
        *session_ << "SELECT doc_key FROM documents ORDER BY doc_key", into(keys), now;
        std::vector<DocumentInfo> all;
        for (const std::string& key : keys) {
            all.push_back(*findDocument(key));
        }
        return all;
    }

    std::optional<Revision> revision(const std::string& key, int number) override {
        const std::lock_guard lock(mutex_);
        return findRevision(key, number);
    }

    std::optional<Revision> latestIn(const std::string& key,
                                     const std::vector<std::string>& states) override {
        const std::lock_guard lock(mutex_);
        const auto document = findDocument(key);
        if (!document) {
            return std::nullopt;
        }
        for (int number = document->revision; number >= 1; --number) {
            auto revision = findRevision(key, number);
            if (revision &&
                std::find(states.begin(), states.end(), revision->state) != states.end()) {
                return revision;
            }
        }
        return std::nullopt;
    }

    TransitionResult transition(const TransitionRequest& request) override {
        TransitionResult result;
        write([&] {
            const auto document = findDocument(request.document);
            if (!document) {
                result.found = false;
                return;
            }
            const WorkflowDefinition* definition =
                WorkflowCatalogue::instance().forKind(document->kind);
            if (definition == nullptr) {
                throw std::logic_error("no workflow definition for " + document->kind);
            }
            const auto revision = findRevision(request.document, document->revision);
            RevisionFacts facts;
            facts.state = revision->state;
            facts.submittedBy = revision->submittedBy;
            facts.documentUnit = document->unit;
            facts.actorWithinUnit = !request.withinUnit || request.withinUnit(document->unit);
            std::int64_t id = document->id;
            int number = document->revision;
            std::string action = request.action;
            std::vector<std::string> voters;
            *session_ << "SELECT user_name FROM votes WHERE document_id = $1 AND number = $2 "
                         "AND action = $3",
                into(voters), use(id), use(number), use(action), now;
            facts.approvals.insert(voters.begin(), voters.end());
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
                apply(*document, *revision, request, d);
                appendAudit(request.actor.name, request.action, request.document, number,
                            revision->state + " -> " + d.next + comment);
                break;
            }
            result.document = *findDocument(request.document);
        });
        return result;
    }

    void importApproval(const std::string& key, const std::string& actor,
                        const std::string& detail) override {
        write([&] {
            const auto document = findDocument(key);
            if (!document) {
                throw std::logic_error("no document " + key);
            }
            std::string state = "approved";
            std::int64_t id = document->id;
            int number = document->revision;
            *session_ << "UPDATE revisions SET state = $1 WHERE document_id = $2 AND number = $3",
                use(state), use(id), use(number), now;
            appendAudit(actor, "import.approved", key, number, detail);
        });
    }

    std::optional<std::string> storedPdf(const std::string& key, int revision) override {
        const std::lock_guard lock(mutex_);
        return findPdf(key, revision);
    }

    std::string storePdf(const std::string& key, int revision, const std::string& pdf) override {
        std::string kept;
        write([&] {
            if (auto existing = findPdf(key, revision)) {
                kept = std::move(*existing);
                return;
            }
            const auto document = findDocument(key);
            if (!document) {
                throw std::logic_error("no document " + key);
            }
            std::int64_t id = document->id;
            int number = revision;
            Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(pdf.data()), pdf.size());
            std::string sha = sha256Hex(pdf);
            *session_ << "INSERT INTO pdfs (document_id, number, pdf, sha256) "
                         "VALUES ($1, $2, $3, $4)",
                use(id), use(number), use(blob), use(sha), now;
            appendAudit("rodtrad-server", "pdf.store", key, revision, "sha256=" + sha);
            kept = pdf;
        });
        return kept;
    }

    Round createRound(const Round& round) override {
        Round created = round;
        write([&] {
            std::string name = round.name, due = round.due, kinds = joined(round.kinds),
                        units = joined(round.units), by = round.createdBy;
            std::int64_t at = nowMicros();
            *session_ << "INSERT INTO rounds (name, due, kinds, units, created_by, created_at) "
                         "VALUES ($1, $2, $3, $4, $5, $6)",
                use(name), use(due), use(kinds), use(units), use(by), use(at), now;
            std::vector<std::int64_t> ids;
            *session_ << "SELECT MAX(id) FROM rounds", into(ids), now;
            created.id = ids.at(0);
            appendAudit(by, "round.create", "", 0,
                        "round=" + std::to_string(created.id) + " name=" + name + " due=" + due +
                            " kinds=" + kinds + " units=" + units);
        });
        return created;
    }

    std::vector<Round> rounds() override {
        const std::lock_guard lock(mutex_);
        return readRounds(0);
    }

    std::optional<Round> round(std::int64_t id) override {
        const std::lock_guard lock(mutex_);
        auto found = readRounds(id);
        return found.empty() ? std::nullopt : std::optional<Round>(found.front());
    }

    void audit(const std::string& actor, const std::string& action, const std::string& document,
               int revision, const std::string& detail) override {
        write([&] { appendAudit(actor, action, document, revision, detail); });
    }

    std::vector<AuditEvent> auditTrail(std::int64_t afterSeq, int limit) override {
        const std::lock_guard lock(mutex_);
        return readAudit(afterSeq, limit);
    }

    std::vector<AuditEvent> history(const std::string& key) override {
        const std::lock_guard lock(mutex_);
        return readAudit(0, 1000000, key);
    }

    AuditVerification verify() override {
        const std::lock_guard lock(mutex_);
        AuditVerification result;
        std::string previous;
        std::int64_t expectedSeq = 1;
        std::map<std::pair<std::string, int>, std::string> created; // revision → sha256
        for (std::int64_t after = 0;;) {
            const std::vector<AuditEvent> events = readAudit(after, 10000);
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
        *session_ << "SELECT d.doc_key, r.number, r.xml, r.sha256 FROM revisions r JOIN "
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
        Session& s = *session_;
        s << "BEGIN IMMEDIATE", now;
        try {
            f();
            s << "COMMIT", now;
        } catch (...) {
            try {
                s << "ROLLBACK", now;
            } catch (...) {
            }
            throw;
        }
    }

    std::optional<User> findUser(const char* column, const std::string& value) {
        std::vector<std::int64_t> ids;
        std::vector<std::string> names, roles, units;
        std::string v = value;
        *session_ << "SELECT id, name, role, unit FROM users WHERE " + std::string(column) +
                         " = $1",
            into(ids), into(names), into(roles), into(units), use(v), now;
        if (ids.empty()) {
            return std::nullopt;
        }
        return User{ids[0], names[0], parseRole(roles[0]).value_or(Role::author), units[0]};
    }

    std::optional<DocumentInfo> findDocument(const std::string& key) {
        std::vector<std::int64_t> ids;
        std::vector<std::string> kinds, units, titles;
        std::string k = key;
        *session_ << "SELECT id, kind, unit, title FROM documents WHERE doc_key = $1", into(ids),
            into(kinds), into(units), into(titles), use(k), now;
        if (ids.empty()) {
            return std::nullopt;
        }
        DocumentInfo info{ids[0], key, kinds[0], units[0], titles[0], 0, {}};
        std::vector<int> numbers;
        std::vector<std::string> states;
        std::int64_t id = ids[0];
        *session_ << "SELECT number, state FROM revisions WHERE document_id = $1 "
                     "ORDER BY number DESC LIMIT 1",
            into(numbers), into(states), use(id), now;
        if (!numbers.empty()) {
            info.revision = numbers[0];
            info.state = states[0];
        }
        return info;
    }

    std::optional<Revision> findRevision(const std::string& key, int number) {
        std::vector<std::string> states, xmls, hashes, creators, submitters;
        std::vector<std::int64_t> times;
        std::string k = key;
        int n = number;
        *session_ << "SELECT r.state, r.xml, r.sha256, r.created_by, r.submitted_by, r.created_at "
                     "FROM revisions r JOIN documents d ON d.id = r.document_id "
                     "WHERE d.doc_key = $1 AND r.number = $2",
            into(states), into(xmls), into(hashes), into(creators), into(submitters), into(times),
            use(k), use(n), now;
        if (states.empty()) {
            return std::nullopt;
        }
        return Revision{number,      states[0],     xmls[0], hashes[0],
                        creators[0], submitters[0], times[0]};
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
        std::vector<std::int64_t> ids;
        std::vector<std::string> names, dues, kinds, units, creators;
        std::int64_t all = id, wanted = id;
        *session_ << "SELECT id, name, due, kinds, units, created_by FROM rounds "
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

    std::optional<std::string> findPdf(const std::string& key, int revision) {
        std::vector<Poco::Data::BLOB> pdfs;
        std::string k = key;
        int n = revision;
        *session_ << "SELECT p.pdf FROM pdfs p JOIN documents d ON d.id = p.document_id "
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
        *session_ << "INSERT INTO revisions (document_id, number, state, xml, sha256, created_by, "
                     "submitted_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            use(documentId), use(number), use(state), use(x), use(h), use(a), use(none), use(at),
            now;
    }

    void addVote(std::int64_t documentId, int number, const std::string& action,
                 const std::string& user) {
        std::string a = action, u = user;
        *session_ << "INSERT INTO votes (document_id, number, action, user_name) "
                     "VALUES ($1, $2, $3, $4)",
            use(documentId), use(number), use(a), use(u), now;
    }

    void apply(const DocumentInfo& document, const Revision& revision,
               const TransitionRequest& request, const Decision& decision) {
        Session& s = *session_;
        std::int64_t id = document.id;
        int number = revision.number;
        std::string next = decision.next;
        s << "UPDATE revisions SET state = $1 WHERE document_id = $2 AND number = $3", use(next),
            use(id), use(number), now;
        if (request.action == "submit") {
            std::string submitter = request.actor.name;
            s << "UPDATE revisions SET submitted_by = $1 WHERE document_id = $2 AND number = $3",
                use(submitter), use(id), use(number), now;
        }
        if (revision.state == "in_review") {
            // A new review round starts with no votes.
            s << "DELETE FROM votes WHERE document_id = $1 AND number = $2", use(id), use(number),
                now;
        }
        if (next == "approved") {
            // The new approved revision supersedes the ones before it.
            std::string superseded = "superseded", approved = "approved", published = "published";
            s << "UPDATE revisions SET state = $1 WHERE document_id = $2 AND number < $3 AND "
                 "state IN ($4, $5)",
                use(superseded), use(id), use(number), use(approved), use(published), now;
        }
    }

    void appendAudit(const std::string& actor, const std::string& action,
                     const std::string& document, int revision, const std::string& detail) {
        Session& s = *session_;
        std::vector<std::int64_t> seqs;
        std::vector<std::string> hashes;
        s << "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", into(seqs), into(hashes), now;
        AuditEvent e;
        e.seq = seqs.empty() ? 1 : seqs[0] + 1;
        e.at = nowMicros();
        e.actor = actor;
        e.action = action;
        e.document = document;
        e.revision = revision;
        e.detail = detail;
        e.previousHash = hashes.empty() ? std::string() : hashes[0];
        e.hash = auditHash(e);
        s << "INSERT INTO audit (seq, at, actor, action, document, revision, detail, "
             "previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            use(e.seq), use(e.at), use(e.actor), use(e.action), use(e.document), use(e.revision),
            use(e.detail), use(e.previousHash), use(e.hash), now;
    }

    std::vector<AuditEvent> readAudit(std::int64_t afterSeq, int limit,
                                      const std::string& document = {}) {
        std::vector<std::int64_t> seqs, ats;
        std::vector<std::string> actors, actions, documents, details, previous, hashes;
        std::vector<int> revisions;
        std::int64_t after = afterSeq;
        int n = limit;
        std::string key = document;
        Statement select(*session_);
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

    std::mutex mutex_;
    std::unique_ptr<Session> session_;
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
