// EKS checks: endpoint exposure, Kubernetes version support, secrets
// encryption, audit logging.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

Resource cluster(json props) { return resource("AWS::EKS::Cluster", "prod", std::move(props)); }

Resource undescribed() {
  Resource r = cluster(json::object());
  for (const char* p : {"version", "endpoint_public_access", "public_access_cidrs", "logging_enabled_types",
                        "secrets_encrypted", "encryption_key_arn"})
    r.missing[p] = "eks:DescribeCluster denied (AccessDeniedException)";
  return r;
}

TEST(EksEndpoint, PassFailNotAssessed) {
  const char* id = "eks_cluster_not_publicly_accessible";
  EXPECT_EQ(run_on(id, cluster({{"endpoint_public_access", false}, {"public_access_cidrs", {"0.0.0.0/0"}}})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(id, cluster({{"endpoint_public_access", true}, {"public_access_cidrs", {"203.0.113.0/24"}}})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(id, cluster({{"endpoint_public_access", true}, {"public_access_cidrs", {"0.0.0.0/0"}}})).status,
            CheckStatus::kFail);
  auto r = run_on(id, undescribed());
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "eks:DescribeCluster denied (AccessDeniedException)");
}

TEST(EksVersion, PassFailNotAssessed) {
  const char* id = "eks_cluster_uses_a_supported_version";
  // Newer than the release calendar: passes whatever today is.
  EXPECT_EQ(run_on(id, cluster({{"version", "1.36"}})).status, CheckStatus::kPass);
  auto r = run_on(id, cluster({{"version", "1.29"}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  // Standard support ended 2025-03-23, extended support 2026-03-23: the detail names the end of all support.
  EXPECT_NE(r.detail.find("2026-03-23"), std::string::npos) << r.detail;
  EXPECT_EQ(run_on(id, cluster({{"version", "1.23"}})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, cluster({{"version", "latest"}})).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(run_on(id, undescribed()).status, CheckStatus::kNotAssessed);
}

TEST(EksSecretsEncryption, PassFailNotAssessed) {
  const char* id = "eks_cluster_kms_cmk_encryption_in_secrets_enabled";
  EXPECT_EQ(run_on(id, cluster({{"secrets_encrypted", true}, {"encryption_key_arn", "arn:aws:kms:us-east-1:111122223333:key/k"}})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(id, cluster({{"secrets_encrypted", false}})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, undescribed()).status, CheckStatus::kNotAssessed);
}

TEST(EksAuditLogging, PassFailNotAssessed) {
  const char* id = "eks_control_plane_audit_logging_enabled";
  EXPECT_EQ(run_on(id, cluster({{"logging_enabled_types", {"api", "audit"}}})).status, CheckStatus::kPass);
  auto r = run_on(id, cluster({{"logging_enabled_types", {"api"}}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("enabled: api"), std::string::npos);
  EXPECT_EQ(run_on(id, undescribed()).status, CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::checks
