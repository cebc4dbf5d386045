// MSK clusters encrypt traffic between clients and brokers and among brokers (Security Hub MSK.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* client = require_prop(r, "client_broker", &why);
  if (!client) return not_assessed(why);
  const json* in_cluster = require_prop(r, "in_cluster", &why);
  if (!in_cluster) return not_assessed(why);
  const std::string mode = client->is_string() ? client->get<std::string>() : "";
  const bool between_brokers = in_cluster->is_boolean() && in_cluster->get<bool>();
  if (mode == "TLS" && between_brokers) return pass("cluster " + r.name + " encrypts all traffic with TLS");
  std::string problem;
  if (mode != "TLS") problem = "clients may connect in plaintext (ClientBroker " + mode + ")";
  if (!between_brokers) problem += (problem.empty() ? "" : " and ") + std::string("brokers talk in plaintext (InCluster false)");
  return fail("cluster " + r.name + ": " + problem);
}

const RegisterCheck reg({
    .meta = {.id = "msk_cluster_encryption_in_transit_enabled",
             .title = "MSK clusters should be encrypted in transit among broker nodes and with clients",
             .severity = Severity::kMedium,
             .service = "kafka",
             .resource_type = "AWS::MSK::Cluster",
             .description = "Checks that EncryptionInTransit.ClientBroker is TLS and InCluster is true (Security Hub MSK.1 judges broker-to-broker encryption). Serverless clusters always use TLS.",
             .risk = "Plaintext Kafka traffic exposes every message, and SASL/SCRAM credentials, to anyone on the network path.",
             .remediation = {.text = "Allow TLS only between clients and brokers; broker-to-broker encryption is set at creation (create a new cluster if it is off).",
                             .cli = "aws kafka update-security --cluster-arn <arn> --current-version <version> --encryption-info 'EncryptionInTransit={ClientBroker=TLS}'",
                             .terraform = "resource \"aws_msk_cluster\" \"this\" {\n  # ...\n  encryption_info {\n    encryption_in_transit {\n      client_broker = \"TLS\"\n      in_cluster    = true\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"client_broker", "in_cluster"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
