// FSBP IAM.19: Ensure MFA is enabled for all IAM users.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  auto rep = report_of(r);
  if (!rep.row) return not_assessed(rep.why);
  const json& row = *rep.row;
  if (row.value("mfa_active", false)) return pass("User " + r.name + " has MFA enabled.");
  return fail("User " + r.name + " has no MFA device.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_user_mfa_enabled",
             .title = "Ensure MFA is enabled for all IAM users",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::User",
             .description = "Every IAM user should have an MFA device (credential report mfa_active).",
             .risk = "Users without MFA rely on a single factor; MFA also lets policies require aws:MultiFactorAuthPresent for sensitive actions.",
             .remediation = {.text = "Assign an MFA device to every IAM user, or replace long-lived users with roles and IAM Identity Center.",
                             .cli = "aws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile qr.png --bootstrap-method QRCodePNG",
                             .terraform = "resource \"aws_iam_virtual_mfa_device\" \"user\" {\n  virtual_mfa_device_name = \"<user>\"\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-19"},
             .cis = {},
             .fsbp = {"IAM.19"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
