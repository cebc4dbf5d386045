// The CIS v3.0.0 catalog and its roll-up: a failure anywhere fails the
// control, an unassessed part never counts as a pass.
#include "model/compliance.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace cloudpeek {
namespace {

Finding finding(std::string check, CheckStatus status, std::string detail = {}) {
  Finding f;
  f.check_id = std::move(check);
  f.status = status;
  f.detail = std::move(detail);
  return f;
}

TEST(CisV3Catalog, HasEveryControlOnceAndTheManualOnes) {
  std::set<std::string> ids, manual;
  for (const auto& c : cis_v3_controls()) {
    EXPECT_TRUE(ids.insert(c.id).second) << c.id;
    if (c.manual) manual.insert(c.id);
  }
  EXPECT_EQ(ids.size(), 62u);
  EXPECT_EQ(manual, (std::set<std::string>{"1.1", "1.2", "1.3", "1.18", "1.21", "1.22", "2.1.3", "5.5"}));
}

TEST(CisV3Rollup, StatusPerControl) {
  std::map<std::string, CheckMetadata> checks;
  checks["a"] = CheckMetadata{.id = "a", .cis = {"1.4"}};
  checks["b"] = CheckMetadata{.id = "b", .cis = {"1.5"}};
  checks["c"] = CheckMetadata{.id = "c", .cis = {"1.5"}};
  checks["d"] = CheckMetadata{.id = "d", .cis = {"2.3.1"}};
  checks["e"] = CheckMetadata{.id = "e", .cis = {"3.1"}};
  std::vector<Finding> findings = {finding("a", CheckStatus::kPass), finding("b", CheckStatus::kPass),
                                   finding("c", CheckStatus::kFail), finding("e", CheckStatus::kPass),
                                   finding("e", CheckStatus::kNotAssessed, "cloudtrail:GetTrailStatus denied")};
  std::map<std::string, ControlStatus> by_id;
  for (auto& s : cis_v3_rollup(findings, checks)) by_id[s.control.id] = s;
  EXPECT_EQ(by_id["1.1"].status, "MANUAL");
  EXPECT_EQ(by_id["1.4"].status, "PASS");
  EXPECT_EQ(by_id["1.5"].status, "FAIL");
  EXPECT_EQ(by_id["2.3.1"].status, "NO_RESOURCES");
  EXPECT_EQ(by_id["3.1"].status, "NOT_ASSESSED");
  EXPECT_EQ(by_id["3.1"].reason, "cloudtrail:GetTrailStatus denied");
  EXPECT_EQ(by_id["5.6"].status, "NOT_RUN");

  auto sections = cis_v3_sections_rollup(cis_v3_rollup(findings, checks));
  ASSERT_EQ(sections.size(), 5u);
  EXPECT_EQ(sections[0].fail, 1);
  EXPECT_EQ(sections[0].pass, 1);
  EXPECT_EQ(sections[0].manual, 6);  // 1.1, 1.2, 1.3, 1.18, 1.21, 1.22
  EXPECT_EQ(sections[2].not_assessed, 1);
}

// What a streaming scan keeps: counts per check. A control shared by two
// checks takes the worst; a check that found nothing to evaluate is
// NO_RESOURCES (counted with the passes in its section), never NOT_RUN.
TEST(CisV3Rollup, FromCountsPerCheck) {
  std::vector<CheckCounts> counts = {{"a", {"1.4"}, 1, 0, 0},
                                     {"b", {"1.5", "1.6"}, 0, 1, 0},
                                     {"c", {"2.1.1"}, 2, 0, 1, "s3:GetBucketPolicy denied"},
                                     {"d", {"1.10"}, 0, 0, 0},
                                     {"e", {"1.4"}, 3, 0, 0}};
  std::map<std::string, ControlStatus> by_id;
  for (auto& s : cis_v3_rollup(counts)) by_id[s.control.id] = s;
  EXPECT_EQ(by_id["1.4"].status, "PASS");
  EXPECT_EQ(by_id["1.4"].pass, 4u);
  EXPECT_EQ(by_id["1.4"].checks, (std::vector<std::string>{"a", "e"}));
  EXPECT_EQ(by_id["1.5"].status, "FAIL");
  EXPECT_EQ(by_id["1.6"].status, "FAIL");
  EXPECT_EQ(by_id["1.10"].status, "NO_RESOURCES");
  EXPECT_EQ(by_id["2.1.1"].status, "NOT_ASSESSED");
  EXPECT_EQ(by_id["2.1.1"].reason, "s3:GetBucketPolicy denied");
  EXPECT_EQ(by_id["2.1.3"].status, "MANUAL");
  EXPECT_EQ(by_id["3.1"].status, "NOT_RUN");

  auto sections = cis_v3_sections_rollup(cis_v3_rollup(counts));
  EXPECT_EQ(sections[0].pass, 2);  // 1.4, 1.10
  EXPECT_EQ(sections[0].fail, 2);  // 1.5, 1.6
  EXPECT_EQ(sections[0].manual, 6);
  EXPECT_EQ(sections[1].not_assessed, 1);
}

}  // namespace
}  // namespace cloudpeek

namespace cloudpeek {
namespace {

// Every framework file loads (a malformed one throws at first use), names its
// source, and puts each control in one of its sections.
TEST(Frameworks, LoadWithSourcesAndSections) {
  std::set<std::string> ids;
  for (const auto& f : frameworks()) {
    ids.insert(f.id);
    EXPECT_FALSE(f.name.empty()) << f.id;
    EXPECT_FALSE(f.version.empty()) << f.id;
    EXPECT_EQ(f.source_url.rfind("https://", 0), 0u) << f.id;
    EXPECT_FALSE(f.source_date.empty()) << f.id;
    EXPECT_FALSE(f.sections.empty()) << f.id;
    EXPECT_FALSE(f.controls.empty()) << f.id;
  }
  for (const char* id : {"cis-3.0", "cis-4.0", "aws-fsbp", "pci-dss-4.0", "nist-800-53-r5", "iso-27001-2022", "soc2",
                         "aws-well-architected-security"})
    EXPECT_TRUE(ids.count(id)) << id;
  EXPECT_EQ(frameworks().front().id, "cis-3.0");  // the default view stays CIS
  EXPECT_EQ(find_framework("cis-3.0")->title(), "CIS Amazon Web Services Foundations Benchmark v3.0.0");
}

TEST(Frameworks, FoundByIdOrAliasAnyCase) {
  EXPECT_EQ(find_framework("aws-fsbp")->id, "aws-fsbp");
  EXPECT_EQ(find_framework("FSBP")->id, "aws-fsbp");
  EXPECT_EQ(find_framework("cis")->id, "cis-3.0");
  EXPECT_EQ(find_framework("NIST-800-53-R5")->id, "nist-800-53-r5");
  EXPECT_EQ(find_framework("PCI-DSS")->id, "pci-dss-4.0");
  EXPECT_EQ(find_framework("iso27001")->id, "iso-27001-2022");
  EXPECT_EQ(find_framework("cis-4.0.1")->id, "cis-4.0");
  EXPECT_EQ(find_framework("pci"), nullptr);  // not an alias: `scan --compliance pci` says which ids exist
  EXPECT_EQ(find_framework(""), nullptr);
}

TEST(Frameworks, UnknownNameListsEveryIdAndTheCloseOnes) {
  EXPECT_EQ(close_framework_ids("fspb"), (std::vector<std::string>{"aws-fsbp"}));
  EXPECT_EQ(close_framework_ids("cis-3.1"), (std::vector<std::string>{"cis-3.0"}));
  EXPECT_EQ(close_framework_ids("pci"), (std::vector<std::string>{"pci-dss-4.0"}));  // not "cis": two letters apart
  EXPECT_EQ(close_framework_ids("sco2"), (std::vector<std::string>{"soc2"}));
  EXPECT_EQ(close_framework_ids("nist-800"), (std::vector<std::string>{"nist-800-53-r5"}));
  EXPECT_TRUE(close_framework_ids("zzzzzzzz").empty());
  EXPECT_TRUE(close_framework_ids("hipaa").empty());
  auto msg = unknown_framework_message("fspb");
  for (const auto& f : frameworks()) EXPECT_NE(msg.find(f.id), std::string::npos) << msg;
  EXPECT_NE(msg.find("Did you mean aws-fsbp?"), std::string::npos) << msg;
  EXPECT_EQ(unknown_framework_message("zzzzzzzz").find("Did you mean"), std::string::npos);
}

// FSBP maps a check through its metadata (fsbp) or the data file's checks
// list; statuses as for CIS, sections are services.
TEST(FrameworkRollup, FsbpFromMetadataAndDataFile) {
  const Framework& f = *find_framework("aws-fsbp");
  std::vector<CheckCounts> counts = {
      {"a", {}, 2, 0, 0, "", {"S3.8"}},
      {"b", {}, 0, 1, 0, "", {"S3.5"}},
      {"c", {}, 1, 0, 1, "kms:GetKeyRotationStatus denied", {"KMS.4"}},
      {"d", {}, 0, 0, 0, "", {"EC2.7"}},
      // No fsbp metadata: the data file maps it (CIS-era alarm check → CloudWatch.1).
      {"cloudwatch_log_metric_filter_root_usage", {}, 0, 1, 0, "", {}},
  };
  std::map<std::string, ControlStatus> by_id;
  for (auto& s : rollup(f, counts)) by_id[s.control.id] = s;
  EXPECT_EQ(by_id["S3.8"].status, "PASS");
  EXPECT_EQ(by_id["S3.5"].status, "FAIL");
  EXPECT_EQ(by_id["KMS.4"].status, "NOT_ASSESSED");
  EXPECT_EQ(by_id["KMS.4"].reason, "kms:GetKeyRotationStatus denied");
  EXPECT_EQ(by_id["EC2.7"].status, "NO_RESOURCES");
  EXPECT_EQ(by_id["CloudWatch.1"].status, "FAIL");
  EXPECT_EQ(by_id["CloudWatch.1"].checks, (std::vector<std::string>{"cloudwatch_log_metric_filter_root_usage"}));
  EXPECT_EQ(by_id["IAM.4"].status, "NOT_RUN");

  auto sections = sections_rollup(f, rollup(f, counts));
  ASSERT_EQ(sections.size(), f.sections.size());
  std::map<std::string, SectionStatus> sec;
  for (auto& s : sections) sec[s.section.id] = s;
  EXPECT_EQ(sec["S3"].pass, 1);
  EXPECT_EQ(sec["S3"].fail, 1);
  EXPECT_EQ(sec["KMS"].not_assessed, 1);
  EXPECT_EQ(sec["EC2"].pass, 1);  // NO_RESOURCES counts with the passes
  EXPECT_GT(sec["IAM"].other, 0);
}

// NIST SP 800-53 controls are assessed through the FSBP controls AWS maps to
// them: a failure in any fails the NIST control, nothing run is NOT_RUN.
TEST(FrameworkRollup, NistThroughFsbp) {
  const Framework& f = *find_framework("nist-800-53-r5");
  const ComplianceControl* sc8 = nullptr;
  for (const auto& c : f.controls)
    if (c.id == "SC-8") sc8 = &c;
  ASSERT_NE(sc8, nullptr);
  EXPECT_NE(std::find(sc8->fsbp.begin(), sc8->fsbp.end(), "S3.5"), sc8->fsbp.end());
  std::vector<CheckCounts> counts = {{"tls", {}, 0, 1, 0, "", {"S3.5"}}, {"rest", {}, 3, 0, 0, "", {"S3.4"}}};
  std::map<std::string, ControlStatus> by_id;
  for (auto& s : rollup(f, counts)) by_id[s.control.id] = s;
  EXPECT_EQ(by_id["SC-8"].status, "FAIL");
  EXPECT_EQ(by_id["SC-28"].status, "PASS");
  EXPECT_EQ(by_id["SC-13"].status, "FAIL");  // both S3.4 and S3.5 relate to SC-13: the failure wins
  EXPECT_EQ(by_id["IA-2(1)"].status, "NOT_RUN");
}

// The check ids a data file lists resolve through FSBP for a framework mapped
// that way (a check added with only fsbp metadata is picked up too).
TEST(FrameworkRollup, CheckIdsOfAFramework) {
  CheckMetadata a, b;
  a.id = "new_check";
  a.fsbp = {"S3.5"};
  b.id = "other";
  b.cis = {"1.4"};
  auto nist = framework_check_ids(*find_framework("nist-800-53-r5"), {&a, &b});
  EXPECT_EQ(nist, (std::vector<std::string>{"new_check"}));
  auto cis = framework_check_ids(*find_framework("cis-3.0"), {&a, &b});
  EXPECT_EQ(cis, (std::vector<std::string>{"other"}));
}

}  // namespace
}  // namespace cloudpeek

namespace cloudpeek {
namespace {

const ComplianceControl& control(const Framework& f, const std::string& id) {
  for (const auto& c : f.controls)
    if (c.id == id) return c;
  throw std::out_of_range(f.id + " has no control " + id);
}

bool assesses(const Framework& f, const std::string& control_id, const std::string& check) {
  const auto& checks = control(f, control_id).checks;
  return std::find(checks.begin(), checks.end(), check) != checks.end();
}

// The five frameworks added from published control lists (sources in each
// file): their sizes as published, the manual ones, and spot checks of
// mappings a reviewer can verify against the framework's text.
TEST(Frameworks, ControlCountsAsPublished) {
  struct Want { const char* id; size_t controls, manual; std::vector<size_t> per_section; };
  for (const Want& w : std::vector<Want>{
           {"cis-4.0", 64, 7, {22, 9, 9, 16, 8}},
           {"pci-dss-4.0", 63, 42, {5, 3, 7, 2, 4, 5, 3, 6, 5, 7, 6, 10}},
           {"iso-27001-2022", 93, 73, {37, 8, 14, 34}},
           {"soc2", 27, 4, {1, 1, 4, 1, 1, 6, 5, 1, 1, 2, 4}},
           {"aws-well-architected-security", 57, 24, {8, 14, 4, 10, 13, 7, 1}},
       }) {
    const Framework* f = find_framework(w.id);
    ASSERT_NE(f, nullptr) << w.id;
    EXPECT_EQ(f->controls.size(), w.controls) << w.id;
    size_t manual = 0;
    std::vector<size_t> per(f->sections.size());
    for (const auto& c : f->controls) {
      manual += c.manual;
      // Manual means no check decides it; a control with checks is never manual.
      EXPECT_EQ(c.manual, c.checks.empty()) << w.id << " " << c.id;
      for (size_t i = 0; i < f->sections.size(); ++i)
        if (f->sections[i].id == c.section) ++per[i];
    }
    EXPECT_EQ(manual, w.manual) << w.id;
    EXPECT_EQ(per, w.per_section) << w.id;
    EXPECT_NE(f->source_url.find("prowler-cloud/prowler"), std::string::npos) << w.id;
    EXPECT_NE(f->source_note.find("commit"), std::string::npos) << w.id;
  }
  EXPECT_EQ(find_framework("cis-4.0")->title(), "CIS Amazon Web Services Foundations Benchmark v4.0.1");
  EXPECT_EQ(find_framework("pci-dss-4.0")->title(), "PCI DSS v4.0");
  EXPECT_EQ(find_framework("iso-27001-2022")->title(), "ISO/IEC 27001:2022 Annex A");
  // Display order: the benchmarks people ask for first.
  std::vector<std::string> order;
  for (const auto& f : frameworks()) order.push_back(f.id);
  EXPECT_EQ(order, (std::vector<std::string>{"cis-3.0", "cis-4.0", "aws-fsbp", "pci-dss-4.0", "nist-800-53-r5",
                                             "iso-27001-2022", "soc2", "aws-well-architected-security"}));
}

TEST(Frameworks, SpotChecksOfPublishedMappings) {
  const Framework& cis4 = *find_framework("cis-4.0");
  // v4.0.1 renumbered v3.0.0: the password policy moved from 1.8/1.9 (same)
  // but EBS default encryption moved from 2.2.1 to 5.1.1 and RDS up to 2.2.x.
  EXPECT_TRUE(assesses(cis4, "1.8", "iam_password_policy_minimum_length_14"));
  EXPECT_TRUE(assesses(cis4, "1.9", "iam_password_policy_reuse_24"));
  EXPECT_TRUE(assesses(cis4, "5.1.1", "ec2_ebs_default_encryption"));
  EXPECT_TRUE(assesses(cis4, "2.2.1", "rds_instance_storage_encrypted"));
  EXPECT_TRUE(assesses(cis4, "5.7", "ec2_instance_imdsv2_enabled"));
  EXPECT_EQ(control(cis4, "2.2.1").title, "Ensure that encryption-at-rest is enabled for RDS instances");
  EXPECT_TRUE(control(cis4, "1.3").manual);  // security questions: no API reads them
  // CIS metadata holds v3.0.0 ids: a check tagged CIS 2.2.1 (v3: EBS) must not land on v4's 2.2.1 (RDS).
  CheckMetadata ebs;
  ebs.id = "some_new_ebs_check";
  ebs.cis = {"2.2.1"};
  EXPECT_TRUE(framework_check_ids(cis4, {&ebs}).empty());

  const Framework& pci = *find_framework("pci-dss-4.0");
  EXPECT_TRUE(assesses(pci, "8.4", "iam_root_mfa_enabled"));
  EXPECT_TRUE(assesses(pci, "8.3", "iam_password_policy_minimum_length_14"));
  EXPECT_TRUE(assesses(pci, "10.2", "cloudtrail_multi_region_enabled"));
  EXPECT_TRUE(assesses(pci, "4.2", "s3_bucket_secure_transport_policy"));
  EXPECT_TRUE(control(pci, "9.2").manual);   // physical access
  EXPECT_TRUE(control(pci, "10.6").manual);  // time sync: logging checks do not assess it
  EXPECT_EQ(control(pci, "1.3").title, "Network access to and from the cardholder data environment is restricted.");
  // Data stores beyond RDS are mapped where the RDS check of the same property is.
  EXPECT_TRUE(assesses(pci, "3.5", "redshift_cluster_encrypted_at_rest"));
  EXPECT_TRUE(assesses(pci, "4.2", "opensearch_service_domains_https_tls_1_2"));
  EXPECT_TRUE(assesses(pci, "1.3", "dms_instance_no_public_access"));
  // ...but never under a recommendation about RDS itself.
  EXPECT_FALSE(assesses(cis4, "2.2.1", "documentdb_cluster_storage_encrypted"));

  const Framework& iso = *find_framework("iso-27001-2022");
  EXPECT_TRUE(assesses(iso, "A.8.15", "cloudtrail_multi_region_enabled"));
  EXPECT_TRUE(assesses(iso, "A.8.5", "iam_user_mfa_enabled_console_access"));
  EXPECT_TRUE(assesses(iso, "A.8.24", "s3_bucket_default_encryption"));
  EXPECT_EQ(control(iso, "A.8.28").title, "Secure Coding");  // missing from Prowler's file, in the standard
  EXPECT_TRUE(control(iso, "A.7.4").manual);

  const Framework& soc2 = *find_framework("soc2");
  EXPECT_TRUE(assesses(soc2, "CC6.6", "ec2_securitygroup_allow_ingress_from_internet_to_admin_ports_ipv4"));
  EXPECT_TRUE(assesses(soc2, "CC8.1", "config_recorder_all_regions_enabled"));
  EXPECT_EQ(control(soc2, "A1.2").section, "A1");

  const Framework& wa = *find_framework("aws-well-architected-security");
  EXPECT_TRUE(assesses(wa, "SEC01-BP02", "iam_root_mfa_enabled"));
  EXPECT_TRUE(assesses(wa, "SEC09-BP02", "s3_bucket_secure_transport_policy"));
  EXPECT_EQ(control(wa, "SEC03-BP07").title, "Analyze public and cross-account access");
}

// A PCI roll-up through the generic engine: a failure in any mapped check
// fails the requirement, unassessed parts never pass it, manual stays manual.
TEST(FrameworkRollup, PciDssRequirements) {
  const Framework& f = *find_framework("pci-dss-4.0");
  std::vector<CheckCounts> counts = {
      {"iam_root_mfa_enabled", {"1.5"}, 1, 0, 0, "", {"IAM.9"}},
      {"iam_user_mfa_enabled_console_access", {"1.10"}, 3, 1, 0, "", {"IAM.5"}},
      {"cloudtrail_multi_region_enabled", {"3.1"}, 0, 0, 1, "cloudtrail:DescribeTrails denied", {"CloudTrail.1"}},
  };
  std::map<std::string, ControlStatus> by_id;
  for (auto& s : rollup(f, counts)) by_id[s.control.id] = s;
  EXPECT_EQ(by_id["8.4"].status, "FAIL");
  EXPECT_EQ(by_id["8.4"].pass, 4u);
  EXPECT_EQ(by_id["10.2"].status, "NOT_ASSESSED");
  EXPECT_EQ(by_id["10.2"].reason, "cloudtrail:DescribeTrails denied");
  EXPECT_EQ(by_id["9.1"].status, "MANUAL");
  EXPECT_EQ(by_id["3.5"].status, "NOT_RUN");
  auto sections = sections_rollup(f, rollup(f, counts));
  EXPECT_EQ(sections[7].section.id, "8");
  EXPECT_EQ(sections[7].fail, 1);
  EXPECT_EQ(sections[9].not_assessed, 1);
}

}  // namespace
}  // namespace cloudpeek
