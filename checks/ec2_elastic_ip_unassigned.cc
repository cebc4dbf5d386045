// FSBP EC2.12: Unused Amazon EC2 Elastic IP addresses should be removed.
// Also a cost hygiene check: AWS bills every public IPv4 address by the hour,
// so an unassociated one carries its estimated monthly cost.
#include "checks/check.h"
#include "checks/cost_registry.h"
#include "checks/cost_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "association_id", &why)) return not_assessed(why);
  if (r.prop("association_id") || r.prop("instance_id") || r.prop("network_interface_id"))
    return pass("Elastic IP " + r.name + " is associated.");
  return fail("Elastic IP " + r.name + " is allocated but not associated with any instance or network interface." +
              cost::sentence(cost::hourly(r.region, "ec2.public_ipv4.hour", "public IPv4 address"), r.region));
}

std::optional<double> monthly(const Resource& r, const Inventory&) {
  return cost::hourly(r.region, "ec2.public_ipv4.hour", "public IPv4 address").usd;
}

const RegisterCheck reg({
    .meta = {.id = "ec2_elastic_ip_unassigned",
             .title = "Unused Amazon EC2 Elastic IP addresses should be removed",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::EIP",
             .description = "Checks that each Elastic IP address is associated with an instance or network interface.",
             .risk = "Unused Elastic IPs cost money and are forgotten inventory; a re-associated stale address can expose a resource unexpectedly.",
             .remediation = {.text = "Release Elastic IP addresses that are not in use.",
                             .cli = "aws ec2 release-address --allocation-id <eipalloc-id>",
                             .terraform = "# Remove the unused aws_eip resource from the configuration."},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-12"},
             .cis = {},
             .fsbp = {"EC2.12"}},
    .reads = {"association_id", "instance_id", "network_interface_id"},
    .evaluate = evaluate});
const RegisterMonthlyCost cost_reg("ec2_elastic_ip_unassigned", monthly);

}  // namespace
}  // namespace cloudpeek::checks
