#include "server/expiry_estimate.h"

#include <algorithm>

namespace cloudpeek::server {

nlohmann::json ExpiryEstimate::to_json() const {
  nlohmann::json j = {{"expires_at", store::format_time(expires_at)}, {"source", source}};
  j["max_session_seconds"] = max_session_seconds ? nlohmann::json(*max_session_seconds) : nlohmann::json(nullptr);
  j["role_name"] = role_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(role_name);
  j["session_hours"] = session_hours ? nlohmann::json(*session_hours) : nlohmann::json(nullptr);
  return j;
}

std::string role_name_of(const CallerIdentity& identity) {
  const std::string marker = ":assumed-role/";
  auto at = identity.arn.find(marker);
  if (at == std::string::npos) return {};
  std::string rest = identity.arn.substr(at + marker.size());
  return rest.substr(0, rest.find('/'));
}

ExpiryEstimate estimate_expiry(const CallerIdentity& identity, std::optional<int64_t> max_session_seconds,
                               std::optional<int> session_hours, store::Time now) {
  ExpiryEstimate e;
  e.role_name = role_name_of(identity);
  e.max_session_seconds = max_session_seconds;
  e.session_hours = session_hours;
  int64_t seconds = 0;
  if (!e.role_name.empty()) {
    e.source = max_session_seconds ? "role_max_session" : "default";
    seconds = max_session_seconds.value_or(3600);
  } else {
    e.source = "session_default";  // GetSessionToken / GetFederationToken: 12 h unless asked otherwise
    seconds = 12 * 3600;
  }
  if (session_hours) {
    int64_t said = int64_t{*session_hours} * 3600;
    seconds = max_session_seconds ? std::min(said, *max_session_seconds) : said;
    e.source = "user";
  }
  e.expires_at = now + std::chrono::seconds(seconds);
  return e;
}

void keep_estimate(const nlohmann::json& old_identity, nlohmann::json& new_identity) {
  if (!old_identity.is_object() || !old_identity.contains("expiry_estimate") || !new_identity.is_object()) return;
  if (!new_identity.contains("expiry_estimate")) new_identity["expiry_estimate"] = old_identity["expiry_estimate"];
}

bool expires_estimated(const store::Provider& p) {
  return p.expires_at && p.identity.is_object() && p.identity.contains("expiry_estimate") &&
         p.identity["expiry_estimate"].is_object();
}

}  // namespace cloudpeek::server
