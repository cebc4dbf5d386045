// CloudFormation stack parameters named like secrets are NoEcho (AWS then
// shows "****") or resolved from SSM / Secrets Manager, never plain text that
// DescribeStacks returns to every reader.
#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/cloudformation_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* params = require_prop(r, "parameters", &why);
  if (!params) return not_assessed(why);
  if (!params->is_array()) return not_assessed("parameters of stack " + r.name + " were not collected");
  std::string hits;
  for (const auto& p : *params) {
    const std::string name = p.value("name", "");
    if (!cloudformation::secret_name(name) || p.value("masked", false) || p.value("reference", false)) continue;
    hits += (hits.empty() ? "" : ", ") + name;
  }
  if (!hits.empty())
    return fail("stack " + r.name + " shows secret parameters in plain text: " + hits + " (not NoEcho; values not kept)");
  return pass("stack " + r.name + " has no secret-named parameter in plain text (" + std::to_string(params->size()) +
              " parameters)");
}

const RegisterCheck reg({
    .meta = {.id = "cloudformation_stack_parameters_no_plaintext_secrets",
             .title = "CloudFormation stack parameters that hold secrets should be NoEcho or dynamic references",
             .severity = Severity::kHigh,
             .service = "cloudformation",
             .resource_type = "AWS::CloudFormation::Stack",
             .description = "Every parameter named like a password, token or key is masked by AWS (NoEcho: "
                            "DescribeStacks shows ****), is an SSM parameter type resolved at deployment, or is a "
                            "{{resolve:...}} dynamic reference. CloudPeek keeps no parameter value.",
             .risk = "A plain parameter's value is returned by DescribeStacks to everyone who can read the stack and "
                     "kept in the stack's history of change sets and events.",
             .remediation = {.text = "Declare the parameter NoEcho: true, or better take the value from Secrets "
                                     "Manager with a dynamic reference ({{resolve:secretsmanager:...}}); update the "
                                     "stack and rotate the secret.",
                             .cli = "aws cloudformation update-stack --stack-name <stack> --template-body file://template-noecho.yaml --parameters ParameterKey=<Name>,UsePreviousValue=true --capabilities CAPABILITY_NAMED_IAM",
                             .terraform = "# In the template:\n#   Parameters:\n#     DbPassword:\n#       Type: String\n#       NoEcho: true\n# or, without a parameter:\n#   MasterUserPassword: '{{resolve:secretsmanager:app/db:SecretString:password}}'"},
             .references = {"https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#parameters-section-structure-properties",
                            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"parameters"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
