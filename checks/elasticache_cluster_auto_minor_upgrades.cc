// ElastiCache cache clusters take minor engine versions automatically.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "auto_minor_version_upgrade", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("auto minor version upgrade of cache cluster " + r.id + " was not collected");
  if (v->get<bool>()) return pass("cache cluster " + r.id + " applies minor version upgrades automatically");
  return fail("cache cluster " + r.id + " does not apply minor version upgrades automatically");
}

const RegisterCheck reg({
    .meta = {.id = "elasticache_cluster_auto_minor_upgrades",
             .title = "ElastiCache clusters should have automatic minor version upgrades enabled",
             .severity = Severity::kHigh,
             .service = "elasticache",
             .resource_type = "AWS::ElastiCache::CacheCluster",
             .description = "The cache cluster (any engine) has AutoMinorVersionUpgrade.",
             .risk = "Minor versions carry security fixes; a cluster that does not take them keeps known "
                     "vulnerabilities until someone upgrades it by hand.",
             .remediation = {.text = "Turn on automatic minor version upgrades (applied in the maintenance window).",
                             .cli = "aws elasticache modify-cache-cluster --cache-cluster-id <id> --auto-minor-version-upgrade --apply-immediately",
                             .terraform = "resource \"aws_elasticache_cluster\" \"this\" {\n  # ...\n  auto_minor_version_upgrade = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-2"},
             .cis = {},
             .fsbp = {"ElastiCache.2"}},
    .reads = {"auto_minor_version_upgrade"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
