#include "rodtrad/workflow/http_server.h"

#include "documents_pdf.h"
#include "service.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>
#include <Poco/Util/ServerApplication.h>
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

namespace rodtrad::workflow {
namespace {

// Writes a reply: status, headers (no-store unless it says otherwise), body.
void send(const Reply& reply, Poco::Net::HTTPServerResponse& out) {
    out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    out.setContentType(reply.contentType);
    for (const auto& [name, value] : reply.headers) {
        out.set(name, value);
    }
    out.set("Cache-Control", reply.headers.count("Cache-Control") != 0
                                 ? reply.headers.at("Cache-Control")
                                 : "no-store");
    out.set("X-Content-Type-Options", "nosniff");
    out.setContentLength(static_cast<std::streamsize>(reply.body.size()));
    out.sendBuffer(reply.body.data(), reply.body.size());
}

class ApiHandler : public Poco::Net::HTTPRequestHandler {
public:
    ApiHandler(Service& service, std::size_t maxBody) : service_(service), maxBody_(maxBody) {}

    void handleRequest(Poco::Net::HTTPServerRequest& in,
                       Poco::Net::HTTPServerResponse& out) override {
        Reply reply;
        try {
            reply = handle(in);
        } catch (const std::exception& e) {
            reply = problem(400, "Bad request", e.what());
        }
        send(reply, out);
    }

private:
    Reply handle(Poco::Net::HTTPServerRequest& in) {
        Request request;
        request.method = in.getMethod();
        const Poco::URI uri(in.getURI());
        request.path = uri.getPath();
        for (const auto& [name, value] : uri.getQueryParameters()) {
            request.query[name] = value;
        }
        for (const auto& [name, value] : in) {
            std::string lower = name;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            request.headers[lower] = value;
        }
        if (in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(maxBody_)) {
            return problem(413, "Payload too large",
                           "the limit is " + std::to_string(maxBody_) + " bytes");
        }
        std::istream& body = in.stream();
        char buffer[65536];
        while (body) {
            body.read(buffer, sizeof buffer);
            request.body.append(buffer, static_cast<std::size_t>(body.gcount()));
            if (request.body.size() > maxBody_) {
                return problem(413, "Payload too large",
                               "the limit is " + std::to_string(maxBody_) + " bytes");
            }
        }
        return service_.handle(request);
    }

    Service& service_;
    std::size_t maxBody_;
};

// Answers a request for a municipality this node does not serve.
class UnknownHostHandler : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& in,
                       Poco::Net::HTTPServerResponse& out) override {
        send(problem(404, "Not found",
                     "no municipality is served at the host name \"" + in.getHost() + "\""),
             out);
    }
};

// Each request goes to its municipality's service: the only one, or the one its host name
// begins with (vasby.example.org, vasby.localhost:8080 → "vasby").
class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Factory(std::map<std::string, Service*> services, std::size_t maxBody)
        : services_(std::move(services)), maxBody_(maxBody) {}
    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest& request) override {
        if (services_.size() == 1) {
            return new ApiHandler(*services_.begin()->second, maxBody_);
        }
        const std::string host = request.getHost();
        const auto found = services_.find(host.substr(0, host.find_first_of(".:")));
        if (found == services_.end()) {
            return new UnknownHostHandler;
        }
        return new ApiHandler(*found->second, maxBody_);
    }

private:
    std::map<std::string, Service*> services_;
    std::size_t maxBody_;
};

class ServeApplication : public Poco::Util::ServerApplication {
public:
    explicit ServeApplication(const ServeOptions& options) : options_(options) {}

protected:
    int main(const std::vector<std::string>&) override {
        std::vector<std::unique_ptr<Store>> stores;
        std::vector<std::unique_ptr<Service>> services;
        std::map<std::string, Service*> byTenant;
        for (const std::string& tenant : options_.tenants) {
            stores.push_back(openStore(options_.store, tenant));
            services.push_back(std::make_unique<Service>(*stores.back(), options_.webRoot));
            byTenant[tenant] = services.back().get();
        }
        if (!options_.seed.empty()) {
            Store& store = *stores.front();
            if (!store.documents().empty()) {
                std::cout << store.describe() << " holds documents already; not seeding it again"
                          << std::endl;
            } else {
                const std::vector<std::string> problems = seedFromWorkspace(store, options_.seed);
                for (const std::string& p : problems) {
                    std::cerr << p << '\n';
                }
                if (!problems.empty()) {
                    std::cerr << "rodtrad-server serve: cannot seed from " << options_.seed << '\n';
                    return EXIT_DATAERR;
                }
                std::cout << "seeded " << store.documents().size() << " documents from "
                          << options_.seed << std::endl;
            }
        }
        Poco::Net::ServerSocket socket(
            Poco::Net::SocketAddress(options_.listen, static_cast<Poco::UInt16>(options_.port)),
            128);
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(options_.maxThreads);
        params->setMaxQueued(4 * options_.maxThreads);
        params->setTimeout(Poco::Timespan(options_.timeoutSeconds, 0));
        params->setKeepAlive(true);
        params->setKeepAliveTimeout(Poco::Timespan(2, 0));
        params->setMaxKeepAliveRequests(1000);
        Poco::ThreadPool pool(2, options_.maxThreads);
        Poco::Net::HTTPServer server(new Factory(byTenant, options_.maxBodyBytes), pool, socket,
                                     params);
        server.start();
        std::cout << "rodtrad-server listening on http://" << options_.listen << ':'
                  << socket.address().port() << "/ (" << stores.front()->describe() << ")"
                  << std::endl;
        waitForTerminationRequest();
        server.stopAll(true);
        pool.joinAll();
        return EXIT_OK;
    }

private:
    ServeOptions options_;
};

} // namespace

int serve(const ServeOptions& options) {
    ServeApplication application(options);
    char name[] = "rodtrad-server";
    char* argv[] = {name, nullptr};
    return application.run(1, argv);
}

} // namespace rodtrad::workflow
