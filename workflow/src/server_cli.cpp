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

Commands:
  serve --data DIR [--port N] [--listen ADDRESS] [--seed WORKSPACE] [--config FILE]
                      run the HTTP service (port 0: any free port, printed)
  user add --data DIR --name NAME --role author|reviewer|approver|admin [--unit ID]
           [--password-file FILE]
                      add a user and print their bearer token
  round add --data DIR --name NAME --due DATE [--kind KIND...] [--unit ID...]
                      start an approval round and print its number
  audit verify --data DIR
                      check the audit chain and every stored revision against it
)";

int userAdd(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    std::string data, name, role, unit, passwordFile;
    po::options_description named("Options");
    named.add_options()                                                               //
        ("data", po::value(&data)->required(), "the service's data directory")        //
        ("name", po::value(&name)->required(), "user name (letters, digits, . _ -)")  //
        ("role", po::value(&role)->required(), "author, reviewer, approver or admin") //
        ("unit", po::value(&unit), "the unit the user acts for (authors: required)")  //
        ("password-file", po::value(&passwordFile),
         "a file whose first line is the password for the web login (- for standard input)");
    po::positional_options_description positional;
    po::variables_map values;
    if (!parseCommandLine(argc, argv, named, positional, values,
                          "usage: rodtrad-server user add --data DIR --name NAME --role ROLE "
                          "[--unit ID]",
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
    const auto store = openSqliteStore(data);
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
    std::string config;
    std::size_t maxBodyMiB = options.maxBodyBytes >> 20;
    // The settings a config file may hold too (key = value lines, the same names).
    po::options_description settings("Settings");
    settings.add_options()                                                              //
        ("data", po::value(&options.data), "the service's data directory")              //
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
                          "usage: rodtrad-server serve --data DIR [--port N] [--listen ADDRESS] "
                          "[--config FILE]",
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
    if (options.data.empty()) {
        throw UsageError("give --data DIR (or data in the --config file)");
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
    std::string data, name, due;
    Round round;
    po::options_description named("Options");
    named.add_options()                                                                  //
        ("data", po::value(&data)->required(), "the service's data directory")           //
        ("name", po::value(&round.name)->required(), "what the round is about")          //
        ("due", po::value(&round.due)->required(), "the due date, YYYY-MM-DD")           //
        ("kind", po::value(&round.kinds)->multitoken(), "document kinds in scope (all)") //
        ("unit", po::value(&round.units)->multitoken(), "units in scope (all)");
    po::positional_options_description positional;
    po::variables_map values;
    if (!parseCommandLine(argc, argv, named, positional, values,
                          "usage: rodtrad-server round add --data DIR --name NAME --due DATE "
                          "[--kind KIND...] [--unit ID...]",
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
    const Round created = openSqliteStore(data)->createRound(round);
    out << created.id << '\n';
    return exitOk;
}

int auditVerify(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    std::string data;
    po::options_description named("Options");
    named.add_options()("data", po::value(&data)->required(), "the service's data directory");
    po::positional_options_description positional;
    po::variables_map values;
    if (!parseCommandLine(argc, argv, named, positional, values,
                          "usage: rodtrad-server audit verify --data DIR", out)) {
        return exitOk;
    }
    if (!std::filesystem::exists(std::filesystem::path(data) / "rodtrad.sqlite")) {
        throw IoError("no store in " + data);
    }
    const AuditVerification result = openSqliteStore(data)->verify();
    for (const std::string& problem : result.problems) {
        err << data << ": error: " << problem << '\n';
    }
    if (!result.ok()) {
        err << data << ": the audit trail does not verify (" << result.problems.size() << " problem"
            << (result.problems.size() == 1 ? "" : "s") << ")\n";
        return exitFindings;
    }
    out << data << ": " << result.events
        << " audit events chain correctly and every revision matches what they recorded\n";
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
