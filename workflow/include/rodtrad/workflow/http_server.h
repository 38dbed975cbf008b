#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rodtrad::workflow {

struct ServeOptions {
    std::string store;                // the store's location (sqlite:DIR, postgresql://...)
    std::vector<std::string> tenants; // the municipalities served (empty: "default")
    std::string seed;                 // a workspace to fill an empty store from
    std::string listen = "127.0.0.1"; // address to bind
    int port = 8080;                  // 0: any free port (printed)
    int maxThreads = 64;              // size this to the open connections (keep-alive)
    int timeoutSeconds = 10;          // for reading a request and writing a reply
    std::size_t maxBodyBytes = std::size_t{32} << 20;
    std::string webRoot; // serve the web pages' files from here instead of the built-in ones
};

// Runs the HTTP service until SIGINT or SIGTERM; prints the address it listens on.
int serve(const ServeOptions& options);

} // namespace rodtrad::workflow
