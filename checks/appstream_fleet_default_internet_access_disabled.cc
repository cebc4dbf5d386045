// AppStream 2.0 fleets do not give their streaming instances default internet access.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* access = require_prop(r, "default_internet_access", &why);
  if (!access) return not_assessed(why);
  if (access->is_boolean() && access->get<bool>())
    return fail("fleet " + r.name + " gives its streaming instances default internet access");
  return pass("fleet " + r.name + " has default internet access disabled");
}

const RegisterCheck reg({
    .meta = {.id = "appstream_fleet_default_internet_access_disabled",
             .title = "AppStream 2.0 fleets should not have default internet access",
             .severity = Severity::kMedium,
             .service = "appstream",
             .resource_type = "AWS::AppStream::Fleet",
             .description = "EnableDefaultInternetAccess is false for the fleet (DescribeFleets).",
             .risk = "Streaming instances with a public internet path let users (or malware in a session) send data out and reach anything on the internet, bypassing the VPC's egress controls.",
             .remediation = {.text = "Turn off default internet access and give the fleet's VPC subnets a NAT gateway with egress filtering if internet access is needed.",
                             .cli = "aws appstream update-fleet --name <fleet> --no-enable-default-internet-access",
                             .terraform = "resource \"aws_appstream_fleet\" \"this\" {\n  # ...\n  enable_default_internet_access = false\n}"},
             .references = {"https://docs.aws.amazon.com/appstream2/latest/developerguide/internet-access.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"default_internet_access"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
