#include "databases.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace rodtrad::workflow::testing {
namespace {

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;

constexpr std::string_view sqlitePrefix = "sqlite:";

// The server's socket directory, from RODTRAD_TEST_POSTGRESQL
// (postgresql://postgres@/postgres?host=DIR).
std::string serverDirectory() {
    const char* url = std::getenv("RODTRAD_TEST_POSTGRESQL");
    if (url == nullptr || std::string(url).find("?host=") == std::string::npos) {
        throw std::runtime_error("RODTRAD_TEST_POSTGRESQL is not set: run the tests with ctest, "
                                 "which starts a PostgreSQL server for them");
    }
    const std::string text = url;
    return text.substr(text.find("?host=") + 6);
}

// The database a location made by freshDatabase names (postgresql://postgres@/NAME?host=DIR).
std::string databaseOf(const std::string& location) {
    const auto start = location.find("@/") + 2;
    return location.substr(start, location.find('?') - start);
}

std::string settings(const std::string& database) {
    return "host=" + serverDirectory() + " user=postgres dbname=" + database;
}

Poco::Data::Session open(const std::string& location) {
    if (location.starts_with(sqlitePrefix)) {
        Poco::Data::SQLite::Connector::registerConnector();
        return Poco::Data::Session(
            "SQLite", (fs::path(location.substr(sqlitePrefix.size())) / "rodtrad.sqlite").string());
    }
    Poco::Data::PostgreSQL::Connector::registerConnector();
    return Poco::Data::Session("PostgreSQL", settings(databaseOf(location)));
}

} // namespace

std::string freshDatabase(const std::string& backend, const std::string& name) {
    std::string safe;
    for (const char c : name) {
        safe += std::isalnum(static_cast<unsigned char>(c)) != 0
                    ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                    : '_';
    }
    safe = "t" + std::to_string(::getpid()) + "_" + safe.substr(0, 40);
    if (backend == "sqlite") {
        const fs::path dir = fs::temp_directory_path() / ("rodtrad-" + safe);
        fs::remove_all(dir);
        return std::string(sqlitePrefix) + dir.string();
    }
    Poco::Data::PostgreSQL::Connector::registerConnector();
    try {
        Poco::Data::Session server("PostgreSQL", settings("postgres"));
        server << "SET client_min_messages = warning", now;
        server << "DROP DATABASE IF EXISTS " + safe + " WITH (FORCE)", now;
        server << "CREATE DATABASE " + safe, now;
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("cannot make the database " + safe + ": " + e.displayText());
    }
    return "postgresql://postgres@/" + safe + "?host=" + serverDirectory();
}

void dropDatabase(const std::string& location) {
    if (location.starts_with(sqlitePrefix)) {
        fs::remove_all(location.substr(sqlitePrefix.size()));
        return;
    }
    try {
        Poco::Data::Session server("PostgreSQL", settings("postgres"));
        server << "DROP DATABASE IF EXISTS " + databaseOf(location) + " WITH (FORCE)", now;
    } catch (const Poco::Exception&) {
        // A database left behind goes with the server the tests started.
    }
}

void runSql(const std::string& location, const std::string& sql) {
    Poco::Data::Session session = open(location);
    session << sql, now;
}

std::vector<std::string> selectColumn(const std::string& location, const std::string& sql) {
    Poco::Data::Session session = open(location);
    std::vector<std::string> rows;
    session << sql, into(rows), now;
    return rows;
}

} // namespace rodtrad::workflow::testing
