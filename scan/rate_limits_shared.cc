#include "scan/rate_limits_shared.h"

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace cloudpeek::scan {
namespace {

bool same(const RateLimit& a, const RateLimit& b) {
  return a.per_second == b.per_second && a.burst == b.burst && a.scope == b.scope;
}

using Table = std::map<std::string, RateLimit, std::less<>>;

bool same(const Table& a, const Table& b) {
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
    if (i->first != j->first || !same(i->second, j->second)) return false;
  return true;
}

bool same(const RateLimitConfig& a, const RateLimitConfig& b) {
  return same(a.fallback, b.fallback) && same(a.per_service, b.per_service) && same(a.per_action, b.per_action);
}

struct Entry {
  RateLimitConfig config;
  std::weak_ptr<RateLimiters> limiters;
};

}  // namespace

std::shared_ptr<RateLimiters> shared_rate_limiters(std::string_view account, const RateLimitConfig& config) {
  if (account.empty()) return std::make_shared<RateLimiters>(config);
  static std::mutex mu;
  static std::map<std::string, std::vector<Entry>, std::less<>> by_account;
  std::lock_guard lock(mu);
  auto it = by_account.find(account);
  if (it == by_account.end()) it = by_account.emplace(std::string(account), std::vector<Entry>{}).first;
  auto& entries = it->second;
  std::erase_if(entries, [](const Entry& e) { return e.limiters.expired(); });  // no scan holds them any more
  for (const auto& e : entries)
    if (same(e.config, config))
      if (auto held = e.limiters.lock()) return held;
  auto made = std::make_shared<RateLimiters>(config);
  entries.push_back({config, made});
  // Accounts whose scans have all ended leave nothing behind (a server scans
  // many accounts over months).
  std::erase_if(by_account, [](const auto& kv) {
    for (const auto& e : kv.second)
      if (!e.limiters.expired()) return false;
    return true;
  });
  return made;
}

}  // namespace cloudpeek::scan
