// The account's EBS snapshots are not shared with other AWS accounts by
// createVolumePermission (public sharing is ec2_ebs_public_snapshot's).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* shared = require_prop(r, "shared_accounts", &why);
  if (!shared) return not_assessed(why);
  if (!shared->is_array() || shared->empty()) return pass("snapshot " + r.id + " is not shared with another account");
  std::string list;
  for (const auto& a : *shared) list += (list.empty() ? "" : ", ") + a.get<std::string>();
  return fail("snapshot " + r.id + " is shared with " + std::to_string(shared->size()) + " other account" +
              (shared->size() == 1 ? "" : "s") + ": " + list);
}

const RegisterCheck reg({
    .meta = {.id = "ec2_ebs_snapshot_not_shared_with_other_accounts",
             .title = "EBS snapshots should not be shared with other AWS accounts",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::Snapshot",
             .description = "The snapshot's createVolumePermission attribute (DescribeSnapshotAttribute) names no "
                            "other AWS account. Review each share: a share with a backup or partner account can be "
                            "intended, and is then muted with its reason.",
             .risk = "Every account a snapshot is shared with can create a volume from it and read the whole disk: "
                     "a share with an account that has since left the organization or changed hands leaks the data.",
             .remediation = {.text = "Remove the accounts that should not restore the snapshot; share encrypted "
                                     "snapshots with a customer managed key only the intended accounts may use.",
                             .cli = "aws ec2 modify-snapshot-attribute --snapshot-id <snapshot-id> --attribute createVolumePermission --operation-type remove --user-ids <account-id>",
                             .terraform = "# Remove the aws_snapshot_create_volume_permission resources for accounts that should not restore the snapshot."},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"shared_accounts"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
