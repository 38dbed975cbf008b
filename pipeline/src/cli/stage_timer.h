#pragma once

#include <chrono>
#include <iomanip>
#include <ostream>
#include <string_view>

namespace rodtrad {

// Prints how long each stage of a command took (wall time), on request (--timings), so a
// benchmark can tell loading and checking from computing. Output goes to stderr.
class StageTimer {
public:
    StageTimer(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}

    void stage(std::string_view name) {
        const auto now = std::chrono::steady_clock::now();
        if (enabled_) {
            const std::chrono::duration<double> seconds = now - last_;
            err_ << "timing: " << name << ' ' << std::fixed << std::setprecision(3)
                 << seconds.count() << " s\n";
        }
        last_ = now;
    }

private:
    std::ostream& err_;
    bool enabled_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

} // namespace rodtrad
