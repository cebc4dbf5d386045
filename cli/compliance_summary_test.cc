// `cloudpeek scan --compliance NAME`: the summary rolls up the chosen
// framework from the scan's counts per check, CIS v3.0.0 stays the default.
#include "cli/compliance_summary.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cli/scan_summary.h"

namespace cloudpeek::cli {
namespace {

scan::StatusCounts counts(uint64_t pass, uint64_t fail, uint64_t not_assessed) {
  scan::StatusCounts c;
  if (pass) c.by_status[CheckStatus::kPass] = pass;
  if (fail) c.by_status[CheckStatus::kFail] = fail;
  if (not_assessed) c.by_status[CheckStatus::kNotAssessed] = not_assessed;
  return c;
}

// Root MFA passes, one console user lacks MFA, CloudTrail could not be read,
// S3 versioning ran on an account without buckets.
scan::ScanResult result() {
  scan::ScanResult r;
  r.account = "111122223333";
  r.checks_run = {"iam_root_mfa_enabled", "iam_user_mfa_enabled_console_access", "cloudtrail_multi_region_enabled",
                  "s3_bucket_versioning_enabled"};
  r.findings_by_check["iam_root_mfa_enabled"] = counts(1, 0, 0);
  r.findings_by_check["iam_user_mfa_enabled_console_access"] = counts(1, 2, 0);
  r.findings_by_check["cloudtrail_multi_region_enabled"] = counts(0, 0, 1);
  r.findings = counts(2, 2, 1);
  r.cis_controls = cis_v3_rollup(counts_per_check(r));
  r.cis_sections = cis_v3_sections_rollup(r.cis_controls);
  return r;
}

TEST(ComplianceSummary, CountsEveryCheckThatRanWithItsMetadata) {
  auto c = counts_per_check(result());
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].check_id, "iam_root_mfa_enabled");
  EXPECT_EQ(c[0].cis, std::vector<std::string>{"1.5"});  // from the check's metadata
  EXPECT_EQ(c[1].fail, 2u);
  EXPECT_EQ(c[2].not_assessed, 1u);
  EXPECT_EQ(c[3].pass + c[3].fail + c[3].not_assessed, 0u);  // ran, nothing to evaluate
}

TEST(ComplianceSummary, TheChosenFrameworkPerSection) {
  std::string text = framework_summary(result(), *find_framework("pci-dss-4.0"), false);
  EXPECT_EQ(text.rfind("PCI DSS v4.0 (controls pass / fail / not assessed / manual / not run):\n", 0), 0u) << text;
  // 8.4 (MFA) fails through the console users; 10.2 (audit logs) is not assessed, never passed.
  EXPECT_NE(text.find("  8 Identify Users and Authenticate Access to System Co...    0    1    0    2    3\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  10 Log and Monitor All Access to System Components an...    0    0    1    2    4\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  Failing controls: 8.4\n"), std::string::npos) << text;

  scan::ScanResult unrelated;
  unrelated.checks_run = {"s3_bucket_versioning_enabled"};
  EXPECT_EQ(framework_summary(unrelated, *find_framework("pci-dss-4.0"), false),
            "PCI DSS v4.0: no check that ran assesses one of its controls.\n");
}

TEST(ComplianceSummary, ScanSummaryShowsTheChosenFrameworkAndCisByDefault) {
  std::ostringstream cis, pci;
  print_scan_summary(result(), false, cis);
  print_scan_summary(result(), false, pci, find_framework("pci-dss-4.0"));
  EXPECT_NE(cis.str().find("CIS AWS Foundations Benchmark v3.0.0"), std::string::npos) << cis.str();
  EXPECT_EQ(cis.str().find("PCI DSS"), std::string::npos) << cis.str();
  EXPECT_NE(pci.str().find("PCI DSS v4.0 (controls pass"), std::string::npos) << pci.str();
  EXPECT_EQ(pci.str().find("CIS AWS Foundations Benchmark"), std::string::npos) << pci.str();
  // Choosing CIS v3.0.0 by name is the default view.
  std::ostringstream named;
  print_scan_summary(result(), false, named, find_framework("cis"));
  EXPECT_EQ(named.str(), cis.str());
}

}  // namespace
}  // namespace cloudpeek::cli
