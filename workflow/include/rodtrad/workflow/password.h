#pragma once

#include <string>

namespace rodtrad::workflow {

// Passwords for the web login are stored as "pbkdf2-sha256$ITERATIONS$SALT$HASH" (hex): PBKDF2
// with HMAC-SHA-256, a random 16-byte salt and 600,000 iterations.
std::string hashPassword(const std::string& password);
// Whether the password matches a stored hash (compared in constant time); false for anything
// that is not such a hash.
bool verifyPassword(const std::string& password, const std::string& stored);

// Random bytes from the kernel as hex.
std::string randomHex(std::size_t bytes);

} // namespace rodtrad::workflow
