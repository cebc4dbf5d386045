// OpenSearch domains should encrypt data sent between nodes (FSBP Opensearch.3, ES.3).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return opensearch::enabled(r, "node_to_node_encryption", "encrypts traffic between its nodes (TLS)", "sends traffic between its nodes unencrypted");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_node_to_node_encryption_enabled",
             .title = "OpenSearch domains should encrypt data sent between nodes",
             .severity = Severity::kMedium,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that NodeToNodeEncryptionOptions.Enabled is true on each domain.",
             .risk = "Without node-to-node encryption, data moving between the cluster's nodes can be read or altered by anyone on that network path.",
             .remediation = {.text = "Enable node-to-node encryption (in place for OpenSearch and Elasticsearch 6.7 and later).",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --node-to-node-encryption-options Enabled=true",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  node_to_node_encryption {\n    enabled = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html", opensearch::kReference},
             .cis = {},
             .fsbp = {"Opensearch.3", "ES.3"}},
    .reads = {"node_to_node_encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
