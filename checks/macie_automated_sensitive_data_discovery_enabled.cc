// Amazon Macie's automated sensitive data discovery is on in the region (FSBP Macie.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* status = require_prop(r, "status", &why);
  if (!status) return not_assessed(why);
  if (status->is_string() && status->get<std::string>() == "DISABLED")
    return fail("Amazon Macie is not enabled in " + r.region + ", so no automated sensitive data discovery runs");
  const json* discovery = require_prop(r, "automated_discovery", &why);
  if (!discovery) return not_assessed(why);
  if (discovery->is_string() && discovery->get<std::string>() == "ENABLED")
    return pass("Macie automated sensitive data discovery is enabled in " + r.region);
  return fail("Macie automated sensitive data discovery is disabled in " + r.region);
}

const RegisterCheck reg({
    .meta = {.id = "macie_automated_sensitive_data_discovery_enabled",
             .title = "Macie automated sensitive data discovery should be enabled",
             .severity = Severity::kHigh,
             .service = "macie2",
             .resource_type = "AWS::Macie::Session",
             .description = "GetAutomatedDiscoveryConfiguration answers status ENABLED where Macie is enabled; a region without Macie fails too.",
             .risk = "Without automated discovery Macie only inspects the buckets of jobs someone created: new buckets with sensitive data go unnoticed.",
             .remediation = {.text = "Turn on automated sensitive data discovery in Macie (from the administrator account for an organization).",
                             .cli = "aws macie2 update-automated-discovery-configuration --status ENABLED --region <region>",
                             .terraform = "resource \"aws_macie2_account\" \"this\" {\n  status = \"ENABLED\"\n}\n# then: aws macie2 update-automated-discovery-configuration --status ENABLED"},
             .references = {"https://docs.aws.amazon.com/macie/latest/user/discovery-asdd.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/macie-controls.html#macie-2"},
             .cis = {},
             .fsbp = {"Macie.2"}},
    .reads = {"status", "automated_discovery"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
