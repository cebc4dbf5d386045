// Cost hygiene: an EBS volume attached to nothing is still billed for every
// GiB (and IOPS/throughput) it provisions.
#include "checks/cost_registry.h"
#include "checks/cost_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

const char kId[] = "ec2_ebs_volume_unattached";

bool unattached(const Resource& v) {
  const json* att = v.prop("attached_instances");
  return att && att->is_array() && att->empty();
}

CheckResult evaluate(const Resource& v, const Inventory&) {
  std::string why;
  const json* att = require_prop(v, "attached_instances", &why);
  if (!att) return not_assessed(why);
  for (const char* p : {"size_gib", "volume_type"})
    if (!require_prop(v, p, &why)) return not_assessed(why);
  if (!unattached(v)) return pass("Volume " + v.name + " is attached to " + att->at(0).get<std::string>() + ".");
  return fail("Volume " + v.name + " is attached to no instance and is still billed." +
              cost::sentence(cost::volume_of(v), v.region) +
              " Snapshot it if the data matters, then delete it.");
}

std::optional<double> monthly(const Resource& v, const Inventory&) { return cost::volume_of(v).usd; }

const RegisterCheck reg({
    .meta = {.id = kId,
             .title = "EBS volumes should be attached to an instance (cost)",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::Volume",
             .description = "Cost hygiene: checks that each EBS volume is attached to an instance. An unattached "
                            "volume is billed for its provisioned size (and IOPS/throughput) whether or not anything "
                            "reads it; the finding carries the estimated monthly cost from the AWS Price List.",
             .risk = "Forgotten volumes cost money every month and keep data (often unencrypted copies of old "
                     "systems) that nobody looks after.",
             .remediation = {.text = "Snapshot the volume if its data may be needed, then delete it.",
                             .cli = "aws ec2 create-snapshot --volume-id <vol-id> --description \"before delete\" && "
                                    "aws ec2 delete-volume --volume-id <vol-id>",
                             .terraform = "# Remove the aws_ebs_volume that no aws_volume_attachment uses;\n"
                                          "# keep an aws_ebs_snapshot of it if the data matters."},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-deleting-volume.html",
                            "https://aws.amazon.com/ebs/pricing/"},
             .cis = {},
             .fsbp = {}},
    .reads = {"attached_instances", "size_gib", "volume_type", "iops", "throughput"},
    .evaluate = evaluate});
const RegisterMonthlyCost cost_reg(kId, monthly);

}  // namespace
}  // namespace cloudpeek::checks
