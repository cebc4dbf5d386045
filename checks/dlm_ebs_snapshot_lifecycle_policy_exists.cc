// Every region where the account has EBS volumes has an enabled Data Lifecycle Manager policy that snapshots EBS volumes.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  const json* policies = require_prop(r, "enabled_ebs_snapshot_policies", &why);
  if (!policies) return not_assessed(why);
  if (auto gap = inv.gap("AWS::EC2::Volume", r.region)) return not_assessed(*gap);
  size_t volumes = 0;
  for (const auto& v : inv.of_type("AWS::EC2::Volume"))
    if (v.region == r.region && v.account == r.account) ++volumes;
  if (volumes == 0) return pass("no EBS volumes in " + r.region + ": no snapshot policy is needed");
  if (policies->is_array() && !policies->empty())
    return pass(std::to_string(policies->size()) + " enabled EBS snapshot lifecycle policy(ies) in " + r.region + " (" +
                policies->front().get<std::string>() + (policies->size() > 1 ? ", ..." : "") + ") for " +
                std::to_string(volumes) + " volume(s)");
  return fail(std::to_string(volumes) + " EBS volume(s) in " + r.region +
              " and no enabled Data Lifecycle Manager policy snapshots EBS volumes there");
}

const RegisterCheck reg({
    .meta = {.id = "dlm_ebs_snapshot_lifecycle_policy_exists",
             .title = "Regions with EBS volumes should have an enabled EBS snapshot lifecycle policy",
             .severity = Severity::kMedium,
             .service = "dlm",
             .resource_type = "AWS::DLM::RegionSummary",
             .description = "In each region where the account has EBS volumes (DescribeVolumes), GetLifecyclePolicies lists at least one ENABLED policy of type EBS_SNAPSHOT_MANAGEMENT (a custom policy or the default policy for volumes). Snapshots taken by AWS Backup plans are not considered: a region protected only by AWS Backup fails here.",
             .risk = "Without scheduled snapshots a volume lost to deletion, corruption or ransomware can only be restored from whatever manual snapshot happens to exist.",
             .remediation = {.text = "Create a snapshot lifecycle policy (or enable the default policy for EBS snapshots) targeting the volumes, with a retention that meets the recovery point objective.",
                             .cli = "aws dlm create-default-lifecycle-policy --resource-type VOLUME --description \"Daily EBS snapshots\" --execution-role-arn arn:aws:iam::<account-id>:role/AWSDataLifecycleManagerDefaultRole --create-interval 1 --retain-interval 7",
                             .terraform = "resource \"aws_dlm_lifecycle_policy\" \"ebs\" {\n  description        = \"Daily EBS snapshots\"\n  execution_role_arn = aws_iam_role.dlm.arn\n  state              = \"ENABLED\"\n  policy_details {\n    resource_types = [\"VOLUME\"]\n    target_tags    = { Backup = \"true\" }\n    schedule {\n      name = \"daily\"\n      create_rule { interval = 24 }\n      retain_rule { count = 7 }\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html",
                            "https://docs.aws.amazon.com/ebs/latest/userguide/default-policies.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::EC2::Volume"},
    .reads = {"enabled_ebs_snapshot_policies", "AWS::EC2::Volume.state"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
