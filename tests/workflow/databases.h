#pragma once
// The databases the store tests run on: a SQLite directory, or a database of its own on the
// PostgreSQL server ctest starts for the tests (RODTRAD_TEST_POSTGRESQL names it).

#include <string>
#include <vector>

namespace rodtrad::workflow::testing {

// The store location of a fresh, empty database for `name` on `backend` ("sqlite" or
// "postgresql"); any database of that name from an earlier run is dropped first.
std::string freshDatabase(const std::string& backend, const std::string& name);

// Removes what freshDatabase made.
void dropDatabase(const std::string& location);

// Runs SQL on the database directly, as someone with access to it could.
void runSql(const std::string& location, const std::string& sql);

// The rows of a query's first column, as text.
std::vector<std::string> selectColumn(const std::string& location, const std::string& sql);

} // namespace rodtrad::workflow::testing
