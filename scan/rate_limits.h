// Per-service, per-region token buckets, modelled on AWS's published API rate
// limits, so a scan runs as fast as AWS allows without being throttled. Each
// (service, region) pair has its own bucket: AWS meters each region apart.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "scan/cancel.h"

namespace cloudpeek::scan {

struct RateLimit {
  double per_second = 20;  // refill rate
  double burst = 50;       // bucket size
};

struct RateLimitConfig {
  RateLimit fallback{20, 50};
  std::map<std::string, RateLimit, std::less<>> per_service;  // botocore service name → limit

  // AWS's documented or observed limits: EC2's non-mutating Describe* bucket
  // (100 tokens, 20/s refill), IAM's account-wide control plane (~10/s), S3's
  // per-prefix thousands of GETs per second, others ~20/s.
  static RateLimitConfig aws_defaults();
  const RateLimit& for_service(std::string_view service) const;
};

class TokenBucket {
 public:
  explicit TokenBucket(RateLimit limit);
  // Takes one token, sleeping until one is there; false if cancelled meanwhile.
  bool acquire(const CancelToken& cancel);

 private:
  using Clock = std::chrono::steady_clock;
  std::mutex mu_;
  RateLimit limit_;
  double tokens_;
  Clock::time_point last_;
};

class RateLimiters {
 public:
  explicit RateLimiters(RateLimitConfig config) : config_(std::move(config)) {}
  TokenBucket& bucket(std::string_view service, std::string_view region);

 private:
  RateLimitConfig config_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<TokenBucket>, std::less<>> buckets_;
};

}  // namespace cloudpeek::scan
