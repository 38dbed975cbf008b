#pragma once

#include <cstdint>

namespace rodtrad::bench {

// A one-line document counter on stderr, shown only when stderr is a terminal so that logs
// and pipes stay clean.
class Progress {
public:
    explicit Progress(std::uint64_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void advance(std::uint64_t count = 1);

private:
    void show() const;

    bool enabled_;
    std::uint64_t total_;
    std::uint64_t done_ = 0;
    std::uint64_t nextShown_ = 0;
};

} // namespace rodtrad::bench
