// CIS 1.12, FSBP IAM.22: Ensure access keys unused for 45 days or more are disabled.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (!rep.row) return not_assessed(rep.why);
  const json& row = *rep.row;
  std::vector<std::string> stale;
  for (const json& k : active_keys(row)) {
    auto ref = time_of(k, "last_used");
    if (!ref) ref = time_of(k, "last_rotated");
    if (ref && days(rep.now - *ref) >= 45)
      stale.push_back("access key " + std::to_string(k.value("slot", 0)) + " (" + std::to_string(days(rep.now - *ref)) + " days)");
  }
  if (!stale.empty()) return fail("User " + r.name + " has active keys unused for 45 days or more: " + join(stale) + ".");
  return pass("User " + r.name + " has no active access key unused for 45 days.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_user_accesskey_unused",
             .title = "Ensure access keys unused for 45 days or more are disabled",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "Active access keys not used in the 45 days before the credential report (or, never used, created more than 45 days before) should be deactivated or removed.",
             .risk = "Unused keys are forgotten credentials: nobody notices when they leak.",
             .remediation = {.text = "Deactivate or delete access keys unused for 45 days.",
                             .cli = "aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive",
                             .terraform = "resource \"aws_iam_access_key\" \"k\" {\n  user   = \"<user>\"\n  status = \"Inactive\"\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-22"},
             .cis = {"1.12"},
             .fsbp = {"IAM.22"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
