#include "server/rate_limiter.h"

#include <algorithm>

namespace cloudpeek::server {

std::vector<LoginRateLimiter::Limit> LoginRateLimiter::login_limits(const std::string& username,
                                                                    const std::string& address) {
  std::string user = username.substr(0, 128);
  return {{"pair:" + user + "\n" + address, 5, std::chrono::minutes(15)},
          {"addr:" + address, 20, std::chrono::minutes(15)},
          {"user:" + user, 50, std::chrono::minutes(60)}};
}

void LoginRateLimiter::prune(Entry& e, Clock::time_point now) const {
  while (!e.attempts.empty() && e.attempts.front() + e.window <= now) e.attempts.pop_front();
}

long long LoginRateLimiter::begin(const std::vector<Limit>& limits, Clock::time_point now) {
  std::lock_guard lock(mu_);
  long long wait = 0;
  for (const auto& l : limits) {
    auto it = attempts_.find(l.key);
    if (it == attempts_.end()) continue;
    it->second.window = l.window;
    prune(it->second, now);
    if (static_cast<int>(it->second.attempts.size()) < l.max) continue;
    // Allowed again when the oldest attempt in the window ages out.
    auto w = std::chrono::duration_cast<std::chrono::seconds>(it->second.attempts.front() + l.window - now).count();
    wait = std::max(wait, std::max<long long>(w, 1));
  }
  if (wait > 0) return wait;
  for (const auto& l : limits) {
    Entry& e = attempts_[l.key];
    e.window = l.window;
    e.attempts.push_back(now);
  }
  if (attempts_.size() > 100000) {  // bounded memory under a flood of names
    for (auto it = attempts_.begin(); it != attempts_.end();) {
      prune(it->second, now);
      it = it->second.attempts.empty() ? attempts_.erase(it) : std::next(it);
    }
  }
  return 0;
}

void LoginRateLimiter::succeeded(const std::vector<Limit>& limits, Clock::time_point at) {
  std::lock_guard lock(mu_);
  for (const auto& l : limits) {
    auto it = attempts_.find(l.key);
    if (it == attempts_.end()) continue;
    if (l.key.rfind("addr:", 0) == 0) {  // an address's other attempts (other usernames) still count
      auto& q = it->second.attempts;
      auto one = std::find(q.begin(), q.end(), at);
      if (one != q.end()) q.erase(one);
      if (q.empty()) attempts_.erase(it);
    } else {
      attempts_.erase(it);
    }
  }
}

}  // namespace cloudpeek::server
