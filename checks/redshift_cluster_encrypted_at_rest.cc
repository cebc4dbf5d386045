// Redshift clusters are encrypted at rest (Security Hub Redshift.10, which the
// FSBP catalog here predates).
#include "checks/check.h"
#include "checks/redshift_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* key = r.prop("kms_key_id");
  return redshift::bool_setting(r, "encrypted", true, "cluster " + r.name,
                                "is encrypted at rest" +
                                    (key && key->is_string() ? " with " + key->get<std::string>() : std::string()),
                                "is not encrypted at rest");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_cluster_encrypted_at_rest",
             .title = "Redshift clusters should be encrypted at rest",
             .severity = Severity::kHigh,
             .service = "redshift",
             .resource_type = "AWS::Redshift::Cluster",
             .description = "Checks that Encrypted is true on each cluster (data blocks, metadata and snapshots).",
             .risk = "An unencrypted cluster's data and snapshots are readable by anyone who obtains the storage "
                     "or a copy of a snapshot.",
             .remediation = {.text = "Encrypt the cluster with a KMS key (Redshift migrates the data in place).",
                             .cli = "aws redshift modify-cluster --cluster-identifier <cluster> --encrypted --kms-key-id <key-arn>",
                             .terraform = "resource \"aws_redshift_cluster\" \"this\" {\n  # ...\n  encrypted  = true\n  kms_key_id = aws_kms_key.redshift.arn\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-10"},
             .cis = {},
             .fsbp = {}},
    .reads = {"encrypted", "kms_key_id"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
