// Managed nodes are patch compliant (FSBP SSM.2), from the region's bulk
// compliance summaries. A node that never reported a patch scan FAILs: its
// patch state is unknown to the account, which is what the control guards.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "patch_compliance", &why)) return not_assessed(why);
  const json* c = r.prop("patch_compliance");
  if (!c || !c->is_object())
    return fail("managed node " + r.id + " has never reported patch compliance (no Patch Manager scan)");
  const std::string status = c->value("status", "");
  if (status == "COMPLIANT") return pass("managed node " + r.id + " is patch compliant");
  return fail("managed node " + r.id + " is " + (status.empty() ? std::string("not") : status) +
              " for patches: " + std::to_string(c->value("non_compliant", 0)) + " missing or failed (" +
              std::to_string(c->value("critical", 0)) + " critical, " + std::to_string(c->value("high", 0)) +
              " high)");
}

const RegisterCheck reg({
    .meta = {.id = "ssm_managed_instance_patch_compliant",
             .title = "Systems Manager managed nodes should have a patch compliance status of COMPLIANT",
             .severity = Severity::kHigh,
             .service = "ssm",
             .resource_type = "AWS::SSM::ManagedInstance",
             .description = "The node's Patch compliance summary (ListResourceComplianceSummaries) is COMPLIANT. A "
                            "node without any patch compliance data has never been scanned by Patch Manager and "
                            "fails.",
             .risk = "Missing operating system and application patches are the most common way into an instance; "
                     "a node never scanned has an unknown patch level.",
             .remediation = {.text = "Scan and install patches with a Patch Manager patch policy (Quick Setup) or a "
                                     "maintenance window running AWS-RunPatchBaseline, then fix what stays "
                                     "non-compliant.",
                             .cli = "aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=<instance-id> --parameters Operation=Install",
                             .terraform = "resource \"aws_ssm_association\" \"patch\" {\n  name             = \"AWS-RunPatchBaseline\"\n  schedule_expression = \"rate(1 day)\"\n  parameters       = { Operation = \"Install\" }\n  targets {\n    key    = \"InstanceIds\"\n    values = [\"*\"]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-2"},
             .cis = {},
             .fsbp = {"SSM.2"}},
    .reads = {"patch_compliance"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
