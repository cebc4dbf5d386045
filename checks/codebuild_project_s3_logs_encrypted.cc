// CodeBuild projects that write build logs to S3 keep them encrypted.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* s3 = require_prop(r, "s3_logs", &why);
  if (!s3) return not_assessed(why);
  if (!s3->is_object()) return not_assessed("s3_logs of project " + r.name + " were not collected");
  if (!s3->value("enabled", false)) return not_applicable("project " + r.name + " writes no build logs to S3");
  if (s3->value("encrypted", false)) return pass("project " + r.name + " encrypts its S3 build logs");
  return fail("project " + r.name + " writes its S3 build logs unencrypted (encryptionDisabled)");
}

const RegisterCheck reg({
    .meta = {.id = "codebuild_project_s3_logs_encrypted",
             .title = "CodeBuild S3 logs should be encrypted",
             .severity = Severity::kLow,
             .service = "codebuild",
             .resource_type = "AWS::CodeBuild::Project",
             .description = "A project with S3 logs ENABLED does not set encryptionDisabled. Projects without S3 "
                            "logs get no finding.",
             .risk = "Build logs hold repository contents, dependency URLs and whatever a build printed; stored "
                     "unencrypted they are exposed to anyone who reaches the bucket's objects.",
             .remediation = {.text = "Turn S3 log encryption back on (encryptionDisabled false).",
                             .cli = "aws codebuild update-project --name <project> --logs-config 's3Logs={status=ENABLED,location=<bucket>/<prefix>,encryptionDisabled=false}'",
                             .terraform = "resource \"aws_codebuild_project\" \"this\" {\n  # ...\n  logs_config {\n    s3_logs {\n      status              = \"ENABLED\"\n      location            = \"${aws_s3_bucket.logs.id}/build-log\"\n      encryption_disabled = false\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-3"},
             .cis = {},
             .fsbp = {"CodeBuild.3"}},
    .reads = {"s3_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
