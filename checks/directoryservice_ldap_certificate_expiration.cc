// Certificates registered with a directory (client-side LDAPS, client
// certificate authentication) are valid for more than 90 more days.
#include "checks/check.h"
#include "checks/monitoring_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr long long kWarnDays = 90;

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* state = require_prop(r, "state", &why);
  if (!state) return not_assessed(why);
  const std::string s = state->is_string() ? state->get<std::string>() : "";
  const std::string what = "certificate " + r.name + " of directory " + r.props.value("directory_id", "");
  // No longer in use: AWS keeps listing it until it is gone.
  if (s == "Deregistered" || s == "Deregistering")
    return not_applicable(what + " is " + s + ": the directory no longer uses it");
  if (!has_prop(r, "expires", &why)) return not_assessed(why);
  const json* expires = r.prop("expires");
  if (!expires || !expires->is_string()) return not_assessed("the expiry date of " + what + " was not collected");
  auto at = monitoring::epoch_seconds(expires->get<std::string>());
  if (!at) return not_assessed("unreadable expiry date " + expires->get<std::string>() + " of " + what);
  const long long secs = *at - monitoring::now_seconds();
  if (secs < 0) return fail(what + " expired " + std::to_string(-secs / 86400) + " days ago");
  const long long left = secs / 86400;  // whole days left
  if (left <= kWarnDays) return fail(what + " expires in " + std::to_string(left) + " days");
  return pass(what + " expires in " + std::to_string(left) + " days");
}

const RegisterCheck reg({
    .meta = {.id = "directoryservice_ldap_certificate_expiration",
             .title = "Directory Service certificates should not expire within 90 days",
             .severity = Severity::kMedium,
             .service = "ds",
             .resource_type = "AWS::DirectoryService::Certificate",
             .description = "Each certificate registered with a Microsoft AD or AD Connector directory (ListCertificates: "
                            "client-side LDAPS CA certificates and client certificate authentication CA certificates) "
                            "expires in more than 90 days. Deregistered certificates get no finding.",
             .risk = "When the CA certificate expires, LDAPS connections from AWS applications (WorkSpaces, IAM "
                     "Identity Center...) fail their TLS handshake and sign-ins through the directory stop; AWS "
                     "refuses to register a replacement with 90 days or less left, so renewal must start early.",
             .remediation = {.text = "Register the renewed CA certificate with the directory, then deregister the "
                                     "expiring one.",
                             .cli = "aws ds register-certificate --directory-id <directory-id> --certificate-data file://ca.pem --type ClientLDAPS && aws ds deregister-certificate --directory-id <directory-id> --certificate-id <certificate-id>",
                             .terraform = "# The AWS provider has no resource for directory certificates: register them with\n# aws ds register-certificate."},
             .references = {"https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_ldap_client_side.html",
                            "https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ad_connector_ldap_client_side.html"},
             .cis = {},
             .fsbp = {}},
    // The certificates are listed per directory (ListCertificates): declaring the directories' list
    // makes a scan list them only when this check is selected.
    .reads = {"state", "expires", "directory_id", "AWS::DirectoryService::Directory.certificates"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
