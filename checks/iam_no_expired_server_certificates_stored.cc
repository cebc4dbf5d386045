// CIS 1.19, Ensure that all the expired SSL/TLS certificates stored in AWS IAM are removed.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* exp = r.prop("expiration");
  const json* now = r.prop("collected_at");
  if (!exp || !now) return not_assessed("expiration of server certificate " + r.name + " not collected");
  int64_t left = exp->get<int64_t>() - now->get<int64_t>();
  if (left < 0) return fail("Server certificate " + r.name + " expired " + std::to_string(days(-left)) + " day(s) ago.");
  return pass("Server certificate " + r.name + " has not expired.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_no_expired_server_certificates_stored",
             .title = "Ensure that all the expired SSL/TLS certificates stored in AWS IAM are removed",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::ServerCertificate",
             .description = "IAM server certificates whose Expiration has passed should be deleted.",
             .risk = "An expired certificate can be deployed by mistake to a load balancer or CloudFront, breaking TLS and users' trust.",
             .remediation = {.text = "Delete expired IAM server certificates (and use ACM, which renews certificates).",
                             .cli = "aws iam delete-server-certificate --server-certificate-name <name>",
                             .terraform = "# Remove the aws_iam_server_certificate resource; prefer aws_acm_certificate."},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html"},
             .cis = {"1.19"},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
