// Server work of issues 11 and 12, against fakeaws:
//  - an organization member CloudPeek cannot reach (its audit role missing or
//    not trusted) is announced as unreachable, not as "credentials expired";
//  - "Test connection" on a member keeps what discovery knows of it
//    (identity.organization: OU path, role status);
//  - queued scans survive a restart: stopped with 3 queued behind a running
//    one (max_concurrent_scans 1), the server starts again and runs them in
//    order with the regions and services they asked for; the running one ends
//    "interrupted: server shut down", and so does one a crash left "running";
//    a queued scan cancelled before the stop stays cancelled;
//  - month-to-date spend from Cost Explorer (collect/ce.cc, one
//    GetCostAndUsage per scan): on the dashboard by service with its period
//    and currency; NOT_ASSESSED naming ce:GetCostAndUsage and a policy that
//    grants it when AWS refuses (never 0, never the last known spend).
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>

#include "server/test_server.h"

namespace cloudpeek::server::testing {
namespace {

constexpr const char* kOrgAdminKey = "AKIAFAKEORGADMIN0001";
constexpr const char* kOrgAdminSecret = "fakeSecretOrgAdmin/000000000000000000000001";
constexpr const char* kDeployedExternalId = "cloudpeek-ext-7f3a9c2e";

std::string org_scenario() { return std::string(CLOUDPEEK_FAKEAWS) + "/scenarios/organization.json"; }

// The organization connected through its management account; returns the member row's provider id.
struct OrgMembers {
  TestServer s{org_scenario()};
  Client c = s.admin();
  json org;
  OrgMembers() {
    auto p = c.send("POST", "/api/v1/providers",
                    {{"label", "management"}, {"access_key_id", kOrgAdminKey}, {"secret_access_key", kOrgAdminSecret}});
    EXPECT_EQ(p.status, 201u) << p.body;
    auto r = c.send("POST", "/api/v1/organizations",
                    {{"provider_id", p.j().value("id", "")}, {"role_name", "CloudPeekAudit"},
                     {"external_id", kDeployedExternalId}});
    EXPECT_EQ(r.status, 201u) << r.body;
    org = r.j();
  }
  std::string member(const std::string& account) {
    for (const auto& a : org["accounts"])
      if (a["account_id"] == account && a["member"].is_object()) return a["member"]["provider_id"];
    ADD_FAILURE() << "no member " << account;
    return "";
  }
  json provider(const std::string& id) {
    for (const auto& p : c.get("/api/v1/providers").j())
      if (p["id"] == id) return p;
    return json();
  }
};

TEST(OrgDefects, AMemberWithoutItsRoleIsAnnouncedAsUnreachableNotAsExpired) {
  OrgMembers o;
  std::string bob = o.member("222200000016");  // sandbox-bob: no CloudPeekAudit role
  std::string logs = o.member("222200000002");  // log-archive: the role works
  json reminders = o.c.get("/api/v1/reminders").j();
  json mine, working;
  for (const auto& r : reminders) {
    if (r["provider_id"] == bob) mine = r;
    if (r["provider_id"] == logs) working = r;
  }
  ASSERT_TRUE(mine.is_object()) << reminders.dump();
  EXPECT_TRUE(working.is_null()) << working.dump();  // its AssumeRole keys are fresh: nothing to announce
  EXPECT_EQ(mine["reason"], "organization_member_unreachable") << mine.dump();
  std::string headline = mine.value("headline", "");
  EXPECT_NE(headline.find("222200000016"), std::string::npos) << headline;
  EXPECT_NE(headline.find("is not reachable"), std::string::npos) << headline;
  EXPECT_NE(headline.find("CloudPeekAudit is missing or does not trust CloudPeek"), std::string::npos) << headline;
  EXPECT_EQ(headline.find("expired"), std::string::npos) << headline;
  // The steps already shown stay: deploy the role, discover again, scan again.
  ASSERT_FALSE(mine["steps"].empty());
  EXPECT_NE(mine["steps"][0].get<std::string>().find("Deploy the role CloudPeekAudit in account 222200000016"),
            std::string::npos)
      << mine["steps"].dump();
  // The management account's own provider and a working member are not announced.
  for (const auto& r : reminders) EXPECT_NE(r.value("reason", ""), "") << "only unreachable members here: " << r.dump();
}

TEST(OrgDefects, TestConnectionOnAMemberKeepsItsOrganization) {
  OrgMembers o;
  std::string logs = o.member("222200000002");
  json before = o.provider(logs)["identity"]["organization"];
  ASSERT_TRUE(before.is_object());
  EXPECT_EQ(before["ou_path"], "Root/Security");
  auto t = o.c.send("POST", "/api/v1/providers/test", {{"provider_id", logs}});
  ASSERT_EQ(t.status, 200u) << t.body;
  ASSERT_TRUE(t.j()["ok"].get<bool>()) << t.body;
  json after = o.provider(logs)["identity"];
  EXPECT_EQ(after["organization"], before) << after.dump();
  EXPECT_EQ(after["account"], "222200000002");
  EXPECT_FALSE(after.value("checked_at", "").empty());  // the test refreshed the identity all the same

  // So does the organization's own (management) provider.
  std::string mgmt;
  for (const auto& a : o.org["accounts"])
    if (a["account_id"] == "111111111111") mgmt = a["member"]["provider_id"];
  ASSERT_FALSE(mgmt.empty());
  json mgmt_before = o.provider(mgmt)["identity"]["organization"];
  ASSERT_TRUE(mgmt_before.is_object());
  auto t2 = o.c.send("POST", "/api/v1/providers/test", {{"provider_id", mgmt}});
  ASSERT_EQ(t2.status, 200u) << t2.body;
  EXPECT_EQ(o.provider(mgmt)["identity"]["organization"], mgmt_before);
}

// A CloudPeek server that can be stopped and started again on the same data
// directory, as `cloudpeek serve` does (test_server.h's TestServer lives once).
class Restartable {
 public:
  Restartable() : fake_(insecure_scenario()) {
    dir_ = fs::temp_directory_path() / ("cloudpeek-restart-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "web");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>CloudPeek</title>";
    ::setenv("AWS_ENDPOINT_URL", fake_.url().c_str(), 1);
    ::setenv("AWS_MAX_ATTEMPTS", "2", 1);
    ::setenv("AWS_REGION", "us-east-1", 1);
    ::unsetenv("CLOUDPEEK_MASTER_KEY");
    ::unsetenv("AWS_PROFILE");
    start();
  }
  ~Restartable() {
    stop();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void start() {
    db_ = store::open_store_in_data_dir(dir_ / "data");
    std::vector<CheckMetadata> catalog;
    for (const auto* c : checks::all_checks()) catalog.push_back(c->meta);
    db_->sync_check_catalog(catalog);
    AppOptions o;
    o.web_dir = dir_ / "web";
    auto transport = std::make_shared<Transport>(CredentialTester::transport_options());
    app_ = std::make_unique<App>(*db_, o, std::make_shared<CredentialTester>(transport),
                                 [this](const std::string& line) { log(line); });
    HttpServerOptions h;
    h.host = "127.0.0.1";
    h.port = 0;
    http_ = std::make_unique<HttpServer>(h, [this](const Request& r) { return app_->handle(r); },
                                         [this](const std::string& line) { log(line); });
    auto st = http_->start();
    if (!st) throw std::runtime_error(st.error().message);
    std::string base = "http://127.0.0.1:" + std::to_string(http_->port());
    app_->auth().set_allowed_origins({base});
    setup_token_ = app_->auth().prepare_setup().value_or("");
  }
  // As `cloudpeek serve` on SIGTERM: no new requests, then the scheduler stops.
  void stop() {
    if (!app_) return;
    http_->stop();
    app_->scheduler().shutdown();
    app_.reset();
    http_.reset();
    db_.reset();
  }

  Client admin() {
    Client c(http_->port());
    c.fetch_csrf("/api/v1/setup");
    if (app_->auth().needs_setup()) {
      auto r = c.send("POST", "/api/v1/setup", {{"token", setup_token_}, {"username", "admin"}, {"password", kAdminPassword}});
      EXPECT_EQ(r.status, 201u) << r.body;
    } else {
      auto r = c.send("POST", "/api/v1/login", {{"username", "admin"}, {"password", kAdminPassword}});
      EXPECT_EQ(r.status, 200u) << r.body;
    }
    return c;
  }
  cloudpeek::testing::FakeAws& fake() { return fake_; }
  fs::path data_dir() const { return dir_ / "data"; }
  std::vector<std::string> log_lines() {
    std::lock_guard lock(mu_);
    return log_;
  }

 private:
  void log(const std::string& line) {
    std::lock_guard lock(mu_);
    log_.push_back(line);
  }
  cloudpeek::testing::FakeAws fake_;
  fs::path dir_;
  std::unique_ptr<store::Store> db_;
  std::unique_ptr<App> app_;
  std::unique_ptr<HttpServer> http_;
  std::string setup_token_;
  std::mutex mu_;
  std::vector<std::string> log_;
};

// The index of the first log line containing `text`, or -1.
long line_of(const std::vector<std::string>& lines, const std::string& text) {
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].find(text) != std::string::npos) return static_cast<long>(i);
  return -1;
}

json wait_ended(Client& c, const std::string& id) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  json s;
  while (std::chrono::steady_clock::now() < deadline) {
    s = c.get("/api/v1/scans/" + id).j();
    std::string st = s.value("status", "");
    if (st != "queued" && st != "running") return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "scan " << id << " did not end: " << s.dump();
  return s;
}

TEST(QueuedScans, SurviveARestartAndRunInOrderWithTheirRequest) {
  Restartable srv;
  std::vector<std::string> providers, scans;
  {
    Client c = srv.admin();
    ASSERT_EQ(c.send("PUT", "/api/v1/settings", {{"max_concurrent_scans", 1}}).status, 200u);
    for (const char* label : {"first", "second", "third", "fourth", "cancelled"}) {
      auto r = c.send("POST", "/api/v1/providers",
                      {{"label", label}, {"access_key_id", kAuditorKey}, {"secret_access_key", kAuditorSecret}});
      ASSERT_EQ(r.status, 201u) << r.body;
      providers.push_back(r.j()["id"]);
    }
    // The first scan is still asking STS who it is when the server stops.
    srv.fake().set_faults(R"({"latency_ms": 2500, "service": "sts"})");
    for (size_t i = 0; i < providers.size(); ++i) {
      json body = {{"provider_id", providers[i]}};
      if (i == 1) body.update({{"regions", {"us-east-1"}}, {"services", {"s3"}}});
      if (i == 2) body.update({{"regions", {"eu-west-1"}}, {"services", {"iam"}}});
      auto r = c.send("POST", "/api/v1/scans", body);
      ASSERT_EQ(r.status, 202u) << r.body;
      scans.push_back(r.j()["id"]);
    }
    for (size_t i = 1; i < scans.size(); ++i) EXPECT_EQ(c.get("/api/v1/scans/" + scans[i]).j()["status"], "queued");
    auto cancel = c.send("POST", "/api/v1/scans/" + scans[4] + "/cancel");
    ASSERT_EQ(cancel.status, 202u) << cancel.body;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(c.get("/api/v1/scans/" + scans[0]).j()["status"], "running");
  }
  srv.stop();
  srv.fake().set_faults("{}");
  auto stopped = srv.log_lines();
  EXPECT_GE(line_of(stopped, "3 queued scan(s) kept"), 0);
  // As a crash leaves it: a scan still "running" in the store, with a partial result.
  std::string crashed;
  {
    auto db = store::open_store_in_data_dir(srv.data_dir());
    auto scan = db->create_scan(providers[0], {}, {"kms"}, store::now_seconds());
    db->mark_scan_running(scan.id, store::now_seconds(), nullptr);
    crashed = scan.id;
  }

  srv.start();
  Client c = srv.admin();
  // The running one could not go on: interrupted, and it says why.
  json first = c.get("/api/v1/scans/" + scans[0]).j();
  EXPECT_EQ(first["status"], "interrupted") << first.dump();
  EXPECT_EQ(first["reason"], "interrupted: server shut down");
  json after_crash = c.get("/api/v1/scans/" + crashed).j();
  EXPECT_EQ(after_crash["status"], "interrupted") << after_crash.dump();
  EXPECT_EQ(after_crash["reason"], "interrupted: server shut down");
  EXPECT_GE(line_of(srv.log_lines(), "scan " + crashed + " of provider " + providers[0] + ", running when the server stopped"), 0);
  std::vector<json> ended;
  for (size_t i = 1; i <= 3; ++i) ended.push_back(wait_ended(c, scans[i]));
  for (const auto& s : ended) {
    EXPECT_TRUE(s["status"] == "succeeded" || s["status"] == "partial") << s.dump();
    EXPECT_GT(s["counts"]["PASS"].get<int64_t>() + s["counts"]["FAIL"].get<int64_t>(), 0) << s.dump();
  }
  // With the request they were queued with.
  EXPECT_EQ(ended[0]["regions"], json({"us-east-1"}));
  EXPECT_EQ(ended[0]["services"], json({"s3"}));
  EXPECT_EQ(ended[1]["regions"], json({"eu-west-1"}));
  EXPECT_EQ(ended[1]["services"], json({"iam"}));
  EXPECT_TRUE(ended[2]["services"].empty());
  for (const char* svc : {"s3", "iam"}) {
    const auto& pid = svc == std::string("s3") ? providers[1] : providers[2];
    auto f = c.get("/api/v1/findings?page_size=500&provider_id=" + pid).j();
    ASSERT_FALSE(f["items"].empty()) << svc;
    for (const auto& item : f["items"]) EXPECT_EQ(item["service"], svc) << item.dump();
  }
  // In order, one at a time (max_concurrent_scans 1 is kept too).
  auto lines = srv.log_lines();
  long again = line_of(lines, "scan " + scans[1] + " of provider " + providers[1] + " queued again after a restart");
  long s1 = line_of(lines, "scan " + scans[1] + " of provider " + providers[1] + " started");
  long s2 = line_of(lines, "scan " + scans[2] + " of provider " + providers[2] + " started");
  long s3 = line_of(lines, "scan " + scans[3] + " of provider " + providers[3] + " started");
  long e1 = line_of(lines, "scan " + scans[1] + " " + ended[0]["status"].get<std::string>());
  long e2 = line_of(lines, "scan " + scans[2] + " " + ended[1]["status"].get<std::string>());
  ASSERT_GE(again, 0);
  ASSERT_GT(s1, static_cast<long>(stopped.size()));  // started by the second server
  EXPECT_LT(s1, e1);
  EXPECT_LT(e1, s2);
  EXPECT_LT(s2, e2);
  EXPECT_LT(e2, s3);
  // The scan cancelled while queued stays cancelled: it never ran.
  json cancelled = c.get("/api/v1/scans/" + scans[4]).j();
  EXPECT_EQ(cancelled["status"], "interrupted");
  EXPECT_NE(cancelled["reason"].get<std::string>().find("while queued"), std::string::npos) << cancelled.dump();
  EXPECT_EQ(line_of(lines, "scan " + scans[4] + " of provider " + providers[4] + " started"), -1);
  // And a new scan of the first provider can start.
  auto again_first = c.send("POST", "/api/v1/scans", {{"provider_id", providers[0]}, {"services", {"s3"}}});
  EXPECT_EQ(again_first.status, 202u) << again_first.body;
  wait_ended(c, again_first.j()["id"]);
}

// ---- Cost Explorer ----------------------------------------------------------

std::string first_of_month_utc(int add_days = 0) {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + std::chrono::hours(24 * add_days));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, add_days ? "%Y-%m-%d" : "%Y-%m-01", &tm);
  return buf;
}

int ce_calls(TestServer& s) {
  auto log = json::parse(s.fake().requests(), nullptr, false);
  int n = 0;
  for (const auto& e : log.is_object() ? log.value("requests", json::array()) : json::array())
    if (e.value("action", "") == "GetCostAndUsage") ++n;
  return n;
}

json scan_ce(TestServer& s, Client& c, const std::string& pid) {
  auto r = c.send("POST", "/api/v1/scans", {{"provider_id", pid}, {"services", {"ce"}}});
  EXPECT_EQ(r.status, 202u) << r.body;
  return s.wait_scan(c, r.j()["id"]);
}

TEST(Spend, MonthToDateByServiceFromOneCallThenNotAssessedWhenDenied) {
  TestServer s;
  auto c = s.admin();
  std::string pid = s.add_provider(c);
  // Before any scan: not collected, and no amount.
  json before = c.get("/api/v1/dashboard/spend?provider_id=" + pid).j();
  EXPECT_EQ(before["status"], "not_collected") << before.dump();
  EXPECT_FALSE(before.contains("total"));

  s.fake().reset();
  json scan = scan_ce(s, c, pid);
  EXPECT_EQ(scan["status"], "succeeded") << scan.dump();
  EXPECT_EQ(ce_calls(s), 1);  // once per scan
  json spend = c.get("/api/v1/dashboard/spend?provider_id=" + pid).j();
  ASSERT_EQ(spend["status"], "assessed") << spend.dump();
  EXPECT_EQ(spend["currency"], "USD");
  EXPECT_NEAR(spend["total"].get<double>(), 732.3677, 1e-6);
  EXPECT_TRUE(spend["estimated"].get<bool>());
  EXPECT_EQ(spend["start"], first_of_month_utc());
  EXPECT_EQ(spend["end"], first_of_month_utc(1));  // exclusive: today's charges are in
  ASSERT_EQ(spend["services"].size(), 8u);  // the chart's top services ...
  EXPECT_EQ(spend["services"][0]["service"], "Amazon Elastic Compute Cloud - Compute");
  EXPECT_NEAR(spend["services"][0]["amount"].get<double>(), 412.3871, 1e-9);
  EXPECT_EQ(spend["services"][1]["service"], "Amazon Relational Database Service");
  EXPECT_EQ(spend["other"]["services"], 3);  // ... and the rest summed
  EXPECT_NEAR(spend["other"]["amount"].get<double>(), 1.33 + 0.02 + 0, 1e-9);
  EXPECT_EQ(spend["accounts_assessed"], 1);
  EXPECT_TRUE(spend["accounts_not_assessed"].empty());
  EXPECT_FALSE(spend["collected_at"].get<std::string>().empty());
  // The same on the all-accounts dashboard, and the resource in the inventory.
  EXPECT_EQ(c.get("/api/v1/dashboard/spend").j()["total"], spend["total"]);
  auto inv = c.get("/api/v1/resources?type=AWS::CE::MonthToDateSpend&provider_id=" + pid).j();
  EXPECT_EQ(inv["total"], 1) << inv.dump();

  // ce:GetCostAndUsage is not in SecurityAudit: refused, the spend is unknown —
  // not 0, and not the spend the previous scan read.
  s.fake().set_faults(R"({"deny": ["ce:GetCostAndUsage"]})");
  json denied_scan = scan_ce(s, c, pid);
  bool gap = false;
  for (const auto& g : denied_scan["gaps"]) gap = gap || g.value("action", "") == "ce:GetCostAndUsage";
  EXPECT_TRUE(gap) << denied_scan.dump();
  json denied = c.get("/api/v1/dashboard/spend?provider_id=" + pid).j();
  EXPECT_EQ(denied["status"], "not_assessed") << denied.dump();
  EXPECT_EQ(denied["missing_action"], "ce:GetCostAndUsage");
  EXPECT_NE(denied["reason"].get<std::string>().find("ce:GetCostAndUsage"), std::string::npos) << denied.dump();
  EXPECT_FALSE(denied.contains("total")) << denied.dump();
  EXPECT_FALSE(denied.contains("services"));
  const json& stmt = denied["how_to_grant"]["policy"]["Statement"][0];
  EXPECT_EQ(stmt["Effect"], "Allow");
  EXPECT_EQ(stmt["Action"], "ce:GetCostAndUsage");
  EXPECT_NE(denied["how_to_grant"]["steps"][0].get<std::string>().find("SecurityAudit"), std::string::npos);
  // A scan that did not read Cost Explorer (other services) changes nothing.
  s.fake().set_faults("{}");
  auto r = c.send("POST", "/api/v1/scans", {{"provider_id", pid}, {"services", {"kms"}}});
  ASSERT_EQ(r.status, 202u);
  s.wait_scan(c, r.j()["id"]);
  EXPECT_EQ(c.get("/api/v1/dashboard/spend?provider_id=" + pid).j()["status"], "not_assessed");
}

TEST(Spend, TwoConnectionsToOneAccountCountItsSpendOnce) {
  TestServer s;
  auto c = s.admin();
  std::string one = s.add_provider(c, "prod");
  std::string two = s.add_provider(c, "prod again");
  EXPECT_EQ(scan_ce(s, c, one)["status"], "succeeded");
  EXPECT_EQ(scan_ce(s, c, two)["status"], "succeeded");
  json all = c.get("/api/v1/dashboard/spend").j();
  EXPECT_EQ(all["status"], "assessed") << all.dump();
  EXPECT_EQ(all["accounts_assessed"], 1);
  EXPECT_NEAR(all["total"].get<double>(), 732.3677, 1e-6);
}

}  // namespace
}  // namespace cloudpeek::server::testing
