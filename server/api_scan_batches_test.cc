// Scan batches (issue 11 §3) through the real App and fakeaws' organization
// (20 members in nested OUs; sandbox-bob 222200000016 and dev-data
// 222200000012 without a working audit role): one request scans an OU or the
// whole organization, one scan per reachable member through the scheduler;
// the role-less member is listed as skipped with its reason and never gets a
// FAIL nor a PASS; the batch's progress goes from 0 to 1 and its by_status
// and counts add up to its scans'; cancel-all ends the queued and the running
// scans; nothing scannable is 422, a malformed request 400; every scan names
// its batch; the batch and its queued scans survive a restart.
#include <gtest/gtest.h>

#include <set>

#include "server/test_server.h"

namespace cloudpeek::server::testing {
namespace {

constexpr const char* kOrgAdminKey = "AKIAFAKEORGADMIN0001";
constexpr const char* kOrgAdminSecret = "fakeSecretOrgAdmin/000000000000000000000001";
constexpr const char* kDeployedExternalId = "cloudpeek-ext-7f3a9c2e";
constexpr const char* kBob = "222200000016";  // Root/Sandbox, no CloudPeekAudit role

std::string org_scenario() { return std::string(CLOUDPEEK_FAKEAWS) + "/scenarios/organization.json"; }

// Connects the organization through its management account; returns it.
json connect_org(Client& c) {
  auto p = c.send("POST", "/api/v1/providers",
                  {{"label", "management"}, {"access_key_id", kOrgAdminKey}, {"secret_access_key", kOrgAdminSecret}});
  EXPECT_EQ(p.status, 201u) << p.body;
  auto r = c.send("POST", "/api/v1/organizations",
                  {{"provider_id", p.j().value("id", "")}, {"role_name", "CloudPeekAudit"},
                   {"external_id", kDeployedExternalId}});
  EXPECT_EQ(r.status, 201u) << r.body;
  return r.j();
}

std::string member(const json& org, const std::string& account) {
  for (const auto& a : org["accounts"])
    if (a["account_id"] == account && a["member"].is_object()) return a["member"]["provider_id"];
  ADD_FAILURE() << "no member " << account;
  return "";
}

json wait_batch(Client& c, const std::string& id, std::chrono::seconds limit = std::chrono::seconds(180)) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  json b;
  while (std::chrono::steady_clock::now() < deadline) {
    b = c.get("/api/v1/scan-batches/" + id).j();
    if (b.value("active", -1) == 0) return b;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ADD_FAILURE() << "batch " << id << " did not finish: " << b.dump().substr(0, 2000);
  return b;
}

// The data lines of one kind of event in an SSE body.
std::vector<json> events(const std::string& body, const std::string& kind) {
  std::vector<json> out;
  const std::string head = "event: " + kind + "\ndata: ";
  for (size_t at = body.find(head); at != std::string::npos; at = body.find(head, at + 1)) {
    size_t from = at + head.size();
    out.push_back(json::parse(body.substr(from, body.find('\n', from) - from), nullptr, false));
  }
  return out;
}

TEST(ScanBatches, AnOuIsScannedAsOneTheRolelessMemberSkipped) {
  TestServer s(org_scenario());
  Client c = s.admin();
  json org = connect_org(c);
  std::string bob = member(org, kBob);
  s.fake().set_faults(R"({"latency_ms": 100})");  // long enough to see the batch under way

  auto r = c.send("POST", "/api/v1/scan-batches", {{"ou", "Root/Sandbox/"}, {"regions", {"us-east-1"}}});
  ASSERT_EQ(r.status, 202u) << r.body;
  json b = r.j();
  std::string id = b["id"];
  EXPECT_EQ(b["label"], "OU Root/Sandbox");
  EXPECT_EQ(b["scope"], json({{"ou", "Root/Sandbox"}}));
  EXPECT_EQ(b["created_by"], "admin");
  EXPECT_EQ(b["regions"], json({"us-east-1"}));
  EXPECT_EQ(b["accounts"], 3);
  EXPECT_LT(b["progress"].get<double>(), 1.0);
  EXPECT_TRUE(b["status"] == "queued" || b["status"] == "running") << b["status"];
  // One scan per reachable member of the OU, each naming the batch and its account.
  std::set<std::string> accounts;
  for (const auto& sc : b["scans"]) {
    accounts.insert(sc["account_id"].get<std::string>());
    EXPECT_EQ(sc["batch_id"], id);
    EXPECT_EQ(sc["regions"], json({"us-east-1"}));
    EXPECT_FALSE(sc["account_label"].get<std::string>().empty());
    EXPECT_EQ(c.get("/api/v1/scans/" + sc["id"].get<std::string>()).j()["batch_id"], id);
  }
  EXPECT_EQ(accounts, (std::set<std::string>{"222200000015", "222200000017", "222200000018"}));
  // sandbox-bob is skipped, saying why as the reminders do.
  ASSERT_EQ(b["skipped"].size(), 1u) << b["skipped"].dump();
  const json& skip = b["skipped"][0];
  EXPECT_EQ(skip["provider_id"], bob);
  EXPECT_EQ(skip["account_id"], kBob);
  EXPECT_FALSE(skip["label"].get<std::string>().empty());
  std::string reason = skip["reason"];
  EXPECT_NE(reason.find("is not reachable: its audit role CloudPeekAudit is missing or does not trust CloudPeek"),
            std::string::npos)
      << reason;

  // Followed as one: progress events, then done.
  auto stream = c.get("/api/v1/scan-batches/" + id + "/events");
  ASSERT_EQ(stream.status, 200u);
  EXPECT_EQ(stream.header("content-type"), "text/event-stream");
  auto progress = events(stream.body, "progress");
  auto done = events(stream.body, "done");
  ASSERT_EQ(done.size(), 1u) << stream.body.substr(0, 500);
  ASSERT_FALSE(progress.empty()) << stream.body.substr(0, 500);
  EXPECT_LT(progress.front()["progress"].get<double>(), 1.0);
  double last = 0;
  for (const auto& p : progress) {
    EXPECT_GE(p["progress"].get<double>() + 1e-9, last) << "progress went back";
    last = p["progress"].get<double>();
    EXPECT_GT(p["active"].get<int64_t>(), 0);
  }
  json fin = done[0];
  EXPECT_EQ(fin["status"], "done");
  EXPECT_DOUBLE_EQ(fin["progress"].get<double>(), 1.0);

  // by_status and counts add up to the scans'.
  fin = c.get("/api/v1/scan-batches/" + id).j();
  int64_t by_status = 0;
  for (const auto& [k, v] : fin["by_status"].items()) by_status += v.get<int64_t>();
  EXPECT_EQ(by_status, 3);
  json sum = {{"FAIL", 0}, {"PASS", 0}, {"NOT_ASSESSED", 0}, {"MANUAL", 0}};
  std::map<std::string, int64_t> statuses;
  for (const auto& sc : fin["scans"]) {
    json one = c.get("/api/v1/scans/" + sc["id"].get<std::string>()).j();
    EXPECT_TRUE(one["status"] == "succeeded" || one["status"] == "partial") << one.dump().substr(0, 500);
    statuses[one["status"].get<std::string>()]++;
    for (const char* k : {"FAIL", "PASS", "NOT_ASSESSED", "MANUAL"})
      sum[k] = sum[k].get<int64_t>() + one["counts"][k].get<int64_t>();
  }
  EXPECT_EQ(fin["counts"], sum);
  EXPECT_GT(sum["PASS"].get<int64_t>() + sum["FAIL"].get<int64_t>(), 0);
  for (const auto& [st, n] : statuses) EXPECT_EQ(fin["by_status"][st], n) << st;
  EXPECT_EQ(fin["by_status"]["queued"], 0);
  EXPECT_EQ(fin["by_status"]["running"], 0);

  // Never a FAIL nor a PASS for the member it could not reach, nor a scan.
  EXPECT_EQ(c.get("/api/v1/findings?provider_id=" + bob).j()["total"], 0);
  EXPECT_EQ(c.get("/api/v1/scans?provider_id=" + bob).j()["total"], 0);

  // The list: newest first, without the scans.
  json list = c.get("/api/v1/scan-batches").j();
  ASSERT_EQ(list["total"], 1);
  json item = list["items"][0];
  EXPECT_EQ(item["id"], id);
  EXPECT_FALSE(item.contains("scans"));
  EXPECT_EQ(item["status"], "done");
  EXPECT_EQ(item["accounts"], 3);
  EXPECT_EQ(item["counts"], sum);
  EXPECT_EQ(item["by_status"], fin["by_status"]);
  EXPECT_EQ(c.get("/api/v1/scan-batches?page=0").status, 400u);

  // Nothing left to cancel.
  EXPECT_EQ(c.send("POST", "/api/v1/scan-batches/" + id + "/cancel").status, 409u);
  // A scan started alone names no batch.
  std::string alone = member(org, "222200000017");
  auto single = c.send("POST", "/api/v1/scans", {{"provider_id", alone}, {"services", {"s3"}}});
  ASSERT_EQ(single.status, 202u) << single.body;
  EXPECT_TRUE(single.j()["batch_id"].is_null());
  s.wait_scan(c, single.j()["id"]);

  // A deleted account's scans leave the batch; the rest stay.
  std::string gone = fin["scans"][0]["provider_id"];
  ASSERT_LT(c.send("DELETE", "/api/v1/providers/" + gone).status, 300u);
  json after = c.get("/api/v1/scan-batches/" + id).j();
  EXPECT_EQ(after["accounts"], 2);
  EXPECT_EQ(after["scans"].size(), 2u);
  EXPECT_EQ(after["status"], "done");
  EXPECT_EQ(after["skipped"], fin["skipped"]);

  // No secret in what the batch answered or logged, nor the members' AssumeRole keys.
  std::string all = s.log_text() + r.body + stream.body + after.dump() + list.dump();
  EXPECT_EQ(all.find("fakeSecret"), std::string::npos);
  for (const auto& p : s.db().list_providers())
    if (auto creds = s.db().get_credentials(p.id); creds && creds->secret_access_key.size() > 8) {
      EXPECT_EQ(all.find(creds->secret_access_key), std::string::npos) << p.label;
      if (!creds->session_token.empty()) EXPECT_EQ(all.find(creds->session_token), std::string::npos) << p.label;
    }
}

TEST(ScanBatches, TheWholeOrganizationThenCancelAllEndsTheQueuedAndTheRunning) {
  TestServer s(org_scenario());
  Client c = s.admin();
  json org = connect_org(c);
  ASSERT_EQ(c.send("PUT", "/api/v1/settings", {{"max_concurrent_scans", 1}}).status, 200u);
  s.fake().set_faults(R"({"latency_ms": 300})");

  auto r = c.send("POST", "/api/v1/scan-batches", {{"organization_id", org["id"]}});
  ASSERT_EQ(r.status, 202u) << r.body;
  json b = r.j();
  std::string id = b["id"];
  EXPECT_NE(b["label"].get<std::string>().find("(o-a1b2c3d4e5)"), std::string::npos) << b["label"];
  EXPECT_EQ(b["label"].get<std::string>().rfind("Organization \u201c", 0), 0u) << b["label"];
  EXPECT_EQ(b["scope"], json({{"organization_id", org["id"]}}));
  // The 20 monitored accounts (the management account's own provider among
  // them) less the two whose role cannot be assumed.
  EXPECT_EQ(b["accounts"], 18);
  std::set<std::string> skipped;
  for (const auto& sk : b["skipped"]) skipped.insert(sk["account_id"].get<std::string>());
  EXPECT_EQ(skipped, (std::set<std::string>{"222200000012", kBob}));
  std::set<std::string> scanned;
  for (const auto& sc : b["scans"]) scanned.insert(sc["account_id"].get<std::string>());
  EXPECT_EQ(scanned.size(), 18u);
  EXPECT_TRUE(scanned.count("111111111111"));
  EXPECT_FALSE(scanned.count(kBob));

  // K = 1: one runs, the others wait.
  json mid;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    mid = c.get("/api/v1/scan-batches/" + id).j();
    if (mid["by_status"]["running"] == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(mid["by_status"]["running"], 1) << mid.dump().substr(0, 1000);
  EXPECT_EQ(mid["status"], "running");
  std::string running_id;
  for (const auto& sc : mid["scans"])
    if (sc["status"] == "running") running_id = sc["id"].get<std::string>();

  auto cancel = c.send("POST", "/api/v1/scan-batches/" + id + "/cancel");
  ASSERT_EQ(cancel.status, 202u) << cancel.body;
  EXPECT_EQ(cancel.j()["id"], id);
  EXPECT_EQ(cancel.j()["cancelled"], 18);
  json fin = wait_batch(c, id, std::chrono::seconds(60));
  EXPECT_EQ(fin["status"], "cancelled");
  EXPECT_EQ(fin["by_status"]["interrupted"], 18) << fin["by_status"].dump();
  EXPECT_DOUBLE_EQ(fin["progress"].get<double>(), 1.0);
  for (const auto& sc : fin["scans"]) {
    std::string why = sc["reason"];
    if (sc["id"] == running_id)
      EXPECT_EQ(why, "interrupted: cancelled by admin") << sc.dump().substr(0, 500);
    else
      EXPECT_NE(why.find("cancelled by admin"), std::string::npos) << why;
    EXPECT_EQ(sc["progress"]["phase"], "cancelled");
  }
  EXPECT_EQ(c.send("POST", "/api/v1/scan-batches/" + id + "/cancel").status, 409u);
}

TEST(ScanBatches, RefusalsNameTheFieldAndNothingScannableIs422) {
  TestServer s(org_scenario());
  Client c = s.admin();
  json org = connect_org(c);
  std::string bob = member(org, kBob);
  auto field_of = [&](const json& body) {
    auto r = c.send("POST", "/api/v1/scan-batches", body);
    EXPECT_EQ(r.status, 400u) << body.dump() << " -> " << r.body;
    return r.j()["error"].value("field", "");
  };
  EXPECT_EQ(field_of(json::object()), "organization_id");
  EXPECT_EQ(field_of({{"ou", "Root/Sandbox"}, {"provider_ids", {bob}}}), "provider_ids");
  EXPECT_EQ(field_of({{"organization_id", "999"}}), "organization_id");
  EXPECT_EQ(field_of({{"ou", "Root/Nowhere"}}), "ou");
  EXPECT_EQ(field_of({{"ou", 7}}), "ou");
  EXPECT_EQ(field_of({{"provider_ids", {"999999"}}}), "provider_ids");
  EXPECT_EQ(field_of({{"provider_ids", json::array()}}), "provider_ids");
  EXPECT_EQ(field_of({{"provider_ids", "1"}}), "provider_ids");
  EXPECT_EQ(field_of({{"ou", "Root/Sandbox"}, {"regions", {"mars-north-1"}}}), "regions");
  EXPECT_EQ(field_of({{"ou", "Root/Sandbox"}, {"services", {"not-a-service"}}}), "services");
  // A known OU none of whose accounts is monitored has no account to scan.
  std::string migrating = member(org, "222200000020");  // Root/Suspended's only ACTIVE account
  ASSERT_LT(c.send("DELETE", "/api/v1/providers/" + migrating).status, 300u);
  EXPECT_EQ(field_of({{"ou", "Root/Suspended"}}), "ou");

  // Every account skipped: 422, listing why — one unreachable, one already being scanned.
  std::string logs = member(org, "222200000002");
  s.fake().set_faults(R"({"latency_ms": 200})");
  auto busy = c.send("POST", "/api/v1/scans", {{"provider_id", logs}});
  ASSERT_EQ(busy.status, 202u) << busy.body;
  std::string busy_id = busy.j()["id"];
  auto r = c.send("POST", "/api/v1/scan-batches", {{"provider_ids", {bob, logs, bob}}});
  ASSERT_EQ(r.status, 422u) << r.body;
  json j = r.j();
  EXPECT_EQ(j["error"]["code"], "nothing_to_scan");
  ASSERT_EQ(j["skipped"].size(), 2u) << j.dump();
  EXPECT_EQ(j["skipped"][0]["provider_id"], bob);
  EXPECT_EQ(j["skipped"][1]["provider_id"], logs);
  EXPECT_EQ(j["skipped"][1]["scan_id"], busy_id);
  EXPECT_NE(j["skipped"][1]["reason"].get<std::string>().find("already queued or running"), std::string::npos);
  EXPECT_EQ(c.get("/api/v1/scan-batches").j()["total"], 0);  // nothing was made

  // A batch of chosen accounts: the busy one skipped with its scan, the other scanned.
  std::string tooling = member(org, "222200000001");
  auto mixed = c.send("POST", "/api/v1/scan-batches", {{"provider_ids", {tooling, logs}}, {"services", {"s3"}}});
  ASSERT_EQ(mixed.status, 202u) << mixed.body;
  EXPECT_EQ(mixed.j()["label"], "2 accounts");
  EXPECT_EQ(mixed.j()["accounts"], 1);
  EXPECT_EQ(mixed.j()["skipped"][0]["scan_id"], busy_id);
  s.fake().set_faults("{}");
  json fin = wait_batch(c, mixed.j()["id"]);
  EXPECT_EQ(fin["status"], "done");

  EXPECT_EQ(c.get("/api/v1/scan-batches/999").status, 404u);
  EXPECT_EQ(c.get("/api/v1/scan-batches/999/events").status, 404u);
  EXPECT_EQ(c.send("POST", "/api/v1/scan-batches/999/cancel").status, 404u);
  s.wait_scan(c, busy_id);
}

// A CloudPeek server on the organization scenario that can be stopped and
// started again on its data directory, as `cloudpeek serve` is.
class Restartable {
 public:
  Restartable() : fake_(org_scenario()) {
    dir_ = fs::temp_directory_path() / ("cloudpeek-batch-restart-test-" + std::to_string(::getpid()));
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
    app_ = std::make_unique<App>(*db_, o, std::make_shared<CredentialTester>(transport), nullptr);
    HttpServerOptions h;
    h.host = "127.0.0.1";
    h.port = 0;
    http_ = std::make_unique<HttpServer>(h, [this](const Request& r) { return app_->handle(r); }, nullptr);
    auto st = http_->start();
    if (!st) throw std::runtime_error(st.error().message);
    app_->auth().set_allowed_origins({"http://127.0.0.1:" + std::to_string(http_->port())});
    setup_token_ = app_->auth().prepare_setup().value_or("");
  }
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

 private:
  cloudpeek::testing::FakeAws fake_;
  fs::path dir_;
  std::unique_ptr<store::Store> db_;
  std::unique_ptr<App> app_;
  std::unique_ptr<HttpServer> http_;
  std::string setup_token_;
};

TEST(ScanBatches, ARestartKeepsTheBatchAndItsQueuedScans) {
  Restartable srv;
  std::string id;
  std::vector<std::string> scans;
  {
    Client c = srv.admin();
    connect_org(c);
    ASSERT_EQ(c.send("PUT", "/api/v1/settings", {{"max_concurrent_scans", 1}}).status, 200u);
    srv.fake().set_faults(R"({"latency_ms": 2500, "service": "sts"})");  // the first is still starting at the stop
    auto r = c.send("POST", "/api/v1/scan-batches", {{"ou", "Root/Sandbox"}, {"services", {"s3"}}});
    ASSERT_EQ(r.status, 202u) << r.body;
    json made = r.j();
    id = made["id"].get<std::string>();
    for (const auto& sc : made["scans"]) scans.push_back(sc["id"]);
    ASSERT_EQ(scans.size(), 3u);
    json b;
    for (int i = 0; i < 100; ++i) {  // the first leaves the queue at once; allow a loaded machine 5 s
      b = c.get("/api/v1/scan-batches/" + id).j();
      if (b["by_status"]["running"] == 1) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(b["by_status"]["running"], 1) << b["by_status"].dump();
    EXPECT_EQ(b["by_status"]["queued"], 2) << b["by_status"].dump();
  }
  srv.stop();
  srv.fake().set_faults("{}");
  srv.start();
  Client c = srv.admin();
  json b = c.get("/api/v1/scan-batches/" + id).j();
  ASSERT_EQ(b["accounts"], 3) << b.dump().substr(0, 1000);
  EXPECT_EQ(b["label"], "OU Root/Sandbox");
  EXPECT_EQ(b["skipped"].size(), 1u);
  json fin = wait_batch(c, id);
  EXPECT_EQ(fin["status"], "done");
  EXPECT_DOUBLE_EQ(fin["progress"].get<double>(), 1.0);
  int resumed = 0;
  for (const auto& sc : fin["scans"]) {
    EXPECT_EQ(sc["batch_id"], id);
    EXPECT_EQ(sc["services"], json({"s3"}));
    if (sc["reason"] == "interrupted: server shut down") continue;
    EXPECT_TRUE(sc["status"] == "succeeded" || sc["status"] == "partial") << sc.dump().substr(0, 500);
    ++resumed;
  }
  EXPECT_EQ(resumed, 2);  // the two queued ones ran after the restart
  EXPECT_EQ(fin["by_status"]["interrupted"], 1);
}

}  // namespace
}  // namespace cloudpeek::server::testing
