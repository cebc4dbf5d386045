// Redshift clusters keep automated snapshots for at least 7 days (FSBP Redshift.3).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr int kMinDays = 7;  // the control's MinRetentionPeriod

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* days = require_prop(r, "snapshot_retention_days", &why);
  if (!days) return not_assessed(why);
  if (!days->is_number_integer()) return not_assessed("snapshot_retention_days of " + r.id + " was not collected");
  const int n = days->get<int>();
  if (n == 0) return fail("cluster " + r.name + " takes no automated snapshots (retention period 0)");
  if (n < kMinDays)
    return fail("cluster " + r.name + " keeps automated snapshots " + std::to_string(n) + " day(s), fewer than " +
                std::to_string(kMinDays));
  return pass("cluster " + r.name + " keeps automated snapshots " + std::to_string(n) + " days");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_cluster_automated_snapshot",
             .title = "Amazon Redshift clusters should have automatic snapshots enabled",
             .severity = Severity::kMedium,
             .service = "redshift",
             .resource_type = "AWS::Redshift::Cluster",
             .description = "Checks that AutomatedSnapshotRetentionPeriod is at least 7 days (0 turns automated "
                            "snapshots off), the Security Hub control's minimum.",
             .risk = "Without recent automated snapshots a deleted table, a bad load or ransomware cannot be "
                     "undone to a point in time.",
             .remediation = {.text = "Set the automated snapshot retention period to 7 days or more.",
                             .cli = "aws redshift modify-cluster --cluster-identifier <cluster> --automated-snapshot-retention-period 7",
                             .terraform = "resource \"aws_redshift_cluster\" \"this\" {\n  # ...\n  automated_snapshot_retention_period = 7\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html#about-automated-snapshots",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-3"},
             .cis = {},
             .fsbp = {"Redshift.3"}},
    .reads = {"snapshot_retention_days"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
