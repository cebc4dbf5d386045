// Issue 13: a check that declares what it reads (Check::reads) must read
// nothing else, since a scan makes a per-resource call only for what a
// selected check reads and buffers the check's resources without AWS's raw
// answer. Each selected check is run over an inventory that keeps only what it
// declares (the rest "not collected", as a scan leaves it) and must give the
// same verdict and detail as over the whole inventory.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "checks/check.h"
#include "model/inventory.h"

namespace cloudpeek::testing {

// Compares every check `select` takes; those that declare no reads are
// skipped, or fail the test when `require_declared`. Returns the resources
// compared.
inline size_t expect_declared_reads_suffice(const Inventory& full, const std::function<bool(const checks::Check&)>& select,
                                            bool require_declared) {
  size_t compared = 0;
  for (const checks::Check* c : checks::all_checks()) {
    if (!select(*c)) continue;
    if (c->reads.empty()) {
      EXPECT_FALSE(require_declared) << c->meta.id << " declares no reads";
      continue;
    }
    // What it declares, per type ("*": the whole type).
    std::map<std::string, std::set<std::string>> keep;
    for (const auto& entry : c->reads) {
      auto dot = entry.rfind('.');
      bool qualified = entry.find("::") != std::string::npos && dot != std::string::npos;
      keep[qualified ? entry.substr(0, dot) : c->meta.resource_type].insert(qualified ? entry.substr(dot + 1) : entry);
    }
    auto restrict = [&](const Resource& r) {
      Resource out = r;
      if (r.type == c->meta.resource_type) out.raw = nlohmann::json();
      auto it = keep.find(r.type);
      if (it == keep.end() || it->second.count("*")) return out;
      out.props = nlohmann::json::object();
      for (const auto& [k, v] : r.props.items()) {
        if (it->second.count(k))
          out.props[k] = v;
        else
          out.missing[k] = "not collected: no selected check reads " + k;
      }
      return out;
    };
    Inventory narrowed;
    std::set<std::string> types = {c->meta.resource_type};
    types.insert(c->context_types.begin(), c->context_types.end());
    for (const auto& t : types)
      for (const auto& r : full.of_type(t)) narrowed.add(restrict(r));
    for (const auto& g : full.gaps()) narrowed.add_gap(g);
    for (const auto& r : full.of_type(c->meta.resource_type)) {
      auto a = checks::evaluate_one(*c, r, full);
      auto b = checks::evaluate_one(*c, restrict(r), narrowed);
      EXPECT_EQ(b.has_value(), a.has_value()) << c->meta.id << " on " << r.arn << ": applies with all props "
                                              << a.has_value() << ", with the declared reads " << b.has_value();
      if (!a || !b) continue;
      EXPECT_EQ(to_string(b->status), to_string(a->status)) << c->meta.id << " on " << r.arn << ": " << b->detail;
      EXPECT_EQ(b->detail, a->detail) << c->meta.id << " on " << r.arn;
      ++compared;
    }
  }
  return compared;
}

// The checks of these services (CheckMetadata::service).
inline std::function<bool(const checks::Check&)> of_services(std::vector<std::string> services) {
  return [services = std::move(services)](const checks::Check& c) {
    return std::find(services.begin(), services.end(), c.meta.service) != services.end();
  };
}

}  // namespace cloudpeek::testing
