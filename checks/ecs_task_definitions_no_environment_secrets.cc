// ECS task definitions pass no secrets in plain environment variables. The
// collector reads the values only to flag credential shapes and keeps the
// names and those flags, never a value; names are judged here.
#include "checks/check.h"
#include "checks/ecs_util.h"
#include "checks/secret_names.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* cs = ecs::containers(r, &why);
  if (!cs) return not_assessed(why);
  std::string hits;
  for (const auto& c : *cs) {
    const std::string name = ecs::container_name(c);
    for (const auto& v : c.value("env_secret_values", json::array()))
      ecs::append(hits, name + ": " + v.value("name", std::string("?")) + " (value looks like " +
                            v.value("kind", std::string("a credential")) + ")");
    for (const auto& n : c.value("env_var_names", json::array())) {
      if (!n.is_string() || !looks_like_secret_name(n.get_ref<const std::string&>())) continue;
      bool flagged = false;
      for (const auto& v : c.value("env_secret_values", json::array())) flagged = flagged || v.value("name", "") == n;
      if (!flagged) ecs::append(hits, name + ": " + n.get<std::string>() + " (named like a secret)");
    }
  }
  if (!hits.empty())
    return fail("task definition " + r.id + " passes secrets in environment variables: " + hits +
                " (values not kept)");
  return pass("task definition " + r.id + " has no environment variable named or shaped like a secret");
}

const RegisterCheck reg({
    .meta = {.id = "ecs_task_definitions_no_environment_secrets",
             .title = "ECS task definitions should not pass secrets as container environment variables",
             .severity = Severity::kHigh,
             .service = "ecs",
             .resource_type = "AWS::ECS::TaskDefinition",
             .description = "No container of the latest active revision has an environment variable named like a "
                            "password, token or key (names ending in _ARN, _NAME, _ID... that reference a secret "
                            "store are fine), or whose value has the shape of a credential (AWS access key id, "
                            "private key, URL with a password, GitHub/Slack/Stripe/Google token, JWT). CloudPeek "
                            "keeps neither the values nor anything derived from them beyond the kind.",
             .risk = "Plain environment variables are readable by anyone with ecs:DescribeTaskDefinition, are "
                     "copied into every revision and deployment tool, show in the console and cannot be rotated "
                     "without a new revision.",
             .remediation = {.text = "Store the secret in AWS Secrets Manager or SSM Parameter Store and reference it "
                                     "from the container definition's `secrets` (valueFrom); register a new revision "
                                     "and deregister the old ones, then rotate the exposed secret.",
                             .cli = "aws ecs register-task-definition --cli-input-json file://taskdef-with-secrets.json && aws ecs deregister-task-definition --task-definition <family>:<old-revision>",
                             .terraform = "resource \"aws_ecs_task_definition\" \"this\" {\n  # ...\n  container_definitions = jsonencode([{\n    name    = \"app\"\n    image   = var.image\n    secrets = [{ name = \"DB_PASSWORD\", valueFrom = aws_secretsmanager_secret.db.arn }]\n  }])\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8"},
             .cis = {},
             .fsbp = {"ECS.8"}},
    .reads = {"containers"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
