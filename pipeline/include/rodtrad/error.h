#pragma once

#include <stdexcept>
#include <string>

namespace rodtrad {

// Failures that abort a job. Expected findings about inputs are Diagnostics, not exceptions.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// The command line was wrong: exit status 2 with usage help.
class UsageError : public Error {
public:
    using Error::Error;
};

// A file or directory could not be read or written: exit status 2.
class IoError : public Error {
public:
    using Error::Error;
};

// An input was refused as a whole (for instance an unreadable workspace): exit status 1.
class InputError : public Error {
public:
    using Error::Error;
};

} // namespace rodtrad
