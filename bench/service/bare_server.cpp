// A bare Poco HTTP server that answers every request with a fixed JSON body, or under
// /content with the bytes of a file read at start, configured like rodtrad-server (thread
// pool, keep-alive): the ceiling the service's own work is measured against. Prints its port
// (0: any free port) and runs until SIGTERM.
//
//   bare-poco-server [PORT] [CONTENT-FILE]
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/Util/ServerApplication.h>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

const std::string body =
    R"({"id":"sp-2025-2027","kind":"strategicPlan","state":"approved","revision":1})"
    "\n";
std::string content; // served under /content

class Fixed : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& in,
                       Poco::Net::HTTPServerResponse& out) override {
        const bool file = in.getURI() == "/content";
        const std::string& bytes = file ? content : body;
        out.setContentType(file ? "application/xml" : "application/json");
        out.setContentLength(static_cast<std::streamsize>(bytes.size()));
        out.sendBuffer(bytes.data(), bytes.size());
    }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Fixed;
    }
};

class Bare : public Poco::Util::ServerApplication {
public:
    explicit Bare(int port) : port_(port) {}

protected:
    int main(const std::vector<std::string>&) override {
        Poco::Net::ServerSocket socket(
            Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port_)), 128);
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(64);
        params->setMaxQueued(256);
        params->setKeepAlive(true);
        params->setKeepAliveTimeout(Poco::Timespan(2, 0));
        params->setMaxKeepAliveRequests(1000);
        Poco::ThreadPool pool(2, 64);
        Poco::Net::HTTPServer server(new Factory, pool, socket, params);
        server.start();
        std::cout << "bare server listening on http://127.0.0.1:" << socket.address().port() << "/"
                  << std::endl;
        waitForTerminationRequest();
        server.stopAll(true);
        return EXIT_OK;
    }

private:
    int port_;
};

} // namespace

int main(int argc, char** argv) {
    if (argc > 2) {
        std::ifstream in(argv[2], std::ios::binary);
        if (!in) {
            std::cerr << "bare-poco-server: cannot read " << argv[2] << '\n';
            return 1;
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        content = bytes.str();
    }
    Bare bare(argc > 1 ? std::atoi(argv[1]) : 0);
    char name[] = "bare-poco-server";
    char* args[] = {name, nullptr};
    return bare.run(1, args);
}
