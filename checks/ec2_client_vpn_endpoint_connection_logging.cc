// FSBP EC2.51: EC2 Client VPN endpoints should have client connection logging enabled.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "connection_logging", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>())
    return pass("Client VPN endpoint " + r.name + " logs client connections to CloudWatch Logs.");
  return fail("Client VPN endpoint " + r.name + " does not log client connections: who connected, from where "
              "and when cannot be investigated.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_client_vpn_endpoint_connection_logging",
             .title = "Client VPN endpoints should have client connection logging enabled",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::ClientVpnEndpoint",
             .description = "Checks that connection logging is enabled on each Client VPN endpoint.",
             .risk = "Without connection logs, a stolen client certificate or credential used to enter the VPC "
                     "leaves no trace of when and from which address it connected.",
             .remediation = {.text = "Enable connection logging to a CloudWatch Logs log group.",
                             .cli = "aws ec2 modify-client-vpn-endpoint --client-vpn-endpoint-id <cvpn-id> "
                                    "--connection-log-options Enabled=true,CloudwatchLogGroup=<log-group>",
                             .terraform = "resource \"aws_ec2_client_vpn_endpoint\" \"example\" {\n  # ...\n  "
                                          "connection_log_options {\n    enabled               = true\n    "
                                          "cloudwatch_log_group = aws_cloudwatch_log_group.vpn.name\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-51",
                            "https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/connection-logging.html"},
             .cis = {},
             .fsbp = {"EC2.51"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
