// The organization-level checks (organizations_scps_in_use, the delegated
// administrator checks, organizations_organization_trail): PASS, FAIL and
// NOT_ASSESSED for each, from AWS::Organizations::Administration resources
// shaped as collect/organizations_admin.cc emits them.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

json full_access() {
  return {{"id", "p-FullAWSAccess"}, {"name", "FullAWSAccess"}, {"aws_managed", true},
          {"targets", json::array({{{"id", "r-a1b2"}, {"type", "ROOT"}, {"name", "Root"}}})}};
}

Resource admin(json props) {
  json base = {{"in_organization", true}, {"organization_id", "o-a1b2c3d4e5"}, {"management_account_id", "111111111111"},
               {"is_management", true}};
  base.update(props);
  return resource("AWS::Organizations::Administration", "o-a1b2c3d4e5", base, "global");
}

TEST(OrganizationsAdminChecks, ScpsInUse) {
  const char* id = "organizations_scps_in_use";
  json guard = {{"id", "p-1"}, {"name", "ProtectCloudTrail"}, {"aws_managed", false},
                {"targets", json::array({{{"id", "ou-1"}, {"type", "ORGANIZATIONAL_UNIT"}, {"name", "Workloads"}}})}};
  auto ok = run_on(id, admin({{"scp_policy_type_enabled", true}, {"scps", json::array({full_access(), guard})}}));
  EXPECT_EQ(ok.status, CheckStatus::kPass) << ok.detail;
  EXPECT_EQ(ok.detail, "Organization o-a1b2c3d4e5 attaches 1 service control policy beyond FullAWSAccess: "
                       "ProtectCloudTrail (on Workloads).");

  json unattached = {{"id", "p-2"}, {"name", "DenyAll"}, {"aws_managed", false}, {"targets", json::array()}};
  auto only_full = run_on(id, admin({{"scp_policy_type_enabled", true}, {"scps", json::array({full_access(), unattached})}}));
  EXPECT_EQ(only_full.status, CheckStatus::kFail);
  EXPECT_EQ(only_full.detail, "Organization o-a1b2c3d4e5 attaches no service control policy beyond the AWS managed "
                              "FullAWSAccess (written but attached nowhere: DenyAll).");

  auto disabled = run_on(id, admin({{"scp_policy_type_enabled", false}, {"scps", json::array({guard})}}));
  EXPECT_EQ(disabled.status, CheckStatus::kFail);
  EXPECT_NE(disabled.detail.find("not enabled in the root"), std::string::npos);

  Resource denied = admin({{"scp_policy_type_enabled", true}});
  denied.missing["scps"] = "organizations:ListPolicies denied (AccessDeniedException)";
  auto na = run_on(id, denied);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(na.detail, "organizations:ListPolicies denied (AccessDeniedException)");
}

TEST(OrganizationsAdminChecks, DelegatedAdministrators) {
  Resource r = admin({{"delegated_administrators",
                       {{"guardduty.amazonaws.com", {"222200000001"}}, {"securityhub.amazonaws.com", {"222200000001"}},
                        {"config-multiaccountsetup.amazonaws.com", {"222200000002"}}}}});
  auto gd = run_on("organizations_guardduty_delegated_admin", r);
  EXPECT_EQ(gd.status, CheckStatus::kPass);
  EXPECT_EQ(gd.detail, "GuardDuty in organization o-a1b2c3d4e5 is administered by delegated administrator account "
                       "222200000001 (guardduty.amazonaws.com).");
  EXPECT_EQ(run_on("organizations_securityhub_delegated_admin", r).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("organizations_config_delegated_admin", r).status, CheckStatus::kPass);  // either Config principal

  Resource none = admin({{"delegated_administrators", {{"securityhub.amazonaws.com", {"222200000001"}}}}});
  auto cfg = run_on("organizations_config_delegated_admin", none);
  EXPECT_EQ(cfg.status, CheckStatus::kFail);
  EXPECT_EQ(cfg.detail, "Organization o-a1b2c3d4e5 has no delegated administrator for AWS Config: it is run from the "
                        "management account 111111111111 or not centrally at all.");
  EXPECT_EQ(run_on("organizations_guardduty_delegated_admin", none).status, CheckStatus::kFail);

  Resource unreadable = admin(json::object());
  unreadable.missing["delegated_administrators"] =
      "organizations:ListDelegatedAdministrators denied (AccessDeniedException)";
  for (const char* id : {"organizations_guardduty_delegated_admin", "organizations_securityhub_delegated_admin",
                         "organizations_config_delegated_admin"}) {
    auto na = run_on(id, unreadable);
    EXPECT_EQ(na.status, CheckStatus::kNotAssessed) << id;
    EXPECT_EQ(na.detail, "organizations:ListDelegatedAdministrators denied (AccessDeniedException)");
  }
}

// An account in no organization: nothing of an organization applies to it (as Prowler's checks say).
TEST(OrganizationsAdminChecks, AnAccountInNoOrganizationFailsThemAll) {
  Resource none = resource("AWS::Organizations::Administration", "no-organization", {{"in_organization", false}}, "global");
  for (const char* id : {"organizations_scps_in_use", "organizations_guardduty_delegated_admin",
                         "organizations_securityhub_delegated_admin", "organizations_config_delegated_admin",
                         "organizations_organization_trail"}) {
    auto r = run_on(id, none);
    EXPECT_EQ(r.status, CheckStatus::kFail) << id;
    EXPECT_TRUE(r.detail.starts_with("Account 111122223333 is not in an AWS organization, so ")) << r.detail;
  }
  EXPECT_EQ(find_check("organizations_scps_in_use")->meta.service, "organizations-admin");
}

// DescribeOrganization failed (credentials expired mid-scan): whether there is
// an organization is unknown. The trail check said "Organization  has no
// organization trail" (a FAIL on nothing) in every such interrupted scan.
TEST(OrganizationsAdminChecks, UnknownMembershipIsNotAssessedByThemAll) {
  Resource unknown = resource("AWS::Organizations::Administration", "organization of account 111122223333",
                              json::object(), "global");
  const std::string why = "organizations:DescribeOrganization failed: the security token is expired (ExpiredToken)";
  for (const char* p : {"in_organization", "scps", "scp_policy_type_enabled", "delegated_administrators"})
    unknown.missing[p] = why;
  Inventory trails;
  trails.add(resource("AWS::CloudTrail::TrailCoverage", "trail-coverage",
                      {{"trails", json::array({{{"name", "account-trail"}, {"is_organization_trail", false}}})}}));
  for (const char* id : {"organizations_scps_in_use", "organizations_guardduty_delegated_admin",
                         "organizations_securityhub_delegated_admin", "organizations_config_delegated_admin",
                         "organizations_organization_trail"}) {
    auto r = run_on(id, unknown, trails);
    EXPECT_EQ(r.status, CheckStatus::kNotAssessed) << id << ": " << r.detail;
    EXPECT_EQ(r.detail, why) << id;
  }
}

Resource coverage(std::string region, json trails) {
  return resource("AWS::CloudTrail::TrailCoverage", "trail-coverage", {{"trails", trails}}, region);
}

TEST(OrganizationsAdminChecks, OrganizationTrail) {
  const char* id = "organizations_organization_trail";
  Inventory with;
  with.add(coverage("us-east-1", json::array({{{"name", "account-trail"}, {"is_organization_trail", false}},
                                               {{"name", "org-trail"}, {"home_region", "us-east-1"},
                                                {"is_organization_trail", true}}})));
  auto ok = run_on(id, admin(json::object()), with);
  EXPECT_EQ(ok.status, CheckStatus::kPass);
  EXPECT_EQ(ok.detail, "Organization trail org-trail (home region us-east-1) records every account of organization "
                       "o-a1b2c3d4e5.");

  Inventory without;
  without.add(coverage("us-east-1", json::array({{{"name", "account-trail"}, {"is_organization_trail", false}}})));
  without.add(coverage("eu-west-1", json::array({{{"name", "account-trail"}, {"is_organization_trail", false}}})));
  auto f = run_on(id, admin(json::object()), without);
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_EQ(f.detail, "Organization o-a1b2c3d4e5 has no organization trail: the trails of this account (account-trail) "
                      "record it alone, new member accounts are not logged.");

  // A region whose trails could not be listed: the organization trail may be there.
  Inventory gap = without;
  gap.add_gap(testing::denied("cloudtrail", "cloudtrail:DescribeTrails", "ap-south-1", "AWS::CloudTrail::TrailCoverage"));
  EXPECT_EQ(run_on(id, admin(json::object()), gap).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(run_on(id, admin(json::object()), Inventory{}).status, CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::checks
