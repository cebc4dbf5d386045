// Secrets Manager rotation and use; ACM expiry and key strength.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;
using testing::run_on;

// An ISO 8601 timestamp `days` from now (negative: in the past).
std::string days_from_now(int days) {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + std::chrono::hours(24 * days));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Resource secret(bool rotation, json rotated, json accessed, json created) {
  return resource("AWS::SecretsManager::Secret", "db",
                  {{"name", "db"}, {"rotation_enabled", rotation}, {"rotation_days", nullptr},
                   {"last_rotated_date", rotated}, {"last_accessed_date", accessed}, {"created_date", created}});
}

Inventory listing_denied(const std::string& service, const std::string& action, const std::string& type) {
  Inventory inv;
  inv.account = "111122223333";
  inv.regions = {{"us-east-1", "opt-in-not-required", true}};
  inv.add_gap(denied(service, action, "us-east-1", type));
  return inv;
}

TEST(SecretsRotation, PassFailNotAssessed) {
  const char* id = "secretsmanager_automatic_rotation_enabled";
  EXPECT_EQ(run_on(id, secret(true, days_from_now(-10), nullptr, days_from_now(-400))).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, secret(false, nullptr, nullptr, days_from_now(-400))).status, CheckStatus::kFail);
  auto findings = run_check(*find_check(id), listing_denied("secretsmanager", "secretsmanager:ListSecrets",
                                                             "AWS::SecretsManager::Secret"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].detail, "secretsmanager:ListSecrets denied in us-east-1 (AccessDenied)");
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"SecretsManager.1"});
}

TEST(SecretsRotatedPeriodically, PassFailNotAssessed) {
  const char* id = "secretsmanager_secret_rotated_periodically";
  EXPECT_EQ(run_on(id, secret(true, days_from_now(-30), nullptr, days_from_now(-400))).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, secret(false, nullptr, nullptr, days_from_now(-20))).status, CheckStatus::kPass);
  auto r = run_on(id, secret(true, days_from_now(-120), nullptr, days_from_now(-400)));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "secret db was last rotated 120 days ago (more than 90)");
  r = run_on(id, secret(false, nullptr, nullptr, days_from_now(-200)));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, secret(false, nullptr, nullptr, nullptr)).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"SecretsManager.4"});
}

TEST(SecretsUnused, PassFailNotAssessed) {
  const char* id = "secretsmanager_secret_unused";
  EXPECT_EQ(run_on(id, secret(true, nullptr, days_from_now(-1), days_from_now(-400))).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, secret(true, nullptr, nullptr, days_from_now(-5))).status, CheckStatus::kPass);
  auto r = run_on(id, secret(true, nullptr, days_from_now(-100), days_from_now(-400)));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "secret db was last accessed 100 days ago (unused for more than 90 days)");
  EXPECT_EQ(run_on(id, secret(true, nullptr, nullptr, days_from_now(-100))).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, secret(true, nullptr, nullptr, nullptr)).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"SecretsManager.3"});
}

Resource cert(json not_after, std::string alg = "RSA-2048", std::string status = "ISSUED") {
  return resource("AWS::CertificateManager::Certificate", "c1",
                  {{"domain_name", "example.com"}, {"status", status}, {"type", "IMPORTED"}, {"key_algorithm", alg},
                   {"not_after", not_after}, {"in_use_by", json::array()}, {"renewal_eligibility", "INELIGIBLE"}});
}

TEST(AcmExpiration, PassFailNotAssessed) {
  const char* id = "acm_certificates_expiration_check";
  EXPECT_EQ(run_on(id, cert(days_from_now(200))).status, CheckStatus::kPass);
  auto r = run_on(id, cert(days_from_now(10)));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("expires in"), std::string::npos);
  r = run_on(id, cert(days_from_now(-3), "RSA-2048", "EXPIRED"));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("expired"), std::string::npos);
  // EXPIRED never passes, even when the date is absent.
  r = run_on(id, cert(nullptr, "RSA-2048", "EXPIRED"));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "certificate c1 has expired (status EXPIRED)");
  // A certificate still awaiting validation has nothing to expire.
  EXPECT_EQ(run_on(id, cert(nullptr, "RSA-2048", "PENDING_VALIDATION")).status, CheckStatus::kPass);
  // An issued certificate always has a NotAfter: without it, the date is missing.
  r = run_on(id, cert(nullptr, "RSA-2048", "ISSUED"));
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "the expiry date (NotAfter) of certificate c1 was not collected (status ISSUED)");
  Resource unknown = resource("AWS::CertificateManager::Certificate", "c1", {{"domain_name", "example.com"}});
  unknown.missing["not_after"] = "acm:DescribeCertificate denied (AccessDenied)";
  r = run_on(id, unknown);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "acm:DescribeCertificate denied (AccessDenied)");
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"ACM.1"});
}

TEST(AcmKeyAlgorithm, PassFailNotAssessed) {
  const char* id = "acm_certificates_with_secure_key_algorithms";
  EXPECT_EQ(run_on(id, cert(days_from_now(200), "RSA-2048")).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, cert(days_from_now(200), "EC-prime256v1")).status, CheckStatus::kPass);
  auto r = run_on(id, cert(days_from_now(200), "RSA-1024"));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "certificate c1 uses a 1024-bit RSA key (RSA-1024), less than 2048 bits");  // the collector names it by domain
  Resource unknown = resource("AWS::CertificateManager::Certificate", "c1", {{"domain_name", "example.com"}});
  unknown.missing["key_algorithm"] = "acm:DescribeCertificate denied (AccessDenied)";
  EXPECT_EQ(run_on(id, unknown).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"ACM.2"});
}

}  // namespace
}  // namespace cloudpeek::checks
