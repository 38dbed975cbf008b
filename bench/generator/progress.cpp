#include "progress.h"

#include <cstdio>
#include <unistd.h>

namespace rodtrad::bench {

Progress::Progress(std::uint64_t total) : enabled_(isatty(STDERR_FILENO) == 1), total_(total) {}

Progress::~Progress() {
    if (enabled_) {
        std::fputs("\r\033[K", stderr);
    }
}

void Progress::advance(std::uint64_t count) {
    done_ += count;
    if (enabled_ && done_ >= nextShown_) {
        show();
        // About two hundred updates in all, whatever the scale.
        nextShown_ = done_ + total_ / 200 + 1;
    }
}

void Progress::show() const {
    std::fprintf(stderr, "\rrodtrad-gen: %llu of %llu documents (%llu%%)",
                 static_cast<unsigned long long>(done_), static_cast<unsigned long long>(total_),
                 static_cast<unsigned long long>(total_ == 0 ? 100 : done_ * 100 / total_));
    std::fflush(stderr);
}

} // namespace rodtrad::bench
