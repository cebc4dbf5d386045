// Small inventories for check tests.
#pragma once

#include <string>

#include "checks/check.h"

namespace cloudpeek::checks::testing {

inline Resource resource(std::string type, std::string id, json props, std::string region = "us-east-1") {
  Resource r;
  r.type = std::move(type);
  r.id = id;
  r.name = id;
  r.account = "111122223333";
  r.region = std::move(region);
  r.arn = "arn:aws:test:" + r.region + ":111122223333:" + r.type + "/" + id;
  r.props = std::move(props);
  return r;
}

inline CoverageGap denied(std::string service, std::string action, std::string region, std::string type,
                          std::string resource = {}) {
  CoverageGap g;
  g.service = std::move(service);
  g.action = std::move(action);
  g.region = std::move(region);
  g.error_kind = "access_denied";
  g.error_code = "AccessDenied";
  g.resource = std::move(resource);
  g.resource_types = {std::move(type)};
  return g;
}

// Runs the registered check `id` on a single resource.
inline CheckResult run_on(std::string_view id, const Resource& r, const Inventory& inv = Inventory{}) {
  const Check* c = find_check(id);
  if (!c) return {CheckStatus::kManual, "no such check: " + std::string(id)};
  return c->evaluate(r, inv);
}

}  // namespace cloudpeek::checks::testing
