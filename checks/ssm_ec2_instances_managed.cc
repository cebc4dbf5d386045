// EC2 instances are managed by Systems Manager (FSBP SSM.1): the instance is
// among the region's managed nodes (DescribeInstanceInformation), whatever
// its ping status. Without that listing the answer is NOT_ASSESSED.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kManaged = "AWS::SSM::ManagedInstance";

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto gap = inv.gap(kManaged, r.region)) return not_assessed(*gap);
  for (const auto& m : inv.of_type(kManaged)) {
    if (m.region != r.region || m.account != r.account) continue;
    const json* id = m.prop("instance_id");
    if (!id || *id != r.id) continue;
    const json* ping = m.prop("ping_status");
    return pass("instance " + r.id + " is managed by Systems Manager (ping status " +
                (ping && ping->is_string() ? ping->get<std::string>() : std::string("unknown")) + ")");
  }
  const json* state = r.prop("state");
  return fail("instance " + r.id + (state && state->is_string() ? " (" + state->get<std::string>() + ")" : "") +
              " is not a Systems Manager managed node: no agent registered, or no instance profile allowing it");
}

const RegisterCheck reg({
    .meta = {.id = "ssm_ec2_instances_managed",
             .title = "EC2 instances should be managed by AWS Systems Manager",
             .severity = Severity::kMedium,
             .service = "ssm",
             .resource_type = "AWS::EC2::Instance",
             .description = "The running or stopped instance is registered as a Systems Manager managed node in its "
                            "region (it appears in DescribeInstanceInformation, online or not).",
             .risk = "An instance Systems Manager does not manage gets no Patch Manager scans, no State Manager "
                     "configuration and no inventory: missing patches and drift go unnoticed, and access falls back "
                     "to SSH keys and open ports instead of Session Manager.",
             .remediation = {.text = "Run the SSM Agent (preinstalled on Amazon Linux, Ubuntu and Windows AMIs) and "
                                     "attach an instance profile with the AmazonSSMManagedInstanceCore policy, or turn "
                                     "on Default Host Management Configuration for the region.",
                             .cli = "aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<profile-with-AmazonSSMManagedInstanceCore>",
                             .terraform = "resource \"aws_iam_role_policy_attachment\" \"ssm\" {\n  role       = aws_iam_role.instance.name\n  policy_arn = \"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore\"\n}\n\nresource \"aws_instance\" \"this\" {\n  # ...\n  iam_instance_profile = aws_iam_instance_profile.instance.name\n}"},
             .references = {"https://docs.aws.amazon.com/systems-manager/latest/userguide/managed_instances.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-1"},
             .cis = {},
             .fsbp = {"SSM.1"}},
    .context_types = {kManaged},
    .reads = {"state", "AWS::SSM::ManagedInstance.instance_id", "AWS::SSM::ManagedInstance.ping_status"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
