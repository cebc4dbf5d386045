// FSBP RDS.19-22: an enabled RDS event subscription in the region sends the
// critical events of one source type (cluster, instance, parameter group,
// security group) to SNS. The four checks differ only in the source type and
// the event categories a subscription must carry.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::rds_events {

// A subscription covers `source_type` when it is enabled and either names that
// source type or none (AWS: no source type = events of every RDS source), and
// its categories are empty (all of them) or include every one of `categories`.
inline bool covers(const json& sub, const std::string& source_type, const std::vector<std::string>& categories) {
  if (!sub.is_object() || !sub.value("enabled", false)) return false;
  const json src = sub.value("source_type", json());
  if (!src.is_null() && src != source_type) return false;
  const json cats = sub.value("categories", json::array());
  if (cats.empty()) return true;
  if (src.is_null()) return false;  // categories belong to a source type
  return std::all_of(categories.begin(), categories.end(), [&](const std::string& c) {
    return std::find(cats.begin(), cats.end(), json(c)) != cats.end();
  });
}

inline std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "\"" : ", \"") + s + "\"";
  return out;
}

inline CheckResult evaluate(const Resource& r, const std::string& source_type, const std::vector<std::string>& categories) {
  std::string why;
  const json* subs = require_prop(r, "subscriptions", &why);
  if (!subs) return not_assessed(why);
  std::vector<std::string> partial;  // subscriptions of the source type that miss something
  for (const auto& s : *subs) {
    if (covers(s, source_type, categories))
      return pass("RDS event subscription " + s.value("name", std::string()) + " sends " + source_type + " events (" +
                  joined(categories) + ") in " + r.region + " to " + s.value("topic", std::string()));
    if (s.is_object() && s.value("source_type", json()) == source_type) partial.push_back(s.value("name", std::string()));
  }
  if (!partial.empty())
    return fail("no enabled RDS event subscription in " + r.region + " sends every critical " + source_type +
                " event category (" + joined(categories) + "); " + joined(partial) +
                " is disabled or leaves some out");
  return fail("no RDS event subscription in " + r.region + " for " + source_type + " events (" + joined(categories) +
              ")");
}

}  // namespace cloudpeek::checks::rds_events
