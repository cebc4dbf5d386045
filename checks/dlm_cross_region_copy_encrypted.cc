// Data Lifecycle Manager policies encrypt the snapshot and AMI copies they make in other regions.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* targets = require_prop(r, "unencrypted_copy_targets", &why);
  if (!targets) return not_assessed(why);
  if (!targets->is_array() || targets->empty())
    return pass("lifecycle policy " + r.name + " encrypts every cross-Region copy (or makes none)");
  std::string list;
  for (const auto& t : *targets) list += (list.empty() ? "" : ", ") + (t.is_string() ? t.get<std::string>() : std::string("?"));
  return fail("lifecycle policy " + r.name + " copies to " + list + " without encrypting the copies");
}

const RegisterCheck reg({
    .meta = {.id = "dlm_cross_region_copy_encrypted",
             .title = "Data Lifecycle Manager cross-Region copies should be encrypted",
             .severity = Severity::kMedium,
             .service = "dlm",
             .resource_type = "AWS::DLM::LifecyclePolicy",
             .description = "Every cross-Region copy rule of the policy (schedules' CrossRegionCopyRules, event-based policies' CrossRegionCopy actions; GetLifecyclePolicy) has encryption enabled.",
             .risk = "Copies of unencrypted snapshots land unencrypted in another region, outside the key policies and encryption-by-default settings that protect the source.",
             .remediation = {.text = "Turn on Encrypted (with a customer managed key, CmkArn) in each cross-Region copy rule.",
                             .cli = "aws dlm update-lifecycle-policy --policy-id <policy-id> --policy-details file://policy-details-with-encrypted-copies.json",
                             .terraform = "resource \"aws_dlm_lifecycle_policy\" \"ebs\" {\n  # ...\n  policy_details {\n    schedule {\n      # ...\n      cross_region_copy_rule {\n        target    = \"us-west-2\"\n        encrypted = true\n        cmk_arn   = aws_kms_key.dr.arn\n        retain_rule {\n          interval      = 7\n          interval_unit = \"DAYS\"\n        }\n      }\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-ami-policy.html#snapshot-cross-region-copy"},
             .cis = {},
             .fsbp = {}},
    .reads = {"unencrypted_copy_targets"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
