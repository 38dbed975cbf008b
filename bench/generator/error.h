#pragma once

#include <stdexcept>
#include <string>

namespace rodtrad::bench {

// Failures that stop the generator. Both end with exit status 2: the command line was wrong,
// or the output could not be written.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

class UsageError : public Error {
public:
    using Error::Error;
};

class IoError : public Error {
public:
    using Error::Error;
};

} // namespace rodtrad::bench
