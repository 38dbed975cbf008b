#include "rodtrad/workflow/server_cli.h"

#include "cli/options.h"
#include "rodtrad/date.h"
#include "rodtrad/error.h"
#include "rodtrad/workflow/http_server.h"
#include "rodtrad/workflow/password.h"
#include "rodtrad/workflow/store.h"

#include <fstream>
#include <iostream>
#include <ostream>

namespace rodtrad::workflow {

namespace po = boost::program_options;

namespace {

constexpr int exitOk = 0;
constexpr int exitFindings = 1;
constexpr int exitUsage = 2;

constexpr std::string_view overview = R"(usage: rodtrad-server COMMAND [ARGS] [--help]

Every command finds its store with --data DIR (the embedded SQLite store in DIR) or
--store LOCATION (sqlite:DIR, or postgresql://[user[:password]@][host][:port][/database]
[?name=value&...] for PostgreSQL, which several nodes and municipalities can share), and the
municipality with --tenant NAME ("default" unless given).

Commands:
  serve (--data DIR | --store LOCATION) [--tenant NAME...] [--port N] [--listen ADDRESS]
        [--seed WORKSPACE] [--config FILE]
                      run the HTTP service (port 0: any free port, printed); with several
                      municipalities, a request's host name begins with the one it is for
  user add (--data DIR | --store LOCATION) [--tenant NAME] --name NAME
           --role author|reviewer|approver|admin [--unit ID] [--password-file FILE]
                      add a user and print their bearer token
  round add (--data DIR | --store LOCATION) [--tenant NAME] --name NAME --due DATE
            [--kind KIND...] [--unit ID...]
                      start an approval round and print its number
  audit verify (--data DIR | --store LOCATION) [--tenant NAME]
                      check the audit chain and every stored revision against it
  tenant add --store LOCATION --name NAME
                      add a municipality to a store
  migrate --from LOCATION --to LOCATION [--tenant NAME] [--to-tenant NAME]
                      copy a municipality's store with its history and audit chain (into an
                      empty one), then verify the copy
)";

// Parses the options of a command that takes no positional arguments; false when it printed
// its help.
bool parseOptions(int argc, const char* const* argv, const po::options_description& named,
                  const std::string& usage, std::ostream& out) {
    po::positional_options_description positional;
    po::variables_map values;
    return parseCommandLine(argc, argv, named, positional, values, usage, out);
}

// Where a command's store is: --data DIR or --store LOCATION, and the municipality.
struct StoreChoice {
    std::string data;
    std::string store;
    std::string tenant = "default";

    // --data and --store, and --tenant unless the command names municipalities its own way.
    void addTo(po::options_description& options, bool withTenant = true) {
        options.add_options()                                                   //
            ("data", po::value(&data), "the embedded SQLite store's directory") //
            ("store", po::value(&store),
             "the store: sqlite:DIR or postgresql://... (instead of --data)");
        if (withTenant) {
            options.add_options()("tenant", po::value(&tenant),
                                  "the municipality (default: \"default\")");
        }
    }

    std::string location() const {
        if (data.empty() == store.empty()) {
            throw UsageError("give either --data DIR or --store LOCATION");
        }
        return store.empty() ? "sqlite:" + data : store;
    }

    // The store, which must exist already for SQLite (a mistyped directory is not a new store).
    std::unique_ptr<Store> open(bool mustExist) const {
        const std::string where = location();
        if (mustExist && where.starts_with("sqlite:") &&
            !std::filesystem::exists(std::filesystem::path(where.substr(7)) / "rodtrad.sqlite")) {
            throw IoError("no store in " + where.substr(7));
        }
        try {
            return openStore(where, tenant);
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }
};

int userAdd(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    StoreChoice where;
    std::string name, role, unit, passwordFile;
    po::options_description named("Options");
    where.addTo(named);
    named.add_options()                                                               //
        ("name", po::value(&name)->required(), "user name (letters, digits, . _ -)")  //
        ("role", po::value(&role)->required(), "author, reviewer, approver or admin") //
        ("unit", po::value(&unit), "the unit the user acts for (authors: required)")  //
        ("password-file", po::value(&passwordFile),
         "a file whose first line is the password for the web login (- for standard input)");
    if (!parseOptions(argc, argv, named,
                      "usage: rodtrad-server user add (--data DIR | --store LOCATION) "
                      "[--tenant NAME] --name NAME --role ROLE [--unit ID]",
                      out)) {
        return exitOk;
    }
    const auto parsed = parseRole(role);
    if (!parsed) {
        throw UsageError("--role must be author, reviewer, approver or admin, not \"" + role +
                         "\"");
    }
    if (name.empty() || name.size() > 64 ||
        name.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") !=
            std::string::npos) {
        throw UsageError("--name must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    if (*parsed == Role::author && unit.empty()) {
        throw UsageError("an author writes for a unit: give --unit");
    }
    const auto store = where.open(false);
    if (store->userByName(name)) {
        err << "rodtrad-server user add: there is already a user \"" << name << "\"\n";
        return exitFindings;
    }
    const std::string token = randomHex(32); // a bearer token
    std::string password;
    if (!passwordFile.empty()) {
        std::ifstream file;
        if (passwordFile != "-") {
            file.open(passwordFile);
            if (!file) {
                throw IoError("cannot read " + passwordFile);
            }
        }
        std::getline(passwordFile == "-" ? std::cin : file, password);
        if (password.size() < 10) {
            throw UsageError("the password must have at least 10 characters");
        }
    }
    store->addUser(name, *parsed, unit, sha256Hex(token),
                   password.empty() ? std::string() : hashPassword(password),
                   "rodtrad-server user add");
    out << token << '\n';
    return exitOk;
}

int serveCommand(int argc, const char* const* argv, std::ostream& out) {
    ServeOptions options;
    StoreChoice where;
    std::string config;
    std::size_t maxBodyMiB = options.maxBodyBytes >> 20;
    // The settings a config file may hold too (key = value lines, the same names).
    po::options_description settings("Settings");
    where.addTo(settings, false);
    settings.add_options() //
        ("tenant", po::value(&options.tenants)->multitoken(),
         "the municipalities to serve (default: \"default\"); with several, a request's host "
         "name begins with the one it is for")                                          //
        ("port", po::value(&options.port), "TCP port (0: any free port; default 8080)") //
        ("listen", po::value(&options.listen), "address to bind (default 127.0.0.1)")   //
        ("seed", po::value(&options.seed),
         "fill an empty store with a workspace's documents (approvals in their headers "
         "imported)")                                                                  //
        ("max-threads", po::value(&options.maxThreads), "worker threads (default 64)") //
        ("timeout", po::value(&options.timeoutSeconds),
         "seconds to wait for a client's request or reply bytes (default 10)")               //
        ("max-body-mib", po::value(&maxBodyMiB), "largest request body in MiB (default 32)") //
        ("web-root", po::value(&options.webRoot),
         "serve the web pages from this directory instead of the built-in copy (for working on "
         "them)");
    po::options_description named = settings;
    named.add_options()("config", po::value(&config),
                        "a file of key = value lines with the settings above; the command line "
                        "wins");
    po::positional_options_description positional;
    po::variables_map values;
    if (!parseCommandLine(argc, argv, named, positional, values,
                          "usage: rodtrad-server serve (--data DIR | --store LOCATION) "
                          "[--tenant NAME...] [--port N] [--listen ADDRESS] [--config FILE]",
                          out)) {
        return exitOk;
    }
    if (!config.empty()) {
        std::ifstream file(config);
        if (!file) {
            throw IoError("cannot read " + config);
        }
        try {
            // Values already given on the command line stay; the file fills in the rest.
            po::store(po::parse_config_file(file, settings), values);
            po::notify(values);
        } catch (const po::error& e) {
            throw UsageError(config + ": " + e.what());
        }
    }
    options.store = where.location();
    if (options.tenants.empty()) {
        options.tenants.push_back("default");
    }
    if (options.tenants.size() > 1 && !options.seed.empty()) {
        throw UsageError("--seed fills the store of one municipality: serve it alone to seed it");
    }
    if (options.port < 0 || options.port > 65535) {
        throw UsageError("--port must be 0 to 65535");
    }
    if (options.maxThreads < 1 || options.maxThreads > 4096) {
        throw UsageError("--max-threads must be 1 to 4096");
    }
    if (options.timeoutSeconds < 1 || options.timeoutSeconds > 3600) {
        throw UsageError("--timeout must be 1 to 3600 seconds");
    }
    if (maxBodyMiB < 1 || maxBodyMiB > 1024) {
        throw UsageError("--max-body-mib must be 1 to 1024");
    }
    options.maxBodyBytes = maxBodyMiB << 20;
    return serve(options);
}

int roundAdd(int argc, const char* const* argv, std::ostream& out) {
    StoreChoice where;
    Round round;
    po::options_description named("Options");
    where.addTo(named);
    named.add_options()                                                                  //
        ("name", po::value(&round.name)->required(), "what the round is about")          //
        ("due", po::value(&round.due)->required(), "the due date, YYYY-MM-DD")           //
        ("kind", po::value(&round.kinds)->multitoken(), "document kinds in scope (all)") //
        ("unit", po::value(&round.units)->multitoken(), "units in scope (all)");
    if (!parseOptions(argc, argv, named,
                      "usage: rodtrad-server round add (--data DIR | --store LOCATION) "
                      "[--tenant NAME] --name NAME --due DATE [--kind KIND...] [--unit ID...]",
                      out)) {
        return exitOk;
    }
    if (round.name.empty() || round.name.size() > 200) {
        throw UsageError("--name must be 1 to 200 characters");
    }
    if (!Date::parse(round.due)) {
        throw UsageError("--due must be a date YYYY-MM-DD, not \"" + round.due + "\"");
    }
    for (const std::string& kind : round.kinds) {
        if (WorkflowCatalogue::instance().forKind(kind) == nullptr) {
            throw UsageError("there is no document kind \"" + kind + "\"");
        }
    }
    round.createdBy = "rodtrad-server round add";
    const Round created = where.open(true)->createRound(round);
    out << created.id << '\n';
    return exitOk;
}

int auditVerify(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    StoreChoice where;
    po::options_description named("Options");
    where.addTo(named);
    if (!parseOptions(argc, argv, named,
                      "usage: rodtrad-server audit verify (--data DIR | --store LOCATION) "
                      "[--tenant NAME]",
                      out)) {
        return exitOk;
    }
    const auto store = where.open(true);
    const std::string name = where.data.empty() ? store->describe() : where.data;
    const AuditVerification result = store->verify();
    for (const std::string& problem : result.problems) {
        err << name << ": error: " << problem << '\n';
    }
    if (!result.ok()) {
        err << name << ": the audit trail does not verify (" << result.problems.size() << " problem"
            << (result.problems.size() == 1 ? "" : "s") << ")\n";
        return exitFindings;
    }
    out << name << ": " << result.events
        << " audit events chain correctly and every revision matches what they recorded\n";
    return exitOk;
}

int tenantAdd(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    StoreChoice where;
    std::string name;
    po::options_description named("Options");
    where.addTo(named);
    named.add_options()("name", po::value(&name)->required(),
                        "the municipality's name (lower-case letters, digits and '-'; the first "
                        "part of the host name its requests come to)");
    if (!parseOptions(argc, argv, named,
                      "usage: rodtrad-server tenant add (--data DIR | --store LOCATION) "
                      "--name NAME",
                      out)) {
        return exitOk;
    }
    if (name.empty() || name.size() > 63 ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos ||
        name.front() == '-') {
        throw UsageError("--name must be 1 to 63 lower-case letters, digits or '-' (a host name's "
                         "first part)");
    }
    where.tenant = name;
    try {
        where.open(false);
        err << "rodtrad-server tenant add: " << where.location() << " holds \"" << name
            << "\" already\n";
        return exitFindings;
    } catch (const std::runtime_error&) {
        // not there yet: added below
    }
    const auto store = openStore(where.location(), name, true);
    out << "added the municipality \"" << name << "\" to " << store->describe() << '\n';
    return exitOk;
}

int migrateCommand(int argc, const char* const* argv, std::ostream& out) {
    std::string from, to, tenant = "default", toTenant;
    po::options_description named("Options");
    named.add_options()                                                                   //
        ("from", po::value(&from)->required(), "the store to copy: sqlite:DIR, ...")      //
        ("to", po::value(&to)->required(), "where to: postgresql://..., sqlite:DIR")      //
        ("tenant", po::value(&tenant), "the municipality to copy (default: \"default\")") //
        ("to-tenant", po::value(&toTenant), "its name in the target (default: the same)");
    if (!parseOptions(argc, argv, named,
                      "usage: rodtrad-server migrate --from LOCATION --to LOCATION "
                      "[--tenant NAME] [--to-tenant NAME]",
                      out)) {
        return exitOk;
    }
    if (from.starts_with("sqlite:") &&
        !std::filesystem::exists(std::filesystem::path(from.substr(7)) / "rodtrad.sqlite")) {
        throw IoError("no store in " + from.substr(7));
    }
    StoreCopy copied;
    try {
        copied = copyStore(from, tenant, to, toTenant.empty() ? tenant : toTenant);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    out << "copied " << copied.users << " users, " << copied.documents << " documents with "
        << copied.revisions << " revisions and " << copied.auditEvents
        << " audit events; the copy verifies (chain head " << copied.lastAuditHash.substr(0, 16)
        << ")\n";
    return exitOk;
}

} // namespace

int runServerCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    if (argc < 2) {
        err << overview;
        return exitUsage;
    }
    const std::string_view command = argv[1];
    const std::string_view sub = argc >= 3 ? argv[2] : "";
    try {
        if (command == "--help" || command == "-h" || command == "help") {
            out << overview;
            return exitOk;
        }
        if (command == "serve") {
            return serveCommand(argc - 1, argv + 1, out);
        }
        if (command == "user" && sub == "add") {
            return userAdd(argc - 2, argv + 2, out, err);
        }
        if (command == "round" && sub == "add") {
            return roundAdd(argc - 2, argv + 2, out);
        }
        if (command == "audit" && sub == "verify") {
            return auditVerify(argc - 2, argv + 2, out, err);
        }
        if (command == "tenant" && sub == "add") {
            return tenantAdd(argc - 2, argv + 2, out, err);
        }
        if (command == "migrate") {
            return migrateCommand(argc - 1, argv + 1, out);
        }
        err << "rodtrad-server: unknown command \"" << command
            << (sub.empty() ? "" : " " + std::string(sub)) << "\"\n"
            << overview;
        return exitUsage;
    } catch (const UsageError& e) {
        err << "rodtrad-server " << command << ' ' << sub << ": " << e.what() << '\n';
        return exitUsage;
    } catch (const IoError& e) {
        err << "rodtrad-server " << command << ' ' << sub << ": error: " << e.what() << '\n';
        return exitUsage;
    } catch (const std::exception& e) {
        err << "rodtrad-server " << command << ' ' << sub << ": error: " << e.what() << '\n';
        return exitUsage;
    }
}

} // namespace rodtrad::workflow
