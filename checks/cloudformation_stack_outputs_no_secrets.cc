// CloudFormation stack outputs carry no secrets. Outputs are readable by
// anyone with cloudformation:DescribeStacks and exported values by every
// stack in the region. The collector flags values shaped like credentials
// and keeps no value; names are judged here.
#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/cloudformation_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* keys = require_prop(r, "output_keys", &why);
  if (!keys) return not_assessed(why);
  const json* shaped = require_prop(r, "output_secret_values", &why);
  if (!shaped) return not_assessed(why);
  std::string hits;
  auto add = [&hits](const std::string& s) { hits += (hits.empty() ? "" : ", ") + s; };
  for (const auto& v : *shaped)
    add(v.value("name", std::string("?")) + " (value looks like " + v.value("kind", std::string("a credential")) + ")");
  for (const auto& k : *keys) {
    if (!k.is_string() || !cloudformation::secret_name(k.get_ref<const std::string&>())) continue;
    bool flagged = false;
    for (const auto& v : *shaped) flagged = flagged || v.value("name", "") == k;
    if (!flagged) add(k.get<std::string>() + " (named like a secret)");
  }
  if (!hits.empty()) return fail("stack " + r.name + " exposes secrets in its outputs: " + hits + " (values not kept)");
  return pass("stack " + r.name + " has no output named or shaped like a secret (" + std::to_string(keys->size()) +
              " outputs)");
}

const RegisterCheck reg({
    .meta = {.id = "cloudformation_stack_outputs_no_secrets",
             .title = "CloudFormation stack outputs should not contain secrets",
             .severity = Severity::kCritical,
             .service = "cloudformation",
             .resource_type = "AWS::CloudFormation::Stack",
             .description = "No output is named like a password, token or key, and no output value has the shape "
                            "of a credential (AWS access key id, private key, URL with a password, GitHub/GitLab/"
                            "Slack/Stripe/Google token, JWT). CloudPeek keeps neither the values nor anything derived "
                            "from them beyond the kind.",
             .risk = "Outputs are shown to everyone who can describe the stack (the SecurityAudit and ReadOnly "
                     "policies included), appear in the console and in CI logs, and exported outputs are readable "
                     "by every stack in the region.",
             .remediation = {.text = "Keep the secret in Secrets Manager or SSM Parameter Store and output its ARN or "
                                     "name instead; update the stack, then rotate the exposed secret.",
                             .cli = "aws cloudformation update-stack --stack-name <stack> --template-body file://template-without-secret-outputs.yaml --capabilities CAPABILITY_NAMED_IAM",
                             .terraform = "resource \"aws_secretsmanager_secret\" \"db\" {\n  name = \"app/db\"\n}\n# In the template: output the secret's ARN, not its value:\n#   Outputs:\n#     DbSecretArn:\n#       Value: !Ref DbSecret"},
             .references = {"https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html",
                            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds"},
             .cis = {},
             .fsbp = {}},
    .reads = {"output_keys", "output_secret_values"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
