// Trusted Advisor, Well-Architected, and the deeper checks of services
// already collected: RDS event subscriptions (FSBP RDS.19-22), S3 access
// points (S3.19, S3.24), EC2 AMIs in use and snapshot shares, Lambda layers.
// Each check: FAIL, PASS, and NOT_ASSESSED naming what was not collected.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

void expect(const char* id, const Resource& r, CheckStatus want, const std::string& detail_has = "",
            const Inventory& inv = Inventory{}) {
  SCOPED_TRACE(std::string(id) + " on " + r.id);
  auto got = run_on(id, r, inv);
  EXPECT_EQ(got.status, want) << got.detail;
  if (!detail_has.empty()) EXPECT_NE(got.detail.find(detail_has), std::string::npos) << got.detail;
}

Resource missing(std::string type, std::string id, std::initializer_list<const char*> props, const std::string& why) {
  Resource r = resource(std::move(type), std::move(id), json::object());
  for (const char* p : props) r.missing[p] = why;
  return r;
}

json sub(const char* source, json categories, bool enabled = true) {
  return {{"name", std::string("sub-") + (source ? source : "all")},
          {"source_type", source ? json(source) : json(nullptr)},
          {"categories", std::move(categories)},
          {"source_ids", json::array()},
          {"enabled", enabled},
          {"status", "active"},
          {"topic", "arn:aws:sns:us-east-1:111122223333:rds-events"}};
}

Resource subs(json list) {
  return resource("AWS::RDS::EventSubscriptions", "rds-event-subscriptions-us-east-1", {{"subscriptions", std::move(list)}});
}

TEST(AdvisorsDepthChecks, RdsEventSubscriptionsForCriticalEvents) {
  const char* cluster = "rds_cluster_critical_event_subscription";
  const char* instance = "rds_instance_critical_event_subscription";
  const char* pgroups = "rds_instance_event_subscription_parameter_groups";
  const char* sgroups = "rds_instance_event_subscription_security_groups";
  for (const char* id : {cluster, instance, pgroups, sgroups}) expect(id, subs(json::array()), CheckStatus::kFail, "no RDS event subscription");
  // Exactly the categories each control asks for.
  expect(cluster, subs({sub("db-cluster", {"maintenance", "failure"})}), CheckStatus::kPass);
  expect(cluster, subs({sub("db-cluster", json::array({"failure"}))}), CheckStatus::kFail, "leaves some out");
  expect(instance, subs({sub("db-instance", {"maintenance", "configuration change", "failure"})}), CheckStatus::kPass);
  expect(instance, subs({sub("db-instance", {"maintenance", "failure"})}), CheckStatus::kFail);
  expect(pgroups, subs({sub("db-parameter-group", {"configuration change"})}), CheckStatus::kPass);
  expect(sgroups, subs({sub("db-security-group", {"configuration change", "failure"})}), CheckStatus::kPass);
  expect(sgroups, subs({sub("db-security-group", json::array({"configuration change"}))}), CheckStatus::kFail);
  // No categories = every category; a disabled subscription counts for nothing.
  expect(cluster, subs({sub("db-cluster", json::array())}), CheckStatus::kPass);
  expect(cluster, subs({sub("db-cluster", json::array(), false)}), CheckStatus::kFail, "disabled");
  // Another source type's subscription does not cover this one.
  expect(cluster, subs({sub("db-instance", json::array())}), CheckStatus::kFail);
  // No source type at all: every RDS source, every category (AWS's CreateEventSubscription semantics).
  for (const char* id : {cluster, instance, pgroups, sgroups}) expect(id, subs({sub(nullptr, json::array())}), CheckStatus::kPass);
  const std::string why = "rds:DescribeEventSubscriptions denied (AccessDenied)";
  for (const char* id : {cluster, instance, pgroups, sgroups})
    expect(id, missing("AWS::RDS::EventSubscriptions", "x", {"subscriptions"}, why), CheckStatus::kNotAssessed, why);
}

TEST(AdvisorsDepthChecks, TrustedAdvisorPlanAndSecurityChecks) {
  const char* plan = "trustedadvisor_premium_support_plan_subscribed";
  expect(plan, resource("AWS::Support::Plan", "support-plan", {{"premium", true}}), CheckStatus::kPass);
  expect(plan, resource("AWS::Support::Plan", "support-plan", {{"premium", false}}), CheckStatus::kFail,
         "SubscriptionRequiredException");
  const std::string why = "support:DescribeTrustedAdvisorChecks denied (AccessDeniedException)";
  expect(plan, missing("AWS::Support::Plan", "support-plan", {"premium"}, why), CheckStatus::kNotAssessed, why);

  const char* ta = "trustedadvisor_errors_and_warnings";
  auto check = [](const char* status) {
    Resource r = resource("AWS::TrustedAdvisor::Check", "HCP4007jGY", {{"status", status}, {"flagged", 2}});
    r.name = "Security Groups - Specific Ports Unrestricted";
    return r;
  };
  expect(ta, check("ok"), CheckStatus::kPass);
  expect(ta, check("warning"), CheckStatus::kFail, "reports warning (2 resources flagged)");
  expect(ta, check("error"), CheckStatus::kFail, "reports error");
  expect(ta, check("not_available"), CheckStatus::kNotAssessed, "no result");
  const std::string denied = "support:DescribeTrustedAdvisorCheckSummaries denied (AccessDeniedException)";
  expect(ta, missing("AWS::TrustedAdvisor::Check", "HCP4007jGY", {"status", "flagged"}, denied), CheckStatus::kNotAssessed,
         denied);
}

TEST(AdvisorsDepthChecks, WellArchitectedSecurityPillarRisks) {
  const char* high = "wellarchitected_workload_security_no_high_risks";
  const char* medium = "wellarchitected_workload_security_no_medium_risks";
  auto workload = [](json risks) {
    return resource("AWS::WellArchitected::Workload", "wl-1", {{"security_risks", std::move(risks)}});
  };
  expect(high, workload({{"HIGH", 0}, {"MEDIUM", 3}}), CheckStatus::kPass);
  expect(medium, workload({{"HIGH", 0}, {"MEDIUM", 3}}), CheckStatus::kFail, "3 medium-risk issues");
  expect(high, workload({{"HIGH", 1}, {"MEDIUM", 0}}), CheckStatus::kFail, "1 high-risk issue in");
  expect(medium, workload({{"HIGH", 1}, {"MEDIUM", 0}}), CheckStatus::kPass);
  // No review of the Well-Architected lens: nothing to judge, never a PASS.
  expect(high, workload(nullptr), CheckStatus::kNotAssessed, "no review");
  const std::string why = "wellarchitected:GetLensReview denied (AccessDeniedException)";
  for (const char* id : {high, medium})
    expect(id, missing("AWS::WellArchitected::Workload", "wl-1", {"security_risks"}, why), CheckStatus::kNotAssessed, why);
}

TEST(AdvisorsDepthChecks, LambdaLayerPolicies) {
  const char* id = "lambda_layer_not_publicly_accessible";
  auto layer = [](json policy) { return resource("AWS::Lambda::LayerVersion", "shared-libs:3", {{"policy", std::move(policy)}}); };
  json open = json::parse(R"({"Version":"2012-10-17","Statement":[{"Sid":"public","Effect":"Allow","Principal":"*",
      "Action":"lambda:GetLayerVersion","Resource":"arn:aws:lambda:us-east-1:111122223333:layer:shared-libs:3"}]})");
  json org = json::parse(R"({"Version":"2012-10-17","Statement":[{"Sid":"org","Effect":"Allow","Principal":"*",
      "Action":"lambda:GetLayerVersion","Resource":"arn:aws:lambda:us-east-1:111122223333:layer:shared-libs:3",
      "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]})");
  expect(id, layer(open), CheckStatus::kFail, "statement public");
  expect(id, layer(org), CheckStatus::kPass);
  expect(id, layer(nullptr), CheckStatus::kPass, "not shared");
  const std::string why = "lambda:GetLayerVersionPolicy denied (AccessDeniedException)";
  expect(id, missing("AWS::Lambda::LayerVersion", "shared-libs:3", {"policy"}, why), CheckStatus::kNotAssessed, why);
}

TEST(AdvisorsDepthChecks, S3AccessPointsBlockPublicAccess) {
  json all_on = {{"block_public_acls", true}, {"ignore_public_acls", true}, {"block_public_policy", true},
                 {"restrict_public_buckets", true}};
  json one_off = all_on;
  one_off["block_public_policy"] = false;
  struct {
    const char* id;
    const char* type;
  } cases[] = {{"s3_access_point_public_access_block", "AWS::S3::AccessPoint"},
               {"s3_multi_region_access_point_public_access_block", "AWS::S3::MultiRegionAccessPoint"}};
  for (const auto& c : cases) {
    expect(c.id, resource(c.type, "ap", {{"public_access_block", all_on}}), CheckStatus::kPass);
    expect(c.id, resource(c.type, "ap", {{"public_access_block", one_off}}), CheckStatus::kFail, "block_public_policy off");
    const std::string why = "s3control:GetAccessPoint denied (AccessDenied)";
    expect(c.id, missing(c.type, "ap", {"public_access_block"}, why), CheckStatus::kNotAssessed, why);
  }
}

TEST(AdvisorsDepthChecks, AmisStillRunByInstances) {
  const int64_t now = 1'800'000'000;
  const int64_t day = 86400;
  auto image = [&](json deprecated_at, int64_t age_days) {
    return resource("AWS::EC2::Image", "ami-0123",
                    {{"deprecated_at", std::move(deprecated_at)}, {"created_at", now - age_days * day}, {"collected_at", now}});
  };
  Inventory used;
  used.add(resource("AWS::EC2::Instance", "i-1", {{"image_id", "ami-0123"}}));
  used.add(resource("AWS::EC2::Instance", "i-2", {{"image_id", "ami-other"}}));
  used.add(resource("AWS::EC2::Instance", "i-3", {{"image_id", "ami-0123"}}, "eu-west-1"));  // another region's AMI id
  Inventory unused;
  const char* dep = "ec2_ami_deprecated_in_use";
  const char* old = "ec2_ami_outdated_in_use";
  expect(dep, image(now - day, 10), CheckStatus::kFail, "still runs 1 instance: i-1", used);
  expect(dep, image(now - day, 10), CheckStatus::kPass, "no instance runs it", unused);
  expect(dep, image(now + 30 * day, 10), CheckStatus::kPass, "not deprecated", used);
  expect(dep, image(nullptr, 10), CheckStatus::kPass, "not deprecated", used);
  expect(old, image(nullptr, 400), CheckStatus::kFail, "400 days ago", used);
  expect(old, image(nullptr, 400), CheckStatus::kPass, "no instance runs it", unused);
  expect(old, image(nullptr, 30), CheckStatus::kPass, "30 days ago", used);
  // The instances of the region could not be listed: not assessed, never a pass.
  Inventory gap;
  gap.add_gap(testing::denied("ec2", "ec2:DescribeInstances", "us-east-1", "AWS::EC2::Instance"));
  expect(dep, image(now - day, 10), CheckStatus::kNotAssessed, "ec2:DescribeInstances denied", gap);
  expect(old, image(nullptr, 400), CheckStatus::kNotAssessed, "ec2:DescribeInstances denied", gap);
  const std::string why = "ec2:DescribeImages denied (UnauthorizedOperation)";
  expect(dep, missing("AWS::EC2::Image", "ami-0123", {"deprecated_at", "collected_at"}, why), CheckStatus::kNotAssessed, why);
  expect(old, missing("AWS::EC2::Image", "ami-0123", {"created_at", "collected_at"}, why), CheckStatus::kNotAssessed, why);
}

TEST(AdvisorsDepthChecks, EbsSnapshotsSharedWithOtherAccounts) {
  const char* id = "ec2_ebs_snapshot_not_shared_with_other_accounts";
  expect(id, resource("AWS::EC2::Snapshot", "snap-1", {{"shared_accounts", json::array({"444455556666"})}}), CheckStatus::kFail,
         "shared with 1 other account: 444455556666");
  expect(id, resource("AWS::EC2::Snapshot", "snap-1", {{"shared_accounts", json::array()}}), CheckStatus::kPass);
  const std::string why = "ec2:DescribeSnapshotAttribute denied (UnauthorizedOperation)";
  expect(id, missing("AWS::EC2::Snapshot", "snap-1", {"shared_accounts"}, why), CheckStatus::kNotAssessed, why);
}

}  // namespace
}  // namespace cloudpeek::checks
