// FSBP EC2.3: Attached and unattached EBS volumes should be encrypted at rest
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "encrypted", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("EBS volume " + r.id + " is encrypted.");
  return fail("EBS volume " + r.id + " is not encrypted.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_ebs_volume_encryption",
             .title = "Attached and unattached EBS volumes should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::Volume",
             .description = "Checks that each EBS volume is encrypted.",
             .risk = "Data on an unencrypted volume, and in every snapshot taken of it, is readable by anyone who gets access to the underlying storage or a copied snapshot.",
             .remediation = {.text = "Create an encrypted copy of the volume's snapshot, create a new volume from it, and swap it in; enable EBS encryption by default so new volumes are encrypted.",
                             .cli = "aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snap-id> --encrypted --kms-key-id <key>",
                             .terraform = "resource \"aws_ebs_volume\" \"this\" {\n  availability_zone = \"<az>\"\n  size              = 20\n  encrypted         = true\n}"},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-3"},
             .cis = {},
             .fsbp = {"EC2.3"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
