// Ensure IAM server certificates are not expired or about to expire within 30 days.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* exp = r.prop("expiration");
  const json* now = r.prop("collected_at");
  if (!exp || !now) return not_assessed("expiration of server certificate " + r.name + " not collected");
  int64_t left = exp->get<int64_t>() - now->get<int64_t>();
  if (left < 0) return fail("Server certificate " + r.name + " has expired.");
  if (left < 30 * kDay) return fail("Server certificate " + r.name + " expires in " + std::to_string(days(left)) + " day(s).");
  return pass("Server certificate " + r.name + " is valid for " + std::to_string(days(left)) + " more days.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_server_certificate_not_expiring_within_30_days",
             .title = "Ensure IAM server certificates are not expired or about to expire within 30 days",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::ServerCertificate",
             .description = "IAM server certificates should be valid for more than 30 more days.",
             .risk = "A certificate that expires breaks TLS for the services that present it.",
             .remediation = {.text = "Upload a renewed certificate and switch listeners to it, or move to ACM-managed certificates.",
                             .cli = "aws iam upload-server-certificate --server-certificate-name <new-name> --certificate-body file://cert.pem --private-key file://key.pem",
                             .terraform = "# Prefer aws_acm_certificate, which renews automatically."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
