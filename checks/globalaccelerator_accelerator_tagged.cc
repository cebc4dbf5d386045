// Global Accelerator accelerators carry tags (FSBP GlobalAccelerator.1, without
// required tag keys: at least one user tag).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* tags = require_prop(r, "tags", &why);
  if (!tags) return not_assessed(why);
  if (!tags->is_object()) return not_assessed("tags of accelerator " + r.id + " were not collected");
  size_t user = 0;
  for (const auto& [key, value] : tags->items())
    if (!key.starts_with("aws:")) ++user;
  if (user > 0) return pass("accelerator " + r.name + " has " + std::to_string(user) + " tag(s)");
  return fail("accelerator " + r.name + " has no tag: its owner, environment and cost center cannot be told from it");
}

const RegisterCheck reg({
    .meta = {.id = "globalaccelerator_accelerator_tagged",
             .title = "Global Accelerator accelerators should be tagged",
             .severity = Severity::kLow,
             .service = "globalaccelerator",
             .resource_type = "AWS::GlobalAccelerator::Accelerator",
             .description = "ListTagsForResource returns at least one tag whose key does not start with aws: (system tags do not count).",
             .risk = "Untagged resources escape tag-based access control (ABAC), cost allocation and ownership reviews, so nobody answers for them.",
             .remediation = {.text = "Tag the accelerator with at least its owner and environment.",
                             .cli = "aws globalaccelerator tag-resource --region us-west-2 --resource-arn <accelerator-arn> --tags Key=owner,Value=<team> Key=environment,Value=prod",
                             .terraform = "resource \"aws_globalaccelerator_accelerator\" \"this\" {\n  # ...\n  tags = {\n    owner       = \"platform\"\n    environment = \"prod\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/global-accelerator/latest/dg/tagging-in-global-accelerator.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/globalaccelerator-controls.html#globalaccelerator-1"},
             .cis = {},
             .fsbp = {}},
    .reads = {"tags"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
