// CodeBuild projects keep their build logs (CloudWatch Logs or S3).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* cw = require_prop(r, "cloudwatch_logs", &why);
  if (!cw) return not_assessed(why);
  const json* s3 = require_prop(r, "s3_logs", &why);
  if (!s3) return not_assessed(why);
  const bool to_cw = cw->is_boolean() && cw->get<bool>();
  const bool to_s3 = s3->is_object() && s3->value("enabled", false);
  if (to_cw && to_s3) return pass("project " + r.name + " sends build logs to CloudWatch Logs and S3");
  if (to_cw) return pass("project " + r.name + " sends build logs to CloudWatch Logs");
  if (to_s3) return pass("project " + r.name + " sends build logs to S3");
  return fail("project " + r.name + " keeps no build logs (CloudWatch Logs and S3 logs both disabled)");
}

const RegisterCheck reg({
    .meta = {.id = "codebuild_project_logging_enabled",
             .title = "CodeBuild project environments should have a logging configuration",
             .severity = Severity::kMedium,
             .service = "codebuild",
             .resource_type = "AWS::CodeBuild::Project",
             .description = "logsConfig has CloudWatch Logs or S3 logs ENABLED.",
             .risk = "Without build logs there is no record of what a build ran, fetched or published: a tampered "
                     "build or a leaked credential cannot be investigated.",
             .remediation = {.text = "Turn on CloudWatch Logs (or S3 logs) in the project's logs configuration.",
                             .cli = "aws codebuild update-project --name <project> --logs-config 'cloudWatchLogs={status=ENABLED,groupName=/codebuild/<project>}'",
                             .terraform = "resource \"aws_codebuild_project\" \"this\" {\n  # ...\n  logs_config {\n    cloudwatch_logs {\n      status     = \"ENABLED\"\n      group_name = \"/codebuild/app\"\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/codebuild/latest/userguide/change-project.html#change-project-console-logs",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-4"},
             .cis = {},
             .fsbp = {"CodeBuild.4"}},
    .reads = {"cloudwatch_logs", "s3_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
