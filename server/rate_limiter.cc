#include "server/rate_limiter.h"

namespace cloudpeek::server {

void LoginRateLimiter::prune(std::deque<Clock::time_point>& q, Clock::time_point now) const {
  while (!q.empty() && q.front() + window_ <= now) q.pop_front();
}

long long LoginRateLimiter::retry_after(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  prune(it->second, now);
  if (static_cast<int>(it->second.size()) < max_) return 0;
  // Allowed again when the oldest failure in the window ages out.
  auto wait = std::chrono::duration_cast<std::chrono::seconds>(it->second.front() + window_ - now).count();
  return wait < 1 ? 1 : wait;
}

void LoginRateLimiter::record_failure(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mu_);
  auto& q = failures_[key];
  prune(q, now);
  q.push_back(now);
  if (failures_.size() > 100000) {  // bounded memory under a flood of names
    for (auto it = failures_.begin(); it != failures_.end();) {
      prune(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
  }
}

void LoginRateLimiter::clear(const std::string& key) {
  std::lock_guard lock(mu_);
  failures_.erase(key);
}

}  // namespace cloudpeek::server
