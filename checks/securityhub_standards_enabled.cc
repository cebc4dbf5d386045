// Security Hub runs the AWS Foundational Security Best Practices and CIS standards.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("enabled")) return not_assessed(*why);
  const json* on = r.prop("enabled");
  if (!on) return not_assessed("Security Hub status not collected");
  if (!on->get<bool>()) return fail("Security Hub is not enabled in " + r.region + ", so no standard runs");
  if (auto why = r.missing_reason("standards")) return not_assessed(*why);
  bool fsbp = false, cis = false;
  if (const json* s = r.prop("standards"))
    for (const auto& st : *s) {
      if (st.value("status", "") != "READY" && st.value("status", "") != "INCOMPLETE") continue;
      std::string arn = st.value("arn", "");
      if (arn.find("aws-foundational-security-best-practices") != std::string::npos) fsbp = true;
      if (arn.find("cis-aws-foundations-benchmark") != std::string::npos) cis = true;
    }
  if (fsbp && cis) return pass("the FSBP and CIS standards are enabled");
  std::string lacking = !fsbp && !cis ? "neither the FSBP nor a CIS standard is" : !fsbp ? "the FSBP standard is not" : "no CIS AWS Foundations standard is";
  return fail(lacking + std::string(" enabled in Security Hub in ") + r.region);
}

const RegisterCheck reg({
    .meta = {.id = "securityhub_standards_enabled",
             .title = "Security Hub runs the AWS Foundational Security Best Practices and CIS standards",
             .severity = Severity::kMedium,
             .service = "securityhub",
             .resource_type = "AWS::SecurityHub::Hub",
             .description = "Security Hub has the AWS Foundational Security Best Practices standard and a CIS AWS Foundations Benchmark standard enabled (status READY) in the region.",
             .risk = "A hub without standards only aggregates other services' findings: no automated configuration checks run against the account.",
             .remediation = {.text = "Enable the AWS Foundational Security Best Practices and CIS AWS Foundations Benchmark standards in Security Hub.",
                             .cli = "aws securityhub batch-enable-standards --standards-subscription-requests StandardsArn=arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0 StandardsArn=arn:aws:securityhub:<region>::standards/cis-aws-foundations-benchmark/v/3.0.0",
                             .terraform = "resource \"aws_securityhub_standards_subscription\" \"fsbp\" {\n  standards_arn = \"arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0\"\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
