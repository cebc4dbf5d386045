// ECR checks: scanning (repository or registry rules), tag immutability,
// lifecycle policies, public repository policies.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;
using testing::run_on;

Resource repo(std::string name, json props) { return resource("AWS::ECR::Repository", std::move(name), std::move(props)); }

TEST(EcrScanning, RepositoryOrRegistryRule) {
  const char* id = "ecr_repositories_scan_images_on_push_enabled";
  EXPECT_EQ(run_on(id, repo("app", {{"scan_on_push", true}})).status, CheckStatus::kPass);
  Inventory inv;
  inv.add(resource("AWS::ECR::RegistryScanningConfiguration", "111122223333",
                   {{"scan_type", "ENHANCED"},
                    {"rules", {{{"scan_frequency", "CONTINUOUS_SCAN"}, {"filters", {"prod-*"}}}}}}));
  auto r = run_on(id, repo("prod-api", {{"scan_on_push", false}}), inv);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  r = run_on(id, repo("dev-api", {{"scan_on_push", false}}), inv);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, repo("dev-api", {{"scan_on_push", false}})).status, CheckStatus::kFail);
  Inventory gap;
  gap.add_gap(denied("ecr", "ecr:GetRegistryScanningConfiguration", "us-east-1",
                     "AWS::ECR::RegistryScanningConfiguration"));
  r = run_on(id, repo("dev-api", {{"scan_on_push", false}}), gap);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_NE(r.detail.find("ecr:GetRegistryScanningConfiguration"), std::string::npos) << r.detail;
}

TEST(EcrTagImmutability, PassFailNotAssessed) {
  const char* id = "ecr_repositories_tag_immutability";
  EXPECT_EQ(run_on(id, repo("a", {{"tag_mutability", "IMMUTABLE"}})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, repo("a", {{"tag_mutability", "MUTABLE"}})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, repo("a", json::object())).status, CheckStatus::kNotAssessed);
}

TEST(EcrLifecycle, PassFailNotAssessed) {
  const char* id = "ecr_repositories_lifecycle_policy_enabled";
  EXPECT_EQ(run_on(id, repo("a", {{"lifecycle_policy", true}})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, repo("a", {{"lifecycle_policy", false}})).status, CheckStatus::kFail);
  Resource r = repo("a", json::object());
  r.missing["lifecycle_policy"] = "ecr:GetLifecyclePolicy denied (AccessDeniedException)";
  auto res = run_on(id, r);
  EXPECT_EQ(res.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(res.detail, "ecr:GetLifecyclePolicy denied (AccessDeniedException)");
}

TEST(EcrPublicPolicy, PassFailNotAssessed) {
  const char* id = "ecr_repositories_not_publicly_accessible";
  EXPECT_EQ(run_on(id, repo("a", {{"policy", nullptr}})).status, CheckStatus::kPass);
  json org = {{"Statement", {{{"Sid", "org"}, {"Effect", "Allow"}, {"Principal", "*"}, {"Action", "ecr:BatchGetImage"},
                              {"Condition", {{"StringEquals", {{"aws:PrincipalOrgID", "o-abc123"}}}}}}}}};
  EXPECT_EQ(run_on(id, repo("a", {{"policy", org}})).status, CheckStatus::kPass);
  json pub = {{"Statement", {{{"Sid", "pull"}, {"Effect", "Allow"}, {"Principal", {{"AWS", "*"}}},
                              {"Action", {"ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"}}}}}};
  EXPECT_EQ(run_on(id, repo("a", {{"policy", pub}})).status, CheckStatus::kFail);
  Resource r = repo("a", json::object());
  r.missing["policy"] = "ecr:GetRepositoryPolicy denied (AccessDeniedException)";
  EXPECT_EQ(run_on(id, r).status, CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::checks
