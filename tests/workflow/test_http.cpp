// The real rodtrad-server on a free port, driven over HTTP: a whole approval round with the
// example municipality's documents, and every refusal a client can meet.
#include "databases.h"
#include "rodtrad/evidence.h"
#include "server_process.h"
#include "service.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace rodtrad::workflow::testing;

// One server for the tests of this file, with the example's organisation and strategic plan.
const Server& server() {
    static const std::unique_ptr<Server> instance = [] {
        auto s = std::make_unique<Server>();
        if (s->upload("admin", readFile(example / "organisation.xml")).status != 201 ||
            s->upload("kerstin", readFile(example / "strategic-plan.xml")).status != 201) {
            throw std::runtime_error("cannot seed the test server");
        }
        return s;
    }();
    return *instance;
}

// A problem reply says what went wrong in problem+json.
void expectProblem(const Response& r, int status, const std::string& detailPart) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.contentType, "application/problem+json") << r.body;
    if (r.contentType == "application/problem+json") {
        EXPECT_EQ(r.json()->getValue<int>("status"), status);
        EXPECT_NE(r.field("detail").find(detailPart), std::string::npos) << r.body;
    }
}

} // namespace

TEST(HttpService, AWholeApprovalRoundAndPublication) {
    const Server& s = server();
    // The technical committee's author uploads the committee's plan.
    const std::string plan = readFile(example / "plans/tn-2025.xml");
    Response created = s.upload("tomas", plan);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.headers["Location"], "/api/v1/documents/vp-tn-2025");
    const std::string firstTag = created.headers["ETag"];
    EXPECT_EQ(created.field("state"), "draft");

    EXPECT_EQ(s.act("tomas", "vp-tn-2025", "submit").field("state"), "in_review");
    expectProblem(s.act("rut", "vp-tn-2025", "request_changes"), 422, "needs a comment");
    EXPECT_EQ(s.act("rut", "vp-tn-2025", "request_changes", "Aktiviteterna saknar ansvarig")
                  .field("state"),
              "changes_requested");

    // A new revision needs the ETag of the one edited.
    std::string revised = plan;
    revised.replace(revised.find("</title>"), 0, " (reviderad)");
    expectProblem(s.request("PUT", "/api/v1/documents/vp-tn-2025/content", "tomas", revised,
                            "application/xml"),
                  428, "If-Match");
    expectProblem(s.request("PUT", "/api/v1/documents/vp-tn-2025/content", "tomas", revised,
                            "application/xml", {{"If-Match", "\"9-0000000000000000\""}}),
                  412, "current revision is 1");
    Response put = s.request("PUT", "/api/v1/documents/vp-tn-2025/content", "tomas", revised,
                             "application/xml", {{"If-Match", firstTag}});
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(put.json()->getValue<int>("revision"), 2);
    EXPECT_NE(put.headers["ETag"], firstTag);
    // The old ETag is stale now.
    expectProblem(s.request("PUT", "/api/v1/documents/vp-tn-2025/content", "tomas", revised,
                            "application/xml", {{"If-Match", firstTag}}),
                  412, "changed");

    EXPECT_EQ(s.act("tomas", "vp-tn-2025", "submit").field("state"), "in_review");
    EXPECT_EQ(s.act("anders", "vp-tn-2025", "approve").field("state"), "approved");
    EXPECT_EQ(s.act("anders", "vp-tn-2025", "publish").field("state"), "published");

    // Both revisions stay readable, byte for byte.
    EXPECT_EQ(s.request("GET", "/api/v1/documents/vp-tn-2025/revisions/1", "rut").body, plan);
    EXPECT_EQ(s.request("GET", "/api/v1/documents/vp-tn-2025/revisions/2", "rut").body, revised);
    EXPECT_EQ(s.request("GET", "/api/v1/documents/vp-tn-2025/content", "rut").body, revised);

    // The history names who did what, with the comment.
    const Response history = s.request("GET", "/api/v1/documents/vp-tn-2025/history", "rut");
    ASSERT_EQ(history.status, 200);
    EXPECT_NE(history.body.find("\"who\":\"rut\",\"action\":\"request_changes\""),
              std::string::npos)
        << history.body;
    EXPECT_NE(history.body.find("Aktiviteterna saknar ansvarig"), std::string::npos);

    const Response verify = s.request("GET", "/api/v1/audit/verify", "admin");
    EXPECT_TRUE(verify.json()->getValue<bool>("ok")) << verify.body;
}

TEST(HttpService, TheStrategicPlanNeedsTwoApproversNeitherOfWhomSubmittedIt) {
    const Server& s = server();
    EXPECT_EQ(s.act("kerstin", "sp-2025-2027", "submit").field("state"), "in_review");
    Response first = s.act("eva", "sp-2025-2027", "approve");
    EXPECT_EQ(first.status, 202) << first.body;
    EXPECT_EQ(first.json()->getValue<int>("approvals"), 1);
    EXPECT_EQ(first.json()->getValue<int>("quorum"), 2);
    EXPECT_EQ(first.field("state"), "in_review");
    expectProblem(s.act("eva", "sp-2025-2027", "approve"), 403, "already taken part");
    EXPECT_EQ(s.act("anders", "sp-2025-2027", "approve").field("state"), "approved");
}

TEST(HttpService, WhoeverSubmittedMayNotApprove) {
    const Server& s = server();
    std::string report = readFile(example / "ems/audit-report-ir-2025-01.xml");
    // The audit report refers to the audit programme: upload that first.
    ASSERT_EQ(s.upload("admin", readFile(example / "ems/audit-programme.xml")).status, 201);
    Response created = s.upload("admin", report);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = "revisionsrapport-ir-2025-01";
    EXPECT_EQ(s.act("eva", id, "submit").field("state"), "in_review");
    expectProblem(s.act("eva", id, "approve"), 403, "segregation of duties");
    EXPECT_EQ(s.act("anders", id, "approve").field("state"), "approved");
}

TEST(HttpService, ForbiddenCombinationsOfRoleUnitAndAction) {
    const Server& s = server();
    const std::string bunPlan = readFile(example / "plans/bun-2025.xml");
    expectProblem(s.upload("rut", bunPlan), 403, "only authors and admins");
    expectProblem(s.upload("anders", bunPlan), 403, "only authors and admins");
    expectProblem(s.upload("tomas", bunPlan), 403, "writes for unit tn, not bun");
    ASSERT_EQ(s.upload("britt", bunPlan).status, 201);
    const std::string tag =
        s.request("GET", "/api/v1/documents/vp-bun-2025", "britt").headers["ETag"];
    expectProblem(s.request("PUT", "/api/v1/documents/vp-bun-2025/content", "tomas", bunPlan,
                            "application/xml", {{"If-Match", tag}}),
                  403, "not bun");
    expectProblem(s.request("PUT", "/api/v1/documents/vp-bun-2025/content", "rut", bunPlan,
                            "application/xml", {{"If-Match", tag}}),
                  403, "only authors and admins");
    expectProblem(s.act("tomas", "vp-bun-2025", "submit"), 403,
                  "may not act on a document of unit bun");
    expectProblem(s.act("rut", "vp-bun-2025", "submit"), 403, "needs the role");
    EXPECT_EQ(s.act("britt", "vp-bun-2025", "submit").field("state"), "in_review");
    expectProblem(s.act("britt", "vp-bun-2025", "approve"), 403, "needs the role approver");
    expectProblem(s.act("rut", "vp-bun-2025", "approve"), 403, "needs the role approver");
    expectProblem(s.act("admin", "vp-bun-2025", "approve"), 403, "needs the role approver");
    expectProblem(s.act("britt", "vp-bun-2025", "reject", "nej"), 403, "needs the role approver");
    expectProblem(s.act("anders", "vp-bun-2025", "withdraw"), 403, "needs the role");
    expectProblem(s.act("britt", "vp-bun-2025", "retire"), 409, "cannot take the action retire");
    // Every refusal is in the audit trail.
    const Response trail = s.request("GET", "/api/v1/audit?limit=10000", "admin");
    EXPECT_NE(trail.body.find("\"who\":\"tomas\",\"action\":\"refused.submit\""),
              std::string::npos);
    EXPECT_NE(trail.body.find("\"who\":\"rut\",\"action\":\"refused.create\""), std::string::npos);
}

TEST(HttpService, IllegalTransitionsAreConflicts) {
    const Server& s = server();
    ASSERT_EQ(s.upload("admin", readFile(example / "ems/environmental-policy.xml")).status, 201);
    expectProblem(s.act("anders", "miljopolicy", "approve"), 409,
                  "cannot take the action approve; possible: submit, withdraw");
    expectProblem(s.act("admin", "miljopolicy", "publish"), 409, "cannot take the action publish");
    expectProblem(s.act("admin", "miljopolicy", "explode"), 409, "no action \"explode\"");
    expectProblem(s.act("admin", "no-such-document", "submit"), 404, "no document");
    Response bad = s.request("POST", "/api/v1/documents/miljopolicy/transitions", "admin",
                             "not json", "application/json");
    expectProblem(bad, 400, "action");
}

TEST(HttpService, NoTokenOrAnUnknownOneIsUnauthorizedAndAudited) {
    const Server& s = server();
    const Response none = s.request("GET", "/api/v1/documents", "");
    expectProblem(none, 401, "bearer token is required");
    EXPECT_EQ(none.headers.at("WWW-Authenticate"), "Bearer");
    expectProblem(s.request("GET", "/api/v1/documents", "not-a-token"), 401, "not known");
    const Response trail = s.request("GET", "/api/v1/audit?limit=10000", "admin");
    EXPECT_NE(trail.body.find("\"action\":\"refused.auth\""), std::string::npos);
    // Liveness and the description need no token.
    EXPECT_EQ(s.request("GET", "/healthz", "").status, 200);
}

TEST(HttpService, InvalidXmlIsRefusedWithItsDiagnosticsAndNothingStored) {
    const Server& s = server();
    std::string plan = readFile(example / "plans/kfn-2025.xml");
    const std::size_t at = plan.find("<year>");
    ASSERT_NE(at, std::string::npos);
    plan.insert(at, "<surprise/>");
    const Response invalid = s.upload("admin", plan);
    expectProblem(invalid, 422, "surprise");
    const auto diagnostics = invalid.json()->getArray("diagnostics");
    ASSERT_GT(diagnostics->size(), 0u);
    EXPECT_GT(diagnostics->getObject(0)->getValue<int>("line"), 1);
    // A reference to a goal no document has: the cross-document checks refuse it.
    std::string dangling = readFile(example / "plans/kfn-2025.xml");
    const std::size_t goal = dangling.find("parent=\"KF4\"");
    ASSERT_NE(goal, std::string::npos);
    dangling.replace(goal, 12, "parent=\"KF99\"");
    const Response unresolved = s.upload("admin", dangling);
    EXPECT_EQ(unresolved.status, 422) << unresolved.body;
    EXPECT_NE(unresolved.body.find("KF99"), std::string::npos) << unresolved.body;
    expectProblem(s.request("POST", "/api/v1/documents", "admin", "<a/>", "text/plain"), 415,
                  "application/xml");
    EXPECT_EQ(s.request("GET", "/api/v1/documents/vp-kfn-2025", "admin").status, 404);
}

TEST(HttpService, HostileXmlIsRefused) {
    const Server& s = server();
    const std::string laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE o [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
        "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><organisation xmlns=\"urn:rodtrad:org:1\">&b;"
        "</organisation>";
    const Response entities = s.upload("admin", laughs);
    EXPECT_EQ(entities.status, 422);
    EXPECT_NE(entities.body.find("xml.dtd"), std::string::npos) << entities.body;
    const std::string external =
        "<?xml version=\"1.0\"?><!DOCTYPE o SYSTEM \"file:///etc/passwd\"><o/>";
    EXPECT_EQ(s.upload("admin", external).status, 422);
    std::string deep;
    for (int i = 0; i < 1000; ++i) {
        deep += "<a>";
    }
    const Response nested = s.upload("admin", deep);
    EXPECT_EQ(nested.status, 422);
    EXPECT_NE(nested.body.find("xml.depth"), std::string::npos) << nested.body;
    const Response notUtf8 = s.upload("admin", "<organisation>\xff\xfe</organisation>");
    EXPECT_EQ(notUtf8.status, 422);
    // A body claiming more than the limit is refused before it is read.
    const Response huge = s.request("POST", "/api/v1/documents", "admin", "<a/>", "application/xml",
                                    {{"Content-Length", "40000000"}});
    EXPECT_EQ(huge.status, 413) << huge.body;
}

TEST(HttpService, RequestsBeyondTheHeaderLimitsAreRefused) {
    const Server& s = server();
    std::map<std::string, std::string> many;
    for (int i = 0; i < 150; ++i) {
        many["X-Filler-" + std::to_string(i)] = "x";
    }
    EXPECT_EQ(s.request("GET", "/api/v1/documents", "admin", {}, {}, many).status, 400);
    const std::map<std::string, std::string> longValue{{"X-Filler", std::string(20000, 'x')}};
    EXPECT_EQ(s.request("GET", "/api/v1/documents", "admin", {}, {}, longValue).status, 400);
    // Within the limits the same request is answered.
    many.erase(many.begin(), std::next(many.begin(), 100));
    EXPECT_EQ(s.request("GET", "/api/v1/documents", "admin", {}, {}, many).status, 200);
}

TEST(HttpService, AClientThatStopsMidRequestIsCutOffAfterTheTimeout) {
    const fs::path config =
        fs::temp_directory_path() / ("rodtrad-serve-" + std::to_string(::getpid()) + ".conf");
    std::ofstream(config) << "# the command line's --port 0 wins over this\nport = 1\n"
                             "timeout = 1\nmax-body-mib = 1\n";
    const Server s({}, {"--config", config.string()});
    fs::remove(config);
    // The settings from the file hold: a body over 1 MiB is refused, one under is read.
    EXPECT_EQ(s.request("POST", "/api/v1/documents", "admin", "<a/>", "application/xml",
                        {{"Content-Length", "1100000"}})
                  .status,
              413);
    EXPECT_EQ(
        s.request("POST", "/api/v1/documents", "admin", std::string(900000, ' '), "application/xml")
            .status,
        422);
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(s.port())));
    const std::string half = "GET /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    socket.sendBytes(half.data(), static_cast<int>(half.size()));
    // The server closes the connection; a client waiting longer than this would be a failure.
    socket.setReceiveTimeout(Poco::Timespan(30, 0));
    char buffer[256];
    int received = 0;
    try {
        received = socket.receiveBytes(buffer, sizeof buffer);
    } catch (const Poco::TimeoutException&) {
        received = -1;
    }
    EXPECT_EQ(received, 0) << "the half-sent request was not cut off";
    // The server goes on serving others.
    EXPECT_EQ(s.request("GET", "/healthz", "").status, 200);
}

TEST(HttpService, OpenApiDescribesEveryRouteTheServiceAnswers) {
    const Server& s = server();
    const Response description = s.request("GET", "/api/openapi.json", "");
    ASSERT_EQ(description.status, 200);
    const auto paths = description.json()->getObject("paths");
    std::size_t described = 0;
    for (const auto& [path, item] : *paths) {
        for (const auto& [method, operation] : *item.extract<Poco::JSON::Object::Ptr>()) {
            ++described;
            std::string concrete = path;
            for (const auto& [from, to] :
                 std::map<std::string, std::string>{{"{id}", "sp-2025-2027"}, {"{n}", "1"}}) {
                const auto at = concrete.find(from);
                if (at != std::string::npos) {
                    concrete.replace(at, from.size(), to);
                }
            }
            std::string upper = method;
            for (char& c : upper) {
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            const Response r = s.request(upper, concrete, "rut", "", "application/json");
            EXPECT_NE(r.status, 405) << upper << " " << concrete;
            EXPECT_EQ(r.body.find("no route"), std::string::npos) << upper << " " << concrete;
        }
    }
    EXPECT_EQ(described, 30u);
    expectProblem(s.request("GET", "/api/v1/nothing-here", "rut"), 404, "no route");
    expectProblem(s.request("DELETE", "/api/v1/documents/sp-2025-2027", "rut"), 405, "DELETE");
}

namespace {

const Server& seededServer() {
    static const std::unique_ptr<Server> instance = std::make_unique<Server>(example.string());
    return *instance;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST(HttpService, SeededWithTheExampleApprovalsImported) {
    const Server& s = seededServer();
    const Response all = s.request("GET", "/api/v1/documents", "rut");
    EXPECT_EQ(count(all.body, "\"id\":"), 103u);
    const Response drafts = s.request("GET", "/api/v1/documents?state=draft", "rut");
    EXPECT_NE(drafts.body.find("kommunikationslogg-miljo"), std::string::npos);
    EXPECT_EQ(drafts.body.find("miljopolicy"), std::string::npos);
    const Response history = s.request("GET", "/api/v1/documents/miljopolicy/history", "rut");
    EXPECT_NE(history.body.find("\"action\":\"import.approved\""), std::string::npos);
    EXPECT_NE(history.body.find("approved by Kommunfullmäktige on 2023-06-19 (KF 2023-06-19 § 78)"),
              std::string::npos)
        << history.body;
}

TEST(HttpService, ApprovedRevisionsRenderOnceAndStayTheSameBytes) {
    const Server& s = seededServer();
    const Response first = s.request("GET", "/api/v1/documents/miljopolicy/pdf", "rut");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.contentType, "application/pdf");
    EXPECT_TRUE(first.body.starts_with("%PDF-"));
    const Response second = s.request("GET", "/api/v1/documents/miljopolicy/pdf", "anders");
    EXPECT_TRUE(first.body == second.body);
    // A draft is rendered each time, with the watermark, and never stored.
    EXPECT_EQ(s.request("GET", "/api/v1/documents/kommunikationslogg-miljo/pdf", "rut").status,
              200);
    const Response trail = s.request("GET", "/api/v1/audit?limit=10000", "admin");
    EXPECT_EQ(count(trail.body, "\"action\":\"pdf.store\",\"document\":\"miljopolicy\""), 1u);
    EXPECT_EQ(
        count(trail.body, "\"action\":\"pdf.store\",\"document\":\"kommunikationslogg-miljo\""),
        0u);
    expectProblem(s.request("GET", "/api/v1/documents/org-upplands-vasby/pdf", "rut"), 404,
                  "no PDF");
}

TEST(HttpService, ThePublishedPlanIsServedWithoutAToken) {
    const Server& s = seededServer();
    expectProblem(s.request("GET", "/public/sp-2025-2027.pdf", ""), 404, "no published");
    const Response approved = s.request("GET", "/api/v1/documents/sp-2025-2027/pdf", "rut");
    ASSERT_EQ(approved.status, 200);
    expectProblem(s.act("rut", "sp-2025-2027", "publish"), 403, "needs the role");
    EXPECT_EQ(s.act("anders", "sp-2025-2027", "publish").field("state"), "published");
    const Response index = s.request("GET", "/public/", "");
    EXPECT_EQ(index.status, 200);
    EXPECT_NE(index.body.find("\"href\":\"/public/sp-2025-2027.pdf\""), std::string::npos);
    const Response published = s.request("GET", "/public/sp-2025-2027.pdf", "");
    ASSERT_EQ(published.status, 200);
    EXPECT_TRUE(published.body == approved.body); // the approved revision's stored bytes
    expectProblem(s.request("GET", "/public/miljopolicy.pdf", ""), 404, "no published");
    EXPECT_EQ(s.request("GET", "/public/../api/v1/documents", "").status, 404);
    EXPECT_EQ(s.request("POST", "/public/sp-2025-2027.pdf", "").status, 405);
}

TEST(HttpService, ARoundsDashboardShowsStateWaitingForAndOverdue) {
    const Server& s = seededServer();
    expectProblem(s.request("POST", "/api/v1/rounds", "tomas",
                            R"({"name": "VP 2026", "due": "2020-01-31"})", "application/json"),
                  403, "quality staff");
    expectProblem(s.request("POST", "/api/v1/rounds", "rut",
                            R"({"name": "VP 2026", "due": "31 januari"})", "application/json"),
                  422, "due must be a date");
    expectProblem(s.request("POST", "/api/v1/rounds", "rut",
                            R"({"name": "x", "due": "2020-01-31", "kinds": ["plan"]})",
                            "application/json"),
                  422, "no document kind \"plan\"");
    // A round long past its due date over the EMS logs: the drafts among them are overdue.
    const Response created = s.request(
        "POST", "/api/v1/rounds", "rut",
        R"({"name": "Loggar 2025", "due": "2020-01-31", "kinds": ["nonconformityLog", "communicationLog", "environmentalPolicy"]})",
        "application/json");
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string location = created.headers.at("Location");
    const Response dashboard = s.request("GET", location, "tomas");
    ASSERT_EQ(dashboard.status, 200) << dashboard.body;
    const auto json = dashboard.json();
    EXPECT_EQ(json->getValue<int>("total"), 3);
    EXPECT_EQ(json->getValue<int>("approved"), 1); // the policy
    EXPECT_EQ(json->getValue<int>("overdue"), 2);
    EXPECT_NE(dashboard.body.find(R"("id":"kommunikationslogg-miljo","kind":"communicationLog")"),
              std::string::npos);
    EXPECT_NE(
        dashboard.body.find(R"("state":"draft","revision":1,"waitingFor":"author","overdue":true)"),
        std::string::npos)
        << dashboard.body;
    // A round due in the future has nothing overdue; rounds list both.
    const Response future = s.request(
        "POST", "/api/v1/rounds", "anders",
        R"({"name": "Verksamhetsplaner tekniska nämnden", "due": "2999-12-31", "units": ["tn"]})",
        "application/json");
    ASSERT_EQ(future.status, 201);
    const Response later = s.request("GET", future.headers.at("Location"), "rut");
    EXPECT_EQ(later.json()->getValue<int>("overdue"), 0);
    EXPECT_GT(later.json()->getValue<int>("total"), 0);
    EXPECT_NE(s.request("GET", "/api/v1/rounds", "rut").body.find("Loggar 2025"),
              std::string::npos);
    expectProblem(s.request("GET", "/api/v1/rounds/999", "rut"), 404, "no round");
    expectProblem(s.request("GET", "/api/v1/rounds/abc", "rut"), 404, "no round");
}

TEST(HttpService, TheEvidencePackComesWithTheAuditTrailAndVerifies) {
    const Server& s = seededServer();
    const Response pack = s.request("GET", "/api/v1/evidence?edition=2015", "rut");
    ASSERT_EQ(pack.status, 200) << pack.body.substr(0, 300);
    EXPECT_EQ(pack.contentType, "application/zip");
    EXPECT_NE(pack.headers.at("Content-Disposition").find("iso14001-2015-evidence-"),
              std::string::npos);
    const fs::path file =
        s.dir_.parent_path() / ("rodtrad-pack-" + std::to_string(::getpid()) + ".zip");
    std::ofstream(file, std::ios::binary) << pack.body;
    const rodtrad::VerifyReport report = rodtrad::verifyEvidencePack(file);
    EXPECT_TRUE(report.ok());
    EXPECT_GT(report.filesChecked, 100u);
    fs::remove(file);
    // The audit trail rides along, listed in the manifest.
    EXPECT_NE(pack.body.find("audit-trail.xml"), std::string::npos);
    expectProblem(s.request("GET", "/api/v1/evidence?edition=1999", "rut"), 422, "2015 or 2026");
    EXPECT_EQ(s.request("GET", "/api/v1/evidence?edition=2026", "rut").status, 200);
}

namespace {

// A step a client saw acknowledged (a 2xx) before a node was killed.
struct Acknowledged {
    std::string document;
    std::string step;
    int revision = 0;
};

// The approved documents of the example, but its organisation.
std::vector<std::string> approvedDocuments(const Server& s) {
    const Response approvedList = s.request("GET", "/api/v1/documents?state=approved", "rut");
    std::vector<std::string> documents;
    const auto array =
        Poco::JSON::Parser().parse(approvedList.body).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto d = array->getObject(static_cast<unsigned>(i));
        if (d->getValue<std::string>("kind") != "organisation") {
            documents.push_back(d->getValue<std::string>("id"));
        }
    }
    return documents;
}

// Four clients take documents from a shared list and walk each through a new revision, submit
// and approval, each client on the nodes in turn; every 2xx is written down. `victim` is killed
// with SIGKILL once a few steps are acknowledged, while the clients are mid-way (however fast
// the machine is); a service that acknowledges nothing for minutes fails the test. The clients
// go on against the other nodes until the documents run out.
std::vector<Acknowledged> walkDocumentsAndKill(const std::vector<std::string>& documents,
                                               const std::vector<const Server*>& nodes,
                                               Server& victim) {
    std::mutex lock;
    std::vector<Acknowledged> acknowledged;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> killed{false};
    const auto client = [&](std::size_t first) {
        for (std::size_t turn = first;; ++turn) {
            const std::size_t i = next++;
            if (i >= documents.size() || (killed && nodes.size() == 1)) {
                return;
            }
            const Server& s = *nodes[turn % nodes.size()];
            const std::string& id = documents[i];
            try {
                const Response current =
                    s.request("GET", "/api/v1/documents/" + id + "/content", "admin");
                const Response put =
                    s.request("PUT", "/api/v1/documents/" + id + "/content", "admin", current.body,
                              "application/xml", {{"If-Match", current.headers.at("ETag")}});
                if (put.status != 200) {
                    continue;
                }
                {
                    const std::lock_guard guard(lock);
                    acknowledged.push_back({id, "revise", put.json()->getValue<int>("revision")});
                }
                if (s.act("admin", id, "submit").status != 200) {
                    continue;
                }
                {
                    const std::lock_guard guard(lock);
                    acknowledged.push_back({id, "submit", 0});
                }
                const Response approve = s.act("anders", id, "approve");
                if (approve.status / 100 == 2) {
                    const std::lock_guard guard(lock);
                    acknowledged.push_back({id, approve.status == 200 ? "approve" : "vote", 0});
                }
            } catch (const std::exception&) {
                // The node went away mid-request: that request was not acknowledged.
            }
        }
    };
    std::vector<std::thread> clients;
    for (std::size_t i = 0; i < 4; ++i) {
        clients.emplace_back(client, i);
    }
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    for (;;) {
        {
            const std::lock_guard guard(lock);
            if (acknowledged.size() >= 8) {
                break;
            }
        }
        if (std::chrono::steady_clock::now() > giveUp || next >= documents.size()) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    victim.crash();
    killed = true;
    for (std::thread& t : clients) {
        t.join();
    }
    return acknowledged;
}

// Every acknowledged step is in the store as `s` serves it, and the audit chain verifies.
void expectAcknowledgedStepsKept(const Server& s, const std::vector<Acknowledged>& acknowledged) {
    for (const Acknowledged& a : acknowledged) {
        SCOPED_TRACE(a.document + " " + a.step);
        const Response meta = s.request("GET", "/api/v1/documents/" + a.document, "rut");
        ASSERT_EQ(meta.status, 200);
        const std::string state = meta.field("state");
        if (a.step == "revise") {
            EXPECT_GE(meta.json()->getValue<int>("revision"), a.revision);
            EXPECT_EQ(s.request("GET",
                                "/api/v1/documents/" + a.document + "/revisions/" +
                                    std::to_string(a.revision),
                                "rut")
                          .status,
                      200);
        } else if (a.step == "submit" || a.step == "vote") {
            EXPECT_TRUE(state == "in_review" || state == "approved") << state;
        } else {
            EXPECT_EQ(state, "approved");
        }
    }
    const Response verify = s.request("GET", "/api/v1/audit/verify", "admin");
    EXPECT_TRUE(verify.json()->getValue<bool>("ok")) << verify.body;
    const std::string cli = runServerCommand("audit verify " + s.storeArguments());
    EXPECT_NE(cli.find("chain correctly"), std::string::npos) << cli;
}

} // namespace

TEST(HttpService, EveryAcknowledgedTransitionSurvivesSigkill) {
    Server s(example.string());
    const std::vector<std::string> documents = approvedDocuments(s);
    ASSERT_GT(documents.size(), 40u);
    const std::vector<Acknowledged> acknowledged = walkDocumentsAndKill(documents, {&s}, s);
    ASSERT_FALSE(acknowledged.empty()) << "no transition completed before the kill";
    RecordProperty("acknowledged", static_cast<int>(acknowledged.size()));
    s.start();
    expectAcknowledgedStepsKept(s, acknowledged);
}

namespace {

// A fresh server with the example's organisation and strategic plan and a user who signs in to
// the web pages with a password.
class WebServer : public Server {
public:
    WebServer() {
        const fs::path file = dir_ / "password.txt";
        std::ofstream(file) << "Sommar i Väsby 2026\n";
        runServerCommand("user add --data " + dir_.string() +
                         " --name pia --role approver --password-file " + file.string());
        fs::remove(file);
        if (upload("admin", readFile(example / "organisation.xml")).status != 201 ||
            upload("kerstin", readFile(example / "strategic-plan.xml")).status != 201) {
            throw std::runtime_error("cannot seed the test server");
        }
    }

    Response signIn(const std::string& name, const std::string& password) const {
        return request("POST", "/api/v1/session", "",
                       R"({"name": ")" + name + R"(", "password": ")" + password + "\"}",
                       "application/json");
    }
};

TEST(WebSessions, SignInGivesATokenTheApiKnowsUntilSignOut) {
    const WebServer s;
    expectProblem(s.signIn("pia", "sommar i väsby 2026"), 401, "wrong");
    expectProblem(s.signIn("nobody", "Sommar i Väsby 2026"), 401, "wrong");
    expectProblem(s.request("POST", "/api/v1/session", "", "{}", "application/json"), 400,
                  "user name");
    const Response signedIn = s.signIn("pia", "Sommar i Väsby 2026");
    ASSERT_EQ(signedIn.status, 201) << signedIn.body;
    const std::string token = signedIn.field("token");
    EXPECT_EQ(token.size(), 64u);
    EXPECT_EQ(signedIn.json()->getObject("user")->getValue<std::string>("role"), "approver");
    const Response me = s.request("GET", "/api/v1/session", token);
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.field("name"), "pia");
    EXPECT_EQ(s.request("GET", "/api/v1/tasks", token).status, 200);
    // A user's own API token is not a session: signing out does not end it.
    expectProblem(s.request("DELETE", "/api/v1/session", "admin"), 409, "not a session");
    EXPECT_EQ(s.request("DELETE", "/api/v1/session", token).status, 204);
    expectProblem(s.request("GET", "/api/v1/tasks", token), 401, "not known");
    EXPECT_EQ(s.request("GET", "/api/v1/tasks", "admin").status, 200);
    // Signing in and out and the refusals are in the audit trail.
    const std::string trail = s.request("GET", "/api/v1/audit", "admin").body;
    EXPECT_NE(trail.find(R"("who":"pia","action":"session.start")"), std::string::npos);
    EXPECT_NE(trail.find(R"("who":"pia","action":"session.end")"), std::string::npos);
    EXPECT_NE(trail.find(R"("who":"nobody","action":"refused.signin")"), std::string::npos);
    EXPECT_EQ(trail.find("Sommar"), std::string::npos) << "a password in the audit trail";
}

TEST(WebSessions, GuessingPasswordsIsStoppedAfterFiveFailures) {
    const WebServer s;
    for (int attempt = 0; attempt < rodtrad::workflow::SignInThrottle::limit; ++attempt) {
        EXPECT_EQ(s.signIn("pia", "gissning" + std::to_string(attempt)).status, 401);
    }
    const Response throttled = s.signIn("pia", "Sommar i Väsby 2026");
    expectProblem(throttled, 429, "too many failed sign-ins");
    EXPECT_GT(std::stoi(throttled.headers.at("Retry-After")), 800);
    // Other users are not affected.
    EXPECT_EQ(s.signIn("nobody", "x").status, 401);
}

TEST(WebTasks, EachUserSeesWhatWaitsForThemAndWhyTheyMayNotDoTheRest) {
    const WebServer s;
    ASSERT_EQ(s.upload("tomas", readFile(example / "plans/tn-2025.xml")).status, 201);
    const auto tasksOf = [&s](const std::string& user) {
        return s.request("GET", "/api/v1/tasks", user).body;
    };
    EXPECT_NE(tasksOf("tomas").find(R"("id":"vp-tn-2025")"), std::string::npos);
    EXPECT_NE(tasksOf("tomas").find(R"("task":"write","actions":["submit","withdraw"])"),
              std::string::npos)
        << tasksOf("tomas");
    EXPECT_EQ(tasksOf("britt").find("vp-tn-2025"), std::string::npos); // another committee
    EXPECT_EQ(tasksOf("rut").find("vp-tn-2025"), std::string::npos);   // nothing to review yet

    const Response forRut = s.request("GET", "/api/v1/documents/vp-tn-2025/actions", "rut");
    ASSERT_EQ(forRut.status, 200);
    EXPECT_NE(forRut.body.find(R"("action":"submit","next":"in_review","allowed":false)"),
              std::string::npos)
        << forRut.body;
    EXPECT_NE(forRut.body.find("rut is reviewer"), std::string::npos) << forRut.body;

    ASSERT_EQ(s.act("tomas", "vp-tn-2025", "submit").status, 200);
    EXPECT_NE(tasksOf("rut").find(R"("id":"vp-tn-2025")"), std::string::npos);
    EXPECT_NE(tasksOf("rut").find(R"("task":"review")"), std::string::npos);
    EXPECT_NE(tasksOf("anders").find(R"("task":"approve")"), std::string::npos);
    const Response forRutNow = s.request("GET", "/api/v1/documents/vp-tn-2025/actions", "rut");
    EXPECT_NE(forRutNow.body.find(R"("action":"request_changes","next":"changes_requested",)"
                                  R"("allowed":true,"reason":"","commentRequired":true)"),
              std::string::npos)
        << forRutNow.body;

    // The strategic plan needs two approvers; the first approval shows as progress, and the
    // approver who gave it may not give it again.
    ASSERT_EQ(s.act("kerstin", "sp-2025-2027", "submit").status, 200);
    ASSERT_EQ(s.act("anders", "sp-2025-2027", "approve").status, 202);
    const Response forAnders = s.request("GET", "/api/v1/documents/sp-2025-2027/actions", "anders");
    EXPECT_NE(forAnders.body.find(R"("action":"approve","next":"approved","allowed":false)"),
              std::string::npos)
        << forAnders.body;
    EXPECT_NE(forAnders.body.find(R"("votes":1,"quorum":2)"), std::string::npos);
    EXPECT_EQ(tasksOf("anders").find("sp-2025-2027"), std::string::npos);
    EXPECT_NE(tasksOf("eva").find(R"("id":"sp-2025-2027")"), std::string::npos);
    const Response round = s.request("POST", "/api/v1/rounds", "rut",
                                     R"({"name": "Flerårsplan", "due": "2999-01-31", )"
                                     R"("kinds": ["strategicPlan"]})",
                                     "application/json");
    ASSERT_EQ(round.status, 201);
    const Response dashboard = s.request("GET", round.headers.at("Location"), "rut");
    EXPECT_NE(dashboard.body.find(R"("approvals":1,"quorum":2)"), std::string::npos)
        << dashboard.body;
    // The round's due date reaches the task list.
    EXPECT_NE(tasksOf("eva").find(R"("due":"2999-01-31","round":"Flerårsplan","overdue":false)"),
              std::string::npos)
        << tasksOf("eva");
    expectProblem(s.request("GET", "/api/v1/documents/nope/actions", "rut"), 404, "no document");
}

TEST(WebDocuments, TheDiffShowsWhatChangedSinceTheApprovedRevision) {
    const WebServer s;
    const std::string plan = readFile(example / "plans/tn-2025.xml");
    const Response created = s.upload("tomas", plan);
    ASSERT_EQ(created.status, 201);
    // The first revision has nothing to compare with.
    const Response first = s.request("GET", "/api/v1/documents/vp-tn-2025/diff", "rut");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_NE(first.body.find(R"({"from":null,"to":1,"approvedRevision":null,"changes":[]})"),
              std::string::npos)
        << first.body;
    ASSERT_EQ(s.act("tomas", "vp-tn-2025", "submit").status, 200);
    ASSERT_EQ(s.act("anders", "vp-tn-2025", "approve").status, 200);
    std::string revised = plan;
    revised.replace(revised.find("</title>"), 0, " (reviderad)");
    ASSERT_EQ(s.request("PUT", "/api/v1/documents/vp-tn-2025/content", "tomas", revised,
                        "application/xml", {{"If-Match", created.headers.at("ETag")}})
                  .status,
              200);
    const Response diff = s.request("GET", "/api/v1/documents/vp-tn-2025/diff", "rut");
    ASSERT_EQ(diff.status, 200) << diff.body;
    EXPECT_EQ(diff.json()->getValue<int>("from"), 1);
    EXPECT_EQ(diff.json()->getValue<int>("to"), 2);
    const auto changes = diff.json()->getArray("changes");
    ASSERT_EQ(changes->size(), 1u) << diff.body;
    const auto change = changes->getObject(0);
    EXPECT_EQ(change->getValue<std::string>("change"), "changed");
    EXPECT_EQ(change->getValue<std::string>("field"), "title");
    EXPECT_EQ(change->getValue<std::string>("after"),
              change->getValue<std::string>("before") + " (reviderad)");
    expectProblem(s.request("GET", "/api/v1/documents/vp-tn-2025/diff?from=7", "rut"), 400,
                  "1 to 2");
}

TEST(WebViews, TheRedThreadAndTheCoverageMatrixOfTheStoredDocuments) {
    const Server& s = seededServer();
    const Response tree = s.request("GET", "/api/v1/redthread", "tomas");
    ASSERT_EQ(tree.status, 200) << tree.body.substr(0, 300);
    EXPECT_EQ(tree.json()->getArray("perspectives")->size(), 4u);
    EXPECT_NE(tree.body.find(R"("statusText":"Gul")"), std::string::npos);
    const Response english = s.request("GET", "/api/v1/redthread?lang=en", "tomas");
    EXPECT_NE(english.body.find(R"("statusText":"Yellow")"), std::string::npos);
    expectProblem(s.request("GET", "/api/v1/redthread?period=1999", "tomas"), 422, "1999");

    const Response matrix = s.request("GET", "/api/v1/coverage?edition=2015", "tomas");
    ASSERT_EQ(matrix.status, 200) << matrix.body.substr(0, 300);
    const auto clauses = matrix.json()->getArray("clauses");
    EXPECT_EQ(static_cast<int>(clauses->size()),
              matrix.json()->getObject("summary")->getValue<int>("clauses"));
    EXPECT_NE(matrix.body.find(R"("number":"6.1.2")"), std::string::npos);
    expectProblem(s.request("GET", "/api/v1/coverage?edition=2099", "tomas"), 422, "edition");
}

TEST(WebPages, ServedWithCacheHeadersAndAPolicyThatAllowsNothingFromElsewhere) {
    const Server& s = server();
    const Response page = s.request("GET", "/", "");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.contentType, "text/html; charset=utf-8");
    EXPECT_EQ(page.headers.at("Cache-Control"), "no-cache");
    EXPECT_NE(page.headers.at("Content-Security-Policy").find("default-src 'self'"),
              std::string::npos);
    EXPECT_NE(page.headers.at("Content-Security-Policy").find("script-src 'self';"),
              std::string::npos);
    const auto at = page.body.find("/assets/app.js?v=");
    ASSERT_NE(at, std::string::npos) << page.body;
    const std::string versioned = page.body.substr(at, page.body.find('"', at) - at);
    EXPECT_EQ(versioned.size(), std::string("/assets/app.js?v=").size() + 16) << versioned;

    const Response script = s.request("GET", versioned, "");
    ASSERT_EQ(script.status, 200);
    EXPECT_EQ(script.contentType, "text/javascript; charset=utf-8");
    EXPECT_EQ(script.headers.at("Cache-Control"), "public, max-age=31536000, immutable");
    // Without the page's version it is revalidated, and the ETag saves sending it again.
    const Response unversioned = s.request("GET", "/assets/app.js", "");
    EXPECT_EQ(unversioned.headers.at("Cache-Control"), "no-cache");
    EXPECT_EQ(unversioned.body, script.body);
    const Response again = s.request("GET", "/assets/app.js", "", {}, {},
                                     {{"If-None-Match", script.headers.at("ETag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(s.request("GET", "/assets/nothing.js", "").status, 404);
    EXPECT_EQ(s.request("GET", "/assets/%2e%2e%2fCMakeLists.txt", "").status, 404);
    EXPECT_EQ(s.request("POST", "/", "", "x", "text/plain").status, 405);
}

} // namespace

namespace {

// A PostgreSQL database of the test's own on the server ctest starts, dropped at the end.
class PostgresDatabase {
public:
    explicit PostgresDatabase(const std::string& name)
        : location_(rodtrad::workflow::testing::freshDatabase("postgresql", name)) {}
    PostgresDatabase(const PostgresDatabase&) = delete;
    PostgresDatabase& operator=(const PostgresDatabase&) = delete;
    ~PostgresDatabase() { rodtrad::workflow::testing::dropDatabase(location_); }
    const std::string& location() const { return location_; }

private:
    std::string location_;
};

// Runs one request on each node at the same moment; their statuses, sorted.
std::vector<int> atOnce(const std::function<Response()>& onA,
                        const std::function<Response()>& onB) {
    std::latch ready(3);
    int first = 0, second = 0;
    std::thread a([&] {
        ready.arrive_and_wait();
        first = onA().status;
    });
    std::thread b([&] {
        ready.arrive_and_wait();
        second = onB().status;
    });
    ready.arrive_and_wait();
    a.join();
    b.join();
    std::vector<int> statuses{first, second};
    std::sort(statuses.begin(), statuses.end());
    return statuses;
}

// How many approvals the document's approve action needs.
int approvalQuorum(const Server& s, const std::string& document) {
    const Response actions =
        s.request("GET", "/api/v1/documents/" + document + "/actions", "anders");
    const auto array = Poco::JSON::Parser().parse(actions.body).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto action = array->getObject(static_cast<unsigned>(i));
        if (action->getValue<std::string>("action") == "approve") {
            return action->getValue<int>("quorum");
        }
    }
    return 0;
}

// How many events of the document's history are `action` on `revision`.
int eventsOf(const Server& s, const std::string& document, const std::string& action,
             int revision) {
    const Response history = s.request("GET", "/api/v1/documents/" + document + "/history", "rut");
    const auto events = Poco::JSON::Parser().parse(history.body).extract<Poco::JSON::Array::Ptr>();
    int n = 0;
    for (std::size_t i = 0; i < events->size(); ++i) {
        const auto e = events->getObject(static_cast<unsigned>(i));
        n +=
            e->getValue<std::string>("action") == action && e->getValue<int>("revision") == revision
                ? 1
                : 0;
    }
    return n;
}

} // namespace

TEST(Cluster, TwoNodesOnOnePostgresqlDecideEachWriteOnce) {
    const PostgresDatabase database("cluster_race");
    const Server a(StoreAt{database.location()}, example.string());
    const Server b(SameStoreAs{a});
    const std::vector<std::string> documents = approvedDocuments(a);
    ASSERT_GT(documents.size(), 20u);

    // The same revision revised from both nodes at once: one wins, the other is told it is stale.
    const std::string policy = "miljopolicy"; // approved by two (below)
    std::vector<std::string> raced;
    std::copy_if(documents.begin(), documents.end(), std::back_inserter(raced),
                 [&](const std::string& id) { return id != policy && raced.size() < 12; });
    for (const std::string& id : raced) {
        SCOPED_TRACE(id);
        const Response current = a.request("GET", "/api/v1/documents/" + id + "/content", "admin");
        const auto put = [&](const Server& node) {
            return [&] {
                return node.request("PUT", "/api/v1/documents/" + id + "/content", "admin",
                                    current.body, "application/xml",
                                    {{"If-Match", current.headers.at("ETag")}});
            };
        };
        EXPECT_EQ(atOnce(put(a), put(b)), (std::vector<int>{200, 412}));
        EXPECT_EQ(
            b.request("GET", "/api/v1/documents/" + id, "rut").json()->getValue<int>("revision"),
            2);
        ASSERT_EQ(a.act("admin", id, "submit").status, 200);
    }
    // Two approvers at once on a quorum of one: one approves, the other finds it decided.
    for (const std::string& id : raced) {
        if (approvalQuorum(a, id) != 1) {
            continue;
        }
        SCOPED_TRACE(id);
        EXPECT_EQ(atOnce([&] { return a.act("anders", id, "approve"); },
                         [&] { return b.act("eva", id, "approve"); }),
                  (std::vector<int>{200, 409}));
        EXPECT_EQ(eventsOf(b, id, "approve", 2), 1);
        // Its approved PDF, asked of both nodes at once, is one and the same, stored once.
        std::string pdfA, pdfB;
        atOnce(
            [&] {
                Response r = a.request("GET", "/api/v1/documents/" + id + "/pdf", "rut");
                pdfA = r.body;
                return r;
            },
            [&] {
                Response r = b.request("GET", "/api/v1/documents/" + id + "/pdf", "rut");
                pdfB = r.body;
                return r;
            });
        EXPECT_TRUE(pdfA.starts_with("%PDF-"));
        EXPECT_EQ(pdfA, pdfB);
        EXPECT_EQ(eventsOf(a, id, "pdf.store", 2), 1);
    }
    // A quorum of two: the approvals from both nodes count once each, and the same approver on
    // both nodes at once counts once.
    const Response current = a.request("GET", "/api/v1/documents/" + policy + "/content", "admin");
    ASSERT_EQ(a.request("PUT", "/api/v1/documents/" + policy + "/content", "admin", current.body,
                        "application/xml", {{"If-Match", current.headers.at("ETag")}})
                  .status,
              200);
    ASSERT_EQ(b.act("admin", policy, "submit").status, 200);
    ASSERT_EQ(approvalQuorum(a, policy), 2);
    EXPECT_EQ(atOnce([&] { return a.act("anders", policy, "approve"); },
                     [&] { return b.act("anders", policy, "approve"); }),
              (std::vector<int>{202, 403}));
    EXPECT_EQ(b.act("eva", policy, "approve").status, 200);
    EXPECT_EQ(a.request("GET", "/api/v1/documents/" + policy, "rut").field("state"), "approved");
    EXPECT_EQ(eventsOf(a, policy, "vote.approve", 2), 1);
    EXPECT_EQ(eventsOf(a, policy, "approve", 2), 1);

    for (const Server* node : {&a, &b}) {
        const Response verify = node->request("GET", "/api/v1/audit/verify", "admin");
        EXPECT_TRUE(verify.json()->getValue<bool>("ok")) << verify.body;
    }
    const std::string cli = runServerCommand("audit verify " + a.storeArguments());
    EXPECT_NE(cli.find("chain correctly"), std::string::npos) << cli;
}

TEST(Cluster, AcknowledgedWritesSurviveANodeKilledMidRun) {
    const PostgresDatabase database("cluster_kill");
    Server a(StoreAt{database.location()}, example.string());
    const Server b(SameStoreAs{a});
    const std::vector<std::string> documents = approvedDocuments(a);
    const std::vector<Acknowledged> acknowledged = walkDocumentsAndKill(documents, {&a, &b}, a);
    ASSERT_FALSE(acknowledged.empty()) << "no transition completed before the kill";
    RecordProperty("acknowledged", static_cast<int>(acknowledged.size()));
    // The node left standing serves every acknowledged step; so does the killed one restarted.
    expectAcknowledgedStepsKept(b, acknowledged);
    a.start();
    expectAcknowledgedStepsKept(a, acknowledged);
    EXPECT_EQ(a.request("GET", "/readyz", "").status, 200);
}

TEST(Tenants, AnotherMunicipalitysIdsAreNotFoundOnEveryRoute) {
    const PostgresDatabase database("tenants");
    for (const char* name : {"vasby", "sigtuna"}) {
        const std::string added =
            runServerCommand("tenant add --store '" + database.location() + "' --name " + name);
        ASSERT_NE(added.find("added the municipality"), std::string::npos) << added;
    }
    // Väsby with the example's documents and a round; one node serves both municipalities,
    // each at the host names that begin with its name.
    const Server vasby(StoreAt{database.location(), "vasby"}, example.string());
    ASSERT_EQ(vasby
                  .request("POST", "/api/v1/rounds", "admin",
                           R"({"name": "Planer", "due": "2999-12-31"})", "application/json")
                  .status,
              201);
    ASSERT_EQ(vasby.act("anders", "sp-2025-2027", "publish").status, 200);
    std::string sigtunaAdmin = runServerCommand("user add --store '" + database.location() +
                                                "' --tenant sigtuna --name admin --role admin");
    sigtunaAdmin.pop_back();
    const Server node(SameStoreAs{vasby}, {"--tenant", "sigtuna"});
    const std::map<std::string, std::string> atSigtuna{{"Host", "sigtuna.localhost"}};
    const std::map<std::string, std::string> atVasby{{"Host", "vasby.localhost"}};

    const std::string etag =
        node.request("GET", "/api/v1/documents/sp-2025-2027", "admin", {}, {}, atVasby)
            .headers.at("ETag");
    struct Route {
        std::string method;
        std::string path;
        std::string body;
        std::string contentType;
    };
    const std::string plan = "/api/v1/documents/sp-2025-2027";
    const std::vector<Route> routes{
        {"GET", plan, {}, {}},
        {"GET", plan + "/content", {}, {}},
        {"PUT", plan + "/content", readFile(example / "strategic-plan.xml"), "application/xml"},
        {"GET", plan + "/revisions/1", {}, {}},
        {"GET", plan + "/history", {}, {}},
        {"GET", plan + "/pdf", {}, {}},
        {"GET", plan + "/actions", {}, {}},
        {"GET", plan + "/diff", {}, {}},
        {"POST", plan + "/transitions", R"({"action": "submit"})", "application/json"},
        {"GET", "/api/v1/rounds/1", {}, {}},
        {"GET", "/public/sp-2025-2027.pdf", {}, {}},
    };
    for (const Route& r : routes) {
        SCOPED_TRACE(r.method + " " + r.path);
        std::map<std::string, std::string> headers = atVasby;
        headers["If-Match"] = etag;
        // The route finds the document in its own municipality...
        const Response own =
            node.request(r.method, r.path, "admin", r.body, r.contentType, headers);
        EXPECT_NE(own.status, 404) << own.body;
        // ...and nothing with another's token at another's host name.
        headers["Host"] = atSigtuna.at("Host");
        EXPECT_EQ(
            node.request(r.method, r.path, sigtunaAdmin, r.body, r.contentType, headers).status,
            404);
    }
    // Sigtuna's lists hold nothing of Väsby's.
    EXPECT_EQ(node.request("GET", "/api/v1/documents", sigtunaAdmin, {}, {}, atSigtuna).body,
              "[]\n");
    EXPECT_EQ(node.request("GET", "/api/v1/rounds", sigtunaAdmin, {}, {}, atSigtuna).body, "[]\n");
    EXPECT_EQ(node.request("GET", "/public/", "", {}, {}, atSigtuna).body, "[]\n");
    const Response trail = node.request("GET", "/api/v1/audit", sigtunaAdmin, {}, {}, atSigtuna);
    EXPECT_EQ(trail.body.find("sp-2025-2027"), std::string::npos);
    EXPECT_NE(trail.body.find("user.add"), std::string::npos);
    // A token is good at its own municipality only.
    EXPECT_EQ(node.request("GET", "/api/v1/documents", "admin", {}, {}, atSigtuna).status, 401);
    EXPECT_EQ(node.request("GET", "/api/v1/documents", sigtunaAdmin, {}, {}, atVasby).status, 401);
    // A host name that is no municipality's.
    const Response nowhere =
        node.request("GET", "/api/v1/documents", sigtunaAdmin, {}, {}, {{"Host", "x.localhost"}});
    EXPECT_EQ(nowhere.status, 404);
    EXPECT_NE(nowhere.body.find("no municipality"), std::string::npos) << nowhere.body;
    // Each municipality's audit chain verifies on its own.
    for (const std::string tenant : {"vasby", "sigtuna"}) {
        const std::string cli = runServerCommand("audit verify --store '" + database.location() +
                                                 "' --tenant " + tenant);
        EXPECT_NE(cli.find("chain correctly"), std::string::npos) << cli;
    }
}

TEST(Migrate, ASqliteStoreCopiedToPostgresqlKeepsItsHistoryAndAuditChain) {
    const PostgresDatabase database("migrate");
    std::string planPdf;
    std::string trailBefore;
    std::string documentsBefore;
    std::string historyBefore;
    const Server source(example.string());
    {
        const Server& s = source;
        // History to carry over: a new revision, a review round with a comment, a vote, an
        // approval with its stored PDF, a round.
        const Response current = s.request("GET", "/api/v1/documents/vp-tn-2025/content", "tomas");
        ASSERT_EQ(s.request("PUT", "/api/v1/documents/vp-tn-2025/content", "tomas", current.body,
                            "application/xml", {{"If-Match", current.headers.at("ETag")}})
                      .status,
                  200);
        ASSERT_EQ(s.act("tomas", "vp-tn-2025", "submit").status, 200);
        ASSERT_EQ(s.act("rut", "vp-tn-2025", "request_changes", "Mått saknas").status, 200);
        ASSERT_EQ(s.act("tomas", "vp-tn-2025", "submit").status, 200);
        ASSERT_EQ(s.act("anders", "vp-tn-2025", "approve").status, 200);
        planPdf = s.request("GET", "/api/v1/documents/vp-tn-2025/pdf", "rut").body;
        ASSERT_TRUE(planPdf.starts_with("%PDF-"));
        ASSERT_EQ(s.request("POST", "/api/v1/rounds", "admin",
                            R"({"name": "Planer", "due": "2999-12-31"})", "application/json")
                      .status,
                  201);
        trailBefore = s.request("GET", "/api/v1/audit?limit=100000", "admin").body;
        documentsBefore = s.request("GET", "/api/v1/documents", "rut").body;
        historyBefore = s.request("GET", "/api/v1/documents/vp-tn-2025/history", "rut").body;
    }
    const std::string from = source.store().location;
    const std::string copied =
        runServerCommand("migrate --from " + from + " --to '" + database.location() + "'");
    EXPECT_NE(copied.find("the copy verifies"), std::string::npos) << copied;
    EXPECT_NE(copied.find("copied 7 users"), std::string::npos) << copied;

    const Server after(SameUsersAs{source, StoreAt{database.location()}});
    // The same tokens, documents, history, PDF bytes and audit chain, event for event.
    EXPECT_EQ(after.request("GET", "/api/v1/documents", "rut").body, documentsBefore);
    EXPECT_EQ(after.request("GET", "/api/v1/documents/vp-tn-2025/history", "rut").body,
              historyBefore);
    EXPECT_EQ(after.request("GET", "/api/v1/audit?limit=100000", "admin").body, trailBefore);
    EXPECT_EQ(after.request("GET", "/api/v1/documents/vp-tn-2025/pdf", "rut").body, planPdf);
    EXPECT_EQ(after.request("GET", "/api/v1/documents/vp-tn-2025/revisions/1", "rut").body,
              source.request("GET", "/api/v1/documents/vp-tn-2025/revisions/1", "rut").body);
    EXPECT_EQ(after.request("GET", "/api/v1/rounds/1", "rut").status, 200);
    // The chain goes on from where it was: a new event links to the copied head.
    EXPECT_EQ(after.act("eva", "vp-tn-2025", "publish").status, 200);
    const Response verify = after.request("GET", "/api/v1/audit/verify", "admin");
    EXPECT_TRUE(verify.json()->getValue<bool>("ok")) << verify.body;

    // A second copy into the same municipality is refused and changes nothing.
    const std::string again =
        runServerCommand("migrate --from " + from + " --to '" + database.location() + "'");
    EXPECT_NE(again.find("holds users, documents or audit events already"), std::string::npos)
        << again;
    EXPECT_EQ(after.request("GET", "/api/v1/documents/vp-tn-2025", "rut").field("state"),
              "published");
    EXPECT_NE(
        runServerCommand("migrate --from sqlite:/nonexistent --to '" + database.location() + "'")
            .find("no store in /nonexistent"),
        std::string::npos);
}
