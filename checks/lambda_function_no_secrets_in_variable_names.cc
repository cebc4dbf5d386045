// Lambda environment variable names that suggest a secret stored in plain
// configuration. CloudPeek never reads the values (the collector drops them),
// so this is a hint from names only.
#include <string>
#include <string_view>

#include "checks/check.h"
#include "checks/secret_names.h"

namespace cloudpeek::checks {
namespace {


CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("env_var_names")) return not_assessed(*why);
  const json* names = r.prop("env_var_names");
  if (!names || !names->is_array()) return not_assessed("environment of function " + r.name + " was not collected");
  std::string hits;
  for (const auto& n : *names)
    if (n.is_string() && looks_like_secret_name(n.get_ref<const std::string&>())) hits += (hits.empty() ? "" : ", ") + n.get<std::string>();
  if (!hits.empty())
    return fail("function " + r.name + " has environment variables named like secrets: " + hits +
                " (values not read)");
  return pass("function " + r.name + " has no environment variable named like a secret");
}

const RegisterCheck reg({
    .meta = {.id = "lambda_function_no_secrets_in_variable_names",
             .title = "Lambda environment variable names do not suggest stored secrets",
             .severity = Severity::kInformational,
             .service = "lambda",
             .resource_type = "AWS::Lambda::Function",
             .description = "No environment variable of the function is named like a password, token or key "
                            "(names only; CloudPeek never reads the values). Names ending in _ARN, _NAME or _ID "
                            "that reference a secret store are fine.",
             .risk = "Secrets in environment variables are readable by anyone with lambda:GetFunctionConfiguration, "
                     "appear in deployment templates and are not rotated.",
             .remediation = {.text = "Keep secrets in AWS Secrets Manager or SSM Parameter Store (SecureString) and "
                                     "pass only their ARN or name to the function.",
                             .cli = "aws secretsmanager create-secret --name <name> --secret-string file://secret.json",
                             .terraform = "resource \"aws_lambda_function\" \"this\" {\n  # ...\n  environment {\n    variables = { DB_SECRET_ARN = aws_secretsmanager_secret.db.arn }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
                            "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"env_var_names"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
