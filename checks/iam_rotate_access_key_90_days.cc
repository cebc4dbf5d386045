// CIS 1.14, FSBP IAM.3: Ensure access keys are rotated every 90 days or less.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (!rep.row) return not_assessed(rep.why);
  const json& row = *rep.row;
  std::vector<std::string> old;
  for (const json& k : active_keys(row)) {
    auto rotated = time_of(k, "last_rotated");
    if (rotated && days(rep.now - *rotated) > 90)
      old.push_back("access key " + std::to_string(k.value("slot", 0)) + " (" + std::to_string(days(rep.now - *rotated)) + " days)");
  }
  if (!old.empty()) return fail("User " + r.name + " has active keys older than 90 days: " + join(old) + ".");
  return pass("User " + r.name + " has no active access key older than 90 days.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_rotate_access_key_90_days",
             .title = "Ensure access keys are rotated every 90 days or less",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "Active access keys should have been created or rotated within the 90 days before the credential report.",
             .risk = "Old keys have had more time to leak, and leaked keys stay valid until rotated.",
             .remediation = {.text = "Create a new key, move clients to it, then deactivate and delete the old one.",
                             .cli = "aws iam create-access-key --user-name <user> && aws iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive",
                             .terraform = "# Recreate aws_iam_access_key (e.g. taint it) at least every 90 days."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#Using_RotateAccessKey", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-3"},
             .cis = {"1.14"},
             .fsbp = {"IAM.3"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
