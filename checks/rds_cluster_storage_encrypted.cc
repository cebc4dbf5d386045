// FSBP RDS.27: RDS DB clusters should be encrypted at rest
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "storage_encrypted", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == true) return pass("DB cluster " + r.id + " has encrypted storage.");
  return fail("DB cluster " + r.id + " does not encrypt its storage.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_storage_encrypted",
             .title = "RDS DB clusters should be encrypted at rest",
             .severity = Severity::kMedium,
             .service = "rds",
             .resource_type = "AWS::RDS::DBCluster",
             .description = "Checks that each RDS DB cluster has storage encryption enabled.",
             .risk = "An unencrypted cluster exposes its data, backups and snapshots to anyone with access to the underlying storage or a copied snapshot.",
             .remediation = {.text = "Encryption is set at creation: restore an encrypted cluster from an encrypted snapshot copy and switch over.",
                             .cli = "aws rds restore-db-cluster-from-snapshot --db-cluster-identifier <new-id> --snapshot-identifier <snap> --engine <engine> --kms-key-id <key>",
                             .terraform = "resource \"aws_rds_cluster\" \"this\" {\n  # ...\n  storage_encrypted = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-27"},
             .cis = {},
             .fsbp = {"RDS.27"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
