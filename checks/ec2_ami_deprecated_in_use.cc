// Instances do not run an AMI of the account that is past its deprecation
// time: a deprecated image is one its owner meant to stop launching from.
#include "checks/check.h"
#include "checks/ec2_ami_in_use.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  if (!has_prop(r, "deprecated_at", &why)) return not_assessed(why);
  const json* at = r.prop("deprecated_at");
  const json* now = require_prop(r, "collected_at", &why);
  if (!now) return not_assessed(why);
  if (!at || !at->is_number() || at->get<int64_t>() > now->get<int64_t>())
    return pass("AMI " + r.id + " is not deprecated");
  std::string gap;
  auto users = ami_use::instances_of(r, inv, &gap);
  if (!gap.empty()) return not_assessed(gap);
  if (users.empty()) return pass("AMI " + r.id + " is deprecated and no instance runs it");
  return fail("AMI " + r.id + " is deprecated and still runs " + std::to_string(users.size()) + " instance" +
              (users.size() == 1 ? "" : "s") + ": " + ami_use::listed(users));
}

const RegisterCheck reg({
    .meta = {.id = "ec2_ami_deprecated_in_use",
             .title = "EC2 instances should not run deprecated AMIs of the account",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::Image",
             .description = "For each AMI the account owns (DescribeImages Owners=self) whose DeprecationTime has "
                            "passed, no instance in its region (DescribeInstances) was launched from it.",
             .risk = "A deprecated AMI is one its owner stopped maintaining: the instances still running it miss the "
                     "operating system and agent patches of its replacement.",
             .remediation = {.text = "Replace the instances with ones launched from the current AMI (update the launch "
                                     "template or Auto Scaling group and roll the instances), then deregister the old AMI.",
                             .cli = "aws ec2 describe-instances --filters Name=image-id,Values=<ami-id> --query 'Reservations[].Instances[].InstanceId'",
                             .terraform = "resource \"aws_launch_template\" \"this\" {\n  image_id = data.aws_ami.current.id  # the maintained image, not a pinned deprecated one\n}"},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ami-deprecate.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::EC2::Instance"},
    .reads = {"deprecated_at", "collected_at", "AWS::EC2::Instance.image_id"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
