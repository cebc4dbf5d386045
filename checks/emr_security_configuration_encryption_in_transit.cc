// EMR security configurations encrypt data in transit (TLS between nodes and to S3).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "in_transit_encryption", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("in_transit_encryption" " of " + r.id + " is not a boolean");
  if (v->get<bool>()) return pass("security configuration " + r.name + " encrypts data in transit");
  return fail("security configuration " + r.name + " does not encrypt data in transit (EnableInTransitEncryption is false)");
}

const RegisterCheck reg({
    .meta = {.id = "emr_security_configuration_encryption_in_transit",
             .title = "Amazon EMR security configurations should be encrypted in transit",
             .severity = Severity::kMedium,
             .service = "emr",
             .resource_type = "AWS::EMR::SecurityConfiguration",
             .description = "The security configuration's EncryptionConfiguration.EnableInTransitEncryption is true (DescribeSecurityConfiguration).",
             .risk = "Clusters launched with it move shuffle data, HDFS blocks and application traffic between nodes in clear text, readable by anything on the network path.",
             .remediation = {.text = "Create a security configuration with in-transit encryption (a PEM certificate bundle or a custom provider) and launch clusters with it.",
                             .cli = "aws emr create-security-configuration --name <name> --security-configuration '{\"EncryptionConfiguration\":{\"EnableAtRestEncryption\":true,\"EnableInTransitEncryption\":true,\"AtRestEncryptionConfiguration\":{\"S3EncryptionConfiguration\":{\"EncryptionMode\":\"SSE-S3\"}},\"InTransitEncryptionConfiguration\":{\"TLSCertificateConfiguration\":{\"CertificateProviderType\":\"PEM\",\"S3Object\":\"s3://<bucket>/certs.zip\"}}}}'",
                             .terraform = "resource \"aws_emr_security_configuration\" \"this\" {\n  name = \"tls\"\n  configuration = jsonencode({\n    EncryptionConfiguration = {\n      EnableAtRestEncryption    = true\n      EnableInTransitEncryption = true\n      AtRestEncryptionConfiguration = { S3EncryptionConfiguration = { EncryptionMode = \"SSE-S3\" } }\n      InTransitEncryptionConfiguration = {\n        TLSCertificateConfiguration = { CertificateProviderType = \"PEM\", S3Object = \"s3://<bucket>/certs.zip\" }\n      }\n    }\n  })\n}"},
             .references = {"https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html",
                            "https://docs.aws.amazon.com/config/latest/developerguide/emr-security-configuration-encryption-transit.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"in_transit_encryption"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
