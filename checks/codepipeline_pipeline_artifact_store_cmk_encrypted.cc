// CodePipeline artifact stores are encrypted with a customer managed KMS key,
// not the default AWS managed aws/s3 key (used when a store names no key).
// The key's manager comes from the KMS inventory.
#include "checks/check.h"
#include "checks/kms_key_manager.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  const json* stores = require_prop(r, "artifact_stores", &why);
  if (!stores) return not_assessed(why);
  if (stores->empty()) return not_assessed("pipeline " + r.name + " has no artifact store in GetPipeline's answer");
  std::string aws_managed, unknown;
  for (const auto& s : *stores) {
    const std::string where = s.value("location", "") + (s.value("region", json()).is_string() ? " (" + s["region"].get<std::string>() + ")" : "");
    const json key = s.value("key", json());
    if (!key.is_string() || key.get<std::string>().empty()) {
      aws_managed += (aws_managed.empty() ? "" : ", ") + where + " with the default aws/s3 key";
      continue;
    }
    const kms_key::Verdict v = kms_key::key_manager(inv, r, key.get<std::string>());
    if (v.manager == kms_key::Manager::kAws) aws_managed += (aws_managed.empty() ? "" : ", ") + where + " with " + v.detail;
    else if (v.manager == kms_key::Manager::kUnknown) unknown += (unknown.empty() ? "" : "; ") + v.detail;
  }
  if (!aws_managed.empty())
    return fail("pipeline " + r.name + " encrypts artifact store(s) " + aws_managed + ", an AWS managed key");
  if (!unknown.empty()) return not_assessed("pipeline " + r.name + ": " + unknown);
  return pass("pipeline " + r.name + " encrypts its artifact store(s) with customer managed keys");
}

const RegisterCheck reg({
    .meta = {.id = "codepipeline_pipeline_artifact_store_cmk_encrypted",
             .title = "CodePipeline artifact stores should be encrypted with a customer managed KMS key",
             .severity = Severity::kMedium,
             .service = "codepipeline",
             .resource_type = "AWS::CodePipeline::Pipeline",
             .description = "Each artifact store of the pipeline (GetPipeline artifactStore / artifactStores) names an "
                            "encryptionKey that is a customer managed KMS key (KeyManager CUSTOMER in the KMS "
                            "inventory); without one CodePipeline uses the AWS managed aws/s3 key.",
             .risk = "Artifacts carry source code and build outputs that get deployed; with the AWS managed key any "
                     "principal of the account allowed to read the bucket can decrypt them, and the key's policy "
                     "cannot be narrowed or shared with deployment accounts.",
             .remediation = {.text = "Set a customer managed key on each artifact store whose policy grants only the "
                                     "pipeline's role and the deployment roles.",
                             .cli = "aws codepipeline get-pipeline --name <pipeline> --query pipeline > pipeline.json  # add artifactStore.encryptionKey {\"id\": \"<key-arn>\", \"type\": \"KMS\"}\naws codepipeline update-pipeline --pipeline file://pipeline.json",
                             .terraform = "resource \"aws_codepipeline\" \"this\" {\n  name     = \"release\"\n  role_arn = aws_iam_role.pipeline.arn\n  artifact_store {\n    location = aws_s3_bucket.artifacts.bucket\n    type     = \"S3\"\n    encryption_key {\n      id   = aws_kms_key.artifacts.arn\n      type = \"KMS\"\n    }\n  }\n  # stage { ... }\n}"},
             .references = {"https://docs.aws.amazon.com/codepipeline/latest/userguide/S3-artifact-encryption.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {kms_key::kKeyType},
    .reads = {"artifact_stores", "AWS::KMS::Key.key_manager", "AWS::KMS::Key.aliases"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
