// CloudFormation stacks are protected against deletion. A nested stack is
// judged by its root stack's setting (AWS sets termination protection on the
// root only; the collector resolves it).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "termination_protection", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("termination_protection of stack " + r.name + " was not collected");
  std::string through;
  if (const json* root = r.prop("root_stack"); root && root->is_string())
    through = " (nested in " + root->get<std::string>() + ", whose setting applies)";
  if (v->get<bool>()) return pass("stack " + r.name + " has termination protection" + through);
  return fail("stack " + r.name + " can be deleted without first turning off termination protection" + through);
}

const RegisterCheck reg({
    .meta = {.id = "cloudformation_stack_termination_protection_enabled",
             .title = "CloudFormation stacks should have termination protection enabled",
             .severity = Severity::kLow,
             .service = "cloudformation",
             .resource_type = "AWS::CloudFormation::Stack",
             .description = "EnableTerminationProtection is true on the stack, or for a nested stack on its root "
                            "stack.",
             .risk = "Deleting a stack deletes every resource it created (databases, buckets, networks) unless they "
                     "have a retain policy; a mistaken or malicious delete-stack is one call away.",
             .remediation = {.text = "Turn on termination protection on each root stack (nested stacks follow their root).",
                             .cli = "aws cloudformation update-termination-protection --enable-termination-protection --stack-name <stack>",
                             .terraform = "# Terraform-managed stacks:\nresource \"aws_cloudformation_stack\" \"this\" {\n  # ...\n  # termination protection is not an argument: set it with the CLI or the console,\n  # and protect the resources with lifecycle { prevent_destroy = true }\n  lifecycle {\n    prevent_destroy = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-protect-stacks.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"termination_protection", "root_stack"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
