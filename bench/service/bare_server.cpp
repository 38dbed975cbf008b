// A bare Poco HTTP server that answers every request with a fixed JSON body, configured like
// rodtrad-server (thread pool, keep-alive): the ceiling the service's own work is measured
// against. Prints its port (0: any free port) and runs until SIGTERM.
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
#include <iostream>
#include <string>

namespace {

const std::string body =
    R"({"id":"sp-2025-2027","kind":"strategicPlan","state":"approved","revision":1})"
    "\n";

class Fixed : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& out) override {
        out.setContentType("application/json");
        out.setContentLength(static_cast<std::streamsize>(body.size()));
        out.sendBuffer(body.data(), body.size());
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
    Bare bare(argc > 1 ? std::atoi(argv[1]) : 0);
    char name[] = "bare-poco-server";
    char* args[] = {name, nullptr};
    return bare.run(1, args);
}
