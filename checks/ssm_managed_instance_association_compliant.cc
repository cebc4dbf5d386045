// Managed nodes' State Manager associations run successfully (FSBP SSM.3),
// from the region's bulk compliance summaries. A node no association targets
// has nothing to be out of compliance with.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "association_compliance", &why)) return not_assessed(why);
  const json* c = r.prop("association_compliance");
  if (!c || !c->is_object()) return not_applicable("managed node " + r.id + " has no State Manager association");
  const std::string status = c->value("status", "");
  if (status == "COMPLIANT") return pass("managed node " + r.id + " is association compliant");
  return fail("managed node " + r.id + " is " + (status.empty() ? std::string("not") : status) + " for " +
              std::to_string(c->value("non_compliant", 0)) + " State Manager association(s)");
}

const RegisterCheck reg({
    .meta = {.id = "ssm_managed_instance_association_compliant",
             .title = "Systems Manager managed nodes should have an association compliance status of COMPLIANT",
             .severity = Severity::kLow,
             .service = "ssm",
             .resource_type = "AWS::SSM::ManagedInstance",
             .description = "The node's Association compliance summary (ListResourceComplianceSummaries) is "
                            "COMPLIANT: every State Manager association targeting it last ran successfully.",
             .risk = "A failing association leaves the configuration it enforces (agents, hardening, patching, "
                     "inventory) silently not applied on the node.",
             .remediation = {.text = "Look at the association's execution history for the node, fix the cause "
                                     "(permissions, document parameters, agent version) and run it again.",
                             .cli = "aws ssm describe-instance-associations-status --instance-id <instance-id> && aws ssm start-associations-once --association-ids <association-id>",
                             .terraform = "resource \"aws_ssm_association\" \"this\" {\n  name = \"AWS-GatherSoftwareInventory\"\n  targets {\n    key    = \"InstanceIds\"\n    values = [\"*\"]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/systems-manager/latest/userguide/compliance-about.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ssm-controls.html#ssm-3"},
             .cis = {},
             .fsbp = {"SSM.3"}},
    .reads = {"association_compliance"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
