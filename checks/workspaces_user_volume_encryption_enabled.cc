// WorkSpaces encrypt their user volume at rest (FSBP WorkSpaces.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* enc = require_prop(r, "user_volume_encrypted", &why);
  if (!enc) return not_assessed(why);
  if (enc->is_boolean() && enc->get<bool>()) return pass("WorkSpace " + r.name + " encrypts its user volume");
  return fail("WorkSpace " + r.name + " does not encrypt its user volume");
}

const RegisterCheck reg({
    .meta = {.id = "workspaces_user_volume_encryption_enabled",
             .title = "WorkSpaces user volumes should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "workspaces",
             .resource_type = "AWS::WorkSpaces::Workspace",
             .description = "UserVolumeEncryptionEnabled is true for the WorkSpace (DescribeWorkspaces).",
             .risk = "An unencrypted user volume (the user profile and documents, D:) and its snapshots can be read by anyone who gets a copy of the underlying storage.",
             .remediation = {.text = "Encryption cannot be turned on for an existing WorkSpace: rebuild it (back up the user's data) with user volume encryption and a KMS key.",
                             .cli = "aws workspaces create-workspaces --workspaces 'DirectoryId=<directory-id>,UserName=<user>,BundleId=<bundle-id>,VolumeEncryptionKey=<kms-key-arn>,UserVolumeEncryptionEnabled=true'",
                             .terraform = "resource \"aws_workspaces_workspace\" \"this\" {\n  # ...\n  user_volume_encryption_enabled = true\n  volume_encryption_key          = aws_kms_key.workspaces.arn\n}"},
             .references = {"https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/workspaces-controls.html#workspaces-1"},
             .cis = {},
             .fsbp = {"WorkSpaces.1"}},
    .reads = {"user_volume_encrypted"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
