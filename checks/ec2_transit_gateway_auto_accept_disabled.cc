// FSBP EC2.23: Amazon EC2 Transit Gateways should not automatically accept VPC attachment requests.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "auto_accept_shared_attachments", &why);
  if (!v) return not_assessed(why);
  if (*v == "enable")
    return fail("Transit gateway " + r.name + " accepts attachment requests from the accounts it is shared with "
                "automatically: any of them can connect a VPC to this network.");
  return pass("Transit gateway " + r.name + " requires each cross-account attachment to be accepted.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_transit_gateway_auto_accept_disabled",
             .title = "Transit gateways should not automatically accept VPC attachment requests",
             .severity = Severity::kHigh,
             .service = "ec2",
             .resource_type = "AWS::EC2::TransitGateway",
             .description = "Checks that AutoAcceptSharedAttachments is disabled on each transit gateway the account owns.",
             .risk = "With auto-accept, every account the transit gateway is shared with can attach its VPCs and route "
                     "into the connected networks without the owner's review.",
             .remediation = {.text = "Disable automatic acceptance of shared attachments and accept each attachment "
                                     "request explicitly.",
                             .cli = "aws ec2 modify-transit-gateway --transit-gateway-id <tgw-id> "
                                    "--options AutoAcceptSharedAttachments=disable",
                             .terraform = "resource \"aws_ec2_transit_gateway\" \"example\" {\n  # ...\n  "
                                          "auto_accept_shared_attachments = \"disable\"\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-23",
                            "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html"},
             .cis = {},
             .fsbp = {"EC2.23"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
