// CIS 5.6, FSBP EC2.8: Ensure that EC2 Metadata Service only allows IMDSv2
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* endpoint = require_prop(r, "http_endpoint", &why);
  if (!endpoint) return not_assessed(why);
  if (*endpoint == "disabled") return pass("Instance " + r.id + " has its metadata service disabled.");
  const json* tokens = require_prop(r, "http_tokens", &why);
  if (!tokens) return not_assessed(why);
  if (*tokens == "required") return pass("Instance " + r.id + " requires IMDSv2.");
  return fail("Instance " + r.id + " allows IMDSv1 (HttpTokens is " + tokens->get<std::string>() + ").");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_instance_imdsv2_enabled",
             .title = "Ensure that EC2 Metadata Service only allows IMDSv2",
             .severity = Severity::kHigh,
             .service = "ec2",
             .resource_type = "AWS::EC2::Instance",
             .description = "Checks that each instance's metadata service requires session tokens (HttpTokens = required), or is turned off.",
             .risk = "IMDSv1 answers plain GET requests, so a server-side request forgery or open proxy on the instance can steal its role credentials.",
             .remediation = {.text = "Require IMDSv2 on the instance (after checking that its software uses IMDSv2), and set the account default for new instances.",
                             .cli = "aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-tokens required --http-endpoint enabled",
                             .terraform = "resource \"aws_instance\" \"this\" {\n  # ...\n  metadata_options {\n    http_endpoint = \"enabled\"\n    http_tokens   = \"required\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8"},
             .cis = {"5.6"},
             .fsbp = {"EC2.8"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
