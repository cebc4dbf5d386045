#include "scan/rate_limits.h"

#include <algorithm>
#include <thread>

namespace cloudpeek::scan {

RateLimitConfig RateLimitConfig::aws_defaults() {
  RateLimitConfig c;
  c.fallback = {20, 50};
  c.per_service = {
      {"ec2", {20, 100}},  {"iam", {10, 20}},       {"sts", {50, 100}},   {"s3", {500, 1000}},
      {"s3control", {20, 50}}, {"organizations", {5, 10}}, {"account", {5, 10}}, {"kms", {50, 100}},
      {"lambda", {15, 30}}, {"cloudfront", {5, 10}}, {"sns", {30, 60}},    {"sqs", {50, 100}},
  };
  return c;
}

const RateLimit& RateLimitConfig::for_service(std::string_view service) const {
  auto it = per_service.find(service);
  return it == per_service.end() ? fallback : it->second;
}

TokenBucket::TokenBucket(RateLimit limit) : limit_(limit), tokens_(limit.burst), last_(Clock::now()) {}

bool TokenBucket::acquire(const CancelToken& cancel) {
  for (;;) {
    if (cancel.cancelled()) return false;
    std::chrono::duration<double> wait{};
    {
      std::lock_guard lock(mu_);
      auto now = Clock::now();
      double elapsed = std::chrono::duration<double>(now - last_).count();
      tokens_ = std::min(limit_.burst, tokens_ + elapsed * limit_.per_second);
      last_ = now;
      if (tokens_ >= 1) {
        tokens_ -= 1;
        return true;
      }
      wait = std::chrono::duration<double>((1 - tokens_) / limit_.per_second);
    }
    // Sleep in short slices so cancellation is noticed promptly.
    std::this_thread::sleep_for(std::min<std::chrono::duration<double>>(wait, std::chrono::milliseconds(50)));
  }
}

TokenBucket& RateLimiters::bucket(std::string_view service, std::string_view region) {
  std::string key = std::string(service) + "/" + std::string(region);
  std::lock_guard lock(mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end())
    it = buckets_.emplace(key, std::make_unique<TokenBucket>(config_.for_service(service))).first;
  return *it->second;
}

}  // namespace cloudpeek::scan
