// Amazon Macie is enabled in the region (FSBP Macie.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* status = require_prop(r, "status", &why);
  if (!status) return not_assessed(why);
  const std::string s = status->is_string() ? status->get<std::string>() : "";
  if (s == "ENABLED") return pass("Amazon Macie is enabled in " + r.region);
  if (s == "PAUSED") return fail("Amazon Macie is suspended (PAUSED) in " + r.region + ": it runs no discovery nor jobs");
  return fail("Amazon Macie is not enabled in " + r.region);
}

const RegisterCheck reg({
    .meta = {.id = "macie_is_enabled",
             .title = "Amazon Macie should be enabled",
             .severity = Severity::kMedium,
             .service = "macie2",
             .resource_type = "AWS::Macie::Session",
             .description = "GetMacieSession answers status ENABLED in the region (AWS answers \"Macie is not enabled\" where it never was; PAUSED is suspended).",
             .risk = "Without Macie, personal, financial and credential data sitting in S3 buckets is not discovered, and exposure of such buckets raises no sensitive-data finding.",
             .remediation = {.text = "Enable Amazon Macie in each region with S3 data (for an organization, from the Macie delegated administrator).",
                             .cli = "aws macie2 enable-macie --region <region>",
                             .terraform = "resource \"aws_macie2_account\" \"this\" {\n  finding_publishing_frequency = \"FIFTEEN_MINUTES\"\n  status                       = \"ENABLED\"\n}"},
             .references = {"https://docs.aws.amazon.com/macie/latest/user/getting-started.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/macie-controls.html#macie-1"},
             .cis = {},
             .fsbp = {"Macie.1"}},
    .reads = {"status"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
