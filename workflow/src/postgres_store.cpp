// The store on PostgreSQL, for several service nodes and several municipalities in one
// database. Connections are opened through Poco::Data::PostgreSQL; the statements every request
// makes are prepared once per connection on its libpq handle. Each write transaction of a
// municipality takes that municipality's advisory lock first, so that writes from every node
// are decided one after the other on the latest committed state and the audit chain stays one
// line.
#include "sql_store.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/Session.h>
#include <cctype>
#include <cstdlib>
#include <libpq-fe.h>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace rodtrad::workflow {
namespace {

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Why a statement failed, with the server's SQLSTATE; the connection is marked lost if it is.
[[noreturn]] void fail(PGconn* connection, const PGresult* result, const std::string& what) {
    std::string message = result != nullptr ? PQresultErrorMessage(result) : "";
    if (message.empty()) {
        message = PQerrorMessage(connection);
    }
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    message = "PostgreSQL: " + what + ": " + message +
              (state != nullptr ? std::string(" (SQLSTATE ") + state + ")" : "");
    // Class 08 is a connection exception; 57P01-57P03: the server is shutting down or starting.
    const std::string code = state != nullptr ? state : "";
    if (PQstatus(connection) != CONNECTION_OK || code.starts_with("08") ||
        code.starts_with("57P")) {
        throw StoreUnavailable(message);
    }
    throw std::runtime_error(message);
}

class PgStatement final : public Statement {
public:
    PgStatement(PGconn* connection, std::string name)
        : connection_(connection), name_(std::move(name)) {}
    PgStatement(const PgStatement&) = delete;
    PgStatement& operator=(const PgStatement&) = delete;
    ~PgStatement() override { PQclear(result_); }

    void bindText(std::string_view text) override { add(text, 0); }
    void bindInteger(std::int64_t number) override { add(std::to_string(number), 0); }
    void bindBytes(std::string_view bytes) override { add(bytes, 1); }

    bool next() override {
        if (result_ == nullptr) {
            execute();
        }
        return ++row_ < PQntuples(result_);
    }
    std::string text(int column) const override {
        return std::string(PQgetvalue(result_, row_, column),
                           static_cast<std::size_t>(PQgetlength(result_, row_, column)));
    }
    std::int64_t integer(int column) const override {
        return std::strtoll(PQgetvalue(result_, row_, column), nullptr, 10);
    }
    std::string bytes(int column) const override {
        std::size_t size = 0;
        unsigned char* raw = PQunescapeBytea(
            reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, column)), &size);
        if (raw == nullptr) {
            throw std::runtime_error("PostgreSQL: out of memory reading bytes");
        }
        std::string out(reinterpret_cast<const char*>(raw), size);
        PQfreemem(raw);
        return out;
    }
    void reset() noexcept override {
        PQclear(result_);
        result_ = nullptr;
        row_ = -1;
        values_.clear();
        formats_.clear();
    }

private:
    void add(std::string_view value, int format) {
        values_.emplace_back(value);
        formats_.push_back(format);
    }

    void execute() {
        std::vector<const char*> pointers;
        std::vector<int> lengths;
        for (const std::string& v : values_) {
            pointers.push_back(v.c_str());
            lengths.push_back(static_cast<int>(v.size()));
        }
        result_ = PQexecPrepared(connection_, name_.c_str(), static_cast<int>(values_.size()),
                                 pointers.data(), lengths.data(), formats_.data(), 0);
        const ExecStatusType status = PQresultStatus(result_);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            fail(connection_, result_, "a statement failed");
        }
        row_ = -1;
    }

    PGconn* connection_;
    std::string name_;
    std::vector<std::string> values_;
    std::vector<int> formats_;
    PGresult* result_ = nullptr;
    int row_ = -1;
};

class PgConnection final : public SqlConnection {
public:
    explicit PgConnection(const std::string& settings)
        : session_("PostgreSQL", settings),
          handle_(dynamic_cast<Poco::Data::PostgreSQL::SessionImpl&>(*session_.impl()).handle()) {
        // The server's notices ("relation already exists, skipping") are not for the log.
        PQsetNoticeProcessor(
            handle_, [](void*, const char*) {}, nullptr);
    }

    Query query(const char* sql) override {
        std::unique_ptr<PgStatement>& statement = prepared_[sql];
        if (!statement) {
            std::string name = "rodtrad_" + std::to_string(prepared_.size());
            const Result result(PQprepare(handle_, name.c_str(), sql, 0, nullptr), &PQclear);
            if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
                prepared_.erase(sql);
                fail(handle_, result.get(), std::string("cannot prepare ") + sql);
            }
            statement = std::make_unique<PgStatement>(handle_, std::move(name));
        }
        return Query(*statement);
    }

    void execute(const std::string& sql) override {
        const Result result(PQexec(handle_, sql.c_str()), &PQclear);
        const ExecStatusType status = PQresultStatus(result.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            fail(handle_, result.get(), sql);
        }
    }

    bool usable() const override { return PQstatus(handle_) == CONNECTION_OK; }

private:
    // Declared first: the statements go before the connection closes.
    Poco::Data::Session session_;
    PGconn* handle_;
    std::map<const char*, std::unique_ptr<PgStatement>> prepared_;
};

// The parts of a postgresql:// URI, percent-decoded, as libpq's key=value settings.
struct PgLocation {
    std::string settings; // for the connection
    std::string shown;    // for messages: no password
};

std::string percentDecoded(const std::string& text, const std::string& url) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            if (i + 2 >= text.size() ||
                std::isxdigit(static_cast<unsigned char>(text[i + 1])) == 0 ||
                std::isxdigit(static_cast<unsigned char>(text[i + 2])) == 0) {
                throw std::invalid_argument(url + ": a '%' must be followed by two hex digits");
            }
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

PgLocation parsePostgresUrl(const std::string& url) {
    const std::string_view scheme =
        url.starts_with("postgresql://") ? "postgresql://" : "postgres://";
    if (!url.starts_with(scheme)) {
        throw std::invalid_argument(url + ": not a postgresql:// address");
    }
    std::string rest = url.substr(scheme.size());
    std::map<std::string, std::string> settings;
    std::string query;
    if (const auto q = rest.find('?'); q != std::string::npos) {
        query = rest.substr(q + 1);
        rest.erase(q);
    }
    std::string path;
    if (const auto slash = rest.find('/'); slash != std::string::npos) {
        path = rest.substr(slash + 1);
        rest.erase(slash);
    }
    if (const auto at = rest.rfind('@'); at != std::string::npos) {
        const std::string user = rest.substr(0, at);
        rest.erase(0, at + 1);
        const auto colon = user.find(':');
        settings["user"] = percentDecoded(user.substr(0, colon), url);
        if (colon != std::string::npos) {
            settings["password"] = percentDecoded(user.substr(colon + 1), url);
        }
    }
    if (!rest.empty()) {
        const auto colon = rest.rfind(':');
        settings["host"] = percentDecoded(rest.substr(0, colon), url);
        if (colon != std::string::npos) {
            settings["port"] = rest.substr(colon + 1);
        }
    }
    if (!path.empty()) {
        settings["dbname"] = percentDecoded(path, url);
    }
    for (std::size_t start = 0; start < query.size();) {
        const auto end = std::min(query.find('&', start), query.size());
        const std::string pair = query.substr(start, end - start);
        const auto equals = pair.find('=');
        if (equals == std::string::npos || equals == 0) {
            throw std::invalid_argument(url + ": \"" + pair + "\" is not name=value");
        }
        settings[percentDecoded(pair.substr(0, equals), url)] =
            percentDecoded(pair.substr(equals + 1), url);
        start = end + 1;
    }
    if (settings.count("port") != 0 &&
        (settings["port"].empty() ||
         settings["port"].find_first_not_of("0123456789") != std::string::npos)) {
        throw std::invalid_argument(url + ": the port must be a number");
    }
    settings.emplace("connect_timeout", "10");
    settings["client_encoding"] = "UTF8";
    PgLocation location;
    for (const auto& [name, value] : settings) {
        // Poco passes the settings on split at spaces: a value cannot hold one.
        if (value.empty() || value.find_first_of(" '\\\t\n") != std::string::npos) {
            throw std::invalid_argument(url + ": the " + name +
                                        " is empty or holds a space, quote or backslash");
        }
        location.settings += (location.settings.empty() ? "" : " ") + name + "=" + value;
    }
    location.shown = "postgresql://" + (settings.count("user") != 0 ? settings["user"] + "@" : "") +
                     (settings.count("host") != 0 ? settings["host"] : "") +
                     (settings.count("port") != 0 ? ":" + settings["port"] : "") + "/" +
                     (settings.count("dbname") != 0 ? settings["dbname"] : "");
    return location;
}

class PostgresDatabase final : public SqlDatabase {
public:
    explicit PostgresDatabase(const std::string& url) : location_(parsePostgresUrl(url)) {
        static std::once_flag registered;
        std::call_once(registered, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
    }

    std::unique_ptr<SqlConnection> connect() override {
        try {
            return std::make_unique<PgConnection>(location_.settings);
        } catch (const Poco::Exception& e) {
            throw StoreUnavailable("cannot connect to " + location_.shown + ": " + e.displayText());
        }
    }

    std::string describe() const override { return location_.shown; }
    // PostgreSQL allows 100 connections by default, for every node and tool together: three
    // nodes fit. Writers wait for a municipality's advisory lock inside the server, which hands
    // it on faster than the pool hands on a connection; with 4 writers a node made 310-360
    // transitions a second, with 8 about 450, with 16 about 500.
    std::size_t connections(bool writers) const override { return writers ? 8 : 24; }

    void beginRead(SqlConnection& connection) override {
        connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }

    void beginWrite(SqlConnection& connection, std::int64_t tenant) override {
        connection.execute("BEGIN");
        connection.query("SELECT pg_advisory_xact_lock($1::bigint)").bind(tenant).next();
    }

    void sessionLock(SqlConnection& connection, std::int32_t key, bool take) override {
        // The two-number form, first number 20772: apart from the other locks.
        if (take) {
            connection.query("SELECT pg_advisory_lock(20772, $1::int)").bind(key).next();
        } else {
            connection.query("SELECT pg_advisory_unlock(20772, $1::int)").bind(key).next();
        }
    }

    void migrate(SqlConnection& connection) override {
        connection.execute("BEGIN");
        try {
            // Nodes starting at once migrate one after the other (a lock of its own kind: the
            // two-number form never meets the municipalities' one-number locks).
            connection.execute("SELECT pg_advisory_xact_lock(20771, 1)");
            applyMigrations(connection, {{3, tenancySchema("BIGSERIAL PRIMARY KEY", "BYTEA")}},
                            describe());
            connection.execute("COMMIT");
        } catch (...) {
            connection.execute("ROLLBACK");
            throw;
        }
    }

private:
    PgLocation location_;
};

} // namespace

std::unique_ptr<SqlDatabase> postgresDatabase(const std::string& url) {
    return std::make_unique<PostgresDatabase>(url);
}

} // namespace rodtrad::workflow
