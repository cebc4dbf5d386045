// FSBP EC2.1: Amazon EBS snapshots should not be publicly restorable
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "public", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == false) return pass("EBS snapshot " + r.id + " is not public.");
  return fail("EBS snapshot " + r.id + " is public: every AWS account may create volumes from it.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_ebs_public_snapshot",
             .title = "Amazon EBS snapshots should not be publicly restorable",
             .severity = Severity::kCritical,
             .service = "ec2",
             .resource_type = "AWS::EC2::Snapshot",
             .description = "Checks which EBS snapshots owned by the account every AWS account may restore (createVolumePermission group \"all\"), as DescribeSnapshots with RestorableByUserIds=all lists them.",
             .risk = "Anyone can create a volume from a public snapshot and read all the data it holds.",
             .remediation = {.text = "Remove the \"all\" group from the snapshot's create-volume permissions.",
                             .cli = "aws ec2 modify-snapshot-attribute --snapshot-id <snap-id> --attribute createVolumePermission --operation-type remove --group-names all",
                             .terraform = "# Snapshots created with Terraform are private unless shared; remove any\n# aws_snapshot_create_volume_permission granting access to \"all\"."},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-1"},
             .cis = {},
             .fsbp = {"EC2.1"}},
    .reads = {"public"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
