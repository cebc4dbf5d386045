// Many calls at once, as a scan makes them: 500 concurrent requests all
// complete over a bounded, reused set of connections, and a refreshing
// credential source behind them is asked once, not 500 times.
#include <gtest/gtest.h>

#include <iostream>
#include <thread>

#include "aws/credentials/client_caller.h"
#include "aws/credentials/default_chain.h"
#include "aws/services/sts_model.h"
#include "tests/integration/call_batch.h"
#include "tests/integration/integration_support.h"

namespace cloudpeek::testing {
namespace {

constexpr int kCalls = 500;
constexpr size_t kConnectionCap = 16;

class Concurrency : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = new FakeAws(); }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }
  void SetUp() override {
    fake_->reset(/*forget_credentials=*/true);
    env.set("HOME", home.path());
    // Each request takes a while, as real AWS calls do, so they pile up.
    fake_->set_faults(R"({"service": "sts", "action": "GetCallerIdentity", "latency_ms": 20})");
  }
  FakeAws& fake() { return *fake_; }

  static TransportOptions capped() {
    TransportOptions o;
    o.max_connections = kConnectionCap;
    o.max_host_connections = kConnectionCap;
    return o;
  }

  CleanEnv env;
  TempDir home;
  static FakeAws* fake_;
};

FakeAws* Concurrency::fake_ = nullptr;

TEST_F(Concurrency, FiveHundredCallsOnBoundedReusedConnections) {
  auto transport = std::make_shared<Transport>(capped());
  AwsClient client(fake_config(fake()), static_credentials(kAlice), transport);
  BatchResult r = call_batch(client, sts_model(), "GetCallerIdentity", kCalls);
  ASSERT_FALSE(r.timed_out) << "only " << r.values.size() + r.errors.size() << " of " << kCalls << " completed";
  ASSERT_TRUE(r.errors.empty()) << r.errors.size() << " failed, first: " << r.errors[0].describe();
  ASSERT_EQ(r.values.size(), static_cast<size_t>(kCalls));
  for (const json& v : r.values) EXPECT_EQ(v.value("Arn", ""), kAliceArn);

  TransportStats s = transport->stats();
  EXPECT_EQ(s.requests_completed, static_cast<size_t>(kCalls));
  EXPECT_GE(s.connections_opened, 1u);
  EXPECT_LE(s.connections_opened, kConnectionCap) << "connections beyond the cap, or not reused";
  EXPECT_LE(s.max_in_flight_seen, kConnectionCap);
  EXPECT_GT(s.max_in_flight_seen, 1u) << "the calls did not run concurrently";

  EXPECT_EQ(count_requests(logged_requests(fake()), "GetCallerIdentity"), static_cast<size_t>(kCalls))
      << "one request per call: nothing retried";
  std::cout << "[          ] " << kCalls << " calls in " << r.elapsed.count() << " ms over "
            << s.connections_opened << " connections (max " << s.max_in_flight_seen << " in flight)\n";
}

// An SSO profile behind a scan: calls from several threads race to the
// provider, which fetches role credentials from the portal once and shares them.
TEST_F(Concurrency, RefreshingCredentialsAreFetchedOnceForConcurrentCalls) {
  env.set("AWS_CONFIG_FILE",
          home.write("aws/config",
                     "[profile sso-audit]\nsso_session = corp\nsso_account_id = 111122223333\n"
                     "sso_role_name = SecurityAuditor\n[sso-session corp]\n"
                     "sso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n"));
  env.set("AWS_SHARED_CREDENTIALS_FILE", home.path() + "/aws/credentials");
  home.write(".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json",
             json{{"startUrl", kSsoStartUrl},
                  {"region", "us-east-1"},
                  {"accessToken", kSsoValidToken},
                  {"expiresAt", iso_from_now(8 * 3600)}}
                 .dump());

  auto transport = std::make_shared<Transport>(capped());
  ChainOptions o;
  o.profile = "sso-audit";
  o.caller = std::make_shared<ClientCaller>(transport, fake_endpoints(fake()), RetryConfig{});
  AwsClient client(fake_config(fake()), std::make_shared<DefaultChainProvider>(o), transport);
  constexpr int kThreads = 8, kPerThread = 25;
  std::vector<BatchResult> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] { results[t] = call_batch(client, sts_model(), "GetCallerIdentity", kPerThread); });
  for (auto& t : threads) t.join();
  for (const BatchResult& r : results) {
    ASSERT_FALSE(r.timed_out);
    ASSERT_TRUE(r.errors.empty()) << r.errors.size() << " failed, first: " << r.errors[0].describe();
    for (const json& v : r.values) EXPECT_EQ(v.value("Arn", ""), kSsoRoleArn);
  }

  auto log = logged_requests(fake());
  EXPECT_EQ(count_requests(log, "GetRoleCredentials"), 1u);
  EXPECT_EQ(count_requests(log, "GetCallerIdentity"), static_cast<size_t>(kThreads * kPerThread));
  EXPECT_LE(transport->stats().connections_opened, kConnectionCap);
}

}  // namespace
}  // namespace cloudpeek::testing
