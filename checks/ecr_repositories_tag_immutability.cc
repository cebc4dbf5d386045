// ECR repositories make image tags immutable.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("tag_mutability")) return not_assessed(*why);
  const json* m = r.prop("tag_mutability");
  if (!m || !m->is_string()) return not_assessed("tag mutability of repository " + r.name + " was not collected");
  const std::string v = m->get<std::string>();
  if (v == "IMMUTABLE") return pass("repository " + r.name + " has immutable image tags");
  if (v == "IMMUTABLE_WITH_EXCLUSION")
    return pass("repository " + r.name + " has immutable image tags except for its exclusion filters");
  return fail("repository " + r.name + " has " + v + " image tags: a pushed image can silently replace a tag");
}

const RegisterCheck reg({
    .meta = {.id = "ecr_repositories_tag_immutability",
             .title = "ECR private repositories have tag immutability configured",
             .severity = Severity::kMedium,
             .service = "ecr",
             .resource_type = "AWS::ECR::Repository",
             .description = "The repository's imageTagMutability is IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION).",
             .risk = "With mutable tags, anyone who can push may overwrite a tag that deployments trust "
                     "(e.g. \"prod\" or \"v1.2\") with a different, possibly malicious, image.",
             .remediation = {.text = "Set the repository's image tag mutability to IMMUTABLE and deploy by tag or digest.",
                             .cli = "aws ecr put-image-tag-mutability --repository-name <repo> --image-tag-mutability IMMUTABLE",
                             .terraform = "resource \"aws_ecr_repository\" \"this\" {\n  name                 = \"app\"\n  image_tag_mutability = \"IMMUTABLE\"\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-2"},
             .cis = {},
             .fsbp = {"ECR.2"}},
    .reads = {"tag_mutability"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
