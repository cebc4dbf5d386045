// FSBP EC2.4: Stopped EC2 instances should be removed after a specified time period (30 days).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr int64_t kAllowedDays = 30;

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* state = require_prop(r, "state", &why);
  if (!state) return not_assessed(why);
  if (*state != "stopped") return pass("Instance " + r.name + " is " + state->get<std::string>() + ", not stopped.");
  if (!has_prop(r, "stopped_at", &why)) return not_assessed(why);
  const json* at = r.prop("stopped_at");
  const json* now = r.prop("collected_at");
  if (!at || !at->is_number() || !now || !now->is_number())
    return not_assessed("Instance " + r.name + " is stopped, but AWS did not say since when (StateTransitionReason "
                        "carries no time).");
  int64_t days = (now->get<int64_t>() - at->get<int64_t>()) / 86400;
  if (days <= kAllowedDays)
    return pass("Instance " + r.name + " has been stopped for " + std::to_string(days) + " day(s) (at most " +
                std::to_string(kAllowedDays) + ").");
  return fail("Instance " + r.name + " has been stopped for " + std::to_string(days) +
              " days: its volumes, Elastic IPs and unpatched image stay around unused.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_instance_stopped_over_30_days",
             .title = "Stopped EC2 instances should be removed after 30 days",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::Instance",
             .description = "Checks that no EC2 instance has been stopped for more than 30 days.",
             .risk = "A long-stopped instance keeps its EBS volumes (and the data on them), its security groups and an "
                     "image that misses every patch since it stopped; started again it runs outdated software.",
             .remediation = {.text = "Terminate instances that are no longer needed (snapshot or image first if the data "
                                     "matters), or start and patch the ones that are.",
                             .cli = "aws ec2 terminate-instances --instance-ids <instance-id>",
                             .terraform = "# Remove the aws_instance resource that is no longer needed."},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-4",
                            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html"},
             .cis = {},
             .fsbp = {"EC2.4"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
