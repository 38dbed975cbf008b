#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace rodtrad::bench {

// A small, fast pseudo-random generator (xoshiro256**, seeded through splitmix64) with the
// few draws the generator needs. Everything is integer arithmetic, so a seed gives the same
// sequence on every platform and with every standard library; std::*_distribution makes no
// such promise.
class Random {
public:
    explicit Random(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (std::uint64_t& word : state_) {
            word = splitMix(x);
        }
    }

    // An independent stream for one entity (a unit, an indicator, a document), so that what
    // is written for it does not depend on the order in which entities are visited.
    static Random stream(std::uint64_t seed, std::uint64_t kind, std::uint64_t index) {
        std::uint64_t x = seed ^ (kind * 0xD1B54A32D192ED03ull);
        std::uint64_t mixed = splitMix(x) ^ (index * 0x9E3779B97F4A7C15ull);
        return Random(splitMix(mixed));
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // Uniform in [0, bound); bound must be positive. Rejection keeps it unbiased.
    std::uint64_t below(std::uint64_t bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            const std::uint64_t x = next();
            if (x >= threshold) {
                return x % bound;
            }
        }
    }

    // Uniform in [low, high], both included.
    int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    std::int64_t between64(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    // True with the given probability in percent.
    bool percent(int chance) { return static_cast<int>(below(100)) < chance; }

    std::size_t index(std::size_t size) { return static_cast<std::size_t>(below(size)); }

    template <class T> const T& pick(std::span<const T> items) {
        return items[index(items.size())];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    static std::uint64_t splitMix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    std::uint64_t state_[4];
};

} // namespace rodtrad::bench
