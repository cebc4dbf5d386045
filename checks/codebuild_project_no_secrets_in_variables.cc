// CodeBuild projects pass no credentials in PLAINTEXT environment variables
// (PARAMETER_STORE and SECRETS_MANAGER variables hold a reference). The
// collector flags values shaped like credentials and keeps no value; names
// are judged here, AWS's own key variables by name whatever their value.
#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/secret_names.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* vars = require_prop(r, "environment_variables", &why);
  if (!vars) return not_assessed(why);
  const json* shaped = require_prop(r, "env_secret_values", &why);
  if (!shaped) return not_assessed(why);
  std::string hits;
  auto add = [&hits](const std::string& s) { hits += (hits.empty() ? "" : ", ") + s; };
  for (const auto& v : *shaped)
    add(v.value("name", std::string("?")) + " (value looks like " + v.value("kind", std::string("a credential")) + ")");
  for (const auto& v : *vars) {
    const std::string name = v.value("name", "");
    if (v.value("type", "PLAINTEXT") != "PLAINTEXT") continue;
    bool aws_key = name == "AWS_ACCESS_KEY_ID" || name == "AWS_SECRET_ACCESS_KEY" || name == "AWS_SESSION_TOKEN";
    if (!aws_key && !looks_like_secret_name(name)) continue;
    bool flagged = false;
    for (const auto& s : *shaped) flagged = flagged || s.value("name", "") == name;
    if (!flagged) add(name + (aws_key ? " (AWS credentials)" : " (named like a secret)"));
  }
  if (!hits.empty())
    return fail("project " + r.name + " passes credentials in PLAINTEXT environment variables: " + hits +
                " (values not kept)");
  return pass("project " + r.name + " has no PLAINTEXT environment variable named or shaped like a credential");
}

const RegisterCheck reg({
    .meta = {.id = "codebuild_project_no_secrets_in_variables",
             .title = "CodeBuild project environment variables should not contain clear text credentials",
             .severity = Severity::kCritical,
             .service = "codebuild",
             .resource_type = "AWS::CodeBuild::Project",
             .description = "No PLAINTEXT environment variable is AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or "
                            "AWS_SESSION_TOKEN, is named like a password, token or key, or has a value shaped like a "
                            "credential. PARAMETER_STORE and SECRETS_MANAGER variables pass: their value is a "
                            "reference. CloudPeek keeps no value.",
             .risk = "PLAINTEXT variables are shown by the console and returned by BatchGetProjects to everyone who "
                     "can read the project, and printed into build logs by careless buildspecs.",
             .remediation = {.text = "Move the value into Secrets Manager or Parameter Store and change the variable's "
                                     "type to SECRETS_MANAGER or PARAMETER_STORE; for AWS access, drop the keys and "
                                     "give the project's service role the permissions. Rotate the exposed credential.",
                             .cli = "aws codebuild update-project --name <project> --environment 'type=LINUX_CONTAINER,image=<image>,computeType=BUILD_GENERAL1_SMALL,environmentVariables=[{name=DB_PASSWORD,value=<secret-name>:password,type=SECRETS_MANAGER}]'",
                             .terraform = "resource \"aws_codebuild_project\" \"this\" {\n  # ...\n  environment {\n    # ...\n    environment_variable {\n      name  = \"DB_PASSWORD\"\n      type  = \"SECRETS_MANAGER\"\n      value = \"${aws_secretsmanager_secret.db.name}:password\"\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-2"},
             .cis = {},
             .fsbp = {"CodeBuild.2"}},
    .reads = {"environment_variables", "env_secret_values"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
