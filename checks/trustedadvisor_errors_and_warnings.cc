// Trusted Advisor's security checks report no warning or error (Prowler
// trustedadvisor_errors_and_warnings, here for the security category).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* status = require_prop(r, "status", &why);
  if (!status) return not_assessed(why);
  const std::string s = status->is_string() ? status->get<std::string>() : "";
  std::string flagged;
  if (const json* n = r.prop("flagged"); n && n->is_number_integer())
    flagged = " (" + std::to_string(n->get<long long>()) + " resources flagged)";
  if (s == "ok") return pass("Trusted Advisor check \"" + r.name + "\" is ok");
  if (s == "warning" || s == "error")
    return fail("Trusted Advisor check \"" + r.name + "\" reports " + s + flagged);
  return not_assessed("Trusted Advisor has no result for check \"" + r.name + "\" (status " +
                      (s.empty() ? "unknown" : s) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "trustedadvisor_errors_and_warnings",
             .title = "Trusted Advisor security checks should have no errors or warnings",
             .severity = Severity::kMedium,
             .service = "support",
             .resource_type = "AWS::TrustedAdvisor::Check",
             .description = "Each Trusted Advisor check of the security category has status ok "
                            "(DescribeTrustedAdvisorCheckSummaries); warning or error fails, not_available is not "
                            "assessed.",
             .risk = "Trusted Advisor has found a security problem (open ports, exposed access keys, public "
                     "snapshots, root MFA off, ...) that nobody acted on.",
             .remediation = {.text = "Open the check in Trusted Advisor, fix the flagged resources, then refresh the "
                                     "check.",
                             .cli = "aws support describe-trusted-advisor-check-result --check-id <check-id> --region us-east-1",
                             .terraform = "# Fix the flagged resources in their own Terraform definitions."},
             .references = {"https://docs.aws.amazon.com/awssupport/latest/user/trusted-advisor-check-reference.html",
                            "https://docs.aws.amazon.com/awssupport/latest/user/security-checks.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"status", "flagged"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
