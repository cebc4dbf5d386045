// MSK provisioned clusters authenticate clients with mutual TLS (Prowler
// kafka_cluster_mutual_tls_authentication_enabled). Serverless clusters
// support IAM only and get no finding.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* serverless = require_prop(r, "serverless", &why);
  if (!serverless) return not_assessed(why);
  if (serverless->is_boolean() && serverless->get<bool>())
    return not_applicable("serverless cluster " + r.name + " authenticates clients with IAM (mutual TLS is not offered)");
  const json* mtls = require_prop(r, "mutual_tls", &why);
  if (!mtls) return not_assessed(why);
  if (mtls->is_boolean() && mtls->get<bool>()) return pass("cluster " + r.name + " authenticates clients with mutual TLS");
  return fail("cluster " + r.name + " does not authenticate clients with TLS certificates");
}

const RegisterCheck reg({
    .meta = {.id = "msk_cluster_mutual_tls_authentication_enabled",
             .title = "MSK clusters should have mutual TLS authentication enabled",
             .severity = Severity::kMedium,
             .service = "kafka",
             .resource_type = "AWS::MSK::Cluster",
             .description = "Checks that ClientAuthentication.Tls is enabled (with AWS Private CA certificate "
                            "authorities) on each provisioned cluster (ListClustersV2).",
             .risk = "Without client certificates, any client that reaches the brokers and holds a SASL secret (or "
                     "none, when unauthenticated access is on) can connect; certificates bind clients to an "
                     "identity the CA issued.",
             .remediation = {.text = "Turn on TLS client authentication with an AWS Private CA.",
                             .cli = "aws kafka update-security --cluster-arn <arn> --current-version <version> --client-authentication 'Tls={CertificateAuthorityArnList=[<private-ca-arn>],Enabled=true}'",
                             .terraform = "resource \"aws_msk_cluster\" \"this\" {\n  # ...\n  client_authentication {\n    tls {\n      certificate_authority_arns = [aws_acmpca_certificate_authority.kafka.arn]\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/msk/latest/developerguide/msk-authentication.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"serverless", "mutual_tls"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
