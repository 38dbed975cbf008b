// The store conformance suite: every behaviour the service relies on, on each database the
// store runs on (a real SQLite file, a real PostgreSQL server): revisions, transitions with
// votes, optimistic concurrency, read scopes, durability across reopening, the audit chain that
// notices tampering with the database, municipalities kept apart, schema migrations.
#include "databases.h"
#include "rodtrad/workflow/password.h"
#include "rodtrad/workflow/store.h"
#include "sql_store.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace rodtrad::workflow {
namespace {

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;

class StoreTest : public ::testing::TestWithParam<std::string> {
protected:
    StoreTest()
        : location_(testing::freshDatabase(
              GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
        store_ = openStore(location_);
        anna_ = store_->addUser("anna", Role::author, "tn", "token-anna", "", "setup");
        rolf_ = store_->addUser("rolf", Role::reviewer, "", "token-rolf", "", "setup");
        berit_ = store_->addUser("berit", Role::approver, "", "token-berit", "", "setup");
        carl_ = store_->addUser("carl", Role::approver, "", "token-carl", "", "setup");
    }
    ~StoreTest() override {
        store_.reset();
        testing::dropDatabase(location_);
    }

    void create(const std::string& key, const std::string& kind, const std::string& xml) {
        ASSERT_EQ(store_->createDocument({key, kind, "tn", "Titel"}, xml, sha256Hex(xml), "anna"),
                  WriteOutcome::done);
    }

    TransitionResult act(const std::string& key, const User& user, const std::string& action,
                         const std::string& comment = {}) {
        return store_->transition({key, action, comment, user, nullptr});
    }

    // Runs SQL on the database directly, as someone with access to it could.
    void tamper(const std::string& sql) { testing::runSql(location_, sql); }

    std::string location_;
    std::unique_ptr<Store> store_;
    User anna_, rolf_, berit_, carl_;
};

INSTANTIATE_TEST_SUITE_P(Databases, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

TEST_P(StoreTest, AWholeRoundWithChangesRequestedAndAQuorumOfTwo) {
    create("sp-2026", "strategicPlan", "<strategicPlan>1</strategicPlan>");
    EXPECT_EQ(act("sp-2026", anna_, "submit").document.state, "in_review");
    EXPECT_EQ(act("sp-2026", rolf_, "request_changes").decision.outcome, Outcome::commentRequired);
    EXPECT_EQ(act("sp-2026", rolf_, "request_changes", "Målvärdena saknas").document.state,
              "changes_requested");
    int revision = 0;
    ASSERT_EQ(store_->addRevision("sp-2026", 1, "Titel 2", "<strategicPlan>2</strategicPlan>",
                                  sha256Hex("<strategicPlan>2</strategicPlan>"), "anna", revision),
              WriteOutcome::done);
    EXPECT_EQ(revision, 2);
    EXPECT_EQ(act("sp-2026", anna_, "submit").document.state, "in_review");
    TransitionResult first = act("sp-2026", berit_, "approve");
    EXPECT_EQ(first.decision.outcome, Outcome::vote);
    EXPECT_EQ(first.document.state, "in_review");
    EXPECT_EQ(act("sp-2026", berit_, "approve").decision.outcome, Outcome::forbidden);
    EXPECT_EQ(act("sp-2026", carl_, "approve").document.state, "approved");
    EXPECT_EQ(act("sp-2026", berit_, "publish").document.state, "published");

    const auto published = store_->latestIn("sp-2026", {"approved", "published"});
    ASSERT_TRUE(published);
    EXPECT_EQ(published->number, 2);
    EXPECT_EQ(published->xml, "<strategicPlan>2</strategicPlan>");
    EXPECT_EQ(published->submittedBy, "anna");
    EXPECT_EQ(store_->revision("sp-2026", 1)->xml, "<strategicPlan>1</strategicPlan>");
    EXPECT_TRUE(store_->verify().ok());
}

TEST_P(StoreTest, StaleRevisionIsAConflictAndChangesNothing) {
    create("uf-1", "followUp", "<followUp/>");
    int revision = 0;
    ASSERT_EQ(store_->addRevision("uf-1", 1, "T", "<a/>", sha256Hex("<a/>"), "anna", revision),
              WriteOutcome::done);
    EXPECT_EQ(store_->addRevision("uf-1", 1, "T", "<b/>", sha256Hex("<b/>"), "anna", revision),
              WriteOutcome::conflict);
    EXPECT_EQ(store_->document("uf-1")->revision, 2);
    EXPECT_EQ(store_->addRevision("nope", 1, "T", "<b/>", sha256Hex("<b/>"), "anna", revision),
              WriteOutcome::notFound);
    EXPECT_EQ(
        store_->createDocument({"uf-1", "followUp", "tn", "T"}, "<c/>", sha256Hex("<c/>"), "anna"),
        WriteOutcome::exists);
}

TEST_P(StoreTest, ApprovingANewRevisionSupersedesTheOldOne) {
    create("ir-1", "auditReport", "<auditReport>1</auditReport>");
    act("ir-1", anna_, "submit");
    EXPECT_EQ(act("ir-1", berit_, "approve").document.state, "approved");
    int revision = 0;
    store_->addRevision("ir-1", 1, "T", "<auditReport>2</auditReport>",
                        sha256Hex("<auditReport>2</auditReport>"), "anna", revision);
    // While the new draft is written, readers get the approved revision.
    EXPECT_EQ(store_->latestIn("ir-1", {"approved", "published"})->number, 1);
    act("ir-1", anna_, "submit");
    EXPECT_EQ(act("ir-1", berit_, "approve").document.state, "approved");
    EXPECT_EQ(store_->revision("ir-1", 1)->state, "superseded");
    EXPECT_EQ(store_->latestIn("ir-1", {"approved", "published"})->number, 2);
}

TEST_P(StoreTest, DocumentRowsCarryTheLatestHashAndTheApprovedRevision) {
    create("ir-1", "auditReport", "<auditReport>1</auditReport>");
    EXPECT_EQ(store_->document("ir-1")->sha256, sha256Hex("<auditReport>1</auditReport>"));
    EXPECT_EQ(store_->document("ir-1")->approvedRevision, 0);
    act("ir-1", anna_, "submit");
    act("ir-1", berit_, "approve");
    int revision = 0;
    store_->addRevision("ir-1", 1, "T", "<auditReport>2</auditReport>",
                        sha256Hex("<auditReport>2</auditReport>"), "anna", revision);
    const auto document = store_->document("ir-1");
    EXPECT_EQ(document->revision, 2);
    EXPECT_EQ(document->state, "draft");
    EXPECT_EQ(document->sha256, sha256Hex("<auditReport>2</auditReport>"));
    EXPECT_EQ(document->approvedRevision, 1);
    EXPECT_EQ(store_->documents().at(0).approvedRevision, 1);
}

TEST_P(StoreTest, ADraftInReviewCannotBeRevisedUnderneath) {
    create("uf-1", "followUp", "<followUp/>");
    act("uf-1", anna_, "submit");
    int revision = 0;
    EXPECT_EQ(store_->addRevision("uf-1", 1, "T", "<a/>", sha256Hex("<a/>"), "anna", revision),
              WriteOutcome::conflict);
    EXPECT_EQ(store_->document("uf-1")->revision, 1);
}

TEST_P(StoreTest, AReadScopeSeesOneMomentAndLaterReadsSeeTheWrites) {
    create("uf-1", "followUp", "<followUp/>");
    int revision = 0;
    {
        const auto scope = store_->readScope();
        EXPECT_EQ(store_->document("uf-1")->revision, 1);
        ASSERT_EQ(store_->addRevision("uf-1", 1, "T", "<a/>", sha256Hex("<a/>"), "anna", revision),
                  WriteOutcome::done);
        // A scope inside a scope shares its moment.
        const auto inner = store_->readScope();
        EXPECT_EQ(store_->document("uf-1")->revision, 1);
        EXPECT_EQ(store_->documents().size(), 1u);
        EXPECT_FALSE(store_->revision("uf-1", 2));
    }
    EXPECT_EQ(store_->document("uf-1")->revision, 2);
    EXPECT_EQ(store_->revision("uf-1", 2)->xml, "<a/>");
    EXPECT_TRUE(store_->verify().ok());
}

TEST_P(StoreTest, ReadersOnSeveralThreadsSeeRevisionsOnlyGrowWhileOneWrites) {
    create("uf-1", "followUp", "<followUp n=\"1\"/>");
    std::atomic<bool> writing = true;
    std::atomic<int> failures = 0;
    std::vector<std::thread> readers;
    for (int t = 0; t < 4; ++t) {
        readers.emplace_back([&] {
            int seen = 0;
            while (writing) {
                try {
                    const auto scope = store_->readScope();
                    const auto document = store_->document("uf-1");
                    const auto latest = store_->revision("uf-1", document->revision);
                    if (document->revision < seen || !latest ||
                        latest->sha256 != document->sha256 ||
                        sha256Hex(latest->xml) != latest->sha256) {
                        ++failures;
                    }
                    seen = document->revision;
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        });
    }
    for (int n = 1; n < 60; ++n) {
        const std::string xml = "<followUp n=\"" + std::to_string(n + 1) + "\"/>";
        int revision = 0;
        ASSERT_EQ(store_->addRevision("uf-1", n, "T", xml, sha256Hex(xml), "anna", revision),
                  WriteOutcome::done);
    }
    writing = false;
    for (std::thread& reader : readers) {
        reader.join();
    }
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(store_->document("uf-1")->revision, 60);
}

TEST_P(StoreTest, RefusalsAreAuditedToo) {
    create("pol", "environmentalPolicy", "<environmentalPolicy/>");
    EXPECT_EQ(act("pol", rolf_, "submit").decision.outcome, Outcome::forbidden);
    EXPECT_EQ(act("pol", anna_, "approve").decision.outcome, Outcome::illegal);
    const auto trail = store_->auditTrail(0, 100);
    ASSERT_GE(trail.size(), 2u);
    EXPECT_EQ(trail[trail.size() - 2].action, "refused.submit");
    EXPECT_EQ(trail.back().action, "refused.approve");
    EXPECT_EQ(trail.back().actor, "anna");
    EXPECT_NE(trail.back().detail.find("cannot take the action approve"), std::string::npos)
        << trail.back().detail;
    EXPECT_EQ(store_->document("pol")->state, "draft");
}

TEST_P(StoreTest, EverythingIsThereAfterReopening) {
    create("pol", "environmentalPolicy", "<environmentalPolicy/>");
    act("pol", anna_, "submit");
    act("pol", berit_, "approve");
    store_.reset();
    store_ = openStore(location_);
    EXPECT_EQ(store_->document("pol")->state, "in_review");
    // Berit's vote survived: she cannot vote twice, and Carl's completes the quorum.
    EXPECT_EQ(act("pol", berit_, "approve").decision.outcome, Outcome::forbidden);
    EXPECT_EQ(act("pol", carl_, "approve").document.state, "approved");
    EXPECT_EQ(store_->userByTokenHash("token-carl")->name, "carl");
    EXPECT_FALSE(store_->userByTokenHash("token-nobody"));
    EXPECT_TRUE(store_->verify().ok());
}

TEST_P(StoreTest, AuditVerifyFindsAlteredRevisionsAndAuditRows) {
    create("pol", "environmentalPolicy", "<environmentalPolicy>ja</environmentalPolicy>");
    act("pol", anna_, "submit");
    ASSERT_TRUE(store_->verify().ok());
    store_.reset();

    const auto problemsAfter = [this](const std::string& sql) {
        tamper(sql);
        store_ = openStore(location_);
        const AuditVerification result = store_->verify();
        store_.reset();
        std::string all;
        for (const std::string& p : result.problems) {
            all += p + "\n";
        }
        return all;
    };
    // The text of a revision changed.
    std::string problems = problemsAfter(
        "UPDATE revision_texts SET xml = '<environmentalPolicy>nej</environmentalPolicy>'");
    EXPECT_NE(problems.find("revision 1 of pol: its text does not match its SHA-256"),
              std::string::npos)
        << problems;
    // Text and hash changed together: the trail still has the original hash.
    problems = problemsAfter("UPDATE revisions SET sha256 = '" +
                             sha256Hex("<environmentalPolicy>nej</environmentalPolicy>") + "'");
    EXPECT_NE(problems.find("differs from the text the audit trail recorded"), std::string::npos)
        << problems;
    // An audit event's content changed.
    problems = problemsAfter("UPDATE audit SET actor = 'berit' WHERE action = 'submit'");
    EXPECT_NE(problems.find("its content does not match its hash (submit pol)"), std::string::npos)
        << problems;
    // An audit event removed.
    problems = problemsAfter("DELETE FROM audit WHERE seq = 2");
    EXPECT_NE(problems.find("expected event 2"), std::string::npos) << problems;
    EXPECT_NE(problems.find("does not carry the hash of the event before"), std::string::npos)
        << problems;
    store_ = openStore(location_);
}

} // namespace
} // namespace rodtrad::workflow

namespace rodtrad::workflow {
namespace {

std::string capture(const std::string& command, int& status) {
    std::string output;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
        output.append(buffer, n);
    }
    status = WEXITSTATUS(::pclose(pipe));
    return output;
}

} // namespace

TEST(ServerCommandLine, UserAddPrintsATokenTheStoreKnowsOnlyByItsHash) {
    const fs::path dir = fs::temp_directory_path() / ("rodtrad-cli-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const std::string server = RODTRAD_SERVER_BINARY;
    int status = 0;
    std::string token = capture(server + " user add --data " + dir.string() +
                                    " --name anna --role author --unit tn",
                                status);
    EXPECT_EQ(status, 0) << token;
    ASSERT_EQ(token.size(), 65u) << token; // 64 hex digits and a newline
    token.pop_back();
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
    {
        const auto store = openSqliteStore(dir);
        EXPECT_EQ(store->userByTokenHash(sha256Hex(token))->name, "anna");
        EXPECT_FALSE(store->userByTokenHash(token)); // the token itself is never stored
    }
    const std::string again = capture(server + " user add --data " + dir.string() +
                                          " --name anna --role author --unit tn",
                                      status);
    EXPECT_EQ(status, 1);
    EXPECT_NE(again.find("already a user \"anna\""), std::string::npos) << again;
    const fs::path secret = dir / "secret.txt";
    std::ofstream(secret) << "korrekt häst batteri\n";
    capture(server + " user add --data " + dir.string() +
                " --name karin --role reviewer --password-file " + secret.string(),
            status);
    EXPECT_EQ(status, 0);
    {
        const auto store = openSqliteStore(dir);
        EXPECT_TRUE(verifyPassword("korrekt häst batteri", store->passwordHash("karin")));
        EXPECT_EQ(store->passwordHash("anna"), "");
    }
    EXPECT_EQ(
        capture(server + " user add --data " + dir.string() + " --name x --role author", status)
                .find("give --unit") != std::string::npos,
        true);
    EXPECT_EQ(status, 2);

    EXPECT_EQ(
        capture(server + " round add --data " + dir.string() +
                    " --name Loggar --due 2026-01-31 --kind nonconformityLog communicationLog",
                status),
        "1\n");
    EXPECT_EQ(status, 0);
    {
        const auto store = openSqliteStore(dir);
        const auto round = store->round(1);
        ASSERT_TRUE(round);
        EXPECT_EQ(round->kinds, (std::vector<std::string>{"nonconformityLog", "communicationLog"}));
    }
    EXPECT_NE(capture(server + " round add --data " + dir.string() +
                          " --name X --due 2026-01-31 --kind plan",
                      status)
                  .find("no document kind \"plan\""),
              std::string::npos);
    EXPECT_EQ(status, 2);

    const std::string ok = capture(server + " audit verify --data " + dir.string(), status);
    EXPECT_EQ(status, 0) << ok;
    EXPECT_NE(ok.find("3 audit events chain correctly"), std::string::npos) << ok;
    {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::Session session("SQLite", (dir / "rodtrad.sqlite").string());
        session << "UPDATE audit SET detail = 'user=anna role=admin unit=tn'", now;
    }
    const std::string bad = capture(server + " audit verify --data " + dir.string(), status);
    EXPECT_EQ(status, 1) << bad;
    EXPECT_NE(bad.find("audit event 1: its content does not match its hash"), std::string::npos)
        << bad;
    fs::remove_all(dir);
}

} // namespace rodtrad::workflow

namespace rodtrad::workflow {

TEST(Passwords, Pbkdf2HashesVerifyOnlyTheRightPassword) {
    const std::string stored = hashPassword("rätt lösenord 2026");
    EXPECT_TRUE(stored.starts_with("pbkdf2-sha256$600000$")) << stored;
    EXPECT_EQ(stored.size(), std::string("pbkdf2-sha256$600000$").size() + 32 + 1 + 64);
    EXPECT_TRUE(verifyPassword("rätt lösenord 2026", stored));
    EXPECT_FALSE(verifyPassword("rätt lösenord 2025", stored));
    EXPECT_FALSE(verifyPassword("", stored));
    // The same password twice gets two salts.
    EXPECT_NE(hashPassword("rätt lösenord 2026"), stored);
    // Not a hash at all, or a tampered one.
    EXPECT_FALSE(verifyPassword("x", ""));
    EXPECT_FALSE(verifyPassword("x", "pbkdf2-sha256$0$00$00"));
    EXPECT_FALSE(verifyPassword("x", "md5$1$2$3"));
    std::string changed = stored;
    changed.back() = changed.back() == '0' ? '1' : '0';
    EXPECT_FALSE(verifyPassword("rätt lösenord 2026", changed));
}

} // namespace rodtrad::workflow

namespace rodtrad::workflow {

// A store written before municipalities shared a database (schema version 2) is brought up to
// date when it is opened: every row belongs to the municipality "default" and the chain still
// verifies.
TEST(StoreMigrations, AVersion2SqliteStoreIsMigratedWithItsHistory) {
    const std::string location = testing::freshDatabase("sqlite", "version2");
    std::filesystem::create_directories(location.substr(7));
    AuditEvent created{1,
                       1700000000000000,
                       "anna",
                       "document.create",
                       "pol",
                       1,
                       "kind=environmentalPolicy sha256=" + sha256Hex("<environmentalPolicy/>"),
                       "",
                       ""};
    created.hash = auditHash(created);
    for (const std::string& sql : std::vector<std::string>{
             "CREATE TABLE schema_version (version INTEGER NOT NULL)",
             "INSERT INTO schema_version VALUES (2)",
             "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT "
             "NULL, unit TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, password_hash TEXT NOT "
             "NULL, created_at BIGINT NOT NULL)",
             "CREATE TABLE documents (id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL UNIQUE, kind "
             "TEXT NOT NULL, unit TEXT NOT NULL, title TEXT NOT NULL, created_at BIGINT NOT NULL)",
             "CREATE TABLE revisions (document_id INTEGER NOT NULL, number INTEGER NOT NULL, "
             "state TEXT NOT NULL, xml TEXT NOT NULL, sha256 TEXT NOT NULL, created_by TEXT NOT "
             "NULL, submitted_by TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY "
             "(document_id, number))",
             "CREATE TABLE votes (document_id INTEGER NOT NULL, number INTEGER NOT NULL, action "
             "TEXT NOT NULL, user_name TEXT NOT NULL, PRIMARY KEY (document_id, number, action, "
             "user_name))",
             "CREATE TABLE pdfs (document_id INTEGER NOT NULL, number INTEGER NOT NULL, pdf BLOB "
             "NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (document_id, number))",
             "CREATE TABLE rounds (id INTEGER PRIMARY KEY, name TEXT NOT NULL, due TEXT NOT NULL, "
             "kinds TEXT NOT NULL, units TEXT NOT NULL, created_by TEXT NOT NULL, created_at "
             "BIGINT NOT NULL)",
             "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL, "
             "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
             "CREATE TABLE audit (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT "
             "NULL, action TEXT NOT NULL, document TEXT NOT NULL, revision INTEGER NOT NULL, "
             "detail TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)",
             "INSERT INTO users VALUES (1, 'anna', 'author', 'tn', 'token-anna', '', 1)",
             "INSERT INTO documents VALUES (1, 'pol', 'environmentalPolicy', 'tn', 'Policy', 1)",
             "INSERT INTO revisions VALUES (1, 1, 'draft', '<environmentalPolicy/>', '" +
                 sha256Hex("<environmentalPolicy/>") + "', 'anna', '', 1)",
             "INSERT INTO rounds VALUES (1, 'Planer', '2026-12-31', '', '', 'admin', 1)",
             "INSERT INTO audit VALUES (1, " + std::to_string(created.at) +
                 ", 'anna', 'document.create', 'pol', 1, '" + created.detail + "', '', '" +
                 created.hash + "')"}) {
        testing::runSql(location, sql);
    }
    {
        const auto store = openStore(location);
        EXPECT_EQ(store->userByTokenHash("token-anna")->name, "anna");
        EXPECT_EQ(store->document("pol")->title, "Policy");
        EXPECT_EQ(store->revision("pol", 1)->xml, "<environmentalPolicy/>");
        EXPECT_EQ(store->round(1)->name, "Planer");
        EXPECT_EQ(store->verify().events, 1);
        EXPECT_TRUE(store->verify().ok());
        // It goes on: the next event chains to the migrated one.
        store->audit("anna", "note", "pol", 1, "");
        EXPECT_TRUE(store->verify().ok());
    }
    EXPECT_EQ(testing::selectColumn(location, "SELECT CAST(version AS TEXT) FROM schema_version"),
              std::vector<std::string>{"4"});
    // A store from a newer rodtrad-server is refused, not half understood.
    testing::runSql(location, "UPDATE schema_version SET version = 99");
    try {
        openStore(location);
        ADD_FAILURE() << "a store of schema version 99 was opened";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("written by a newer rodtrad-server"),
                  std::string::npos)
            << e.what();
    }
    testing::dropDatabase(location);
}

class StoreMigration : public ::testing::TestWithParam<std::string> {};

INSTANTIATE_TEST_SUITE_P(Databases, StoreMigration, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

// A store of schema version 3 kept each revision's text in the row of its state; opened by this
// version the text moves to a table of its own, and nothing of the history is lost.
TEST_P(StoreMigration, AVersion3StoreKeepsEveryRevisionWhenItsTextMovesOut) {
    const std::string location = testing::freshDatabase(GetParam(), "version3");
    if (GetParam() == "sqlite") {
        std::filesystem::create_directories(location.substr(7));
    }
    std::string text = "<environmentalPolicy>";
    while (text.size() < 200000) {
        text += "<p>Kommunen ska minska sin klimatpåverkan.</p>";
    }
    text += "</environmentalPolicy>";
    AuditEvent created{1,
                       1700000000000000,
                       "anna",
                       "document.create",
                       "pol",
                       1,
                       "kind=environmentalPolicy sha256=" + sha256Hex(text),
                       "",
                       ""};
    created.hash = auditHash(created);
    std::vector<std::string> statements{"CREATE TABLE schema_version (version INTEGER NOT NULL)",
                                        "INSERT INTO schema_version VALUES (3)"};
    for (std::string& statement : GetParam() == "sqlite"
                                      ? tenancySchema("INTEGER PRIMARY KEY", "BLOB")
                                      : tenancySchema("BIGSERIAL PRIMARY KEY", "BYTEA")) {
        statements.push_back(std::move(statement));
    }
    for (const std::string& statement : std::vector<std::string>{
             "INSERT INTO users (tenant_id, name, role, unit, token_hash, password_hash, "
             "created_at) VALUES (1, 'anna', 'author', 'tn', 'token-anna', '', 1)",
             "INSERT INTO users (tenant_id, name, role, unit, token_hash, password_hash, "
             "created_at) VALUES (1, 'rolf', 'reviewer', '', 'token-rolf', '', 1)",
             "INSERT INTO documents (tenant_id, doc_key, kind, unit, title, created_at) VALUES "
             "(1, 'pol', 'environmentalPolicy', 'tn', 'Policy', 1)",
             "INSERT INTO revisions VALUES (1, 1, 'draft', '" + text + "', '" + sha256Hex(text) +
                 "', 'anna', '', 1)",
             "INSERT INTO audit VALUES (1, 1, " + std::to_string(created.at) +
                 ", 'anna', 'document.create', 'pol', 1, '" + created.detail + "', '', '" +
                 created.hash + "')"}) {
        statements.push_back(statement);
    }
    for (const std::string& sql : statements) {
        testing::runSql(location, sql);
    }
    {
        const auto store = openStore(location);
        EXPECT_TRUE(store->revision("pol", 1)->xml == text);
        EXPECT_TRUE(store->verify().ok());
        // Its state changes as before, and its text stays what it was.
        const User anna = *store->userByTokenHash("token-anna");
        EXPECT_EQ(store->transition({"pol", "submit", "", anna, nullptr}).document.state,
                  "in_review");
        EXPECT_EQ(store->document("pol")->state, "in_review");
        EXPECT_TRUE(store->latestRevision("pol")->xml == text);
        EXPECT_TRUE(store->verify().ok());
    }
    EXPECT_EQ(testing::selectColumn(location, "SELECT CAST(version AS TEXT) FROM schema_version"),
              std::vector<std::string>{"4"});
    EXPECT_EQ(testing::selectColumn(location, "SELECT CAST(number AS TEXT) FROM revision_texts"),
              std::vector<std::string>{"1"});
    testing::dropDatabase(location);
}

TEST_P(StoreTest, AnUnknownMunicipalityIsRefusedAndANewOneStartsEmpty) {
    try {
        openStore(location_, "sigtuna");
        ADD_FAILURE() << "an unknown municipality was opened";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("no municipality \"sigtuna\""), std::string::npos)
            << e.what();
    }
    create("pol", "environmentalPolicy", "<environmentalPolicy/>");
    const auto sigtuna = openStore(location_, "sigtuna", true);
    EXPECT_TRUE(sigtuna->documents().empty());
    EXPECT_FALSE(sigtuna->document("pol"));
    EXPECT_FALSE(sigtuna->userByTokenHash("token-anna"));
    EXPECT_TRUE(sigtuna->auditTrail(0, 100).empty());
    // The same key in both, each its own; each chain starts at 1 and verifies.
    const User per = sigtuna->addUser("per", Role::author, "tn", "token-per", "", "setup");
    ASSERT_EQ(sigtuna->createDocument({"pol", "environmentalPolicy", "tn", "Sigtunas"},
                                      "<environmentalPolicy>s</environmentalPolicy>",
                                      sha256Hex("<environmentalPolicy>s</environmentalPolicy>"),
                                      "per"),
              WriteOutcome::done);
    EXPECT_EQ(sigtuna->document("pol")->title, "Sigtunas");
    EXPECT_EQ(store_->document("pol")->title, "Titel");
    EXPECT_EQ(sigtuna->auditTrail(0, 100).front().seq, 1);
    EXPECT_TRUE(sigtuna->verify().ok());
    EXPECT_TRUE(store_->verify().ok());
    EXPECT_FALSE(store_->userByTokenHash("token-per"));
    EXPECT_EQ(sigtuna->transition({"pol", "submit", "", per, nullptr}).document.state, "in_review");
    EXPECT_EQ(store_->document("pol")->state, "draft");
}

} // namespace rodtrad::workflow

namespace rodtrad::workflow {

// An approved revision's PDF is rendered once, however many ask for it at the same moment: on
// PostgreSQL from two stores on one database, as two nodes would; on SQLite (one node) from
// two threads of one store.
TEST_P(StoreTest, AnApprovedPdfIsRenderedOnceWhenAskedForAtOnce) {
    create("pol", "environmentalPolicy", "<environmentalPolicy/>");
    const auto other = GetParam() == "sqlite" ? nullptr : openStore(location_);
    Store& second = other ? *other : *store_;
    std::atomic<int> renders = 0;
    const auto render = [&]() -> std::optional<std::string> {
        ++renders;
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        return "%PDF-1.7 rendered " + std::to_string(renders.load());
    };
    std::optional<std::string> first, later;
    std::thread a([&] { first = store_->storedOrRendered("pol", 1, render); });
    std::thread b([&] { later = second.storedOrRendered("pol", 1, render); });
    a.join();
    b.join();
    EXPECT_EQ(renders, 1);
    ASSERT_TRUE(first && later);
    EXPECT_EQ(*first, *later);
    EXPECT_EQ(store_->storedPdf("pol", 1), first);
    // A render that fails stores nothing, and the next caller renders.
    EXPECT_FALSE(store_->storedOrRendered("pol", 2, [] { return std::optional<std::string>(); }));
    EXPECT_FALSE(store_->storedPdf("pol", 2));
}

} // namespace rodtrad::workflow

namespace rodtrad::workflow {

// More readers and writers at once than the store keeps connections for: the ones beyond wait
// for a connection to come back, and every one is served.
TEST_P(StoreTest, MoreRequestsAtOnceThanConnectionsAreAllServed) {
    create("uf-1", "followUp", "<followUp/>");
    std::atomic<int> served = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 60; ++t) {
        threads.emplace_back([&, t] {
            if (t % 6 == 0) {
                store_->audit("anna", "note", "uf-1", 1, std::to_string(t));
                ++served;
                return;
            }
            const auto scope = store_->readScope();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (store_->document("uf-1") && store_->revision("uf-1", 1)) {
                ++served;
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(served, 60);
    EXPECT_TRUE(store_->verify().ok());
}

} // namespace rodtrad::workflow
