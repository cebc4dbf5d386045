// Launch configurations keep the metadata response hop limit at 1, so
// containers and forwarded traffic on the instance cannot reach IMDS.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* endpoint = require_prop(r, "http_endpoint", &why);
  if (!endpoint) return not_assessed(why);
  const json* hops = require_prop(r, "http_put_response_hop_limit", &why);
  if (!hops) return not_assessed(why);
  if (*endpoint == "disabled")
    return pass("launch configuration " + r.name + " turns the instance metadata service off");
  if (!hops->is_number_integer())
    return not_assessed("http_put_response_hop_limit of launch configuration " + r.name + " was not collected");
  const int n = hops->get<int>();
  if (n <= 1) return pass("launch configuration " + r.name + " has a metadata response hop limit of " + std::to_string(n));
  return fail("launch configuration " + r.name + " has a metadata response hop limit of " + std::to_string(n) +
              " (more than 1)");
}

const RegisterCheck reg({
    .meta = {.id = "autoscaling_launch_configuration_metadata_hop_limit",
             .title = "Auto Scaling launch configurations should not have a metadata response hop limit greater than 1",
             .severity = Severity::kHigh,
             .service = "autoscaling",
             .resource_type = "AWS::AutoScaling::LaunchConfiguration",
             .description = "MetadataOptions.HttpPutResponseHopLimit is 1 (AWS's default when absent), or the "
                            "metadata service is turned off.",
             .risk = "With more than one hop, the IMDSv2 token answer travels past the instance's own network stack: "
                     "containers in bridge mode and anything the instance forwards traffic for can fetch the "
                     "instance role's credentials.",
             .remediation = {.text = "Use a launch template or a new launch configuration with a hop limit of 1 "
                                     "(2 only where containers must reach IMDS, with task roles instead where possible).",
                             .cli = "aws autoscaling create-launch-configuration --launch-configuration-name <name>-hop1 --image-id <ami> --instance-type <type> --metadata-options HttpTokens=required,HttpPutResponseHopLimit=1",
                             .terraform = "resource \"aws_launch_template\" \"this\" {\n  # ...\n  metadata_options {\n    http_tokens                 = \"required\"\n    http_put_response_hop_limit = 1\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html#imds-considerations",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-4"},
             .cis = {},
             .fsbp = {"AutoScaling.4"}},
    .reads = {"http_endpoint", "http_put_response_hop_limit"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
