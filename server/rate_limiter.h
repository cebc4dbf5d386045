// Login rate limiting: at most `max_failures` failed logins per key (a
// username, or a client address) within a sliding `window`. Successful
// logins do not count; they clear the username's failures.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace cloudpeek::server {

class LoginRateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit LoginRateLimiter(int max_failures = 5, std::chrono::seconds window = std::chrono::minutes(15))
      : max_(max_failures), window_(window) {}

  // Seconds to wait before another attempt under this key; 0 when allowed.
  long long retry_after(const std::string& key, Clock::time_point now = Clock::now());
  void record_failure(const std::string& key, Clock::time_point now = Clock::now());
  void clear(const std::string& key);

 private:
  void prune(std::deque<Clock::time_point>& q, Clock::time_point now) const;
  int max_;
  std::chrono::seconds window_;
  std::mutex mu_;
  std::map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace cloudpeek::server
