// Cost hygiene checks (issue 12 §3) and the price data they estimate with:
// each check's PASS, FAIL with the exact monthly estimate on the finding,
// NOT_ASSESSED naming what is missing, and no estimate — said, never guessed —
// when the data has no price for the item in the region.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "checks/check.h"
#include "checks/cost_registry.h"
#include "checks/testing.h"
#include "model/prices.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;

// A region the price data does not cover.
const char kUnpriced[] = "ap-east-2";

Finding run(std::string_view id, const Resource& r, const Inventory& inv = Inventory{}) {
  const Check* c = find_check(id);
  EXPECT_NE(c, nullptr) << id;
  if (!c) return {};
  auto f = evaluate_one(*c, r, inv);
  EXPECT_TRUE(f.has_value()) << id << " does not apply to " << r.id;
  return f.value_or(Finding{});
}

void expect_cost(const Finding& f, double usd) {
  EXPECT_EQ(f.status, CheckStatus::kFail) << f.detail;
  ASSERT_TRUE(f.monthly_cost_usd.has_value()) << f.detail;
  EXPECT_NEAR(*f.monthly_cost_usd, usd, 1e-9) << f.detail;
}

void expect_no_price(const Finding& f, const std::string& item, const std::string& region) {
  EXPECT_EQ(f.status, CheckStatus::kFail) << f.detail;
  EXPECT_FALSE(f.monthly_cost_usd.has_value()) << f.detail;
  EXPECT_NE(f.detail.find("No estimate: no price for " + item + " in " + region), std::string::npos) << f.detail;
}

json volume(const char* type, int gib, json attached = json::array()) {
  return {{"attached_instances", std::move(attached)}, {"size_gib", gib}, {"volume_type", type},
          {"iops", nullptr},  {"throughput", nullptr}, {"state", "available"}};
}

// ---- the price data --------------------------------------------------------

TEST(Prices, EveryShippedRegionSaysWhereAndWhenAndPricesTheBasics) {
  auto regions = prices::regions();
  // At least the 17 regions enabled by default in every account.
  for (const char* r : {"us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-central-1",
                        "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "ap-northeast-1", "ap-northeast-2",
                        "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-south-1", "sa-east-1"}) {
    EXPECT_NE(std::find(regions.begin(), regions.end(), r), regions.end()) << r;
    EXPECT_FALSE(prices::as_of(r).empty()) << r;
    EXPECT_NE(prices::source(r).find("AWS Price List"), std::string::npos) << r;
    for (const char* item : {"ebs.gp2.gb_month", "ebs.gp3.gb_month", "ec2.public_ipv4.hour", "ec2.nat_gateway.hour"})
      EXPECT_TRUE(prices::lookup(r, item).has_value()) << item << " in " << r;
    // gp3 costs 80% of gp2 per GiB in every region AWS publishes.
    EXPECT_NEAR(*prices::lookup(r, "ebs.gp3.gb_month"), 0.8 * *prices::lookup(r, "ebs.gp2.gb_month"), 1e-9) << r;
  }
}

TEST(Prices, KnownValuesAndMissingOnesAreNotGuessed) {
  EXPECT_DOUBLE_EQ(*prices::lookup("us-east-1", "ebs.gp2.gb_month"), 0.10);
  EXPECT_DOUBLE_EQ(*prices::lookup("us-east-1", "ec2.nat_gateway.hour"), 0.045);
  EXPECT_DOUBLE_EQ(*prices::lookup("eu-west-1", "ebs.gp2.gb_month"), 0.11);
  EXPECT_FALSE(prices::lookup(kUnpriced, "ebs.gp2.gb_month").has_value());
  EXPECT_FALSE(prices::lookup("us-east-1", "ec2.x9.huge.hour").has_value());
  EXPECT_EQ(prices::as_of(kUnpriced), "");
  EXPECT_EQ(prices::no_price("ebs.gp2.gb_month", kUnpriced), "no price for ebs.gp2.gb_month in ap-east-2");
  EXPECT_EQ(prices::usd(12.4), "$12.40");
  EXPECT_EQ(prices::usd(0.004), "$0.004");
  EXPECT_EQ(prices::basis("x", "us-east-1"), "(x, us-east-1 prices of " + prices::as_of("us-east-1") +
                                                 " from the AWS Price List)");
}

// ---- checks ----------------------------------------------------------------

TEST(CostChecks, EveryCostCheckIsLowOrInformationalAndRegistersAnEstimate) {
  for (const char* id : {"ec2_ebs_volume_unattached", "ec2_ebs_gp2_to_gp3", "ec2_elastic_ip_unassigned",
                         "ec2_ebs_snapshot_old_without_volume", "ec2_instance_stopped_paying_for_volumes",
                         "elbv2_load_balancer_idle", "elb_load_balancer_idle", "ec2_nat_gateway_unused",
                         "ec2_instance_previous_generation"}) {
    const Check* c = find_check(id);
    ASSERT_NE(c, nullptr) << id;
    EXPECT_TRUE(has_monthly_cost(id)) << id;
    EXPECT_LE(c->meta.severity, Severity::kLow) << id;
    EXPECT_FALSE(c->meta.remediation.cli.empty()) << id;
    EXPECT_FALSE(c->meta.remediation.terraform.empty()) << id;
    EXPECT_FALSE(c->meta.references.empty()) << id;
  }
  EXPECT_FALSE(has_monthly_cost("ec2_ebs_volume_encryption"));
}

TEST(CostChecks, UnattachedVolume) {
  auto f = run("ec2_ebs_volume_unattached", resource("AWS::EC2::Volume", "vol-1", volume("gp2", 100)));
  expect_cost(f, 10.0);  // 100 GiB × $0.10
  EXPECT_NE(f.detail.find("≈ $10.00/month (100 GiB gp2 × $0.10 per GB-month, us-east-1 prices of"), std::string::npos)
      << f.detail;
  auto attached = run("ec2_ebs_volume_unattached",
                      resource("AWS::EC2::Volume", "vol-2", volume("gp2", 100, json::array({"i-1"}))));
  EXPECT_EQ(attached.status, CheckStatus::kPass);
  EXPECT_FALSE(attached.monthly_cost_usd.has_value());
  // gp3 above the included 3,000 IOPS and 125 MiB/s, io1 per provisioned IOPS.
  json gp3 = volume("gp3", 500);
  gp3["iops"] = 6000;
  gp3["throughput"] = 250;
  expect_cost(run("ec2_ebs_volume_unattached", resource("AWS::EC2::Volume", "vol-3", gp3)),
              500 * 0.08 + 3000 * 0.005 + 125 * 0.04);
  json io1 = volume("io1", 100);
  io1["iops"] = 1000;
  expect_cost(run("ec2_ebs_volume_unattached", resource("AWS::EC2::Volume", "vol-4", io1)), 100 * 0.125 + 1000 * 0.065);
  expect_no_price(run("ec2_ebs_volume_unattached", resource("AWS::EC2::Volume", "vol-5", volume("gp2", 10), kUnpriced)),
                  "ebs.gp2.gb_month", kUnpriced);
  Resource missing = resource("AWS::EC2::Volume", "vol-6", json::object());
  missing.missing["attached_instances"] = "ec2:DescribeVolumes was denied (AccessDenied)";
  auto na = run("ec2_ebs_volume_unattached", missing);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_NE(na.detail.find("ec2:DescribeVolumes"), std::string::npos);
  EXPECT_FALSE(na.monthly_cost_usd.has_value());
}

TEST(CostChecks, Gp2ToGp3SavesTheDifferenceAtEqualPerformance) {
  // 100 GiB gp2: 300 IOPS, 128 MiB/s → gp3 at the included baseline: $10.00 − $8.00.
  auto small = run("ec2_ebs_gp2_to_gp3", resource("AWS::EC2::Volume", "vol-1", volume("gp2", 100, {"i-1"})));
  expect_cost(small, 2.0);
  EXPECT_NE(small.detail.find("saves ≈ $2.00/month"), std::string::npos) << small.detail;
  // 2,000 GiB gp2: 6,000 IOPS, 250 MiB/s → gp3 pays 3,000 IOPS and 125 MiB/s more.
  expect_cost(run("ec2_ebs_gp2_to_gp3", resource("AWS::EC2::Volume", "vol-2", volume("gp2", 2000))),
              2000 * 0.10 - (2000 * 0.08 + 3000 * 0.005 + 125 * 0.04));
  auto gp3 = run("ec2_ebs_gp2_to_gp3", resource("AWS::EC2::Volume", "vol-3", volume("gp3", 100)));
  EXPECT_EQ(gp3.status, CheckStatus::kPass);
  // eu-north-1 has no gp3 IOPS price in the data: a large gp2 volume there needs it.
  expect_no_price(run("ec2_ebs_gp2_to_gp3", resource("AWS::EC2::Volume", "vol-4", volume("gp2", 2000), "eu-north-1")),
                  "ebs.gp3.iops_month", "eu-north-1");
}

TEST(CostChecks, UnassociatedElasticIpPaysThePublicIpv4Hour) {
  json unassociated = {{"association_id", nullptr}, {"instance_id", nullptr}, {"network_interface_id", nullptr}};
  auto f = run("ec2_elastic_ip_unassigned", resource("AWS::EC2::EIP", "eipalloc-1", unassociated));
  expect_cost(f, 0.005 * 730);
  EXPECT_NE(f.detail.find("≈ $3.65/month (public IPv4 address $0.005 per hour × 730 hours"), std::string::npos)
      << f.detail;
  json associated = {{"association_id", "eipassoc-1"}, {"instance_id", "i-1"}, {"network_interface_id", nullptr}};
  auto p = run("ec2_elastic_ip_unassigned", resource("AWS::EC2::EIP", "eipalloc-2", associated));
  EXPECT_EQ(p.status, CheckStatus::kPass);
  EXPECT_FALSE(p.monthly_cost_usd.has_value());
}

TEST(CostChecks, OldSnapshotWhoseVolumeIsGone) {
  const int64_t now = 1'800'000'000, day = 86400;
  auto snap = [&](const char* id, int64_t age_days, json volume_id) {
    return resource("AWS::EC2::Snapshot", id,
                    {{"started_at", now - age_days * day}, {"collected_at", now}, {"volume_size", 50},
                     {"volume_id", std::move(volume_id)}, {"encrypted", true}});
  };
  Inventory inv;
  inv.add(resource("AWS::EC2::Volume", "vol-live", volume("gp3", 50, {"i-1"})));
  auto gone = run("ec2_ebs_snapshot_old_without_volume", snap("snap-old", 200, "vol-gone"), inv);
  expect_cost(gone, 50 * 0.05);
  EXPECT_NE(gone.detail.find("200 days old and was taken of volume vol-gone, which no longer exists"), std::string::npos)
      << gone.detail;
  EXPECT_NE(gone.detail.find("at most ≈ $2.50/month"), std::string::npos) << gone.detail;
  expect_cost(run("ec2_ebs_snapshot_old_without_volume", snap("snap-copy", 200, "vol-ffffffff"), inv), 2.5);
  EXPECT_EQ(run("ec2_ebs_snapshot_old_without_volume", snap("snap-kept", 200, "vol-live"), inv).status,
            CheckStatus::kPass);
  EXPECT_EQ(run("ec2_ebs_snapshot_old_without_volume", snap("snap-new", 90, "vol-gone"), inv).status,
            CheckStatus::kPass);
  // An AMI's snapshot: its volume is long gone, but it is the image (not deletable while registered).
  inv.add(resource("AWS::EC2::Image", "ami-1", {{"public", false}, {"state", "available"},
                                                {"snapshot_ids", json::array({"snap-ami"})}}));
  auto ami = run("ec2_ebs_snapshot_old_without_volume", snap("snap-ami", 400, "vol-gone"), inv);
  EXPECT_EQ(ami.status, CheckStatus::kPass) << ami.detail;
  EXPECT_NE(ami.detail.find("AMI ami-1 is made from it"), std::string::npos) << ami.detail;
  Inventory no_images;
  no_images.add_gap(denied("ec2", "ec2:DescribeImages", "us-east-1", "AWS::EC2::Image"));
  auto unknown = run("ec2_ebs_snapshot_old_without_volume", snap("snap-old", 200, "vol-gone"), no_images);
  EXPECT_EQ(unknown.status, CheckStatus::kNotAssessed) << unknown.detail;
  EXPECT_NE(unknown.detail.find("ec2:DescribeImages"), std::string::npos) << unknown.detail;
  // Volumes not listed in the region: whether the volume exists is unknown.
  Inventory blind;
  blind.add_gap(denied("ec2", "ec2:DescribeVolumes", "us-east-1", "AWS::EC2::Volume"));
  auto na = run("ec2_ebs_snapshot_old_without_volume", snap("snap-old", 200, "vol-gone"), blind);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_NE(na.detail.find("ec2:DescribeVolumes"), std::string::npos) << na.detail;
}

TEST(CostChecks, StoppedInstanceStillPaysForItsVolumes) {
  Inventory inv;
  inv.add(resource("AWS::EC2::Volume", "vol-a", volume("gp2", 100, {"i-stopped"})));
  inv.add(resource("AWS::EC2::Volume", "vol-b", volume("gp3", 50, {"i-stopped"})));
  inv.add(resource("AWS::EC2::Volume", "vol-c", volume("gp3", 500, {"i-running"})));
  auto f = run("ec2_instance_stopped_paying_for_volumes",
               resource("AWS::EC2::Instance", "i-stopped", {{"state", "stopped"}}), inv);
  expect_cost(f, 100 * 0.10 + 50 * 0.08);
  EXPECT_NE(f.detail.find("2 EBS volume(s) (vol-a, vol-b)"), std::string::npos) << f.detail;
  EXPECT_EQ(run("ec2_instance_stopped_paying_for_volumes",
                resource("AWS::EC2::Instance", "i-running", {{"state", "running"}}), inv)
                .status,
            CheckStatus::kPass);
  EXPECT_EQ(run("ec2_instance_stopped_paying_for_volumes",
                resource("AWS::EC2::Instance", "i-bare", {{"state", "stopped"}}), inv)
                .status,
            CheckStatus::kPass);
  Inventory blind;
  blind.add_gap(denied("ec2", "ec2:DescribeVolumes", "us-east-1", "AWS::EC2::Volume"));
  EXPECT_EQ(run("ec2_instance_stopped_paying_for_volumes",
                resource("AWS::EC2::Instance", "i-stopped", {{"state", "stopped"}}), blind)
                .status,
            CheckStatus::kNotAssessed);
}

TEST(CostChecks, IdleLoadBalancers) {
  auto alb = [](json targets) {
    return resource("AWS::ElasticLoadBalancingV2::LoadBalancer", "web", {{"type", "application"}, {"targets", targets}});
  };
  auto idle = run("elbv2_load_balancer_idle", alb({{"target_groups", 1}, {"registered", 0}, {"healthy", 0}}));
  expect_cost(idle, 0.0225 * 730);
  EXPECT_NE(idle.detail.find("has no registered targets"), std::string::npos) << idle.detail;
  auto unhealthy = run("elbv2_load_balancer_idle", alb({{"target_groups", 1}, {"registered", 2}, {"healthy", 0}}));
  expect_cost(unhealthy, 0.0225 * 730);
  EXPECT_NE(unhealthy.detail.find("2 registered target(s), none healthy"), std::string::npos);
  EXPECT_EQ(run("elbv2_load_balancer_idle", alb({{"target_groups", 1}, {"registered", 2}, {"healthy", 1}})).status,
            CheckStatus::kPass);
  Resource unknown = resource("AWS::ElasticLoadBalancingV2::LoadBalancer", "web", {{"type", "network"}});
  unknown.missing["targets"] = "elasticloadbalancing:DescribeTargetHealth was denied (AccessDenied)";
  auto na = run("elbv2_load_balancer_idle", unknown);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_NE(na.detail.find("DescribeTargetHealth"), std::string::npos);

  auto clb = [](int n, std::string region = "us-east-1") {
    return resource("AWS::ElasticLoadBalancing::LoadBalancer", "old", {{"instances", n}}, region);
  };
  expect_cost(run("elb_load_balancer_idle", clb(0)), 0.025 * 730);
  EXPECT_EQ(run("elb_load_balancer_idle", clb(2)).status, CheckStatus::kPass);
  expect_no_price(run("elb_load_balancer_idle", clb(0, "eu-west-2")), "elb.classic.hour", "eu-west-2");
}

TEST(CostChecks, NatGatewayWithoutTraffic) {
  auto nat = [](json bytes) { return resource("AWS::EC2::NatGateway", "nat-1", {{"bytes_out_14d", bytes}}); };
  auto f = run("ec2_nat_gateway_unused", nat(0));
  expect_cost(f, 0.045 * 730);
  EXPECT_NE(f.detail.find("≈ $32.85/month (NAT gateway $0.045 per hour × 730 hours"), std::string::npos) << f.detail;
  EXPECT_EQ(run("ec2_nat_gateway_unused", nat(12345)).status, CheckStatus::kPass);
  Resource denied_metrics = resource("AWS::EC2::NatGateway", "nat-2", json::object());
  denied_metrics.missing["bytes_out_14d"] = "cloudwatch:GetMetricData was denied (AccessDenied)";
  auto na = run("ec2_nat_gateway_unused", denied_metrics);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_NE(na.detail.find("cloudwatch:GetMetricData"), std::string::npos);
}

TEST(CostChecks, PreviousGenerationInstanceTypes) {
  auto inst = [](const char* type, const char* state = "running", std::string region = "us-east-1") {
    return resource("AWS::EC2::Instance", "i-1", {{"instance_type", type}, {"state", state}}, region);
  };
  auto m4 = run("ec2_instance_previous_generation", inst("m4.large"));
  expect_cost(m4, (0.10 - 0.096) * 730);
  EXPECT_NE(m4.detail.find("m5.large is its current-generation equivalent"), std::string::npos) << m4.detail;
  expect_cost(run("ec2_instance_previous_generation", inst("t2.micro")), (0.0116 - 0.0104) * 730);
  auto stopped = run("ec2_instance_previous_generation", inst("c4.large", "stopped"));
  EXPECT_EQ(stopped.status, CheckStatus::kFail);
  EXPECT_FALSE(stopped.monthly_cost_usd.has_value());
  expect_no_price(run("ec2_instance_previous_generation", inst("r4.large", "running", "ap-south-1")),
                  "ec2.r4.large.hour", "ap-south-1");
  EXPECT_EQ(run("ec2_instance_previous_generation", inst("m5.large")).status, CheckStatus::kPass);
  EXPECT_EQ(run("ec2_instance_previous_generation", inst("t3a.micro")).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace cloudpeek::checks
