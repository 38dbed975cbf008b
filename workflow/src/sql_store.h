#pragma once
// The store over a SQL database, whichever: the store's logic is written once against the
// small interface below, and each database (SQLite embedded, PostgreSQL for several nodes)
// supplies connections, statements and its way of beginning a transaction.

#include "rodtrad/workflow/store.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad::workflow {

// A statement compiled once on a connection and executed again with new parameters ($1, $2,
// ... in order). Results are read row by row; columns by number.
class Statement {
public:
    virtual ~Statement() = default;
    virtual void bindText(std::string_view text) = 0; // the text must outlive the execution
    virtual void bindInteger(std::int64_t number) = 0;
    virtual void bindBytes(std::string_view bytes) = 0; // a BLOB / bytea
    // Executes on the first call; the next row, false when there is none.
    virtual bool next() = 0;
    virtual std::string text(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual std::string bytes(int column) const = 0;
    // Ready for new parameters (called when a Query ends).
    virtual void reset() noexcept = 0;
};

// One use of a compiled statement: bind, step through the rows; reset when it goes.
class Query {
public:
    explicit Query(Statement& statement) : statement_(&statement) {}
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query() { statement_->reset(); }

    Query& bind(const std::string& text) {
        statement_->bindText(text);
        return *this;
    }
    Query& bind(std::string&&) = delete; // bound text is not copied: it must outlive the step
    Query& bind(const char*) = delete;
    Query& bind(std::int64_t number) {
        statement_->bindInteger(number);
        return *this;
    }
    Query& bind(int number) { return bind(static_cast<std::int64_t>(number)); }
    Query& bindBytes(std::string_view bytes) {
        statement_->bindBytes(bytes);
        return *this;
    }
    bool next() { return statement_->next(); }
    std::string text(int column) const { return statement_->text(column); }
    std::int64_t integer(int column) const { return statement_->integer(column); }
    std::string bytes(int column) const { return statement_->bytes(column); }

private:
    Statement* statement_;
};

// One connection, used by one thread at a time.
class SqlConnection {
public:
    virtual ~SqlConnection() = default;
    // `sql` lives as long as the process (a literal or a static): statements are kept by its
    // address.
    virtual Query query(const char* sql) = 0;
    // A statement without parameters or rows (BEGIN, COMMIT, DDL).
    virtual void execute(const std::string& sql) = 0;
    // False once the connection to the database is lost: it is not given out again.
    virtual bool usable() const { return true; }
};

// A database the store runs on.
class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual std::unique_ptr<SqlConnection> connect() = 0;
    // What to call the database in messages ("the store in DIR", "postgresql://host/db").
    virtual std::string describe() const = 0;
    // How many connections a store keeps open at most for writing (or for reading): SQLite has
    // one writer, so its writers take turns on one connection; a PostgreSQL server's
    // connections are limited, and more writers than a few only wait for each other's lock.
    virtual std::size_t connections(bool writers) const = 0;
    // Begins a read transaction that sees one moment.
    virtual void beginRead(SqlConnection& connection) = 0;
    // Begins a write transaction that no other writer of the tenant runs beside, on any node.
    virtual void beginWrite(SqlConnection& connection, std::int64_t tenant) = 0;
    // Brings the schema to the current version (in a transaction of its own).
    virtual void migrate(SqlConnection& connection) = 0;
    // Takes (or gives back) a lock that every node's connections respect (a database of one
    // node: every thread of this process); waits while another holds it. Given back on the
    // thread that took it.
    virtual void sessionLock(SqlConnection& connection, std::int32_t key, bool take) = 0;
};

std::unique_ptr<SqlDatabase> sqliteDatabase(const std::filesystem::path& directory);
std::unique_ptr<SqlDatabase> postgresDatabase(const std::string& url);

// The store of one tenant on a database. `create`: add the tenant if the database does not
// hold it yet; otherwise an unknown tenant is an error.
std::unique_ptr<Store> openSqlStore(std::shared_ptr<SqlDatabase> database,
                                    const std::string& tenant, bool create);

// One version of the schema: the statements that bring the version before to it.
struct Migration {
    int version;
    std::vector<std::string> statements;
};
// Applies the migrations newer than the database's schema_version, in order, inside the
// caller's transaction: the database's own up to version 3, then sharedMigrations(). Refuses a
// database written by a newer version. `where` names it.
void applyMigrations(SqlConnection& connection, std::vector<Migration> migrations,
                     const std::string& where);

// The schema both databases share as of version 3, when municipalities came to share a database:
// the tables and the one tenant every store starts with. `id` is the type of a generated key,
// `blob` of bytes.
std::vector<std::string> tenancySchema(std::string_view id, std::string_view blob);
// The versions after 3, the same statements on both databases:
//   4  a revision's text moves to a table of its own (revision_texts), so that changing a
//      revision's state neither rewrites nor reads past its text (SQLite keeps a row's columns
//      together: the state of a 600 KB document cost 150 page writes).
std::vector<Migration> sharedMigrations();

} // namespace rodtrad::workflow
