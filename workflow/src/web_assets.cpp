#include "web_assets.h"

#include "rodtrad/sha256.h"

#include <fstream>
#include <map>
#include <sstream>
#include <string_view>

namespace rodtrad {
const std::map<std::string_view, std::string_view>& embeddedWebAssets();
}

namespace rodtrad::workflow {

namespace {

struct Asset {
    std::string body;
    std::string contentType;
    std::string etag;
};

std::string contentTypeOf(std::string_view name) {
    const auto ends = [name](std::string_view suffix) { return name.ends_with(suffix); };
    if (ends(".html")) {
        return "text/html; charset=utf-8";
    }
    if (ends(".css")) {
        return "text/css; charset=utf-8";
    }
    if (ends(".js")) {
        return "text/javascript; charset=utf-8";
    }
    if (ends(".svg")) {
        return "image/svg+xml";
    }
    if (ends(".json")) {
        return "application/json";
    }
    return "text/plain; charset=utf-8";
}

// The files with their types and ETags, and the version the page refers to them by (a hash of
// them all, so that a new build is a new version).
struct Assets {
    std::map<std::string, Asset, std::less<>> files;
    std::string version;

    explicit Assets(const std::map<std::string_view, std::string_view>& sources) {
        std::string all;
        for (const auto& [name, text] : sources) {
            all += sha256Hex(text);
        }
        version = sha256Hex(all).substr(0, 16);
        for (const auto& [name, text] : sources) {
            std::string body(text);
            if (name == "index.html") {
                for (std::size_t at; (at = body.find("%VERSION%")) != std::string::npos;) {
                    body.replace(at, 9, version);
                }
            }
            const std::string etag = "\"" + sha256Hex(body).substr(0, 32) + "\"";
            files.emplace(std::string(name), Asset{std::move(body), contentTypeOf(name), etag});
        }
    }
};

// A file of the web root: a plain name (no directories, not hidden), read whole.
std::optional<std::string> readWebFile(const std::filesystem::path& root, const std::string& name) {
    if (name.empty() || name.front() == '.' ||
        name.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") !=
            std::string::npos) {
        return std::nullopt;
    }
    std::ifstream in(root / name, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

void addPageSecurityHeaders(Reply& reply) {
    reply.headers["Content-Security-Policy"] =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        "frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'self'";
    reply.headers["Referrer-Policy"] = "no-referrer";
    reply.headers["X-Frame-Options"] = "SAMEORIGIN";
}

std::optional<Reply> webAsset(const Request& request, const std::filesystem::path& webRoot) {
    std::string name;
    if (request.path == "/" || request.path == "/index.html") {
        name = "index.html";
    } else if (request.path.starts_with("/assets/")) {
        name = request.path.substr(8);
    } else {
        return std::nullopt;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        return problem(405, "Method not allowed",
                       request.method + " is not allowed on " + request.path);
    }
    static const Assets embedded(embeddedWebAssets());
    std::optional<Assets> fromDisk;
    if (!webRoot.empty()) {
        const auto text = readWebFile(webRoot, name);
        if (!text) {
            return problem(404, "Not found", "no file " + request.path);
        }
        fromDisk.emplace(std::map<std::string_view, std::string_view>{{name, *text}});
    }
    const Assets& assets = fromDisk ? *fromDisk : embedded;
    const auto found = assets.files.find(name);
    if (found == assets.files.end()) {
        return problem(404, "Not found", "no file " + request.path);
    }
    const Asset& asset = found->second;
    Reply reply;
    reply.contentType = asset.contentType;
    reply.headers["ETag"] = asset.etag;
    const auto version = request.query.find("v");
    reply.headers["Cache-Control"] = name != "index.html" && version != request.query.end() &&
                                             version->second == assets.version && webRoot.empty()
                                         ? "public, max-age=31536000, immutable"
                                         : "no-cache";
    addPageSecurityHeaders(reply);
    if (request.header("if-none-match") == asset.etag) {
        reply.status = 304;
        return reply;
    }
    reply.body = request.method == "HEAD" ? std::string() : asset.body;
    return reply;
}

} // namespace rodtrad::workflow
