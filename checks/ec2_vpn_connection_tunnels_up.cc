// FSBP EC2.20: Both VPN tunnels for an AWS Site-to-Site VPN connection should be up.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* tunnels = require_prop(r, "tunnels", &why);
  if (!tunnels) return not_assessed(why);
  if (!tunnels->is_array() || tunnels->empty())
    return not_assessed("AWS reported no tunnel telemetry for VPN connection " + r.name + ".");
  std::string down;
  for (const auto& t : *tunnels)
    if (t.value("status", "") != "UP") down += (down.empty() ? "" : ", ") + t.value("outside_ip", std::string("?"));
  if (down.empty()) return pass("Both tunnels of VPN connection " + r.name + " are up.");
  return fail("VPN connection " + r.name + " has tunnel(s) down (" + down +
              "): the connection has no redundancy left, and an outage of the other tunnel cuts it.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_vpn_connection_tunnels_up",
             .title = "Both VPN tunnels of a Site-to-Site VPN connection should be up",
             .severity = Severity::kMedium,
             .service = "ec2",
             .resource_type = "AWS::EC2::VPNConnection",
             .description = "Checks that every tunnel of each Site-to-Site VPN connection reports status UP.",
             .risk = "A Site-to-Site VPN has two tunnels so that maintenance or a failure of one does not cut the "
                     "connection; with one down, the next event on the other is an outage.",
             .remediation = {.text = "Configure the second tunnel on the customer gateway device (both tunnels' "
                                     "outside IPs, keys and BGP sessions) and check its logs.",
                             .cli = "aws ec2 describe-vpn-connections --vpn-connection-ids <vpn-id> "
                                    "--query 'VpnConnections[].VgwTelemetry'",
                             .terraform = "# Both tunnels are configured on the customer gateway device, not in AWS."},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-20",
                            "https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html"},
             .cis = {},
             .fsbp = {"EC2.20"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
