// MSK clusters require client authentication (Prowler kafka_cluster_unrestricted_access_disabled).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* open = require_prop(r, "unauthenticated", &why);
  if (!open) return not_assessed(why);
  if (open->is_boolean() && !open->get<bool>()) return pass("cluster " + r.name + " requires clients to authenticate");
  return fail("cluster " + r.name + " lets clients connect without authentication");
}

const RegisterCheck reg({
    .meta = {.id = "msk_cluster_unauthenticated_access_disabled",
             .title = "MSK clusters should not allow unauthenticated access",
             .severity = Severity::kHigh,
             .service = "kafka",
             .resource_type = "AWS::MSK::Cluster",
             .description = "Checks that each provisioned cluster requires client authentication (IAM, SASL/SCRAM or mutual TLS) and has unauthenticated access off. Serverless clusters require IAM.",
             .risk = "Without client authentication anyone who reaches the brokers can produce and consume any topic.",
             .remediation = {.text = "Turn on IAM (or SASL/SCRAM, or mutual TLS) client authentication and turn off unauthenticated access.",
                             .cli = "aws kafka update-security --cluster-arn <arn> --current-version <version> --client-authentication 'Sasl={Iam={Enabled=true}},Unauthenticated={Enabled=false}'",
                             .terraform = "resource \"aws_msk_cluster\" \"this\" {\n  # ...\n  client_authentication {\n    unauthenticated = false\n    sasl {\n      iam = true\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/msk/latest/developerguide/kafka_apis_iam.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"unauthenticated"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
