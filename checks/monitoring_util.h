// Small helpers the monitoring/security-services checks share: ages of the
// ISO 8601 timestamps collectors store ("2026-11-25T10:00:00Z"), and whether a
// resource policy lets anyone in.
#pragma once

#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "checks/policy_statements.h"

namespace cloudpeek::checks::monitoring {

// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SS[.fff]Z" (the form collectors normalise to).
inline std::optional<long long> epoch_seconds(const std::string& iso) {
  int y, mo, d, h, mi, s;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return static_cast<long long>(timegm(&tm));
}

inline long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Whole days from the timestamp to now (negative when it is in the future).
inline std::optional<long long> days_since(const std::string& iso) {
  auto t = epoch_seconds(iso);
  if (!t) return std::nullopt;
  long long diff = now_seconds() - *t;
  return diff >= 0 ? diff / 86400 : -((-diff + 86399) / 86400);
}

// Whether a statement's principal is everyone: "*", {"AWS": "*"} or {"AWS": ["*", ...]}.
inline bool principal_is_everyone(const nlohmann::json& principal) {
  if (principal.is_string()) return principal.get_ref<const std::string&>() == "*";
  if (!principal.is_object()) return false;
  for (const auto& [k, v] : principal.items()) {
    if (k != "AWS") continue;
    if (v.is_string() && v.get_ref<const std::string&>() == "*") return true;
    if (v.is_array())
      for (const auto& p : v)
        if (p.is_string() && p.get_ref<const std::string&>() == "*") return true;
  }
  return false;
}

// The Sid (or index) of the first Allow statement open to everyone without a
// Condition, if any: such a statement grants its actions to any AWS account.
inline std::optional<std::string> public_statement(const nlohmann::json& policy_doc) {
  const policy::StatementRefs list = policy::statements(policy_doc);
  for (size_t i = 0; i < list.size(); ++i) {
    const nlohmann::json& s = list[i];
    if (!s.is_object() || s.value("Effect", "") != "Allow") continue;
    if (!s.contains("Principal") || !principal_is_everyone(s["Principal"])) continue;
    if (s.contains("Condition") && s["Condition"].is_object() && !s["Condition"].empty()) continue;
    return s.contains("Sid") && s["Sid"].is_string() ? s["Sid"].get<std::string>() : "#" + std::to_string(i);
  }
  return std::nullopt;
}

}  // namespace cloudpeek::checks::monitoring
