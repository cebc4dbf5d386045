// Login rate limiting. Each sign-in attempt counts against several keys at
// once, each with its own limit and window:
//   - the username from this address (5 in 15 minutes),
//   - the address, whatever the username (20 in 15 minutes),
//   - the username from anywhere (50 in an hour): only a guess spread over
//     many addresses reaches it, so a stranger cannot lock the admin out by
//     typing the admin's name five times.
// The check and the count are one step (begin): 40 parallel wrong passwords
// once ran 12 password checks against a limit of 5. An attempt is counted
// as a failure from the start; a successful one is taken back (succeeded).
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace cloudpeek::server {

class LoginRateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  struct Limit {
    std::string key;
    int max = 5;
    std::chrono::seconds window = std::chrono::minutes(15);
  };

  // The limits of one sign-in attempt for `username` from `address`.
  static std::vector<Limit> login_limits(const std::string& username, const std::string& address);

  // When every key is under its limit: counts the attempt against each and
  // returns 0. Otherwise counts nothing and returns the seconds until the
  // blocking key allows an attempt again.
  long long begin(const std::vector<Limit>& limits, Clock::time_point now = Clock::now());
  // The attempt begun at `at` succeeded: it no longer counts, and the
  // username's failures (per address and overall) are forgotten.
  void succeeded(const std::vector<Limit>& limits, Clock::time_point at);

 private:
  struct Entry {
    std::chrono::seconds window{};
    std::deque<Clock::time_point> attempts;
  };
  void prune(Entry& e, Clock::time_point now) const;
  std::mutex mu_;
  std::map<std::string, Entry> attempts_;
};

}  // namespace cloudpeek::server
