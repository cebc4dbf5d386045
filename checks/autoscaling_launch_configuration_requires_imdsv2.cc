// Launch configurations make the instances they launch require IMDSv2
// (session tokens), or turn the metadata service off.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* endpoint = require_prop(r, "http_endpoint", &why);
  if (!endpoint) return not_assessed(why);
  const json* tokens = require_prop(r, "http_tokens", &why);
  if (!tokens) return not_assessed(why);
  if (*endpoint == "disabled")
    return pass("launch configuration " + r.name + " turns the instance metadata service off");
  if (*tokens == "required") return pass("launch configuration " + r.name + " requires IMDSv2");
  return fail("launch configuration " + r.name + " lets instances answer IMDSv1 requests (HttpTokens " +
              (tokens->is_string() ? tokens->get<std::string>() : "?") + ")");
}

const RegisterCheck reg({
    .meta = {.id = "autoscaling_launch_configuration_requires_imdsv2",
             .title = "Auto Scaling launch configurations should configure EC2 instances to require IMDSv2",
             .severity = Severity::kHigh,
             .service = "autoscaling",
             .resource_type = "AWS::AutoScaling::LaunchConfiguration",
             .description = "MetadataOptions.HttpTokens is required, or HttpEndpoint is disabled. A launch "
                            "configuration without metadata options gets AWS's default, optional (IMDSv1 allowed).",
             .risk = "IMDSv1 answers any request that reaches 169.254.169.254, so a server-side request forgery in "
                     "an application on the instance hands out the instance role's credentials.",
             .remediation = {.text = "Launch configurations cannot be changed: create a launch template (preferred) "
                                     "or a new launch configuration with HttpTokens required, and switch the group to it.",
                             .cli = "aws autoscaling create-launch-configuration --launch-configuration-name <name>-imdsv2 --image-id <ami> --instance-type <type> --metadata-options HttpTokens=required,HttpEndpoint=enabled,HttpPutResponseHopLimit=1",
                             .terraform = "resource \"aws_launch_template\" \"this\" {\n  # ...\n  metadata_options {\n    http_endpoint               = \"enabled\"\n    http_tokens                 = \"required\"\n    http_put_response_hop_limit = 1\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-launch-config.html#launch-configurations-imds",
                            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-3"},
             .cis = {},
             .fsbp = {"AutoScaling.3"}},
    .reads = {"http_endpoint", "http_tokens"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
