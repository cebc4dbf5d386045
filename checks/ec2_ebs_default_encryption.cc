// CIS 2.2.1, FSBP EC2.7: Ensure EBS volume encryption is enabled in all regions
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "enabled", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("EBS encryption by default is enabled in " + r.region + ".");
  return fail("EBS encryption by default is disabled in " + r.region + ".");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_ebs_default_encryption",
             .title = "Ensure EBS volume encryption is enabled in all regions",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::EbsEncryptionByDefault",
             .description = "EBS encryption by default makes every new EBS volume and snapshot copy in the region encrypted. It is a per-region account setting (ec2:GetEbsEncryptionByDefault).",
             .risk = "Without it, volumes created without an explicit encryption flag store data unencrypted at rest, and snapshots of them can be shared unencrypted.",
             .remediation = {.text = "Enable EBS encryption by default in every region you use (EC2 console > Settings > EBS encryption).",
                             .cli = "aws ec2 enable-ebs-encryption-by-default --region <region>",
                             .terraform = "resource \"aws_ebs_encryption_by_default\" \"this\" {\n  enabled = true\n}"},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-7"},
             .cis = {"2.2.1"},
             .fsbp = {"EC2.7"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
