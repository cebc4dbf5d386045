// Ground truth for the cost hygiene checks (issue 12 §3) through the real scan
// engine over the insecure scenario (45-cost.json): every planted waste is
// reported with its exact monthly estimate (size × the region's price from
// model/prices), the good resources pass, and the calls that only the cost
// checks need (target health, CloudWatch traffic) are made only when one of
// them is selected — GetMetricData once per region for all its NAT gateways.
// A denied GetMetricData makes the NAT check NOT_ASSESSED naming it.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "checks/check.h"
#include "checks/cost_registry.h"
#include "tests/integration/declared_reads.h"
#include "tests/integration/fakeaws_process.h"
#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

const char kAcct[] = "111122223333";

std::string ec2(const std::string& region, const std::string& kind, const std::string& id) {
  return "arn:aws:ec2:" + region + ":" + kAcct + ":" + kind + "/" + id;
}

// (check, resource) → the estimate every FAIL of a cost check must carry.
const std::map<std::pair<std::string, std::string>, double>& expected_costs() {
  static const std::map<std::pair<std::string, std::string>, double> m = {
      {{"ec2_ebs_volume_unattached", ec2("us-west-2", "volume", "vol-0c0570000000b0001")}, 100 * 0.10},
      {{"ec2_ebs_volume_unattached", ec2("eu-west-1", "volume", "vol-0b1b2c3d4e5f60001")}, 20 * 0.088},
      {{"ec2_ebs_gp2_to_gp3", ec2("us-west-2", "volume", "vol-0c0570000000b0001")}, 100 * (0.10 - 0.08)},
      {{"ec2_ebs_gp2_to_gp3", ec2("eu-west-1", "volume", "vol-0c0570000000b0003")}, 50 * (0.11 - 0.088)},
      {{"ec2_ebs_snapshot_old_without_volume", "arn:aws:ec2:us-west-2::snapshot/snap-0c0570000000c0001"}, 40 * 0.05},
      {{"ec2_instance_stopped_paying_for_volumes", ec2("eu-west-1", "instance", "i-0b1b2c3d4e5f60002")}, 50 * 0.11},
      {{"ec2_instance_previous_generation", ec2("us-west-2", "instance", "i-0c0570000000a0001")}, (0.10 - 0.096) * 730},
      {{"elbv2_load_balancer_idle",
        "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/app-secure/6d0ecf831eec9f09"},
       0.0225 * 730},
      {{"elbv2_load_balancer_idle",
        "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/nlb-internal/7e1fd0942ffd0a1a"},
       0.0252 * 730},
      {{"elb_load_balancer_idle", "arn:aws:elasticloadbalancing:us-west-2:111122223333:loadbalancer/idle-classic"},
       0.025 * 730},
      {{"ec2_nat_gateway_unused", ec2("us-west-2", "natgateway", "nat-0c0570000000d0001")}, 0.045 * 730},
      {{"ec2_elastic_ip_unassigned", ec2("us-east-1", "elastic-ip", "eipalloc-0a1b2c3d4e5f60002")}, 0.005 * 730},
      {{"ec2_elastic_ip_unassigned", ec2("eu-west-1", "elastic-ip", "eipalloc-0b1b2c3d4e5f60001")}, 0.005 * 730},
  };
  return m;
}

TEST(GroundTruthCost, EveryWasteIsFoundWithItsExactMonthlyEstimate) {
  GroundTruthOptions options;
  options.services = {"ec2", "elb", "elbv2"};
  ScanGroundTruth r = run_scan_ground_truth(options);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_TRUE(r.scan.gaps.empty());

  std::map<std::pair<std::string, std::string>, const Finding*> failed;
  for (const auto& f : r.truth.findings) {
    if (f.status == CheckStatus::kFail) failed[{f.check_id, f.resource_arn}] = &f;
    // Only a cost check's FAIL carries an estimate.
    if (f.monthly_cost_usd) {
      EXPECT_TRUE(f.status == CheckStatus::kFail && checks::has_monthly_cost(f.check_id)) << f.check_id;
    }
  }
  double total = 0;
  for (const auto& [key, usd] : expected_costs()) {
    auto it = failed.find(key);
    ASSERT_NE(it, failed.end()) << key.first << " on " << key.second << " did not fail";
    const Finding& f = *it->second;
    ASSERT_TRUE(f.monthly_cost_usd.has_value()) << f.check_id << ": " << f.detail;
    EXPECT_NEAR(*f.monthly_cost_usd, usd, 1e-9) << f.check_id << " on " << f.resource_arn << ": " << f.detail;
    // The detail says how: the region, and the prices' date.
    EXPECT_NE(f.detail.find(f.region + " prices of "), std::string::npos) << f.detail;
    EXPECT_NE(f.detail.find("from the AWS Price List"), std::string::npos) << f.detail;
    total += *f.monthly_cost_usd;
  }
  // The one cost FAIL without an estimate is none: every failing cost finding is priced.
  int cost_fails = 0;
  for (const auto& [key, f] : failed)
    if (checks::has_monthly_cost(key.first)) ++cost_fails;
  EXPECT_EQ(cost_fails, static_cast<int>(expected_costs().size()));
  EXPECT_NEAR(total, 10 + 1.76 + 2 + 1.1 + 2 + 5.5 + 2.92 + 16.425 + 18.396 + 18.25 + 32.85 + 3.65 + 3.65, 1e-6);

  // What the scenario's waste is, exactly, in the detail of two of them.
  const Finding* nat = failed[{"ec2_nat_gateway_unused", ec2("us-west-2", "natgateway", "nat-0c0570000000d0001")}];
  EXPECT_NE(nat->detail.find("≈ $32.85/month (NAT gateway $0.045 per hour × 730 hours, us-west-2 prices of"),
            std::string::npos)
      << nat->detail;
  const Finding* snap = failed[{"ec2_ebs_snapshot_old_without_volume", "arn:aws:ec2:us-west-2::snapshot/snap-0c0570000000c0001"}];
  EXPECT_NE(snap->detail.find("was taken of volume vol-0c0570000000b00ff, which no longer exists"), std::string::npos)
      << snap->detail;

  // Calls: target health once per target group, CloudWatch once for the region with NAT gateways.
  EXPECT_EQ(r.requests["DescribeNatGateways"], 3);
  EXPECT_EQ(r.requests["GetMetricData"], 1);
  EXPECT_EQ(r.requests["DescribeTargetGroups"], 2);  // the two regions with ALB/NLB/GWLBs
  EXPECT_EQ(r.requests["DescribeTargetHealth"], 2);
}

// Issue 13: the target and traffic calls are made only for a selected check
// that reads them; without the cost checks the scan makes none of them.
// (The other ELBv2 checks declare no Check::reads, so selecting one of them
// counts as reading every property, targets included.)
TEST(GroundTruthCost, TargetAndTrafficCallsOnlyForTheCostChecks) {
  GroundTruthOptions o;
  o.checks = {"ec2_ebs_volume_encryption", "elb_logging_enabled"};
  ScanGroundTruth r = run_scan_ground_truth(o);
  EXPECT_TRUE(r.truth.problems.empty()) << join_lines(r.truth.problems);
  EXPECT_EQ(r.requests["DescribeTargetGroups"], 0);
  EXPECT_EQ(r.requests["DescribeTargetHealth"], 0);
  EXPECT_EQ(r.requests["DescribeNatGateways"], 0);
  EXPECT_EQ(r.requests["GetMetricData"], 0);

  o.checks = {"ec2_nat_gateway_unused"};
  ScanGroundTruth nat = run_scan_ground_truth(o);
  EXPECT_TRUE(nat.truth.problems.empty()) << join_lines(nat.truth.problems);
  EXPECT_EQ(nat.requests["GetMetricData"], 1);
  EXPECT_EQ(nat.requests["DescribeTargetGroups"], 0);

  o.checks = {"elbv2_load_balancer_idle"};
  ScanGroundTruth idle = run_scan_ground_truth(o);
  EXPECT_TRUE(idle.truth.problems.empty()) << join_lines(idle.truth.problems);
  EXPECT_EQ(idle.requests["DescribeTargetGroups"], 2);
  EXPECT_EQ(idle.requests["DescribeTargetHealth"], 2);
  EXPECT_EQ(idle.requests["GetMetricData"], 0);
}

// A denied cloudwatch:GetMetricData: the NAT gateways are NOT_ASSESSED naming
// the action (never a PASS, never a guessed FAIL), the other cost checks decide.
TEST(GroundTruthCost, DeniedMetricsAreNotAssessedNamingTheAction) {
  GroundTruthOptions o;
  o.checks = {"ec2_nat_gateway_unused", "ec2_ebs_volume_unattached"};
  o.require_full_coverage = false;
  o.faults = R"({"deny": ["cloudwatch:GetMetricData"]})";
  ScanGroundTruth r = run_scan_ground_truth(o);
  int nat = 0, volumes = 0;
  for (const auto& f : r.truth.findings) {
    if (f.check_id == "ec2_nat_gateway_unused") {
      ++nat;
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.resource_arn << ": " << f.detail;
      EXPECT_NE(f.detail.find("cloudwatch:GetMetricData denied"), std::string::npos) << f.detail;
      EXPECT_FALSE(f.monthly_cost_usd.has_value());
    } else if (f.status != CheckStatus::kNotAssessed) {
      ++volumes;
    }
  }
  EXPECT_EQ(nat, 2);
  EXPECT_EQ(volumes, 6);  // every volume of the three regions still decided
}

// Each cost check gives the same verdict and detail over an inventory that
// keeps only the properties it declares (Check::reads).
TEST(GroundTruthCost, DeclaredReadsAreAllACheckUses) {
  GroundTruthOptions o;
  o.services = {"ec2", "elb", "elbv2", "ec2-nat-gateways"};
  GroundTruth full = run_ground_truth(o);
  size_t compared = expect_declared_reads_suffice(
      full.inventory, [](const checks::Check& c) { return checks::has_monthly_cost(c.meta.id); }, true);
  EXPECT_GT(compared, 20u);
}

}  // namespace
}  // namespace cloudpeek::testing
