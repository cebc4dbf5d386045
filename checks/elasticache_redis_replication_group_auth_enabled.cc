// ElastiCache replication groups authenticate clients: Redis AUTH (a token)
// or role-based access control (user groups). Either counts; neither fails
// whatever the engine version (FSBP ElastiCache.6 asks it of versions before
// 6.0, which have no RBAC; on later versions no authentication at all is the
// same exposure).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* token = require_prop(r, "auth_token_enabled", &why);
  if (!token) return not_assessed(why);
  const json* groups = require_prop(r, "user_group_ids", &why);
  if (!groups) return not_assessed(why);
  if (groups->is_array() && !groups->empty()) {
    std::string list;
    for (const auto& g : *groups)
      if (g.is_string()) list += (list.empty() ? "" : ", ") + g.get<std::string>();
    return pass("replication group " + r.id + " uses role-based access control (user groups " + list + ")");
  }
  if (token->is_boolean() && token->get<bool>()) return pass("replication group " + r.id + " requires Redis AUTH");
  return fail("replication group " + r.id + " accepts clients without authentication (no AUTH token, no RBAC user group)");
}

const RegisterCheck reg({
    .meta = {.id = "elasticache_redis_replication_group_auth_enabled",
             .title = "ElastiCache replication groups should require authentication (Redis AUTH or RBAC)",
             .severity = Severity::kMedium,
             .service = "elasticache",
             .resource_type = "AWS::ElastiCache::ReplicationGroup",
             .description = "The replication group has AuthTokenEnabled, or one or more RBAC user groups "
                            "(UserGroupIds).",
             .risk = "Without authentication, anything that can reach the endpoint in the VPC (a compromised task, "
                     "a peered network) can read, change or wipe the cache.",
             .remediation = {.text = "Use RBAC user groups (Redis OSS 6.0 and later, Valkey), or set an AUTH token; "
                                     "both need in-transit encryption.",
                             .cli = "aws elasticache modify-replication-group --replication-group-id <id> --user-group-ids-to-add <user-group-id> --apply-immediately",
                             .terraform = "resource \"aws_elasticache_replication_group\" \"this\" {\n  # ...\n  transit_encryption_enabled = true\n  user_group_ids             = [aws_elasticache_user_group.app.id]\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html",
                            "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-6"},
             .cis = {},
             .fsbp = {"ElastiCache.6"}},
    .reads = {"auth_token_enabled", "user_group_ids"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
