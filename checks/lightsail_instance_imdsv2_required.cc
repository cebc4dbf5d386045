// Lightsail instances require IMDSv2 (session tokens) for instance metadata,
// as Security Hub EC2.8 asks of EC2 instances.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* tokens = require_prop(r, "http_tokens", &why);
  if (!tokens) return not_assessed(why);
  if (*tokens == "required") return pass("instance " + r.name + " requires IMDSv2");
  return fail("instance " + r.name + " accepts IMDSv1 metadata requests (httpTokens " +
              (tokens->is_string() ? tokens->get<std::string>() : tokens->dump()) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "lightsail_instance_imdsv2_required",
             .title = "Lightsail instances should require IMDSv2",
             .severity = Severity::kMedium,
             .service = "lightsail",
             .resource_type = "AWS::Lightsail::Instance",
             .description = "The instance's metadataOptions.httpTokens is required (GetInstances).",
             .risk = "With IMDSv1 a server-side request forgery in the instance's application reads the metadata "
                     "service without a session token.",
             .remediation = {.text = "Require session tokens for the instance metadata service.",
                             .cli = "aws lightsail update-instance-metadata-options --instance-name <instance> --http-tokens required",
                             .terraform = "# Terraform's aws_lightsail_instance has no metadata options; after creation run:\n# aws lightsail update-instance-metadata-options --instance-name <instance> --http-tokens required"},
             .references = {"https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-configuring-instance-metadata-service.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"http_tokens"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
