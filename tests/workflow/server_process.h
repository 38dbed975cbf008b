#pragma once
// The real rodtrad-server as a process of its own on a port the kernel picks, for the tests
// that drive it over HTTP, and the replies they read.

#include <Poco/JSON/Object.h>
#include <filesystem>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace rodtrad::workflow::testing {

extern const std::filesystem::path example; // the bundled example municipality

std::string readFile(const std::filesystem::path& file);
// rodtrad-server with the arguments; its standard output and error.
std::string runServerCommand(const std::string& args);

struct Response {
    int status = 0;
    std::map<std::string, std::string> headers;
    std::string body;
    std::string contentType;

    Poco::JSON::Object::Ptr json() const;
    std::string field(const std::string& name) const;
};

// Where a server keeps its store: a location and the municipality.
struct StoreAt {
    std::string location; // sqlite:DIR, postgresql://...
    std::string tenant = "default";
};

class Server;
// Names the server whose store and users another node shares.
struct SameStoreAs {
    const Server& first;
};

// Names a server whose users (tokens) another server's store holds too, as after a copy.
struct SameUsersAs {
    const Server& first;
    StoreAt store;
};

// A server process with users of every role: admin, kerstin (author, kf), tomas (author, tn),
// britt (author, bun), rut (reviewer), anders and eva (approvers).
class Server {
public:
    // On a fresh SQLite store of its own.
    explicit Server(const std::string& seed = {}, std::vector<std::string> options = {});
    // On a store given; the users are added to it first.
    Server(StoreAt store, const std::string& seed, std::vector<std::string> options = {});
    // Another node on the store of `first`, with the same users.
    explicit Server(SameStoreAs node, std::vector<std::string> options = {});
    // On a store that holds the users of `copy.first` already.
    explicit Server(SameUsersAs copy);
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server();

    // Starts the server process on the store and reads the port it prints.
    void start(const std::string& seed = {});
    // Kills the server without a chance to clean up, as a power cut would.
    void crash();

    // A request as `user` (a name of the users above, or a token itself; empty: none).
    Response request(const std::string& method, const std::string& path, const std::string& user,
                     const std::string& body = {}, const std::string& contentType = {},
                     const std::map<std::string, std::string>& headers = {}) const;
    Response upload(const std::string& user, const std::string& xml) const;
    Response act(const std::string& user, const std::string& document, const std::string& action,
                 const std::string& comment = {}) const;

    int port() const { return port_; }
    const StoreAt& store() const { return store_; }
    // The arguments that name the store to rodtrad-server's commands.
    std::string storeArguments() const;

    std::vector<std::string> options_; // given to serve after the store, --port and --seed
    std::map<std::string, std::string> tokens;
    std::filesystem::path dir_; // the SQLite store's directory, when the server has its own

private:
    void addUsers();

    StoreAt store_;
    bool ownsDirectory_ = false;
    pid_t pid_ = 0;
    int port_ = 0;
};

} // namespace rodtrad::workflow::testing
