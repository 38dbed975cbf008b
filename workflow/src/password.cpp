#include "rodtrad/workflow/password.h"

#include "rodtrad/error.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/SHA2Engine.h>
#include <fstream>
#include <sstream>
#include <vector>

namespace rodtrad::workflow {
namespace {

constexpr unsigned iterations = 600000;

// SHA-256 with the block and digest sizes Poco's HMAC template asks of its hash.
class Sha256 : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
    Sha256() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

std::string derive(const std::string& password, const std::string& salt, unsigned rounds) {
    Poco::PBKDF2Engine<Poco::HMACEngine<Sha256>> engine(salt, rounds, 32);
    engine.update(password);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

} // namespace

std::string randomHex(std::size_t bytes) {
    std::ifstream random("/dev/urandom", std::ios::binary);
    std::vector<unsigned char> raw(bytes);
    random.read(reinterpret_cast<char*>(raw.data()), static_cast<std::streamsize>(bytes));
    if (static_cast<std::size_t>(random.gcount()) != bytes) {
        throw IoError("cannot read /dev/urandom");
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char b : raw) {
        hex += digits[b >> 4];
        hex += digits[b & 15];
    }
    return hex;
}

std::string hashPassword(const std::string& password) {
    const std::string salt = randomHex(16);
    return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + salt + "$" +
           derive(password, salt, iterations);
}

bool verifyPassword(const std::string& password, const std::string& stored) {
    std::vector<std::string> parts;
    std::istringstream in(stored);
    for (std::string part; std::getline(in, part, '$');) {
        parts.push_back(part);
    }
    if (parts.size() != 4 || parts[0] != "pbkdf2-sha256" || parts[1].empty() ||
        parts[1].size() > 8 || parts[1].find_first_not_of("0123456789") != std::string::npos) {
        return false;
    }
    const unsigned rounds = static_cast<unsigned>(std::stoul(parts[1]));
    if (rounds == 0) {
        return false;
    }
    const std::string actual = derive(password, parts[2], rounds);
    if (actual.size() != parts[3].size()) {
        return false;
    }
    unsigned char difference = 0;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        difference |= static_cast<unsigned char>(actual[i] ^ parts[3][i]);
    }
    return difference == 0;
}

} // namespace rodtrad::workflow
