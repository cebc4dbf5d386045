// CIS 1.11, Do not setup access keys during initial user setup for all IAM users that have a console password.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (!rep.row) return not_assessed(rep.why);
  const json& row = *rep.row;
  if (!row.value("password_enabled", false)) return not_applicable("User " + r.name + " has no console password.");
  std::vector<std::string> unused;
  for (const json& k : active_keys(row))
    if (!time_of(k, "last_used")) unused.push_back("access key " + std::to_string(k.value("slot", 0)));
  if (!unused.empty()) return fail("User " + r.name + " has a console password and never-used active " + join(unused) + ".");
  return pass("User " + r.name + " has no never-used active access keys.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_user_no_setup_initial_access_key",
             .title = "Do not setup access keys during initial user setup for all IAM users that have a console password",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "Console users should not carry access keys that were created with the user and never used (credential report: password_enabled with an active key whose last_used_date is N/A).",
             .risk = "Keys created by default at user setup are usually unneeded and widen the attack surface.",
             .remediation = {.text = "Delete access keys that were never used; create keys only when a user needs programmatic access.",
                             .cli = "aws iam delete-access-key --user-name <user> --access-key-id <key-id>",
                             .terraform = "# Remove the aws_iam_access_key resource created alongside the user."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html"},
             .cis = {"1.11"},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
