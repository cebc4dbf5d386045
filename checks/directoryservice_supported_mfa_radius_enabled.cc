// Microsoft AD and AD Connector directories have multi-factor authentication
// through a RADIUS server enabled and working.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "type", &why);
  if (!type) return not_assessed(why);
  if (*type == "SimpleAD")
    return not_applicable("directory " + r.name + " is a Simple AD, which does not offer MFA (AWS Managed Microsoft AD and "
                "AD Connector do)");
  if (!has_prop(r, "radius_status", &why)) return not_assessed(why);
  const json* status = r.prop("radius_status");
  if (!status || !status->is_string())
    return fail("directory " + r.name + " has no multi-factor authentication (no RADIUS server configured)");
  const std::string s = status->get<std::string>();
  if (s == "Completed") return pass("directory " + r.name + " has RADIUS multi-factor authentication enabled");
  return fail("directory " + r.name + " has RADIUS multi-factor authentication in status " + s +
              (s == "Failed" ? ": AWS could not reach or use the RADIUS servers" : ": not yet in effect"));
}

const RegisterCheck reg({
    .meta = {.id = "directoryservice_supported_mfa_radius_enabled",
             .title = "Directory Service directories that support MFA should have RADIUS MFA enabled",
             .severity = Severity::kMedium,
             .service = "ds",
             .resource_type = "AWS::DirectoryService::Directory",
             .description = "A Microsoft AD or AD Connector directory has RADIUS settings with RadiusStatus Completed "
                            "(DescribeDirectories); no RADIUS settings, or a status of Creating or Failed, fails. "
                            "Simple AD offers no MFA and passes with that reason.",
             .risk = "Without MFA a phished or guessed directory password is enough to sign in to the AWS "
                     "applications that use the directory (WorkSpaces, the AWS console through IAM Identity Center, "
                     "Amazon WorkDocs...).",
             .remediation = {.text = "Enable multi-factor authentication on the directory with your RADIUS servers "
                                     "(MS-CHAPv2) and check that its status becomes Completed.",
                             .cli = "aws ds enable-radius --directory-id <directory-id> --radius-settings 'RadiusServers=<server-ip>,RadiusPort=1812,RadiusTimeout=5,RadiusRetries=3,SharedSecret=<secret>,AuthenticationProtocol=MS-CHAPv2,DisplayLabel=MFA,UseSameUsername=true'",
                             .terraform = "resource \"aws_directory_service_radius_settings\" \"this\" {\n  directory_id            = aws_directory_service_directory.this.id\n  authentication_protocol = \"MS-CHAPv2\"\n  display_label           = \"MFA\"\n  radius_port             = 1812\n  radius_retries          = 3\n  radius_servers          = [\"10.0.1.5\"]\n  radius_timeout          = 5\n  shared_secret           = var.radius_shared_secret\n}"},
             .references = {"https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_mfa.html",
                            "https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ad_connector_mfa.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"type", "radius_status"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
