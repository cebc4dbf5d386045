// OpenSearch domains should have encryption at rest enabled (FSBP Opensearch.1, ES.1).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return opensearch::enabled(r, "encryption_at_rest", "encrypts its data at rest", "does not encrypt its data at rest");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_encryption_at_rest_enabled",
             .title = "OpenSearch domains should have encryption at rest enabled",
             .severity = Severity::kMedium,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that EncryptionAtRestOptions.Enabled is true on each OpenSearch or Elasticsearch domain.",
             .risk = "Indices, logs, swap files and automated snapshots of an unencrypted domain are readable by anyone who obtains the storage.",
             .remediation = {.text = "Enable encryption at rest with a KMS key (OpenSearch 1.x and later, Elasticsearch 5.1 and later, in place).",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --encryption-at-rest-options Enabled=true,KmsKeyId=<key-arn>",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  encrypt_at_rest {\n    enabled    = true\n    kms_key_id = aws_kms_key.search.arn\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html", opensearch::kReference},
             .cis = {},
             .fsbp = {"Opensearch.1", "ES.1"}},
    .reads = {"encryption_at_rest"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
