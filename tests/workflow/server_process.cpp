#include "server_process.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rodtrad::workflow::testing {

namespace fs = std::filesystem;
const fs::path example = fs::path(RODTRAD_SOURCE_DIR) / "examples/upplands-vasby";

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string runServerCommand(const std::string& args) {
    std::string output;
    FILE* pipe = ::popen((std::string(RODTRAD_SERVER_BINARY) + " " + args + " 2>&1").c_str(), "r");
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
        output.append(buffer, n);
    }
    ::pclose(pipe);
    return output;
}

Poco::JSON::Object::Ptr Response::json() const {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string Response::field(const std::string& name) const {
    return json()->getValue<std::string>(name);
}

namespace {
int instances = 0;
}

Server::Server(const std::string& seed, std::vector<std::string> options)
    : options_(std::move(options)),
      dir_(fs::temp_directory_path() /
           ("rodtrad-http-" + std::to_string(::getpid()) + "-" + std::to_string(++instances))),
      store_{"sqlite:" + dir_.string()}, ownsDirectory_(true) {
    fs::remove_all(dir_);
    addUsers();
    start(seed);
}

Server::Server(StoreAt store, const std::string& seed, std::vector<std::string> options)
    : options_(std::move(options)), store_(std::move(store)) {
    addUsers();
    start(seed);
}

Server::Server(SameStoreAs node, std::vector<std::string> options)
    : options_(std::move(options)), tokens(node.first.tokens), store_(node.first.store_) {
    start();
}

Server::Server(SameUsersAs copy) : tokens(copy.first.tokens), store_(std::move(copy.store)) {
    start();
}

std::string Server::storeArguments() const {
    return "--store '" + store_.location + "' --tenant " + store_.tenant;
}

void Server::addUsers() {
    const auto add = [this](const std::string& name, const std::string& role,
                            const std::string& unit) {
        std::string token =
            runServerCommand("user add " + storeArguments() + " --name " + name + " --role " +
                             role + (unit.empty() ? "" : " --unit " + unit));
        if (token.size() != 65) {
            throw std::runtime_error("user add " + name + ": " + token);
        }
        token.pop_back();
        tokens[name] = token;
    };
    add("admin", "admin", "");
    add("kerstin", "author", "kf"); // writes the strategic plan
    add("tomas", "author", "tn");   // writes the technical committee's plan
    add("britt", "author", "bun");  // another committee
    add("rut", "reviewer", "");
    add("anders", "approver", "");
    add("eva", "approver", "");
}

void Server::start(const std::string& seed) {
    int out[2];
    if (::pipe(out) != 0) {
        throw std::runtime_error("pipe");
    }
    pid_ = ::fork();
    if (pid_ == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM); // never outlive the tests
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        std::vector<std::string> args{
            RODTRAD_SERVER_BINARY, "serve",  "--store", store_.location, "--tenant",
            store_.tenant,         "--port", "0"};
        if (!seed.empty()) {
            args.insert(args.end(), {"--seed", seed});
        }
        args.insert(args.end(), options_.begin(), options_.end());
        std::vector<char*> argv;
        for (std::string& arg : args) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        ::execv(RODTRAD_SERVER_BINARY, argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    // The address is on the line that says where the server listens (after the seeding).
    std::string line;
    char c = 0;
    while (line.find("listening on") == std::string::npos) {
        line.clear();
        bool any = false;
        while (::read(out[0], &c, 1) == 1 && c != '\n') {
            line += c;
            any = true;
        }
        if (!any && c != '\n') {
            break;
        }
    }
    ::close(out[0]);
    const auto at = line.find("http://");
    const auto colon = at == std::string::npos ? std::string::npos : line.find(':', at + 7);
    port_ = colon == std::string::npos ? 0 : std::atoi(line.c_str() + colon + 1);
    if (port_ == 0) {
        throw std::runtime_error("the server did not say its port: " + line);
    }
}

void Server::crash() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
}

Server::~Server() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    if (ownsDirectory_) {
        fs::remove_all(dir_);
    }
}

Response Server::request(const std::string& method, const std::string& path,
                         const std::string& user, const std::string& body,
                         const std::string& contentType,
                         const std::map<std::string, std::string>& headers) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!user.empty()) {
        request.set("Authorization",
                    "Bearer " + (tokens.count(user) != 0 ? tokens.at(user) : user));
    }
    for (const auto& [name, value] : headers) {
        request.set(name, value);
    }
    if (!contentType.empty()) {
        request.setContentType(contentType);
    }
    if ((!body.empty() || method == "POST" || method == "PUT") &&
        headers.count("Content-Length") == 0) {
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Response r;
    r.status = response.getStatus();
    r.contentType = response.getContentType();
    for (const auto& [name, value] : response) {
        r.headers[name] = value;
    }
    Poco::StreamCopier::copyToString(in, r.body);
    return r;
}

Response Server::upload(const std::string& user, const std::string& xml) const {
    return request("POST", "/api/v1/documents", user, xml, "application/xml");
}
Response Server::act(const std::string& user, const std::string& document,
                     const std::string& action, const std::string& comment) const {
    return request("POST", "/api/v1/documents/" + document + "/transitions", user,
                   "{\"action\": \"" + action + "\", \"comment\": \"" + comment + "\"}",
                   "application/json");
}

} // namespace rodtrad::workflow::testing
