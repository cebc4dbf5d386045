// Cost hygiene through the product (issue 12 §3): a scan of the insecure
// scenario's EC2 and load balancers on fakeaws stores each cost finding's
// monthly estimate, GET /findings returns it (null for every other finding),
// and the dashboard sums the open ones as the improvements' cost to save.
#include <gtest/gtest.h>

#include "server/test_server.h"

namespace cloudpeek::server::testing {
namespace {

TEST(ApiCost, FindingsCarryTheirEstimateAndTheDashboardSumsTheOpenOnes) {
  TestServer s;
  Client c = s.admin();
  std::string pid = s.add_provider(c);
  auto started = c.send("POST", "/api/v1/scans",
                        {{"provider_id", pid},
                         {"regions", {"us-east-1", "eu-west-1", "us-west-2"}},
                         {"services", {"ec2", "elb", "elbv2"}}});
  ASSERT_EQ(started.status, 202u) << started.body;
  auto scan = s.wait_scan(c, started.j()["id"]);
  ASSERT_EQ(scan["status"], "succeeded") << scan.dump();

  auto nat = c.send("GET", "/api/v1/findings?check=ec2_nat_gateway_unused&status=open");
  ASSERT_EQ(nat.status, 200u) << nat.body;
  ASSERT_EQ(nat.j()["items"].size(), 1u) << nat.body;
  EXPECT_NEAR(nat.j()["items"][0]["monthly_cost_usd"].get<double>(), 0.045 * 730, 1e-9);

  // A security finding and a passing cost check carry none.
  auto sg = c.send("GET", "/api/v1/findings?check=ec2_ebs_volume_encryption&result=FAIL");
  ASSERT_EQ(sg.status, 200u);
  ASSERT_FALSE(sg.j()["items"].empty()) << sg.body;
  for (const auto& f : sg.j()["items"]) EXPECT_TRUE(f["monthly_cost_usd"].is_null()) << f.dump();
  auto passed = c.send("GET", "/api/v1/findings?check=ec2_nat_gateway_unused&status=passed");
  ASSERT_EQ(passed.j()["items"].size(), 1u) << passed.body;
  EXPECT_TRUE(passed.j()["items"][0]["monthly_cost_usd"].is_null());

  // The detail page too.
  std::string id = nat.j()["items"][0]["id"];
  auto detail = c.send("GET", "/api/v1/findings/" + id);
  EXPECT_NEAR(detail.j()["monthly_cost_usd"].get<double>(), 32.85, 1e-9);

  // 45-cost.json's thirteen priced findings (ground_truth_cost_test has each).
  const double total = 10 + 1.76 + 2 + 1.1 + 2 + 5.5 + 2.92 + 16.425 + 18.396 + 18.25 + 32.85 + 3.65 + 3.65;
  auto dash = c.send("GET", "/api/v1/dashboard?provider_id=" + pid);
  ASSERT_EQ(dash.status, 200u) << dash.body;
  json cost = dash.j()["improvements_monthly_cost"];
  EXPECT_NEAR(cost["monthly_usd"].get<double>(), total, 1e-6) << cost.dump();
  EXPECT_EQ(cost["findings"], 13) << cost.dump();
  EXPECT_EQ(cost["unpriced_findings"], 0);

  // Muting one takes it out of what is left to save.
  auto muted = c.send("POST", "/api/v1/findings/" + id + "/mute", {{"reason", "kept for the DR drill"}});
  ASSERT_EQ(muted.status, 200u) << muted.body;
  auto after = c.send("GET", "/api/v1/dashboard?provider_id=" + pid).j()["improvements_monthly_cost"];
  EXPECT_NEAR(after["monthly_usd"].get<double>(), total - 32.85, 1e-6) << after.dump();
  EXPECT_EQ(after["findings"], 12);
}

}  // namespace
}  // namespace cloudpeek::server::testing
