// WorkSpaces encrypt their root volume at rest (FSBP WorkSpaces.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* enc = require_prop(r, "root_volume_encrypted", &why);
  if (!enc) return not_assessed(why);
  if (enc->is_boolean() && enc->get<bool>()) return pass("WorkSpace " + r.name + " encrypts its root volume");
  return fail("WorkSpace " + r.name + " does not encrypt its root volume");
}

const RegisterCheck reg({
    .meta = {.id = "workspaces_root_volume_encryption_enabled",
             .title = "WorkSpaces root volumes should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "workspaces",
             .resource_type = "AWS::WorkSpaces::Workspace",
             .description = "RootVolumeEncryptionEnabled is true for the WorkSpace (DescribeWorkspaces).",
             .risk = "An unencrypted root volume (the operating system and applications, C:) and its snapshots can be read by anyone who gets a copy of the underlying storage.",
             .remediation = {.text = "Encryption cannot be turned on for an existing WorkSpace: rebuild it (back up the user's data) with root volume encryption and a KMS key.",
                             .cli = "aws workspaces create-workspaces --workspaces 'DirectoryId=<directory-id>,UserName=<user>,BundleId=<bundle-id>,VolumeEncryptionKey=<kms-key-arn>,RootVolumeEncryptionEnabled=true'",
                             .terraform = "resource \"aws_workspaces_workspace\" \"this\" {\n  # ...\n  root_volume_encryption_enabled = true\n  volume_encryption_key          = aws_kms_key.workspaces.arn\n}"},
             .references = {"https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/workspaces-controls.html#workspaces-2"},
             .cis = {},
             .fsbp = {"WorkSpaces.2"}},
    .reads = {"root_volume_encrypted"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
