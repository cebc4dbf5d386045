// Prowler ec2_ebs_snapshots_encrypted: the account's EBS snapshots are encrypted.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "encrypted", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>()) return pass("EBS snapshot " + r.id + " is encrypted.");
  return fail("EBS snapshot " + r.id + " is not encrypted: anyone it is shared with, or who can copy it, reads "
              "the volume's data in clear.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_ebs_snapshots_encrypted",
             .title = "EBS snapshots should be encrypted",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::Snapshot",
             .description = "Checks that each EBS snapshot the account owns is encrypted.",
             .risk = "Unencrypted snapshots copy a disk's data in clear; once shared or made public they cannot be "
                     "protected by key policies, and volumes restored from them are unencrypted too.",
             .remediation = {.text = "Copy the snapshot with encryption enabled, delete the unencrypted original, and "
                                     "turn on EBS encryption by default so new snapshots are encrypted.",
                             .cli = "aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snap-id> "
                                    "--encrypted --kms-key-id <key-id>\naws ec2 enable-ebs-encryption-by-default",
                             .terraform = "resource \"aws_ebs_snapshot_copy\" \"encrypted\" {\n  source_snapshot_id = "
                                          "\"<snap-id>\"\n  source_region      = \"<region>\"\n  encrypted          = true\n}"},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
                            "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"encrypted"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
