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

#include <mutex>
#include <optional>
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

// In an organization scan, a member's own credentials may not read its place in
// the organization nor the SCPs above it (ListRoots is denied: every member's
// scan was partial); the management account's client reads them for it
// (ScanEngine::read_organization_with), and only those reads: the
// organization-level checks are still left to the administrators' scans.
struct ScpsOf : scan::ResourceSink {
  std::mutex mu;
  std::optional<Resource> scps;
  void on_resource(const Resource& r) override {
    std::lock_guard lock(mu);
    if (r.type == "AWS::Organizations::ServiceControlPolicies") scps = r;
  }
};

TEST(GroundTruthOrganization, AMembersScpsAreReadWithTheManagementAccountsClient) {
  FakeAws fake(scenario());
  CleanEnv env;
  auto member_scan = [&](bool with_reader, ScpsOf& seen) {
    AwsClient member(fake_config(fake), static_credentials(kLogReader), std::make_shared<Transport>());
    AwsClient management(fake_config(fake), static_credentials(kOrgAdmin), std::make_shared<Transport>());
    scan::ScanOptions options;
    options.services = {"organizations", "organizations-admin", "iam"};  // iam: its analysis reads the SCPs
    options.regions = {"us-east-1"};
    scan::ScanEngine engine(member, {"222200000002", "arn:aws:iam::222200000002:user/log-reader"}, options);
    if (with_reader) engine.read_organization_with(management);
    scan::CollectingFindingSink sink;
    OrgScan out;
    out.result = engine.run(sink, &seen);
    out.truth.findings = sink.findings();
    return out;
  };
  auto org_gaps = [](const scan::ScanResult& r) {
    std::vector<std::string> out;
    for (const auto& g : r.gaps)
      if (g.action.rfind("organizations:", 0) == 0) out.push_back(g.action);
    return out;
  };

  ScpsOf alone;
  OrgScan before = member_scan(false, alone);
  ASSERT_TRUE(alone.scps);
  EXPECT_TRUE(alone.scps->missing.count("levels")) << alone.scps->props.dump();
  const auto denied = org_gaps(before.result);  // one for the SCPs, one for the RCPs
  EXPECT_EQ(denied, (std::vector<std::string>{"organizations:ListRoots", "organizations:ListRoots"}));

  ScpsOf read;
  OrgScan after = member_scan(true, read);
  ASSERT_TRUE(read.scps);
  EXPECT_FALSE(read.scps->missing.count("levels")) << read.scps->missing.at("levels");
  EXPECT_EQ(read.scps->props.value("applies", false), true) << read.scps->props.dump();
  // Root, its OU path, the account itself: every level with the policies attached there.
  const json levels = read.scps->props.value("levels", json::array());
  ASSERT_GE(levels.size(), 3u) << levels.dump();
  EXPECT_EQ(levels.front().value("target_type", ""), "ROOT");
  EXPECT_EQ(levels.back().value("target_id", ""), "222200000002");
  EXPECT_TRUE(org_gaps(after.result).empty()) << org_gaps(after.result)[0];
  // The member's own scan still leaves the organization to its administrators.
  for (const char* id : {"organizations_scps_in_use", "organizations_guardduty_delegated_admin"})
    EXPECT_EQ(finding_of(after, id), nullptr) << id;
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
