#include "model/compliance.h"

#include <algorithm>

namespace cloudpeek {

const std::vector<ComplianceSection>& cis_v3_sections() {
  static const std::vector<ComplianceSection> s = {
      {"1", "Identity and Access Management"}, {"2", "Storage"}, {"3", "Logging"},
      {"4", "Monitoring"}, {"5", "Networking"}};
  return s;
}

const std::vector<ComplianceControl>& cis_v3_controls() {
  // CIS Amazon Web Services Foundations Benchmark v3.0.0 (2024-01).
  static const std::vector<ComplianceControl> c = {
      {"1.1", "1", "Maintain current contact details", true},
      {"1.2", "1", "Ensure security contact information is registered", true},
      {"1.3", "1", "Ensure security questions are registered in the AWS account", true},
      {"1.4", "1", "Ensure no 'root' user account access key exists", false},
      {"1.5", "1", "Ensure MFA is enabled for the 'root' user account", false},
      {"1.6", "1", "Ensure hardware MFA is enabled for the 'root' user account", false},
      {"1.7", "1", "Eliminate use of the 'root' user for administrative and daily tasks", false},
      {"1.8", "1", "Ensure IAM password policy requires minimum length of 14 or greater", false},
      {"1.9", "1", "Ensure IAM password policy prevents password reuse", false},
      {"1.10", "1", "Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password", false},
      {"1.11", "1", "Do not setup access keys during initial user setup for all IAM users that have a console password", false},
      {"1.12", "1", "Ensure credentials unused for 45 days or greater are disabled", false},
      {"1.13", "1", "Ensure there is only one active access key available for any single IAM user", false},
      {"1.14", "1", "Ensure access keys are rotated every 90 days or less", false},
      {"1.15", "1", "Ensure IAM Users Receive Permissions Only Through Groups", false},
      {"1.16", "1", "Ensure IAM policies that allow full \"*:*\" administrative privileges are not attached", false},
      {"1.17", "1", "Ensure a support role has been created to manage incidents with AWS Support", false},
      {"1.18", "1", "Ensure IAM instance roles are used for AWS resource access from instances", true},
      {"1.19", "1", "Ensure that all the expired SSL/TLS certificates stored in AWS IAM are removed", false},
      {"1.20", "1", "Ensure that IAM Access analyzer is enabled for all regions", false},
      {"1.21", "1", "Ensure IAM users are managed centrally via identity federation or AWS Organizations for multi-account environments", true},
      {"1.22", "1", "Ensure access to AWSCloudShellFullAccess is restricted", true},
      {"2.1.1", "2", "Ensure S3 Bucket Policy is set to deny HTTP requests", false},
      {"2.1.2", "2", "Ensure MFA Delete is enabled on S3 buckets", false},
      {"2.1.3", "2", "Ensure all data in Amazon S3 has been discovered, classified and secured when required", true},
      {"2.1.4", "2", "Ensure that S3 Buckets are configured with 'Block public access (bucket settings)'", false},
      {"2.2.1", "2", "Ensure EBS Volume Encryption is Enabled in all Regions", false},
      {"2.3.1", "2", "Ensure that encryption-at-rest is enabled for RDS Instances", false},
      {"2.3.2", "2", "Ensure Auto Minor Version Upgrade feature is Enabled for RDS Instances", false},
      {"2.3.3", "2", "Ensure that public access is not given to RDS Instance", false},
      {"2.4.1", "2", "Ensure that encryption is enabled for EFS file systems", false},
      {"3.1", "3", "Ensure CloudTrail is enabled in all regions", false},
      {"3.2", "3", "Ensure CloudTrail log file validation is enabled", false},
      {"3.3", "3", "Ensure AWS Config is enabled in all regions", false},
      {"3.4", "3", "Ensure that S3 Bucket Access Logging is enabled on the CloudTrail S3 bucket", false},
      {"3.5", "3", "Ensure CloudTrail logs are encrypted at rest using KMS CMKs", false},
      {"3.6", "3", "Ensure rotation for customer-created symmetric CMKs is enabled", false},
      {"3.7", "3", "Ensure VPC flow logging is enabled in all VPCs", false},
      {"3.8", "3", "Ensure that Object-level logging for write events is enabled for S3 bucket", false},
      {"3.9", "3", "Ensure that Object-level logging for read events is enabled for S3 bucket", false},
      {"4.1", "4", "Ensure unauthorized API calls are monitored", false},
      {"4.2", "4", "Ensure management console sign-in without MFA is monitored", false},
      {"4.3", "4", "Ensure usage of the 'root' account is monitored", false},
      {"4.4", "4", "Ensure IAM policy changes are monitored", false},
      {"4.5", "4", "Ensure CloudTrail configuration changes are monitored", false},
      {"4.6", "4", "Ensure AWS Management Console authentication failures are monitored", false},
      {"4.7", "4", "Ensure disabling or scheduled deletion of customer created CMKs is monitored", false},
      {"4.8", "4", "Ensure S3 bucket policy changes are monitored", false},
      {"4.9", "4", "Ensure AWS Config configuration changes are monitored", false},
      {"4.10", "4", "Ensure security group changes are monitored", false},
      {"4.11", "4", "Ensure Network Access Control Lists (NACL) changes are monitored", false},
      {"4.12", "4", "Ensure changes to network gateways are monitored", false},
      {"4.13", "4", "Ensure route table changes are monitored", false},
      {"4.14", "4", "Ensure VPC changes are monitored", false},
      {"4.15", "4", "Ensure AWS Organizations changes are monitored", false},
      {"4.16", "4", "Ensure AWS Security Hub is enabled", false},
      {"5.1", "5", "Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports", false},
      {"5.2", "5", "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports", false},
      {"5.3", "5", "Ensure no security groups allow ingress from ::/0 to remote server administration ports", false},
      {"5.4", "5", "Ensure the default security group of every VPC restricts all traffic", false},
      {"5.5", "5", "Ensure routing tables for VPC peering are \"least access\"", true},
      {"5.6", "5", "Ensure that EC2 Metadata Service only allows IMDSv2", false},
  };
  return c;
}

std::vector<ControlStatus> cis_v3_rollup(const std::vector<CheckCounts>& checks) {
  std::vector<ControlStatus> out;
  for (const auto& control : cis_v3_controls()) {
    ControlStatus s;
    s.control = control;
    for (const auto& c : checks) {
      if (std::find(c.cis.begin(), c.cis.end(), control.id) == c.cis.end()) continue;
      s.checks.push_back(c.check_id);
      s.pass += c.pass;
      s.fail += c.fail;
      if (c.not_assessed > 0 && s.not_assessed == 0) s.reason = c.not_assessed_reason;
      s.not_assessed += c.not_assessed;
    }
    if (control.manual) s.status = "MANUAL";
    else if (s.checks.empty()) s.status = "NOT_RUN";
    else if (s.fail > 0) s.status = "FAIL";
    else if (s.not_assessed > 0) s.status = "NOT_ASSESSED";
    else if (s.pass > 0) s.status = "PASS";
    else s.status = "NO_RESOURCES";
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<ControlStatus> cis_v3_rollup(const std::vector<Finding>& findings,
                                         const std::map<std::string, CheckMetadata>& checks) {
  std::map<std::string, CheckCounts> counts;
  for (const auto& [id, meta] : checks) counts[id] = CheckCounts{id, meta.cis};
  for (const auto& f : findings) {
    auto it = counts.find(f.check_id);
    if (it == counts.end()) continue;
    CheckCounts& c = it->second;
    if (f.status == CheckStatus::kPass) ++c.pass;
    if (f.status == CheckStatus::kFail) ++c.fail;
    if (f.status == CheckStatus::kNotAssessed && c.not_assessed++ == 0) c.not_assessed_reason = f.detail;
  }
  std::vector<CheckCounts> list;
  for (auto& [_, c] : counts) list.push_back(std::move(c));
  return cis_v3_rollup(list);
}

std::vector<SectionStatus> cis_v3_sections_rollup(const std::vector<ControlStatus>& controls) {
  std::vector<SectionStatus> out;
  for (const auto& section : cis_v3_sections()) {
    SectionStatus s{section};
    for (const auto& c : controls) {
      if (c.control.section != section.id) continue;
      if (c.status == "PASS" || c.status == "NO_RESOURCES") ++s.pass;
      else if (c.status == "FAIL") ++s.fail;
      else if (c.status == "NOT_ASSESSED") ++s.not_assessed;
      else if (c.status == "MANUAL") ++s.manual;
      else ++s.other;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace cloudpeek
