#include "scan/rate_limits.h"

#include <algorithm>
#include <thread>

namespace cloudpeek::scan {

RateLimitConfig RateLimitConfig::aws_defaults() {
  RateLimitConfig c;
  c.fallback = {20, 50};  // not published for most services; conservative
  // {refill per second, AWS's bucket size}; the burst is trimmed below.
  c.per_service = {
      {"ec2", {20, 100}},         // EC2 API throttling: non-mutating actions, bucket 100, refill 20/s, per API
      {"iam", {10, 20, RateScope::kService}},  // not published; account-wide, commonly observed ~10-20/s
      {"sts", {50, 100}},
      {"s3", {500, 1000}},        // 5,500 GET/s per prefix; bucket configuration reads are per bucket
      {"s3control", {20, 50}},
      {"organizations", {5, 10}},
      {"account", {5, 10}},
      {"lambda", {15, 15}},       // Lambda quotas: control plane 15/s per API, GetPolicy 15/s
      {"cloudfront", {5, 10}},
      {"sns", {30, 30}},          // SNS quotas (us-east-1): ListTopics, ListSubscriptionsByTopic 30/s
      {"sqs", {50, 100}},
      // API Gateway management API: "Total operations" 10/s per account (burst 40), one bucket
      // for every read of the service; GetResources 5 per 2 s (below). Fixed quotas.
      {"apigateway", {10, 40, RateScope::kService}},
      {"apigatewayv2", {10, 40, RateScope::kService}},
      {"route53", {5, 5, RateScope::kService}},  // Route 53 API quotas: five requests per second per account, all APIs
  };
  c.per_action = {
      {"cloudwatch:DescribeAlarms", {9, 9}},          // CloudWatch service quotas
      {"apigateway:GetResources", {2.5, 5}},          // API Gateway quotas: 5 requests every 2 seconds
      {"logs:DescribeLogGroups", {10, 10}},           // CloudWatch Logs quotas
      {"logs:DescribeMetricFilters", {5, 5}},
      {"kms:DescribeKey", {2000, 2000}},              // KMS request quotas
      {"kms:GetKeyPolicy", {1000, 1000}},
      {"kms:GetKeyRotationStatus", {1000, 1000}},
      {"kms:ListKeys", {500, 500}},
      {"kms:ListAliases", {500, 500}},
      {"sns:GetTopicAttributes", {100, 100}},
      {"kinesis:ListStreams", {5, 5}},               // Kinesis Data Streams quotas: 5 per second per account
      {"kinesis:DescribeStreamSummary", {20, 20}},   // 20 per second per account
  };
  // Spend at most four fifths of AWS's burst: AWS's bucket then keeps a
  // reserve that absorbs network jitter (requests sent at the rate can arrive
  // bunched) and other tools' calls on the same account, so a scan at full
  // rate is not throttled into retries and backoff.
  for (auto* table : {&c.per_service, &c.per_action})
    for (auto& [_, limit] : *table) limit.burst = std::max(1.0, limit.burst * 0.8);
  c.fallback.burst *= 0.8;
  return c;
}

const RateLimit& RateLimitConfig::lookup(std::string_view service, std::string_view action) const {
  std::string key;
  key.reserve(service.size() + 1 + action.size());
  key.append(service).append(":").append(action);
  if (auto it = per_action.find(key); it != per_action.end()) return it->second;
  auto it = per_service.find(service);
  return it == per_service.end() ? fallback : it->second;
}

double RateLimitConfig::slowest_rate(std::string_view service) const {
  auto it = per_service.find(service);
  double rate = it == per_service.end() ? fallback.per_second : it->second.per_second;
  for (const auto& [key, limit] : per_action)
    if (key.size() > service.size() && key.starts_with(service) && key[service.size()] == ':')
      rate = std::min(rate, limit.per_second);
  return std::max(rate, 1e-3);
}

TokenBucket::TokenBucket(RateLimit limit, Clock::time_point now) : next_(now) {
  double rate = std::max(limit.per_second, 1e-3);
  interval_ = base_interval_ = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
  span_ = std::chrono::duration_cast<Clock::duration>(interval_ * (std::max(limit.burst, 1.0) - 1));
}

TokenBucket::Clock::time_point TokenBucket::reserve(Clock::time_point now) {
  std::lock_guard lock(mu_);
  // After a quiet spell the schedule restarts at now: the full burst is back.
  next_ = std::max(next_, now);
  Clock::time_point send = std::max(now, next_ - span_);
  next_ += interval_;
  return send;
}

bool TokenBucket::acquire(const CancelToken& cancel) {
  Clock::time_point send = reserve();
  if (cancel.cancelled()) return false;
  if (Clock::now() >= send) return true;
  return cancel.sleep_until(send);  // one wake-up: at the send time, or at once when cancelled
}

void TokenBucket::throttled(Clock::time_point now) {
  std::lock_guard lock(mu_);
  next_ = std::max(next_, now + span_);  // no burst until the schedule has caught up
  if (now - last_slowdown_ < std::chrono::seconds(1)) return;
  last_slowdown_ = now;
  interval_ = std::min<Clock::duration>(interval_ * 2, std::chrono::seconds(10));
}

void TokenBucket::succeeded() {
  std::lock_guard lock(mu_);
  if (interval_ > base_interval_)
    interval_ = std::max(base_interval_, std::chrono::duration_cast<Clock::duration>(interval_ / 1.05));
}

double TokenBucket::rate() const {
  std::lock_guard lock(mu_);
  return 1.0 / std::chrono::duration<double>(interval_).count();
}

TokenBucket& RateLimiters::bucket(std::string_view service, std::string_view action, std::string_view region) {
  const RateLimit& limit = config_.lookup(service, action);
  std::string key;
  key.append(service).append("/").append(region);
  if (limit.scope == RateScope::kApi) key.append("/").append(action);
  std::lock_guard lock(mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) it = buckets_.emplace(key, std::make_unique<TokenBucket>(limit)).first;
  return *it->second;
}

}  // namespace cloudpeek::scan
