// CIS 1.12, FSBP IAM.22: Ensure console passwords unused for 45 days or more are disabled.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (!rep.row) return not_assessed(rep.why);
  const json& row = *rep.row;
  if (!row.value("password_enabled", false)) return not_applicable("User " + r.name + " has no console password.");
  auto ref = time_of(row, "password_last_used");
  if (!ref) ref = time_of(row, "password_last_changed");
  if (!ref) ref = time_of(r.props, "create_date");
  if (!ref) return not_assessed("no password use or creation time for user " + r.name);
  int64_t age = days(rep.now - *ref);
  if (age >= 45) return fail("User " + r.name + "'s console password has not been used for " + std::to_string(age) + " days.");
  return pass("User " + r.name + "'s console password was used " + std::to_string(age) + " day(s) before the report.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_user_console_access_unused",
             .title = "Ensure console passwords unused for 45 days or more are disabled",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "A console password not used in the 45 days before the credential report (or, never used, set more than 45 days before) should be removed.",
             .risk = "Dormant console passwords belong to people who may have left; they are easy targets.",
             .remediation = {.text = "Delete the login profile of users who have not signed in for 45 days.",
                             .cli = "aws iam delete-login-profile --user-name <user>",
                             .terraform = "# Remove the aws_iam_user_login_profile of the dormant user."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-22"},
             .cis = {"1.12"},
             .fsbp = {"IAM.22"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
