// FSBP EC2.17: Amazon EC2 instances should not use multiple ENIs.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* n = require_prop(r, "network_interfaces", &why);
  if (!n) return not_assessed(why);
  int64_t count = n->is_number() ? n->get<int64_t>() : 0;
  if (count <= 1) return pass("Instance " + r.name + " uses " + std::to_string(count) + " network interface.");
  return fail("Instance " + r.name + " uses " + std::to_string(count) +
              " network interfaces: it can bridge the subnets or security boundaries they belong to.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_instance_not_using_multiple_enis",
             .title = "EC2 instances should not use multiple ENIs",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::Instance",
             .description = "Checks that each EC2 instance has a single elastic network interface.",
             .risk = "An instance with interfaces in several subnets is a path between them that bypasses the "
                     "network ACLs and routing meant to separate those subnets.",
             .remediation = {.text = "Detach the network interfaces the instance does not need; put workloads that must "
                                     "talk across subnets behind load balancers or endpoints instead.",
                             .cli = "aws ec2 detach-network-interface --attachment-id <eni-attach-id>",
                             .terraform = "# Keep one network_interface block (or none) on the aws_instance."},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-17",
                            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html"},
             .cis = {},
             .fsbp = {"EC2.17"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
