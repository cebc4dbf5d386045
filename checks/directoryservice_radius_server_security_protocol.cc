// RADIUS MFA of a directory authenticates with MS-CHAPv2, not PAP, CHAP or
// MS-CHAPv1.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "type", &why);
  if (!type) return not_assessed(why);
  if (*type == "SimpleAD") return not_applicable("directory " + r.name + " is a Simple AD: it has no RADIUS MFA");
  if (!has_prop(r, "radius_protocol", &why)) return not_assessed(why);
  const json* protocol = r.prop("radius_protocol");
  if (!protocol || !protocol->is_string())
    return not_applicable("directory " + r.name + " has no RADIUS server configured (directoryservice_supported_mfa_radius_enabled "
                "reports the missing MFA)");
  const std::string p = protocol->get<std::string>();
  if (p == "MS-CHAPv2") return pass("directory " + r.name + " authenticates to its RADIUS servers with MS-CHAPv2");
  return fail("directory " + r.name + " authenticates to its RADIUS servers with " + p +
              (p == "PAP" ? ", which sends the password in clear" : ", which is weaker than MS-CHAPv2"));
}

const RegisterCheck reg({
    .meta = {.id = "directoryservice_radius_server_security_protocol",
             .title = "Directory Service RADIUS MFA should use the MS-CHAPv2 protocol",
             .severity = Severity::kMedium,
             .service = "ds",
             .resource_type = "AWS::DirectoryService::Directory",
             .description = "The RADIUS settings of a Microsoft AD or AD Connector directory (DescribeDirectories) use "
                            "MS-CHAPv2, the strongest authentication protocol AWS offers, rather than PAP, CHAP or "
                            "MS-CHAPv1. Directories without RADIUS, and Simple AD, get no finding.",
             .risk = "PAP sends the one-time code and password in clear to the RADIUS server (hidden only by the shared "
                     "secret); CHAP and MS-CHAPv1 exchanges can be cracked offline or replayed by whoever sees the "
                     "traffic.",
             .remediation = {.text = "Switch the directory's RADIUS authentication protocol to MS-CHAPv2 (the RADIUS "
                                     "servers must support it).",
                             .cli = "aws ds update-radius --directory-id <directory-id> --radius-settings 'RadiusServers=<server-ip>,RadiusPort=1812,RadiusTimeout=5,RadiusRetries=3,SharedSecret=<secret>,AuthenticationProtocol=MS-CHAPv2,DisplayLabel=MFA,UseSameUsername=true'",
                             .terraform = "resource \"aws_directory_service_radius_settings\" \"this\" {\n  directory_id            = aws_directory_service_directory.this.id\n  authentication_protocol = \"MS-CHAPv2\"\n  display_label           = \"MFA\"\n  radius_port             = 1812\n  radius_retries          = 3\n  radius_servers          = [\"10.0.1.5\"]\n  radius_timeout          = 5\n  shared_secret           = var.radius_shared_secret\n}"},
             .references = {"https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_mfa.html",
                            "https://docs.aws.amazon.com/directoryservice/latest/devguide/API_RadiusSettings.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"type", "radius_protocol"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
