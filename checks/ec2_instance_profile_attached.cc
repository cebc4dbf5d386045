// Ensure EC2 instances use an IAM instance profile
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "iam_instance_profile", &why)) return not_assessed(why);
  const json* profile = r.prop("iam_instance_profile");
  if (profile) return pass("Instance " + r.id + " uses instance profile " + profile->get<std::string>() + ".");
  return fail("Instance " + r.id + " has no IAM instance profile.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_instance_profile_attached",
             .title = "Ensure EC2 instances use an IAM instance profile",
             .severity = Severity::kInformational,
             .service = "ec2",
             .resource_type = "AWS::EC2::Instance",
             .description = "Checks that each instance has an IAM instance profile, so software on it gets temporary role credentials instead of stored access keys.",
             .risk = "Instances without a role tend to carry long-lived access keys on disk, which leak and are rarely rotated.",
             .remediation = {.text = "Attach an instance profile with a least-privilege role and remove any access keys stored on the instance.",
                             .cli = "aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<profile>",
                             .terraform = "resource \"aws_instance\" \"this\" {\n  # ...\n  iam_instance_profile = aws_iam_instance_profile.this.name\n}"},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
