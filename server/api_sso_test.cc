// "Sign in with IAM Identity Center" end to end against fakeaws: the device
// flow (pending, approved, slow_down honoured, denied, expired), accounts and
// permission sets with the audit-like one preselected, providers made from
// them, role credentials renewed without the user (expired keys, an expired
// access token refreshed with the refresh token), the session's end and one
// re-authorization renewing every provider — and no token, client secret or
// key secret in any answer, log line or the database file.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "aws/core/time_format.h"
#include "server/sso_connect.h"
#include "server/test_server.h"

namespace cloudpeek::server::testing {
namespace {

constexpr const char* kStartUrl = "https://d-1234567890.awsapps.com/start";
constexpr const char* kRegion = "eu-west-1";

std::string sso_scenario() { return std::string(CLOUDPEEK_FAKEAWS) + "/scenarios/sso.json"; }

std::string read_all(const fs::path& dir) {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str();
  }
  return all;
}

// A local HTTP receiver for webhook calls.
class Receiver {
 public:
  Receiver() : acceptor_(ioc_, {boost::asio::ip::make_address("127.0.0.1"), 0}) {
    thread_ = std::thread([this] { loop(); });
  }
  ~Receiver() {
    stop_ = true;
    boost::system::error_code ec;
    boost::asio::ip::tcp::socket poke(ioc_);
    poke.connect(acceptor_.local_endpoint(), ec);
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/hook"; }
  std::optional<json> wait_for(const std::string& event, std::chrono::seconds limit = std::chrono::seconds(20)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      {
        std::lock_guard lock(mu_);
        for (const auto& b : bodies_)
          if (b.value("event", "") == event) return b;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return std::nullopt;
  }
  std::string all() {
    std::lock_guard lock(mu_);
    std::string out;
    for (const auto& b : bodies_) out += b.dump() + "\n";
    return out;
  }

 private:
  void loop() {
    namespace http = boost::beast::http;
    while (!stop_) {
      boost::asio::ip::tcp::socket sock(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(sock, ec);
      if (ec || stop_) break;
      boost::beast::flat_buffer buf;
      http::request<http::string_body> req;
      http::read(sock, buf, req, ec);
      if (ec) continue;
      {
        std::lock_guard lock(mu_);
        bodies_.push_back(json::parse(req.body(), nullptr, false));
      }
      http::response<http::string_body> res{http::status::ok, 11};
      res.body() = "ok";
      res.prepare_payload();
      http::write(sock, res, ec);
    }
  }
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<json> bodies_;
};

json fake_devices(TestServer& s) { return json::parse(s.fake().control("GET", "sso/devices"))["devices"]; }

struct Sso : ::testing::Test {
  TestServer s{sso_scenario()};
  Client c = s.admin();
  std::vector<std::string> replies;  // every answer body, searched for secrets at the end

  HttpReply send(const std::string& method, const std::string& target, const json& body = json::object()) {
    auto r = method == "GET" ? c.get(target) : c.send(method, target, body);
    replies.push_back(r.body);
    return r;
  }
  json start() {
    auto r = send("POST", "/api/v1/sso/start", {{"start_url", std::string(kStartUrl) + "/#/"}, {"region", kRegion}});
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.j();
  }
  void approve(const std::string& user_code, bool deny = false) {
    s.fake().control("POST", "sso/approve", json{{"user_code", user_code}, {"deny", deny}}.dump());
  }
  // Polls as the browser does (every second) until the answer is not pending.
  json poll_until_done(const std::string& flow, int max_polls = 30) {
    json j;
    for (int i = 0; i < max_polls; ++i) {
      auto r = send("POST", "/api/v1/sso/flows/" + flow + "/poll");
      EXPECT_EQ(r.status, 200u) << r.body;
      j = r.j();
      if (j["status"] != "pending") return j;
      std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    }
    return j;
  }
  // Signs in and connects both accounts with their preselected permission sets.
  std::pair<std::string, std::vector<std::string>> connect_both() {
    json f = start();
    approve(f["user_code"]);
    json done = poll_until_done(f["flow_id"]);
    EXPECT_EQ(done["status"], "approved") << done.dump();
    std::string session = done["session"]["id"];
    auto acc = send("GET", "/api/v1/sso/sessions/" + session + "/accounts");
    EXPECT_EQ(acc.status, 200u) << acc.body;
    json picks = json::array(), listed = acc.j();
    for (const auto& a : listed["accounts"])
      picks.push_back({{"account_id", a["account_id"]}, {"role_name", a["preselected_role"]}});
    auto made = send("POST", "/api/v1/sso/sessions/" + session + "/providers", {{"accounts", picks}});
    EXPECT_EQ(made.status, 201u) << made.body;
    std::vector<std::string> ids;
    json answer = made.j();
    for (const auto& id : answer["created"]) ids.push_back(id);
    return {session, ids};
  }
  json provider(const std::string& id) {
    json all = send("GET", "/api/v1/providers").j();
    for (const auto& p : all)
      if (p["id"] == id) return p;
    return json();
  }
  // Every secret the session holds and every stored key secret must be absent
  // from the answers, the server log and the database file.
  void expect_no_secrets() {
    std::vector<std::string> secrets;
    for (const auto& sess : s.db().list_sso_sessions()) {
      json j = json::parse(sess.secrets);
      for (const char* k : {"client_secret", "access_token", "refresh_token"})
        if (!j.value(k, "").empty()) secrets.push_back(j[k]);
    }
    for (const auto& p : s.db().list_providers()) {
      auto cr = s.db().get_credentials(p.id);
      ASSERT_TRUE(cr);
      secrets.push_back(cr->secret_access_key);
      secrets.push_back(cr->session_token);
    }
    ASSERT_FALSE(secrets.empty());
    std::string log = s.log_text(), db = read_all(s.dir() / "data");
    for (const auto& secret : secrets) {
      ASSERT_GE(secret.size(), 20u);
      for (const auto& r : replies) EXPECT_EQ(r.find(secret), std::string::npos) << "a secret in an answer: " << r;
      EXPECT_EQ(log.find(secret), std::string::npos) << "a secret in the server log";
      EXPECT_EQ(db.find(secret), std::string::npos) << "a secret unsealed in the data directory";
    }
  }
};

TEST_F(Sso, StartUrlAndRegionAreCheckedFirst) {
  auto bad_url = send("POST", "/api/v1/sso/start", {{"start_url", "https://evil.example.com/start"}, {"region", kRegion}});
  EXPECT_EQ(bad_url.status, 400u);
  EXPECT_EQ(bad_url.j()["error"]["field"], "start_url");
  EXPECT_NE(bad_url.j()["error"]["message"].get<std::string>().find("not an AWS access portal address"),
            std::string::npos);
  auto bad_region = send("POST", "/api/v1/sso/start", {{"start_url", kStartUrl}, {"region", "Ireland"}});
  EXPECT_EQ(bad_region.status, 400u);
  EXPECT_EQ(bad_region.j()["error"]["field"], "region");
  auto mismatch = send("POST", "/api/v1/sso/start",
                       {{"start_url", "https://ssoins-1234.portal.us-west-2.app.aws"}, {"region", kRegion}});
  EXPECT_EQ(mismatch.status, 400u);
  EXPECT_NE(mismatch.j()["error"]["advice"].get<std::string>().find("us-west-2"), std::string::npos);
  // The portal refuses a start URL that is not the instance's: said as such.
  auto other = send("POST", "/api/v1/sso/start", {{"start_url", "https://other.awsapps.com/start"}, {"region", kRegion}});
  EXPECT_EQ(other.status, 400u) << other.body;
  EXPECT_NE(other.j()["error"]["advice"].get<std::string>().find("start URL"), std::string::npos);
  EXPECT_EQ(send("POST", "/api/v1/sso/flows/nope/poll").status, 404u);
}

TEST_F(Sso, DeviceFlowThenAccountsThenProviders) {
  json f = start();
  EXPECT_EQ(f["start_url"], kStartUrl);  // the #/ fragment dropped
  EXPECT_FALSE(f["user_code"].get<std::string>().empty());
  EXPECT_NE(f["verification_uri_complete"].get<std::string>().find(f["user_code"].get<std::string>()),
            std::string::npos);
  EXPECT_GE(f["seconds_left"].get<int>(), 590);
  EXPECT_EQ(f["interval"], 1);
  EXPECT_FALSE(f.contains("device_code"));
  // The verification page is the SSO region's, not always us-east-1.
  EXPECT_NE(f["verification_uri"].get<std::string>().find("device.sso.eu-west-1."), std::string::npos) << f.dump();
  std::string flow = f["flow_id"];

  // Sooner than the interval: pending without asking AWS.
  auto early = send("POST", "/api/v1/sso/flows/" + flow + "/poll");
  EXPECT_EQ(early.j()["status"], "pending");
  EXPECT_EQ(fake_devices(s)[0]["polls"], 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto pending = send("POST", "/api/v1/sso/flows/" + flow + "/poll");
  EXPECT_EQ(pending.j()["status"], "pending") << pending.body;
  EXPECT_EQ(fake_devices(s)[0]["polls"], 1);

  approve(f["user_code"]);
  json done = poll_until_done(flow);
  ASSERT_EQ(done["status"], "approved") << done.dump();
  EXPECT_EQ(done["session"]["start_url"], kStartUrl);
  EXPECT_EQ(done["session"]["state"], "active");
  EXPECT_EQ(done["session"]["renews_automatically"], true);  // registered for the refresh_token grant
  EXPECT_FALSE(done["session"]["ends_at"].is_null());
  std::string session = done["session"]["id"];
  // Polling again repeats the answer; AWS is not asked again.
  int polls = fake_devices(s)[0]["polls"];
  EXPECT_EQ(send("POST", "/api/v1/sso/flows/" + flow + "/poll").j()["status"], "approved");
  EXPECT_EQ(fake_devices(s)[0]["polls"], polls);

  auto acc = send("GET", "/api/v1/sso/sessions/" + session + "/accounts");
  ASSERT_EQ(acc.status, 200u) << acc.body;
  auto accounts = acc.j()["accounts"];
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_EQ(accounts[0]["name"], "audit-target");
  EXPECT_EQ(accounts[0]["email"], "audit@example.com");
  EXPECT_EQ(accounts[0]["roles"], json::array({"AdministratorAccess", "SecurityAuditor"}));
  EXPECT_EQ(accounts[0]["preselected_role"], "SecurityAuditor");
  EXPECT_EQ(accounts[1]["name"], "production");
  EXPECT_EQ(accounts[1]["preselected_role"], "ReadOnlyAccess");

  auto made = send("POST", "/api/v1/sso/sessions/" + session + "/providers",
                   {{"accounts", {{{"account_id", "111122223333"}, {"role_name", "SecurityAuditor"}},
                                  {{"account_id", "444455556666"}, {"role_name", "ReadOnlyAccess"}, {"label", "prod"}}}}});
  ASSERT_EQ(made.status, 201u) << made.body;
  ASSERT_EQ(made.j()["created"].size(), 2u);
  std::string audit_id = made.j()["created"][0], prod_id = made.j()["created"][1];
  json p = provider(audit_id);
  EXPECT_EQ(p["label"], "audit-target (SecurityAuditor)");
  EXPECT_EQ(p["identity"]["account"], "111122223333");
  EXPECT_NE(p["identity"]["arn"].get<std::string>().find("AWSReservedSSO_SecurityAuditor"), std::string::npos);
  EXPECT_EQ(p["sso"]["role_name"], "SecurityAuditor");
  EXPECT_EQ(p["sso"]["start_url"], kStartUrl);
  EXPECT_EQ(p["sso"]["session_ends_at"], done["session"]["ends_at"]);
  EXPECT_EQ(p["credential_state"], "valid");
  EXPECT_NE(p["renewal_steps"][0].get<std::string>().find("Sign in with IAM Identity Center"), std::string::npos);
  // Test connection refreshes the identity and keeps it an IAM Identity Center provider.
  auto tested = send("POST", "/api/v1/providers/test", {{"provider_id", audit_id}});
  ASSERT_EQ(tested.status, 200u) << tested.body;
  EXPECT_TRUE(tested.j()["ok"].get<bool>()) << tested.body;
  EXPECT_NE(provider(audit_id)["renewal_steps"][0].get<std::string>().find("Sign in with IAM Identity Center"),
            std::string::npos);
  EXPECT_EQ(provider(prod_id)["label"], "prod");
  EXPECT_EQ(provider(prod_id)["identity"]["account"], "444455556666");

  // Asking again for a connected pair makes no second provider.
  auto again = send("POST", "/api/v1/sso/sessions/" + session + "/providers",
                    {{"accounts", {{{"account_id", "111122223333"}, {"role_name", "SecurityAuditor"}}}}});
  EXPECT_EQ(again.status, 200u);
  EXPECT_EQ(again.j()["existing"][0]["provider_id"], audit_id);
  // A permission set the user does not have: refused by the portal, said per account.
  auto wrong = send("POST", "/api/v1/sso/sessions/" + session + "/providers",
                    {{"accounts", {{{"account_id", "444455556666"}, {"role_name", "SecurityAuditor"}}}}});
  EXPECT_EQ(wrong.status, 422u) << wrong.body;
  EXPECT_EQ(wrong.j()["failed"][0]["account_id"], "444455556666");
  auto bad = send("POST", "/api/v1/sso/sessions/" + session + "/providers", {{"accounts", {{{"account_id", "12"}}}}});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(s.db().list_providers().size(), 2u);

  auto sessions = send("GET", "/api/v1/sso/sessions");
  ASSERT_EQ(sessions.j().size(), 1u);
  EXPECT_EQ(sessions.j()[0]["providers"].size(), 2u);
  expect_no_secrets();
}

TEST_F(Sso, SlowDownIsHonoured) {
  json f = start();
  std::string flow = f["flow_id"];
  s.fake().control("POST", "sso/slow_down", json{{"user_code", f["user_code"]}, {"times", 1}}.dump());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto slowed = send("POST", "/api/v1/sso/flows/" + flow + "/poll").j();
  EXPECT_EQ(slowed["status"], "pending");
  EXPECT_EQ(slowed["slowed_down"], true);
  EXPECT_EQ(slowed["interval"], 6);  // 1 s + 5 s, RFC 8628 §3.5
  approve(f["user_code"]);
  // Within the new interval nothing is sent to AWS, even a second later.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto waiting = send("POST", "/api/v1/sso/flows/" + flow + "/poll").j();
  EXPECT_EQ(waiting["status"], "pending");
  EXPECT_GE(waiting["next_poll_in"].get<int>(), 3);
  EXPECT_EQ(fake_devices(s)[0]["polls"], 1);
  json done = poll_until_done(flow);
  EXPECT_EQ(done["status"], "approved") << done.dump();
  auto dev = fake_devices(s)[0];
  EXPECT_EQ(dev["slow_downs"], 1);  // never polled too fast after being told
  EXPECT_EQ(dev["polls"], 2);
}

TEST_F(Sso, DeniedAndExpiredSayWhatHappenedAndWhatToDo) {
  json f = start();
  approve(f["user_code"], /*deny=*/true);
  json denied = poll_until_done(f["flow_id"]);
  EXPECT_EQ(denied["status"], "denied");
  EXPECT_NE(denied["error"]["message"].get<std::string>().find("denied"), std::string::npos);
  EXPECT_NE(denied["error"]["advice"].get<std::string>().find("Allow"), std::string::npos);

  json g = start();
  s.fake().set_faults(R"({"clock_offset_seconds": 601})");
  json expired = poll_until_done(g["flow_id"]);
  s.fake().set_faults("{}");
  EXPECT_EQ(expired["status"], "expired");
  EXPECT_NE(expired["error"]["message"].get<std::string>().find("expired before it was approved"), std::string::npos);
  EXPECT_NE(expired["error"]["advice"].get<std::string>().find("Start the sign-in again"), std::string::npos);
  EXPECT_TRUE(s.db().list_sso_sessions().empty());
}

TEST_F(Sso, ExpiredRoleCredentialsAreRenewedWithoutTheUser) {
  auto [session, ids] = connect_both();
  ASSERT_EQ(ids.size(), 2u);
  std::string id = ids[0];
  auto before = *s.db().get_credentials(id);
  // The role keys have expired (at AWS too), and so has the access token:
  // CloudPeek refreshes the token with the refresh token, then gets new keys.
  s.fake().set_faults(json{{"expire", {{{"access_key_id", before.access_key_id}, {"at", "-1"}}}}}.dump());
  s.fake().control("POST", "sso/expire_access_tokens", "{}");
  auto stored = before;
  stored.expires_at = store::now_seconds() - std::chrono::seconds(5);
  s.db().replace_credentials(id, stored, "test");
  auto sess = *s.db().get_sso_session(session);
  sess.access_expires_at = store::now_seconds() - std::chrono::seconds(1);
  s.db().save_sso_session(sess);
  std::string old_refresh = json::parse(sess.secrets)["refresh_token"];
  EXPECT_EQ(provider(id)["credential_state"], "expired");

  auto started = send("POST", "/api/v1/scans", {{"provider_id", id}, {"regions", {"us-east-1"}}});
  ASSERT_EQ(started.status, 202u) << started.body;
  json scan = s.wait_scan(c, started.j()["id"]);
  EXPECT_NE(scan["status"], "failed") << scan.dump();
  EXPECT_EQ(scan.value("reason", json()).dump().find("expired"), std::string::npos) << scan.dump();
  auto after = *s.db().get_credentials(id);
  EXPECT_NE(after.access_key_id, before.access_key_id);
  ASSERT_TRUE(after.expires_at);
  EXPECT_GT(*after.expires_at, store::now_seconds() + std::chrono::minutes(50));
  auto refreshed = *s.db().get_sso_session(session);
  EXPECT_NE(json::parse(refreshed.secrets)["refresh_token"], old_refresh);  // rotated, and kept
  EXPECT_GT(*refreshed.access_expires_at, store::now_seconds());
  EXPECT_EQ(provider(id)["credential_state"], "valid");
  // The scan's calls were made with the renewed keys.
  std::string log = s.fake().requests();
  EXPECT_NE(log.find(after.access_key_id), std::string::npos);
  EXPECT_NE(log.find("CreateToken"), std::string::npos);
  expect_no_secrets();
}

TEST_F(Sso, TheTickRenewsBeforeExpiryAndOneSignInRenewsEveryProviderAfterTheSessionEnds) {
  auto [session, ids] = connect_both();
  ASSERT_EQ(ids.size(), 2u);
  auto before = *s.db().get_credentials(ids[1]);
  // Within the renewal margin (reminder window + 5 min): the tick renews.
  auto near = before;
  near.expires_at = store::now_seconds() + std::chrono::minutes(10);
  s.db().replace_credentials(ids[1], near, "test");
  s.app().scheduler().tick(store::now_seconds());
  auto renewed = *s.db().get_credentials(ids[1]);
  EXPECT_NE(renewed.access_key_id, before.access_key_id);
  EXPECT_GT(*renewed.expires_at, store::now_seconds() + std::chrono::minutes(50));

  // IAM Identity Center ends the session: renewal is refused, the providers
  // show expired with the sign-in steps, and scans are refused until then.
  s.fake().control("POST", "sso/revoke", "{}");
  for (const auto& id : ids) {
    auto cr = *s.db().get_credentials(id);
    cr.expires_at = store::now_seconds() - std::chrono::seconds(1);
    s.db().replace_credentials(id, cr, "test");
  }
  s.app().scheduler().tick(store::now_seconds());
  EXPECT_EQ(send("GET", "/api/v1/sso/sessions").j()[0]["state"], "ended");
  json p = provider(ids[0]);
  EXPECT_EQ(p["credential_state"], "expired");
  EXPECT_EQ(p["sso"]["session_state"], "ended");
  auto refused = send("POST", "/api/v1/scans", {{"provider_id", ids[0]}});
  EXPECT_EQ(refused.status, 409u) << refused.body;
  EXPECT_NE(refused.body.find("Sign in with IAM Identity Center"), std::string::npos);

  // One new sign-in for the same portal renews both.
  json f = start();
  approve(f["user_code"]);
  json done = poll_until_done(f["flow_id"]);
  ASSERT_EQ(done["status"], "approved") << done.dump();
  EXPECT_EQ(done["session"]["id"], session);
  EXPECT_EQ(done["renewed"].size(), 2u) << done.dump();
  for (const auto& id : ids) EXPECT_EQ(provider(id)["credential_state"], "valid") << provider(id).dump();
  EXPECT_EQ(send("GET", "/api/v1/sso/sessions").j()[0]["state"], "active");
  EXPECT_EQ(send("GET", "/api/v1/sso/sessions").j().size(), 1u);
  expect_no_secrets();
}

TEST_F(Sso, TheWebhookWarnsBeforeTheSsoSessionEndsAndWhenItHasEnded) {
  Receiver hook;
  ASSERT_EQ(send("PUT", "/api/v1/settings", {{"webhook_url", hook.url()}}).status, 200u);
  auto [session, ids] = connect_both();
  ASSERT_EQ(ids.size(), 2u);
  // The session ends in 20 minutes (inside the 30-minute reminder window).
  auto sess = *s.db().get_sso_session(session);
  sess.ends_at = store::now_seconds() + std::chrono::minutes(20);
  s.db().save_sso_session(sess);
  // A renewal now caps the role credentials at the session's end, so the
  // provider's own reminder (banner, webhook) is about the session too.
  auto cr = *s.db().get_credentials(ids[0]);
  cr.expires_at = store::now_seconds() + std::chrono::minutes(5);
  s.db().replace_credentials(ids[0], cr, "test");
  s.app().scheduler().tick(store::now_seconds());
  auto expiring = hook.wait_for("sso_session_expiring");
  ASSERT_TRUE(expiring) << hook.all();
  EXPECT_EQ((*expiring)["start_url"], kStartUrl);
  EXPECT_EQ((*expiring)["providers"].size(), 2u);
  EXPECT_NEAR((*expiring)["seconds_left"].get<double>(), 1200, 30);
  EXPECT_NE((*expiring)["steps"][0].get<std::string>().find("Sign in with IAM Identity Center"), std::string::npos);
  json p = provider(ids[0]);
  EXPECT_EQ(p["expires_at"], store::format_time(*sess.ends_at));
  EXPECT_EQ(p["credential_state"], "expiring");
  auto reminders = send("GET", "/api/v1/reminders").j();
  bool banner = false;
  for (const auto& r : reminders) banner = banner || r["provider_id"] == ids[0];
  EXPECT_TRUE(banner) << reminders.dump();
  // Sent once per session end, not on every tick.
  s.app().scheduler().tick(store::now_seconds());

  // IAM Identity Center ends the session: the refresh is refused at the next renewal.
  s.fake().control("POST", "sso/revoke", "{}");
  sess = *s.db().get_sso_session(session);
  sess.access_expires_at = store::now_seconds() - std::chrono::seconds(1);
  s.db().save_sso_session(sess);
  cr = *s.db().get_credentials(ids[1]);
  cr.expires_at = store::now_seconds() + std::chrono::minutes(1);
  s.db().replace_credentials(ids[1], cr, "test");
  s.app().scheduler().tick(store::now_seconds());
  auto ended = hook.wait_for("sso_session_ended");
  ASSERT_TRUE(ended) << hook.all();
  EXPECT_EQ((*ended)["session_id"], session);
  s.app().webhook().drain();
  std::string all = hook.all();
  size_t n = 0;
  for (size_t at = all.find("sso_session_expiring"); at != std::string::npos; at = all.find("sso_session_expiring", at + 1)) ++n;
  EXPECT_EQ(n, 1u) << all;
  replies.push_back(all);  // the webhook's bodies carry no secret either
  expect_no_secrets();
}


// Role credentials that live 20 seconds and a scan that takes longer: the scan
// renews them itself before they expire, without interruption, and its calls
// are made with more than one set of keys.
TEST_F(Sso, AScanLongerThanTheRoleCredentialsRenewsThemItself) {
  s.fake().control("POST", "sso/role_seconds", R"({"seconds": 20})");
  auto [session, ids] = connect_both();
  ASSERT_EQ(ids.size(), 2u);
  std::string id = ids[0];
  auto first = *s.db().get_credentials(id);
  ASSERT_TRUE(first.expires_at);
  EXPECT_LE(*first.expires_at, store::now_seconds() + std::chrono::seconds(21));
  s.fake().set_faults(R"({"rules": [{"latency_ms": 3500}]})");
  const size_t log_before = json::parse(s.fake().requests())["requests"].size();  // the scan's calls follow
  auto t0 = std::chrono::steady_clock::now();
  auto started = send("POST", "/api/v1/scans", {{"provider_id", id}, {"regions", {"us-east-1"}}});
  ASSERT_EQ(started.status, 202u) << started.body;
  json scan = s.wait_scan(c, started.j()["id"], std::chrono::seconds(180));
  auto took = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - t0);
  s.fake().set_faults("{}");
  ASSERT_GT(took.count(), 22) << "the scan must outlive the first role credentials; it took " << took.count() << " s";
  EXPECT_NE(scan["status"], "interrupted") << scan.dump();
  EXPECT_NE(scan["status"], "failed") << scan.dump();
  EXPECT_EQ(scan.value("reason", json()).dump().find("expired"), std::string::npos) << scan.dump();
  // Calls sent more than a key's life apart were signed with more than one set
  // of role keys (renewed mid-scan), and AWS never said ExpiredToken. (Which
  // keys exactly is timing: the scan may start on keys renewed just before it,
  // and the stored ones may be renewed again after its last call.)
  std::string log = s.fake().requests();
  json entries = json::parse(log)["requests"];
  std::set<std::string> keys;
  std::optional<TimePoint> first_sent, last_sent;  // arrival times of the scan's signed calls
  for (size_t i = log_before; i < entries.size(); ++i) {
    if (!entries[i].contains("access_key_id") || !entries[i]["access_key_id"].is_string()) continue;
    keys.insert(entries[i]["access_key_id"].get<std::string>());
    if (auto at = parse_iso8601(entries[i].value("time", ""))) {
      if (!first_sent || *at < *first_sent) first_sent = *at;
      if (!last_sent || *at > *last_sent) last_sent = *at;
    }
  }
  ASSERT_TRUE(first_sent && last_sent) << "the scan's calls are in fakeaws's log";
  // The scan sent calls for most of a key's 20 s life; calls sent later than
  // that could only be signed with renewed keys (no ExpiredToken, below).
  auto span = std::chrono::duration_cast<std::chrono::seconds>(*last_sent - *first_sent).count();
  EXPECT_GE(span, 15) << "the scan's calls spanned only " << span << " s";
  if (span > 20) EXPECT_GE(keys.size(), 2u) << "calls sent " << span << " s apart used one set of 20-second keys";
  auto last = *s.db().get_credentials(id);
  EXPECT_NE(last.access_key_id, first.access_key_id);
  EXPECT_EQ(log.find("ExpiredToken"), std::string::npos);
  EXPECT_NE(provider(id)["credential_state"], "expired");  // "expiring": 20-second keys are inside the reminder window
  expect_no_secrets();
}

// The SSO session ends while a scan runs (IAM Identity Center revokes it):
// the scan ends "interrupted: SSO session ended", what it collected kept as an
// interrupted scan, and the next scan is refused with the sign-in steps.
TEST_F(Sso, AnSsoSessionThatEndsMidScanInterruptsTheScanSayingSo) {
  s.fake().control("POST", "sso/role_seconds", R"({"seconds": 20})");
  auto [session, ids] = connect_both();
  ASSERT_EQ(ids.size(), 2u);
  std::string id = ids[0];
  s.fake().set_faults(R"({"rules": [{"latency_ms": 3500}]})");
  auto started = send("POST", "/api/v1/scans", {{"provider_id", id}, {"regions", {"us-east-1"}}});
  ASSERT_EQ(started.status, 202u) << started.body;
  std::this_thread::sleep_for(std::chrono::seconds(3));
  s.fake().control("POST", "sso/revoke", "{}");
  json scan = s.wait_scan(c, started.j()["id"], std::chrono::seconds(120));
  s.fake().set_faults("{}");
  EXPECT_EQ(scan["status"], "interrupted") << scan.dump();
  EXPECT_EQ(scan["reason"], "interrupted: SSO session ended") << scan.dump();
  EXPECT_EQ(send("GET", "/api/v1/sso/sessions").j()[0]["state"], "ended");
  EXPECT_EQ(provider(id)["sso"]["session_state"], "ended");
  auto refused = send("POST", "/api/v1/scans", {{"provider_id", id}});
  EXPECT_EQ(refused.status, 409u) << refused.body;
  EXPECT_NE(refused.body.find("Sign in with IAM Identity Center"), std::string::npos) << refused.body;
  expect_no_secrets();
}


// Signing out forgets the session's tokens and its providers' role keys here:
// the providers say "signed out", scans are refused with the sign-in steps, and
// one new sign-in with the same portal renews them all.
TEST_F(Sso, SignOutForgetsTheTokensAndOneSignInRenewsEveryProvider) {
  auto [session, ids] = connect_both();
  ASSERT_EQ(ids.size(), 2u);
  expect_no_secrets();
  std::vector<std::string> old_secrets;
  json before = json::parse(s.db().get_sso_session(session)->secrets);
  for (const char* k : {"client_secret", "access_token", "refresh_token"}) old_secrets.push_back(before[k]);
  for (const auto& id : ids) old_secrets.push_back(s.db().get_credentials(id)->secret_access_key);

  auto out = send("POST", "/api/v1/sso/sessions/" + session + "/sign-out");
  ASSERT_EQ(out.status, 200u) << out.body;
  EXPECT_EQ(out.j()["state"], "signed_out");
  EXPECT_EQ(out.j()["signed_out_by"], "admin");
  EXPECT_EQ(send("GET", "/api/v1/sso/sessions").j()[0]["state"], "signed_out");
  // Nothing CloudPeek holds opens the accounts any more.
  std::string stored = s.db().get_sso_session(session)->secrets;
  for (const auto& id : ids) stored += s.db().get_credentials(id)->secret_access_key;
  for (const auto& old : old_secrets) EXPECT_EQ(stored.find(old), std::string::npos) << "a token or key kept after sign-out";
  json p = provider(ids[0]);
  EXPECT_EQ(p["sso"]["session_state"], "ended");
  EXPECT_EQ(p["sso"]["signed_out"], true);
  EXPECT_EQ(p["credential_state"], "expired");
  auto refused = send("POST", "/api/v1/scans", {{"provider_id", ids[0]}});
  EXPECT_EQ(refused.status, 409u) << refused.body;
  EXPECT_NE(refused.body.find("Sign in with IAM Identity Center"), std::string::npos) << refused.body;
  EXPECT_NE(refused.j()["error"]["message"].get<std::string>().find("was signed out by admin"), std::string::npos)
      << refused.body;
  // The tick renews nothing for a signed-out session, and asks AWS nothing for it.
  std::string calls = s.fake().requests();
  s.app().scheduler().tick(store::now_seconds());
  EXPECT_EQ(s.fake().requests().size(), calls.size());
  EXPECT_EQ(send("GET", "/api/v1/sso/sessions/" + session + "/accounts").status, 409u);
  EXPECT_EQ(send("POST", "/api/v1/sso/sessions/nope/sign-out").status, 404u);

  json f = start();
  approve(f["user_code"]);
  json done = poll_until_done(f["flow_id"]);
  ASSERT_EQ(done["status"], "approved") << done.dump();
  EXPECT_EQ(done["session"]["id"], session);
  EXPECT_EQ(done["session"]["state"], "active");
  EXPECT_EQ(done["renewed"].size(), 2u) << done.dump();
  for (const auto& id : ids) EXPECT_EQ(provider(id)["credential_state"], "valid") << provider(id).dump();
  auto scan = send("POST", "/api/v1/scans", {{"provider_id", ids[0]}, {"regions", {"us-east-1"}}});
  ASSERT_EQ(scan.status, 202u) << scan.body;
  json ran = s.wait_scan(c, scan.j()["id"]);
  EXPECT_TRUE(ran["status"] == "succeeded" || ran["status"] == "partial") << ran.dump();
  expect_no_secrets();
}

// Deleting a session needs the choice of what happens to its providers; kept
// ones stay with their history as ordinary accounts (never renewed through
// the portal again, even after a new sign-in), deleted ones go.
TEST_F(Sso, DeletingASessionKeepsOrDeletesItsProvidersAsAsked) {
  auto [session, ids] = connect_both();
  ASSERT_EQ(ids.size(), 2u);
  auto no_choice = send("DELETE", "/api/v1/sso/sessions/" + session);
  EXPECT_EQ(no_choice.status, 400u) << no_choice.body;
  EXPECT_EQ(no_choice.j()["error"]["field"], "providers");
  EXPECT_NE(no_choice.j()["error"]["message"].get<std::string>().find("2 account(s)"), std::string::npos);
  EXPECT_EQ(send("GET", "/api/v1/sso/sessions").j()[0]["state"], "active");  // nothing changed
  EXPECT_EQ(provider(ids[0])["credential_state"], "valid");

  auto kept = send("DELETE", "/api/v1/sso/sessions/" + session + "?providers=keep");
  ASSERT_EQ(kept.status, 200u) << kept.body;
  EXPECT_EQ(kept.j()["providers_kept"].size(), 2u);
  EXPECT_TRUE(send("GET", "/api/v1/sso/sessions").j().empty());
  EXPECT_EQ(s.db().list_providers().size(), 2u);
  json p = provider(ids[0]);
  EXPECT_FALSE(p.contains("sso") && !p["sso"].is_null()) << p.dump();
  EXPECT_EQ(p["credential_state"], "expired");
  EXPECT_EQ(p["renewal_steps"][0].get<std::string>().find("Sign in with IAM Identity Center"), std::string::npos);
  EXPECT_EQ(send("GET", "/api/v1/sso/sessions/" + session + "/accounts").status, 404u);

  // A new sign-in with the same portal does not take the kept accounts back.
  json f = start();
  approve(f["user_code"]);
  json done = poll_until_done(f["flow_id"]);
  ASSERT_EQ(done["status"], "approved") << done.dump();
  EXPECT_TRUE(done["renewed"].empty()) << done.dump();
  EXPECT_TRUE(done["session"]["providers"].empty()) << done.dump();
  EXPECT_EQ(provider(ids[0])["credential_state"], "expired");
  std::string again = done["session"]["id"];
  auto acc = send("GET", "/api/v1/sso/sessions/" + again + "/accounts");
  ASSERT_EQ(acc.status, 200u) << acc.body;
  EXPECT_TRUE(acc.j()["accounts"][0]["connected"].empty());
  auto made = send("POST", "/api/v1/sso/sessions/" + again + "/providers",
                   {{"accounts", {{{"account_id", "111122223333"}, {"role_name", "SecurityAuditor"}}}}});
  ASSERT_EQ(made.status, 201u) << made.body;
  std::string fresh = made.j()["created"][0];
  s.app().scheduler().tick(store::now_seconds());
  EXPECT_EQ(provider(ids[0])["credential_state"], "expired");  // still not renewed through the portal

  auto gone = send("DELETE", "/api/v1/sso/sessions/" + again + "?providers=delete");
  ASSERT_EQ(gone.status, 200u) << gone.body;
  EXPECT_EQ(gone.j()["providers_deleted"], json::array({fresh}));
  auto left = s.db().list_providers();
  ASSERT_EQ(left.size(), 2u);
  for (const auto& lp : left) EXPECT_NE(lp.id, fresh);
  EXPECT_EQ(send("DELETE", "/api/v1/sso/sessions/" + again + "?providers=delete").status, 404u);
}


// A permission set that denies some of the actions CloudPeek needs: after the
// first probe the provider says which, and which checks they leave
// NOT_ASSESSED; the picker hints it for the same permission set elsewhere.
TEST_F(Sso, WhatAPermissionSetLacksIsSaidAfterTheFirstProbeAndHintedElsewhere) {
  const std::string prod_ro = "arn:aws:sts::444455556666:assumed-role/AWSReservedSSO_ReadOnlyAccess_2222222222222222/alice@example.com";
  const std::string audit_admin =
      "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_1111111111111111/alice@example.com";
  s.fake().set_faults(json{{"deny", {{{"action", "kms:ListKeys"}, {"principal", prod_ro}},
                                     {{"action", "guardduty:ListDetectors"}, {"principal", prod_ro}},
                                     {{"action", "sns:ListTopics"}, {"principal", audit_admin}}}}}.dump());
  auto [session, ids] = connect_both();
  ASSERT_EQ(ids.size(), 2u);
  json audit = provider(ids[0]), prod = provider(ids[1]);
  ASSERT_TRUE(audit["sso"]["permissions"].is_object()) << audit.dump();
  EXPECT_TRUE(audit["sso"]["permissions"]["missing"].empty()) << audit.dump();
  EXPECT_GT(audit["sso"]["permissions"]["checked"].get<int>(), 30);
  json missing = prod["sso"]["permissions"]["missing"];
  ASSERT_EQ(missing.size(), 2u) << prod.dump();
  std::map<std::string, json> by_action;
  for (const auto& m : missing) by_action[m["action"]] = m;
  ASSERT_TRUE(by_action.count("kms:ListKeys") && by_action.count("guardduty:ListDetectors")) << missing.dump();
  auto has = [](const json& list, const std::string& id) {
    return std::find(list.begin(), list.end(), json(id)) != list.end();
  };
  EXPECT_TRUE(has(by_action["kms:ListKeys"]["checks"], "kms_cmk_rotation_enabled")) << by_action["kms:ListKeys"].dump();
  EXPECT_TRUE(has(by_action["guardduty:ListDetectors"]["checks"], "guardduty_is_enabled"))
      << by_action["guardduty:ListDetectors"].dump();
  EXPECT_FALSE(has(by_action["kms:ListKeys"]["checks"], "guardduty_is_enabled"));

  // The picker: ReadOnlyAccess in production (probed there), and
  // AdministratorAccess in production hinted from the audit account's probe.
  auto one = send("POST", "/api/v1/sso/sessions/" + session + "/providers",
                  {{"accounts", {{{"account_id", "111122223333"}, {"role_name", "AdministratorAccess"}}}}});
  ASSERT_EQ(one.status, 201u) << one.body;
  auto acc = send("GET", "/api/v1/sso/sessions/" + session + "/accounts").j()["accounts"];
  json prod_hints = acc[1]["role_hints"];
  EXPECT_EQ(prod_hints["ReadOnlyAccess"]["from_account"], "444455556666");
  EXPECT_EQ(prod_hints["ReadOnlyAccess"]["missing_actions"].size(), 2u);
  EXPECT_EQ(prod_hints["AdministratorAccess"]["from_account"], "111122223333") << prod_hints.dump();
  EXPECT_EQ(prod_hints["AdministratorAccess"]["missing_actions"], json::array({"sns:ListTopics"}));
  EXPECT_GT(prod_hints["AdministratorAccess"]["checks_affected"].get<int>(), 0);
  EXPECT_EQ(acc[0]["role_hints"]["SecurityAuditor"]["missing_actions"], json::array());
  // The session lists its providers' gaps (the settings page shows them).
  json gaps = send("GET", "/api/v1/sso/sessions").j()[0]["permission_gaps"];
  ASSERT_EQ(gaps.size(), 2u) << gaps.dump();
  EXPECT_EQ(gaps[0]["provider_id"], ids[1]);
  EXPECT_EQ(gaps[0]["missing_actions"].size(), 2u);
  EXPECT_GE(gaps[0]["checks_affected"].get<int>(), 4);
  s.fake().set_faults("{}");
  expect_no_secrets();
}

}  // namespace
}  // namespace cloudpeek::server::testing
