// Redshift clusters take major version upgrades automatically (FSBP Redshift.6).
#include "checks/check.h"
#include "checks/redshift_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return redshift::bool_setting(r, "allow_version_upgrade", true, "cluster " + r.name,
                                "is upgraded to new major versions in its maintenance window",
                                "does not take major version upgrades (AllowVersionUpgrade false)");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_cluster_automatic_upgrades",
             .title = "Amazon Redshift should have automatic upgrades to major versions enabled",
             .severity = Severity::kMedium,
             .service = "redshift",
             .resource_type = "AWS::Redshift::Cluster",
             .description = "Checks that AllowVersionUpgrade is true on each cluster (the API's default).",
             .risk = "A cluster held on an old engine version misses security fixes that come with new versions.",
             .remediation = {.text = "Allow version upgrades; they are applied in the maintenance window.",
                             .cli = "aws redshift modify-cluster --cluster-identifier <cluster> --allow-version-upgrade",
                             .terraform = "resource \"aws_redshift_cluster\" \"this\" {\n  # ...\n  allow_version_upgrade = true\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-maintenance-tracks",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-6"},
             .cis = {},
             .fsbp = {"Redshift.6"}},
    .reads = {"allow_version_upgrade"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
