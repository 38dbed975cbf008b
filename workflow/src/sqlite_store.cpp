// The embedded store: one SQLite file, WAL journal, synchronous=FULL, readers in parallel with
// the one writer, each on a connection of its own.
#include "sql_store.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <map>
#include <mutex>
#include <sqlite3.h>
#include <stdexcept>

namespace rodtrad::workflow {
namespace {

using namespace Poco::Data::Keywords;

class SqliteStatement final : public Statement {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement() override { sqlite3_finalize(statement_); }

    void bindText(std::string_view text) override {
        check(sqlite3_bind_text(statement_, ++bound_, text.data(), static_cast<int>(text.size()),
                                SQLITE_STATIC));
    }
    void bindInteger(std::int64_t number) override {
        check(sqlite3_bind_int64(statement_, ++bound_, number));
    }
    void bindBytes(std::string_view bytes) override {
        check(sqlite3_bind_blob(statement_, ++bound_, bytes.data(), static_cast<int>(bytes.size()),
                                SQLITE_STATIC));
    }
    bool next() override {
        const int rc = sqlite3_step(statement_);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            check(rc);
        }
        return false;
    }
    std::string text(int column) const override {
        const auto* bytes = sqlite3_column_blob(statement_, column);
        const int size = sqlite3_column_bytes(statement_, column);
        return bytes == nullptr
                   ? std::string()
                   : std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
    }
    std::int64_t integer(int column) const override {
        return sqlite3_column_int64(statement_, column);
    }
    std::string bytes(int column) const override { return text(column); }
    void reset() noexcept override {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
        bound_ = 0;
    }

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

// One connection to the database file: a Poco::Data session and the statements compiled on it
// (Poco::Data compiles SQL text anew on every execution, which costs several times the lookup
// itself).
class SqliteConnection final : public SqlConnection {
public:
    explicit SqliteConnection(const std::string& path) : session_("SQLite", path) {
        session_ << "PRAGMA busy_timeout=10000", now;
    }

    Query query(const char* sql) override {
        std::unique_ptr<SqliteStatement>& statement = prepared_[sql];
        if (!statement) {
            statement = compile(sql);
        }
        return Query(*statement);
    }

    void execute(const std::string& sql) override {
        std::unique_ptr<SqliteStatement>& statement = byText_[sql];
        if (!statement) {
            statement = compile(sql.c_str());
        }
        Query(*statement).next();
    }

    Poco::Data::Session& session() { return session_; }

private:
    std::unique_ptr<SqliteStatement> compile(const char* sql) {
        sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(session_);
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) !=
            SQLITE_OK) {
            throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db));
        }
        return std::make_unique<SqliteStatement>(db, statement);
    }

    // Declared first: the statements are finalized before the session closes.
    Poco::Data::Session session_;
    std::map<const char*, std::unique_ptr<SqliteStatement>> prepared_;
    std::map<std::string, std::unique_ptr<SqliteStatement>> byText_;
};

// Versions 1 and 2 are the schema before municipalities shared a database; version 3 moves
// every row into the municipality "default".
std::vector<Migration> sqliteMigrations() {
    std::vector<Migration> migrations{
        {1,
         {"CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT "
          "NULL, unit TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, password_hash TEXT NOT "
          "NULL, created_at BIGINT NOT NULL)",
          "CREATE TABLE documents (id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL UNIQUE, kind "
          "TEXT NOT NULL, unit TEXT NOT NULL, title TEXT NOT NULL, created_at BIGINT NOT NULL)",
          "CREATE TABLE revisions (document_id INTEGER NOT NULL, number INTEGER NOT NULL, state "
          "TEXT NOT NULL, xml TEXT NOT NULL, sha256 TEXT NOT NULL, created_by TEXT NOT NULL, "
          "submitted_by TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (document_id, "
          "number))",
          "CREATE TABLE votes (document_id INTEGER NOT NULL, number INTEGER NOT NULL, action TEXT "
          "NOT NULL, user_name TEXT NOT NULL, PRIMARY KEY (document_id, number, action, "
          "user_name))",
          "CREATE TABLE pdfs (document_id INTEGER NOT NULL, number INTEGER NOT NULL, pdf BLOB NOT "
          "NULL, sha256 TEXT NOT NULL, PRIMARY KEY (document_id, number))",
          "CREATE TABLE rounds (id INTEGER PRIMARY KEY, name TEXT NOT NULL, due TEXT NOT NULL, "
          "kinds TEXT NOT NULL, units TEXT NOT NULL, created_by TEXT NOT NULL, created_at BIGINT "
          "NOT NULL)",
          "CREATE TABLE audit (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, "
          "action TEXT NOT NULL, document TEXT NOT NULL, revision INTEGER NOT NULL, detail TEXT "
          "NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)"}},
        {2,
         {"CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL, "
          "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"}},
        {3,
         {"ALTER TABLE users RENAME TO users_v2", "ALTER TABLE documents RENAME TO documents_v2",
          "ALTER TABLE rounds RENAME TO rounds_v2", "ALTER TABLE audit RENAME TO audit_v2"}},
    };
    std::vector<std::string>& tenancy = migrations.back().statements;
    for (std::string& statement : tenancySchema("INTEGER PRIMARY KEY", "BLOB")) {
        tenancy.push_back(std::move(statement));
    }
    for (const char* statement :
         {"INSERT INTO users SELECT id, 1, name, role, unit, token_hash, password_hash, "
          "created_at FROM users_v2",
          "INSERT INTO documents SELECT id, 1, doc_key, kind, unit, title, created_at FROM "
          "documents_v2",
          "INSERT INTO rounds SELECT 1, id, name, due, kinds, units, created_by, created_at FROM "
          "rounds_v2",
          "INSERT INTO audit SELECT 1, seq, at, actor, action, document, revision, detail, "
          "previous_hash, hash FROM audit_v2",
          "DROP TABLE users_v2", "DROP TABLE documents_v2", "DROP TABLE rounds_v2",
          "DROP TABLE audit_v2"}) {
        tenancy.emplace_back(statement);
    }
    return migrations;
}

class SqliteDatabase final : public SqlDatabase {
public:
    explicit SqliteDatabase(const std::filesystem::path& directory)
        : directory_(directory), path_((directory / "rodtrad.sqlite").string()) {
        static std::once_flag registered;
        std::call_once(registered, [] {
            // Each connection is used by one thread at a time (writers take turns, readers
            // lease theirs from a pool), so SQLite's per-connection mutexes are not needed;
            // nor are its memory statistics, which take a global mutex on every allocation.
            sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
            sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
            Poco::Data::SQLite::Connector::registerConnector();
        });
        std::filesystem::create_directories(directory);
    }

    std::unique_ptr<SqlConnection> connect() override {
        try {
            auto connection = std::make_unique<SqliteConnection>(path_);
            connection->execute("PRAGMA foreign_keys=ON");
            connection->execute("PRAGMA synchronous=FULL");
            return connection;
        } catch (const Poco::Exception& e) {
            throw std::runtime_error("cannot open " + describe() + ": " + e.displayText());
        }
    }

    std::string describe() const override { return "the store in " + directory_.string(); }
    std::size_t connections(bool writers) const override { return writers ? 1 : 256; }
    void beginRead(SqlConnection& connection) override { connection.execute("BEGIN"); }
    void beginWrite(SqlConnection& connection, std::int64_t) override {
        connection.execute("BEGIN IMMEDIATE");
    }

    // One node: the lock is this process's, one for every key.
    void sessionLock(SqlConnection&, std::int32_t, bool take) override {
        if (take) {
            sessionLock_.lock();
        } else {
            sessionLock_.unlock();
        }
    }

    void migrate(SqlConnection& connection) override {
        auto& sqlite = static_cast<SqliteConnection&>(connection);
        sqlite.session() << "PRAGMA journal_mode=WAL", now;
        connection.execute("BEGIN IMMEDIATE");
        try {
            applyMigrations(connection, sqliteMigrations(), describe());
            connection.execute("COMMIT");
        } catch (...) {
            connection.execute("ROLLBACK");
            throw;
        }
    }

private:
    std::filesystem::path directory_;
    std::string path_;
    std::mutex sessionLock_;
};

} // namespace

std::unique_ptr<SqlDatabase> sqliteDatabase(const std::filesystem::path& directory) {
    return std::make_unique<SqliteDatabase>(directory);
}

} // namespace rodtrad::workflow
