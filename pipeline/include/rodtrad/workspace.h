#pragma once

#include "rodtrad/date.h"
#include "rodtrad/diagnostic.h"
#include "rodtrad/limits.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace rodtrad {

struct LoadOptions {
    ParseLimits limits;
    // Worker threads for parsing and validation; 0 picks the number of cores.
    unsigned threads = 0;
};

// A workspace: every *.xml file under one directory, each parsed securely, validated against
// the schema of its kind and held in memory. Files that are not well-formed, or are refused by
// the limits, are reported and left out; files that are well-formed but break their schema
// are reported and kept, so that cross-document checks do not cascade.
class Workspace {
public:
    struct Impl;

    static std::unique_ptr<Workspace> load(const std::filesystem::path& directory,
                                           const LoadOptions& options,
                                           std::vector<Diagnostic>& diagnostics);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::filesystem::path& root() const;
    std::size_t documentCount() const;

    // The date the time-dependent checks are judged at when none is given: the end of the
    // latest follow-up period in the workspace (a date from the data, never the clock).
    std::optional<Date> defaultAsOf() const;

    Impl& impl() { return *impl_; }
    const Impl& impl() const { return *impl_; }

private:
    explicit Workspace(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace rodtrad
