// Two scans of one AWS account at once (issue 11 §3). AWS meters API calls per
// account, and so does CloudPeek: the engines of one account's scans share its
// rate-limit buckets (scan/rate_limits_shared.h), so the scheduler runs them
// together instead of in turns, and together they stay within the account's
// limits — fakeaws, metering the account as AWS does, never throttles them.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "server/test_server.h"

namespace cloudpeek::server::testing {
namespace {

std::string start(Client& c, const std::string& provider_id) {
  auto r = c.send("POST", "/api/v1/scans", {{"provider_id", provider_id}, {"regions", {"us-east-1"}}});
  EXPECT_EQ(r.status, 202u) << r.body;
  return r.j().value("id", "");
}

TEST(SameAccountScans, TwoProvidersOfOneAccountScanTogetherWithinItsRateLimits) {
  TestServer s;
  auto c = s.admin();
  std::string one = s.add_provider(c, "prod", {{"access_key_id", kAuditorKey}, {"secret_access_key", kAuditorSecret}});
  std::string two =
      s.add_provider(c, "prod again", {{"access_key_id", kAuditorKey}, {"secret_access_key", kAuditorSecret}});
  // fakeaws meters the account's API Gateway GetResources as AWS does, 5
  // calls every 2 s (a bucket of 5 at 2.5 a second; one more token absorbs
  // network jitter), and CloudPeek's table has it so: it spends 4 of the
  // bucket, then sends one call every 0.4 s. A scan of this account fans out
  // over 4 REST APIs; two scans with a bucket each would send 8 at once.
  s.fake().set_faults(R"({"rules": [{"latency_ms": 100},
    {"service": "apigateway", "action": "GetResources", "rate_limit_rps": 2.5, "burst": 6}]})");
  const size_t before = json::parse(s.fake().requests())["requests"].size();  // adding the providers called AWS too
  std::vector<std::string> ids = {start(c, one), start(c, two)};

  // One read of the history at a time: were both running at the same moment?
  bool together = false, active = true;
  for (auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(180);
       active && std::chrono::steady_clock::now() < deadline;) {
    json page = c.get("/api/v1/scans?page_size=100").j();
    int running = 0;
    active = false;
    for (const auto& item : page["items"]) {
      if (item["id"] != ids[0] && item["id"] != ids[1]) continue;
      running += item["status"] == "running";
      active = active || item["status"] == "running" || item["status"] == "queued";
    }
    together = together || running == 2;
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
  }
  EXPECT_TRUE(together) << "two scans of one account took turns";
  for (const auto& id : ids) {
    auto scan = s.wait_scan(c, id);
    EXPECT_TRUE(scan["status"] == "succeeded" || scan["status"] == "partial") << scan.dump();
  }

  json log = json::parse(s.fake().requests())["requests"];
  size_t throttled = 0;
  std::string seen;
  std::vector<double> fan_out;  // when each GetResources reached fakeaws, seconds in the day
  for (size_t i = before; i < log.size(); ++i) {
    const json& r = log[i];
    bool limited = r["fault"].is_string() && r["fault"].get<std::string>().find("rate_limited") != std::string::npos;
    throttled += limited;
    if (limited) seen += "  " + r.dump() + "\n";
    if (r["action"] == "GetResources" && !limited) {
      std::string t = r["time"];  // "2026-12-05T11:18:40.773630Z"
      fan_out.push_back(std::stoi(t.substr(11, 2)) * 3600 + std::stoi(t.substr(14, 2)) * 60 +
                        std::stod(t.substr(17, t.size() - 18)));
    }
  }
  EXPECT_EQ(throttled, 0u) << "the two scans of one account went beyond its rate:\n" << seen;
  // Both scans' calls went through one bucket: 4 at once, then one every 0.4 s
  // (with a bucket each, the 8 went out together).
  ASSERT_EQ(fan_out.size(), 8u) << "each scan calls GetResources for the account's 4 REST APIs";
  std::sort(fan_out.begin(), fan_out.end());
  EXPECT_GE(fan_out.back() - fan_out.front(), 1.0) << "8 calls at 2.5 a second after a burst of 4 take 1.6 s";
}

}  // namespace
}  // namespace cloudpeek::server::testing
