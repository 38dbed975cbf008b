#pragma once

#include "rodtrad/check.h"

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rodtrad::test {

// A workspace in a fresh temporary directory, removed afterwards. Starts from a small valid
// municipality (organisation, strategic plan, one committee plan, one unit plan, a follow-up
// of each) that individual tests break in one place.
class TempWorkspace {
public:
    TempWorkspace();
    ~TempWorkspace();
    TempWorkspace(const TempWorkspace&) = delete;
    TempWorkspace& operator=(const TempWorkspace&) = delete;
    TempWorkspace(TempWorkspace&& other) noexcept : dir_(std::exchange(other.dir_, {})) {}

    static TempWorkspace minimal();
    // The minimal workspace with a small valid set of ISO 14001 records under ems/ (aspects,
    // obligations, controls, objectives, nonconformities, management review, emergency
    // preparedness, policy), each with one header line naming one clause.
    static TempWorkspace withEmsRecords();

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path path(const std::string& relative) const { return dir_ / relative; }
    void write(const std::string& relative, const std::string& text) const;
    std::string read(const std::string& relative) const;
    // Replaces the first occurrence of from in a file; fails the test if it is not there.
    void replace(const std::string& relative, const std::string& from, const std::string& to) const;
    void remove(const std::string& relative) const;
    // Writes plans/<file>.xml: an operational plan of 2025 under strategic plan "sp" for the unit,
    // with the goals given as XML. The header is one line, so the goals start on line 5.
    void writePlan(const std::string& file, const std::string& id, const std::string& unit,
                   const std::string& goals) const;

    CheckReport check(const std::string& asOf = "2025-12-31") const;

private:
    std::filesystem::path dir_;
};

// An EMS record body with %HEADER% replaced by a one-line header with the id and one clause of
// the 2015 edition.
std::string withEmsHeader(std::string body, const std::string& id, const std::string& clause);

// Diagnostics with the given code.
std::vector<Diagnostic> withCode(const CheckReport& report, const std::string& code);
// "file:line: code" of each error, for readable failure messages.
std::string describe(const CheckReport& report);

// The minimal valid documents, by relative path.
const std::map<std::string, std::string>& minimalDocuments();

} // namespace rodtrad::test
