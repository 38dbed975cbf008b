// The parts of the service about people: signing in to the web pages, what a user may do with a
// document, and what waits for whom.
#include "rodtrad/workflow/password.h"
#include "service.h"
#include "util/json_writer.h"

#include <algorithm>
#include <pugixml.hpp>

namespace rodtrad::workflow {

namespace {

// Gives a semaphore's place back when the scope ends, however it ends.
class ReleaseOnExit {
public:
    explicit ReleaseOnExit(std::counting_semaphore<2>& semaphore) : semaphore_(semaphore) {}
    ReleaseOnExit(const ReleaseOnExit&) = delete;
    ReleaseOnExit& operator=(const ReleaseOnExit&) = delete;
    ~ReleaseOnExit() { semaphore_.release(); }

private:
    std::counting_semaphore<2>& semaphore_;
};

constexpr std::chrono::hours sessionLifetime{12};

void writeUser(JsonWriter& w, const User& user) {
    w.beginObject();
    w.field("name", user.name);
    w.field("role", std::string(roleName(user.role)));
    w.field("unit", user.unit);
    w.endObject();
}

// The task an option makes of a document for a user, by what the user may do first: approving
// and reviewing before publishing, writing last (approvers may submit too, but their task is to
// approve).
std::string taskOf(const User& user, const std::vector<ActionOption>& options) {
    const auto may = [&options](const char* action) {
        return std::any_of(options.begin(), options.end(), [action](const ActionOption& o) {
            return o.allowed && o.action == action;
        });
    };
    if (may("approve")) {
        return "approve";
    }
    if (may("request_changes") && user.role == Role::reviewer) {
        return "review";
    }
    if (may("publish")) {
        return "publish";
    }
    if (may("submit") && (user.role == Role::author || user.role == Role::admin)) {
        return "write";
    }
    return {};
}

} // namespace

long long SignInThrottle::waitSeconds(const std::string& name, Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    const auto it = failures_.find(name);
    if (it == failures_.end() || it->second.count < limit) {
        return 0;
    }
    const auto until = it->second.first + window;
    if (now >= until) {
        failures_.erase(it);
        return 0;
    }
    return std::chrono::duration_cast<std::chrono::seconds>(until - now).count() + 1;
}

void SignInThrottle::failed(const std::string& name, Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    Failures& f = failures_[name];
    if (f.count == 0 || now - f.first >= window) {
        f = Failures{0, now};
    }
    ++f.count;
}

void SignInThrottle::succeeded(const std::string& name) {
    const std::lock_guard lock(mutex_);
    failures_.erase(name);
}

bool covers(const std::string& userUnit, const std::string& documentUnit,
            const UnitParents& units) {
    if (userUnit.empty()) {
        return true;
    }
    std::string current = documentUnit;
    for (std::size_t step = 0; !current.empty() && step <= units.size(); ++step) {
        if (current == userUnit) {
            return true;
        }
        const auto it = units.find(current);
        current = it == units.end() ? std::string() : it->second;
    }
    return false;
}

UnitParents Service::unitParents() {
    UnitParents parents;
    for (const DocumentInfo& d : store_.documents()) {
        if (d.kind != "organisation") {
            continue;
        }
        pugi::xml_document org;
        const auto latest = store_.revision(d.key, d.revision);
        if (!latest || !org.load_string(latest->xml.c_str())) {
            continue;
        }
        for (pugi::xpath_node unit : org.select_nodes("//*[local-name() = 'unit'][@id]")) {
            parents[unit.node().attribute("id").value()] = unit.node().attribute("parent").value();
        }
    }
    return parents;
}

bool Service::withinUnit(const User& user, const std::string& documentUnit) {
    return user.unit.empty() || user.unit == documentUnit ||
           covers(user.unit, documentUnit, unitParents());
}

std::vector<ActionOption> Service::optionsFor(const User& user, const DocumentInfo& document,
                                              const Votes& votes, const UnitParents& units) {
    std::vector<ActionOption> options;
    const WorkflowDefinition* definition = WorkflowCatalogue::instance().forKind(document.kind);
    if (definition == nullptr) {
        return options;
    }
    RevisionFacts facts;
    facts.state = document.state;
    facts.submittedBy = document.submittedBy;
    facts.documentUnit = document.unit;
    facts.actorWithinUnit = covers(user.unit, document.unit, units);
    const Actor actor{user.name, user.role, user.unit};
    for (const std::string& action : definition->actionsFrom(document.state)) {
        const Transition* transition = definition->find(action, document.state);
        const auto voted = votes.find(action);
        facts.approvals = voted == votes.end() ? std::set<std::string>() : voted->second;
        const Decision d = decide(*definition, facts, actor, action, true);
        ActionOption option;
        option.action = action;
        option.next = transition->to;
        option.allowed = d.outcome == Outcome::done || d.outcome == Outcome::vote;
        option.reason = option.allowed ? std::string() : d.reason;
        option.commentRequired = transition->commentRequired;
        option.votes = static_cast<int>(facts.approvals.size());
        option.quorum = transition->quorum;
        options.push_back(std::move(option));
    }
    return options;
}

Reply Service::signIn(const Request& request) {
    const auto fields = jsonStrings(request.body, {"name", "password"});
    if (!fields) {
        return problem(400, "Bad request", "send {\"name\": \"...\", \"password\": \"...\"}");
    }
    const std::string& name = (*fields)[0];
    const std::string& password = (*fields)[1];
    if (name.empty() || password.empty() || name.size() > 200 || password.size() > 1024) {
        return problem(400, "Bad request", "give a user name and a password");
    }
    const auto now = SignInThrottle::Clock::now();
    if (const long long wait = throttle_.waitSeconds(name, now); wait > 0) {
        store_.audit(name, "refused.signin", "", 0, "too many failed attempts");
        Reply refusal = problem(429, "Too many attempts",
                                "too many failed sign-ins for " + name + "; try again in " +
                                    std::to_string((wait + 59) / 60) + " minutes");
        refusal.headers["Retry-After"] = std::to_string(wait);
        return refusal;
    }
    // An unknown user costs as much time as a wrong password, so that names cannot be probed.
    static const std::string unknownUserHash = hashPassword(randomHex(16));
    const auto user = store_.userByName(name);
    const std::string stored = user ? store_.passwordHash(name) : std::string();
    if (!passwordChecks_.try_acquire_for(std::chrono::seconds(10))) {
        Reply busy = problem(503, "Busy", "too many sign-ins at once; try again in a moment");
        busy.headers["Retry-After"] = "5";
        return busy;
    }
    bool matches = false;
    {
        const ReleaseOnExit release(passwordChecks_);
        matches = verifyPassword(password, stored.empty() ? unknownUserHash : stored);
    }
    const bool good = matches && user && !stored.empty();
    if (!good) {
        throttle_.failed(name, now);
        store_.audit(name, "refused.signin", "", 0, "unknown user or wrong password");
        return problem(401, "Unauthorized", "the user name or the password is wrong");
    }
    throttle_.succeeded(name);
    const std::string token = randomHex(32);
    const std::int64_t expiresAt = store_.startSession(*user, sha256Hex(token), sessionLifetime);
    return jsonReply(201, json([&](JsonWriter& w) {
                         w.beginObject();
                         w.field("token", token);
                         w.field("expiresAt", static_cast<long long>(expiresAt));
                         w.key("user");
                         writeUser(w, *user);
                         w.endObject();
                     }));
}

Reply Service::session(const Request& request, const User& user) {
    if (request.method == "GET") {
        return jsonReply(200, json([&](JsonWriter& w) { writeUser(w, user); }));
    }
    const std::string token = request.header("authorization").substr(7); // after "Bearer "
    if (!store_.endSession(sha256Hex(token), user.name)) {
        return problem(409, "Conflict", "the token is " + user.name + "'s own, not a session's");
    }
    Reply reply;
    reply.status = 204;
    return reply;
}

Reply Service::actions(const User& user, const std::string& key) {
    const auto document = store_.document(key);
    if (!document) {
        return problem(404, "Not found", "no document " + key);
    }
    const auto votes = store_.votes();
    const auto found = votes.find(key);
    const std::vector<ActionOption> options =
        optionsFor(user, *document, found == votes.end() ? Votes() : found->second, unitParents());
    return jsonReply(200, json([&](JsonWriter& w) {
                         w.beginArray();
                         for (const ActionOption& o : options) {
                             w.beginObject();
                             w.field("action", o.action);
                             w.field("next", o.next);
                             w.field("allowed", o.allowed);
                             w.field("reason", o.reason);
                             w.field("commentRequired", o.commentRequired);
                             w.field("votes", o.votes);
                             w.field("quorum", o.quorum);
                             w.endObject();
                         }
                         w.endArray();
                     }));
}

Reply Service::tasks(const User& user) {
    struct Task {
        DocumentInfo document;
        std::string task;
        std::vector<ActionOption> options;
        std::optional<Date> due;
        std::string round;
        bool overdue = false;
    };
    const UnitParents units = unitParents();
    const auto votes = store_.votes();
    const std::vector<Round> rounds = store_.rounds();
    const Date now = today();
    std::vector<Task> found;
    for (const DocumentInfo& d : store_.documents()) {
        const auto voted = votes.find(d.key);
        Task t;
        t.document = d;
        t.options = optionsFor(user, d, voted == votes.end() ? Votes() : voted->second, units);
        t.task = taskOf(user, t.options);
        if (t.task.empty()) {
            continue;
        }
        // The earliest due date of the rounds the document is in.
        for (const Round& r : rounds) {
            const auto due = Date::parse(r.due);
            if (due && roundCovers(r, d) && (!t.due || *due < *t.due)) {
                t.due = due;
                t.round = r.name;
            }
        }
        // Every approved document could be published; only those a round asks for are tasks.
        if (t.task == "publish" && !t.due) {
            continue;
        }
        // A round asks for approval: once approved, a document is not late for it.
        t.overdue = t.due && *t.due < now && d.state != "approved" && d.state != "published";
        found.push_back(std::move(t));
    }
    // Overdue first, then by due date (those without one last), then by document.
    std::sort(found.begin(), found.end(), [](const Task& a, const Task& b) {
        if (a.overdue != b.overdue) {
            return a.overdue;
        }
        if (a.due.has_value() != b.due.has_value()) {
            return a.due.has_value();
        }
        if (a.due && *a.due != *b.due) {
            return *a.due < *b.due;
        }
        return a.document.key < b.document.key;
    });
    return jsonReply(200, json([&](JsonWriter& w) {
                         w.beginArray();
                         for (const Task& t : found) {
                             w.beginObject();
                             w.field("id", t.document.key);
                             w.field("kind", t.document.kind);
                             w.field("title", t.document.title);
                             w.field("unit", t.document.unit);
                             w.field("state", t.document.state);
                             w.field("revision", t.document.revision);
                             w.field("task", t.task);
                             w.key("actions");
                             w.beginArray();
                             for (const ActionOption& o : t.options) {
                                 if (o.allowed) {
                                     w.value(o.action);
                                 }
                             }
                             w.endArray();
                             w.key("due");
                             if (t.due) {
                                 w.value(t.due->toString());
                             } else {
                                 w.null();
                             }
                             w.field("round", t.round);
                             w.field("overdue", t.overdue);
                             w.endObject();
                         }
                         w.endArray();
                     }));
}

} // namespace rodtrad::workflow
