// RDS instances of a DB cluster (Aurora, Multi-AZ DB clusters) keep some
// settings — deletion protection, Multi-AZ — on the cluster, not the instance.
#pragma once

#include <optional>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::rds {

// The cluster instance `r` belongs to, from the context inventory. nullptr for
// a standalone instance, or for a cluster the inventory does not hold: then
// `*gap` says why when the region's cluster listing had a gap.
inline const Resource* owning_cluster(const Resource& r, const Inventory& inv, std::optional<std::string>* gap) {
  const json* cluster = r.prop("cluster");
  if (!cluster || !cluster->is_string()) return nullptr;
  for (const auto& c : inv.of_type("AWS::RDS::DBCluster"))
    if (c.region == r.region && c.id == cluster->get_ref<const std::string&>()) return &c;
  *gap = inv.gap("AWS::RDS::DBCluster", r.region);
  return nullptr;
}

// The engine family of an RDS engine name: "mysql" (MySQL, MariaDB, Aurora
// MySQL), "postgres" (PostgreSQL, Aurora PostgreSQL), "oracle", "sqlserver",
// "db2", "docdb", "neptune"; the name itself otherwise.
inline std::string engine_family(const std::string& engine) {
  auto starts = [&](const char* p) { return engine.rfind(p, 0) == 0; };
  if (engine == "mysql" || engine == "mariadb" || engine == "aurora" || engine == "aurora-mysql") return "mysql";
  if (engine == "postgres" || engine == "aurora-postgresql") return "postgres";
  if (starts("oracle")) return "oracle";
  if (starts("sqlserver")) return "sqlserver";
  if (starts("db2")) return "db2";
  return engine;
}

// The resource whose settings apply to instance `r`: its cluster when it
// belongs to one the inventory holds, else the instance itself. nullptr with
// `*gap` set when the cluster listing had a gap.
inline const Resource* settings_of(const Resource& r, const Inventory& inv, std::optional<std::string>* gap) {
  const Resource* c = owning_cluster(r, inv, gap);
  if (*gap) return nullptr;
  return c ? c : &r;
}

// FSBP RDS.24/25: FAIL when the master user of `settings` (an instance or its
// cluster) has a default name; `what` names the judged resource ("DB instance x").
inline CheckResult default_admin_name(const Resource& settings, const std::string& what) {
  std::string why;
  const json* user = require_prop(settings, "master_username", &why);
  if (!user) return not_assessed(why);
  std::string name = user->is_string() ? user->get<std::string>() : "";
  if (name.empty()) return not_assessed("AWS did not return the master user name of " + settings.id + ".");
  if (name == "admin" || name == "postgres")
    return fail(what + " uses the default administrator name \"" + name + "\".");
  return pass(what + " uses a custom administrator name.");
}

}  // namespace cloudpeek::checks::rds
