// FSBP EC2.170: EC2 launch templates should use Instance Metadata Service Version 2 (IMDSv2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "http_tokens", &why)) return not_assessed(why);
  const json* tokens = r.prop("http_tokens");
  const json* endpoint = r.prop("http_endpoint");
  std::string version = r.prop("version") ? r.prop("version")->dump() : "?";
  if (endpoint && *endpoint == "disabled")
    return pass("Launch template " + r.name + " (default version " + version + ") turns the metadata service off.");
  if (tokens && *tokens == "required")
    return pass("Launch template " + r.name + " (default version " + version + ") requires IMDSv2.");
  return fail("Launch template " + r.name + " (default version " + version + ") " +
              (tokens && tokens->is_string() ? "sets HttpTokens to " + tokens->get<std::string>()
                                             : std::string("does not set HttpTokens")) +
              ": instances launched from it may answer IMDSv1 requests, which an SSRF flaw can use to steal the "
              "instance role's credentials.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_launch_template_imdsv2_required",
             .title = "EC2 launch templates should require IMDSv2",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::LaunchTemplate",
             .description = "Checks that the default version of each launch template sets MetadataOptions.HttpTokens "
                            "to required (or turns the metadata endpoint off).",
             .risk = "Instances launched from the template (by Auto Scaling, EKS node groups, Batch ...) accept "
                     "IMDSv1, whose unauthenticated GET requests an SSRF vulnerability can use to read role credentials.",
             .remediation = {.text = "Create a template version with HttpTokens=required and make it the default.",
                             .cli = "aws ec2 create-launch-template-version --launch-template-id <lt-id> "
                                    "--source-version <version> --launch-template-data "
                                    "'{\"MetadataOptions\":{\"HttpTokens\":\"required\"}}'\n"
                                    "aws ec2 modify-launch-template --launch-template-id <lt-id> --default-version <new-version>",
                             .terraform = "resource \"aws_launch_template\" \"example\" {\n  # ...\n  metadata_options {\n"
                                          "    http_endpoint = \"enabled\"\n    http_tokens   = \"required\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-170",
                            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html"},
             .cis = {},
             .fsbp = {"EC2.170"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
