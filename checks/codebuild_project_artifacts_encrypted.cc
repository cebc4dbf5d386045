// CodeBuild projects keep their build artifacts (primary and secondary)
// encrypted.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* artifacts = require_prop(r, "artifacts", &why);
  if (!artifacts) return not_assessed(why);
  if (!artifacts->is_array()) return not_assessed("artifacts of project " + r.name + " were not collected");
  if (artifacts->empty()) return pass("project " + r.name + " stores no artifacts");
  std::string plain;
  for (const auto& a : *artifacts)
    if (!a.value("encrypted", false)) plain += (plain.empty() ? "" : ", ") + a.value("id", std::string("?"));
  if (!plain.empty()) return fail("project " + r.name + " stores artifacts unencrypted: " + plain);
  return pass("project " + r.name + " encrypts its " + std::to_string(artifacts->size()) + " artifact output(s)");
}

const RegisterCheck reg({
    .meta = {.id = "codebuild_project_artifacts_encrypted",
             .title = "CodeBuild project artifacts should be encrypted",
             .severity = Severity::kMedium,
             .service = "codebuild",
             .resource_type = "AWS::CodeBuild::Project",
             .description = "No primary or secondary artifact sets encryptionDisabled. Projects that store no "
                            "artifacts (NO_ARTIFACTS) pass.",
             .risk = "Build outputs (packages, images' layers, deployment bundles) stored unencrypted are readable "
                     "by anyone who reaches the bucket's objects, and can be swapped for tampered ones.",
             .remediation = {.text = "Turn artifact encryption back on (encryptionDisabled false), with the project's "
                                     "KMS key.",
                             .cli = "aws codebuild update-project --name <project> --artifacts type=S3,location=<bucket>,encryptionDisabled=false",
                             .terraform = "resource \"aws_codebuild_project\" \"this\" {\n  # ...\n  encryption_key = aws_kms_key.build.arn\n  artifacts {\n    type                = \"S3\"\n    location            = aws_s3_bucket.artifacts.id\n    encryption_disabled = false\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html",
                            "https://docs.aws.amazon.com/config/latest/developerguide/codebuild-project-artifact-encryption.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"artifacts"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
