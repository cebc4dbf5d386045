// Ground truth for IAM, IAM Access Analyzer, Account and Organizations: the
// insecure scenario's planted problems are all reported, its good
// configurations pass, nothing else fails, and every call is served. Also:
// the credential report (a base64 blob on the query wire) is parsed into
// every user, and policy documents (URL-encoded by IAM) are decoded.
#include <gtest/gtest.h>

#include <ctime>

#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

TEST(GroundTruthIam, MatchesTheInsecureScenario) {
  GroundTruthOptions options;
  options.services = {"iam", "accessanalyzer", "account", "organizations"};
  GroundTruth result = run_ground_truth(options);
  EXPECT_TRUE(result.problems.empty()) << join_lines(result.problems);
  EXPECT_GE(result.expected_fail, 39);
  EXPECT_GE(result.expected_pass, 28);

  const Inventory& inv = result.inventory;
  EXPECT_EQ(inv.of_type("AWS::IAM::User").size(), 4u);
  for (const auto& u : inv.of_type("AWS::IAM::User")) {
    EXPECT_TRUE(u.prop("credential_report")) << u.name << " has no credential report row";
    EXPECT_TRUE(u.missing.empty()) << u.name;
  }
  const Resource* root = inv.find("AWS::IAM::Root", "global");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->props.value("virtual_mfa", false), true);
  // Ten roles and seven managed policies across GetAccountAuthorizationDetails' pages (page size 2).
  EXPECT_EQ(inv.of_type("AWS::IAM::Role").size(), 10u);
  EXPECT_EQ(inv.of_type("AWS::IAM::Policy").size(), 7u);
  for (const auto& p : inv.of_type("AWS::IAM::Policy")) EXPECT_TRUE(p.props["document"].is_object()) << p.name;
  EXPECT_EQ(inv.of_type("AWS::AccessAnalyzer::Analyzers").size(), 3u);

  // RoleLastUsed and permissions boundaries from the authorization details.
  const Resource* exec = inv.find_arn("arn:aws:iam::111122223333:role/service-role/lambda-exec");
  ASSERT_NE(exec, nullptr);
  ASSERT_TRUE(exec->props["last_used"].is_number()) << exec->props.dump();
  const double age = static_cast<double>(std::time(nullptr)) - exec->props["last_used"].get<double>();
  EXPECT_NEAR(age, 172800, 3600);  // the scenario says two days ago
  EXPECT_EQ(exec->props["last_used_region"], "us-east-1");
  EXPECT_EQ(exec->props["permissions_boundary"], "arn:aws:iam::aws:policy/AdministratorAccess");
  const Resource* never = inv.find_arn("arn:aws:iam::111122223333:role/public-role");
  ASSERT_NE(never, nullptr);
  EXPECT_TRUE(never->props.contains("last_used") && never->props["last_used"].is_null());
  EXPECT_TRUE(never->props["permissions_boundary"].is_null());
  for (const auto& u : inv.of_type("AWS::IAM::User")) EXPECT_TRUE(u.props.contains("permissions_boundary")) << u.name;

  // The OIDC provider's details, read because iam_role_oidc_trust_without_subject declares them.
  const Resource* gh = inv.find_arn("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
  ASSERT_NE(gh, nullptr);
  EXPECT_TRUE(gh->missing.empty()) << gh->missing.begin()->second;
  EXPECT_EQ(gh->props["url"], "token.actions.githubusercontent.com");
  EXPECT_EQ(gh->props["client_ids"], json::array({"sts.amazonaws.com"}));
  EXPECT_EQ(gh->props["thumbprints"].size(), 1u);
}

TEST(GroundTruthIam, LimitedIdentityNamesTheDeniedCredentialReport) {
  GroundTruthOptions options;
  options.services = {"iam"};
  options.identity = "limited";
  options.require_full_coverage = false;
  GroundTruth result = run_ground_truth(options);
  int not_assessed = 0;
  for (const auto& f : result.findings) {
    if (f.check_id == "iam_user_mfa_enabled_console_access" || f.check_id == "iam_rotate_access_key_90_days") {
      EXPECT_EQ(f.status, CheckStatus::kNotAssessed) << f.resource_arn;
      EXPECT_EQ(f.detail, "iam:GenerateCredentialReport denied (AccessDenied)") << f.resource_arn;
      ++not_assessed;
    }
    // Root checks that have another source still decide.
    if (f.check_id == "iam_root_mfa_enabled") EXPECT_EQ(f.status, CheckStatus::kPass);
  }
  EXPECT_EQ(not_assessed, 8);
}

}  // namespace
}  // namespace cloudpeek::testing
