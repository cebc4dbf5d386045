// RDS instances of a DB cluster (Aurora, Multi-AZ DB clusters) keep some
// settings — deletion protection, Multi-AZ — on the cluster, not the instance.
#pragma once

#include <optional>
#include <string>

#include "checks/check.h"

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

}  // namespace cloudpeek::checks::rds
