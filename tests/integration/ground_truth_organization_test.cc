// Ground truth of the organization scenario (tests/fakeaws/scenarios/organization.json):
// the organization-level checks over a scan of the management account give the
// results the scenario declares (`expected`), through the real engine,
// collectors (organizations, organizations-admin, cloudtrail) and checks; a
// delegated administrator's scan judges the same organization, and a plain
// member's scan leaves it to them without a gap.
//
// The engine runs here with the scanned account's own identity (the shared
// run_scan_ground_truth scans the insecure scenario's account 111122223333).
#include <gtest/gtest.h>

#include <set>

#include "aws/credentials/static_provider.h"
#include "checks/check.h"
#include "scan/engine.h"
#include "scan/sinks.h"
#include "tests/integration/ground_truth.h"
#include "tests/integration/integration_support.h"

namespace cloudpeek::testing {
namespace {

constexpr ScenarioKey kOrgAdmin{"AKIAFAKEORGADMIN0001", "fakeSecretOrgAdmin/000000000000000000000001", ""};
constexpr ScenarioKey kSecAdmin{"AKIAFAKESECADMIN0001", "fakeSecretSecAdmin/000000000000000000000001", ""};
constexpr ScenarioKey kLogReader{"AKIAFAKELOGREADER001", "fakeSecretLogReader/00000000000000000000001", ""};

std::string scenario() { return FakeAws::directory() + "/scenarios/organization.json"; }

struct OrgScan {
  GroundTruth truth;
  scan::ScanResult result;
};

OrgScan scan_account(FakeAws& fake, const ScenarioKey& key, const std::string& account, const std::string& user) {
  CleanEnv env;
  AwsClient client(fake_config(fake), static_credentials(key), std::make_shared<Transport>());
  scan::ScanOptions options;
  options.services = {"organizations", "organizations-admin"};
  options.regions = {"us-east-1", "eu-west-1"};
  scan::ScanEngine engine(client, {account, "arn:aws:iam::" + account + ":user/" + user}, options);
  scan::CollectingFindingSink sink;
  OrgScan out;
  out.result = engine.run(sink);
  out.truth.findings = sink.findings();
  return out;
}

const Finding* finding_of(const OrgScan& s, const std::string& check) {
  for (const auto& f : s.truth.findings)
    if (f.check_id == check) return &f;
  return nullptr;
}

TEST(GroundTruthOrganization, TheManagementAccountsScanMatchesTheScenario) {
  FakeAws fake(scenario());
  OrgScan s = scan_account(fake, kOrgAdmin, "111111111111", "org-admin");
  std::set<std::string> scope;
  for (const checks::Check* c : checks::all_checks())
    if (c->meta.service == "organizations" || c->meta.service == "organizations-admin") scope.insert(c->meta.id);
  ASSERT_GE(scope.size(), 6u);
  compare_with_expected(s.truth, scope, scenario(), /*require_full_coverage=*/true, s.result.gaps);
  EXPECT_TRUE(s.truth.problems.empty()) << join_lines(s.truth.problems) << fake.log();
  EXPECT_EQ(s.truth.expected_fail, 1);  // Config has no delegated administrator
  EXPECT_EQ(s.truth.expected_pass, 5);

  const Finding* scps = finding_of(s, "organizations_scps_in_use");
  ASSERT_NE(scps, nullptr);
  EXPECT_EQ(scps->detail, "Organization o-a1b2c3d4e5 attaches 2 service control policies beyond FullAWSAccess: "
                          "DenyLeaveOrganization (on Root); ProtectCloudTrail (on Workloads).");
  EXPECT_NE(finding_of(s, "organizations_organization_trail")->detail.find("org-trail"), std::string::npos);
}

TEST(GroundTruthOrganization, ADelegatedAdministratorJudgesTheSameOrganization) {
  FakeAws fake(scenario());
  OrgScan s = scan_account(fake, kSecAdmin, "222200000001", "sec-admin");
  EXPECT_TRUE(s.result.gaps.empty()) << s.result.gaps.front().reason();
  const Finding* config = finding_of(s, "organizations_config_delegated_admin");
  ASSERT_NE(config, nullptr);
  EXPECT_EQ(config->status, CheckStatus::kFail);
  EXPECT_EQ(config->resource_arn, "arn:aws:organizations::222200000001:administration/o-a1b2c3d4e5");
  EXPECT_EQ(finding_of(s, "organizations_guardduty_delegated_admin")->status, CheckStatus::kPass);
  EXPECT_EQ(finding_of(s, "organizations_scps_in_use")->status, CheckStatus::kPass);
  // The management account's organization trail, seen from the member (a shadow trail).
  EXPECT_EQ(finding_of(s, "organizations_organization_trail")->status, CheckStatus::kPass)
      << finding_of(s, "organizations_organization_trail")->detail;
}

TEST(GroundTruthOrganization, APlainMemberLeavesTheOrganizationToItsAdministrators) {
  FakeAws fake(scenario());
  OrgScan s = scan_account(fake, kLogReader, "222200000002", "log-reader");
  for (const char* id : {"organizations_scps_in_use", "organizations_guardduty_delegated_admin",
                         "organizations_config_delegated_admin", "organizations_organization_trail"})
    EXPECT_EQ(finding_of(s, id), nullptr) << id << ": " << finding_of(s, id)->detail;
  const Finding* member = finding_of(s, "organizations_account_part_of_organizations");
  ASSERT_NE(member, nullptr);
  EXPECT_EQ(member->status, CheckStatus::kPass);
  // Its one denied read of the administration is not a gap (the SCP reading of
  // collect/organizations.cc keeps its own, as before).
  for (const auto& g : s.result.gaps)
    for (const char* op : {"ListPolicies", "ListTargetsForPolicy", "ListDelegatedAdministrators"})
      EXPECT_EQ(g.action.find(op), std::string::npos) << g.reason();
}

TEST(GroundTruthOrganization, WithoutListDelegatedAdministratorsTheManagementAccountIsNotAssessed) {
  FakeAws fake(scenario());
  fake.set_faults(R"({"deny": ["organizations:ListDelegatedAdministrators"]})");
  OrgScan s = scan_account(fake, kOrgAdmin, "111111111111", "org-admin");
  for (const char* id : {"organizations_guardduty_delegated_admin", "organizations_securityhub_delegated_admin",
                         "organizations_config_delegated_admin"}) {
    const Finding* f = finding_of(s, id);
    ASSERT_NE(f, nullptr) << id;
    EXPECT_EQ(f->status, CheckStatus::kNotAssessed) << id;
    EXPECT_NE(f->detail.find("ListDelegatedAdministrators"), std::string::npos) << f->detail;
  }
  EXPECT_EQ(finding_of(s, "organizations_scps_in_use")->status, CheckStatus::kPass);
}

}  // namespace
}  // namespace cloudpeek::testing
