// Lambda environment variable names that suggest a secret stored in plain
// configuration. CloudPeek never reads the values (the collector drops them),
// so this is a hint from names only.
#include <string>
#include <string_view>

#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

// The names are matched without std::regex (which cost more than every other
// Lambda check together); the patterns, case-insensitive as before, are
//   secret-ish anywhere:  password|passwd|pwd|secret|token|api_?key|private_?key|
//                         access_?key|credential|auth_?key|client_?secret
//   a reference at the end: _arn|_name|_id|_url|_uri|_path|_param|_parameter|
//                         _ssm|_ttl|_header
// (client_?secret is covered by "secret"; ASCII case folding is what the
// regex's icase did in the default "C" locale.)
bool looks_secret(const std::string& name) {
  static constexpr std::string_view kSecretish[] = {
      "password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "privatekey", "private_key",
      "accesskey", "access_key", "credential", "authkey", "auth_key"};
  // Names that point at a secret kept elsewhere are the good practice.
  static constexpr std::string_view kReference[] = {"_arn", "_name", "_id", "_url", "_uri", "_path",
                                                    "_param", "_parameter", "_ssm", "_ttl", "_header"};
  std::string lower = name;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  bool secretish = false;
  for (std::string_view w : kSecretish)
    if (lower.find(w) != std::string::npos) {
      secretish = true;
      break;
    }
  if (!secretish) return false;
  for (std::string_view suffix : kReference)
    if (lower.ends_with(suffix)) return false;
  return true;
}

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("env_var_names")) return not_assessed(*why);
  const json* names = r.prop("env_var_names");
  if (!names || !names->is_array()) return not_assessed("environment of function " + r.name + " was not collected");
  std::string hits;
  for (const auto& n : *names)
    if (n.is_string() && looks_secret(n.get_ref<const std::string&>())) hits += (hits.empty() ? "" : ", ") + n.get<std::string>();
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
