// Token buckets modelled on AWS's published API rate limits, so a scan runs as
// fast as AWS allows without being throttled. AWS meters each region apart and,
// for most services, each API apart (EC2: "each API action has its own bucket");
// a few services (IAM) share one account-wide budget across their reads.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "scan/cancel.h"

namespace cloudpeek::scan {

enum class RateScope {
  kApi,      // one bucket per (service, action, region)
  kService,  // one bucket per (service, region), shared by all its actions
};

struct RateLimit {
  double per_second = 20;  // refill rate
  double burst = 50;       // bucket size
  RateScope scope = RateScope::kApi;
};

struct RateLimitConfig {
  RateLimit fallback{20, 50};
  std::map<std::string, RateLimit, std::less<>> per_service;  // botocore service name → limit
  std::map<std::string, RateLimit, std::less<>> per_action;   // "service:Action" → limit (wins over per_service)

  // AWS's published limits where AWS publishes them (see aws_defaults() in
  // rate_limits.cc for the sources), ~20/s per API otherwise.
  static RateLimitConfig aws_defaults();
  const RateLimit& lookup(std::string_view service, std::string_view action) const;
  // Calls per second of the service's slowest API (its per-service limit, or
  // the fallback, and each of its per-action limits): how long a collector of
  // the service fanning out over its resources takes per call at best.
  double slowest_rate(std::string_view service) const;
};

// A token bucket that hands out send times in order (each caller reserves the
// next slot), so waiters are served first come, first served and the rate is
// exact however many threads wait.
class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;
  explicit TokenBucket(RateLimit limit, Clock::time_point now = Clock::now());
  // The time the caller may send: now while the burst lasts, later once it is spent.
  Clock::time_point reserve(Clock::time_point now = Clock::now());
  // reserve(), then sleep until that time; false if cancelled meanwhile.
  bool acquire(const CancelToken& cancel);
  // AWS throttled a call sent at this rate (its limit is lower than the table
  // says, or other callers share it): halve the rate (at most once per second, so calls throttled together count once; never
  // below one call per 10 s) and spend what is left of the burst.
  void throttled(Clock::time_point now = Clock::now());
  // A call went through: after a slowdown the rate creeps back up (5% per
  // call, up to the table's), so a transient throttle is not paid all scan.
  void succeeded();
  double rate() const;  // calls per second now

 private:
  mutable std::mutex mu_;
  Clock::time_point last_slowdown_{};
  Clock::duration base_interval_;  // 1 / the table's rate
  Clock::duration interval_;       // 1 / rate now
  Clock::duration span_;      // burst × interval: how far the schedule may lag behind now
  Clock::time_point next_;    // when the next token is due, if the bucket had been empty
};

class RateLimiters {
 public:
  explicit RateLimiters(RateLimitConfig config) : config_(std::move(config)) {}
  TokenBucket& bucket(std::string_view service, std::string_view action, std::string_view region);

 private:
  RateLimitConfig config_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<TokenBucket>, std::less<>> buckets_;
};

}  // namespace cloudpeek::scan
