// AwsClient: resolve the endpoint, serialize, sign, send with retries, parse,
// and classify failures. One per account; thread-safe; calls may be async.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "aws/core/credentials.h"
#include "aws/core/result.h"
#include "aws/endpoints/endpoints.h"
#include "aws/http/retry.h"
#include "aws/http/transport.h"
#include "aws/protocol/model.h"
#include "aws/client/timer_queue.h"

namespace cloudpeek {

struct ClientConfig {
  std::string region = "us-east-1";
  EndpointOverrides endpoints;
  RetryConfig retry;
  static ClientConfig from_environment(std::string region);
};

// Clock skew: the offset (server - local) measured from response Date headers,
// applied to later signatures.
class ClockSkew {
 public:
  std::chrono::seconds offset() const { return std::chrono::seconds(offset_.load()); }
  Clock::time_point now() const { return Clock::now() + offset(); }
  // Returns true if the offset changed noticeably (> 4 minutes counts as skew).
  bool update(Clock::time_point server_date, Clock::time_point local_now);
 private:
  std::atomic<long long> offset_{0};
};

using CallCallback = std::function<void(Result<json>)>;

class AwsClient {
 public:
  AwsClient(ClientConfig config, CredentialsProviderPtr credentials, std::shared_ptr<Transport> transport);
  // Waits for the calls still in flight (a cancelled scan abandons some): each
  // gets its answer or, if it was waiting to retry, a kCancelled error.
  ~AwsClient();
  AwsClient(const AwsClient&) = delete;
  AwsClient& operator=(const AwsClient&) = delete;

  // service: endpoint prefix ("sts", "iam", "s3"...) ; region: empty = client default.
  Result<json> call(const ServiceModel& model, const std::string& operation, const json& params,
                    const std::string& region = {});
  void call_async(const ServiceModel& model, const std::string& operation, json params,
                  const std::string& region, CallCallback done);

  const ClientConfig& config() const { return config_; }
  // Attempts sent again (throttled, 5xx, timeout, dropped connection, clock
  // skew) since this client was made; most are answered on a later attempt.
  uint64_t retries() const { return retries_.load(); }
  ClockSkew& clock_skew() { return skew_; }

 private:
  struct Call;
  void attempt(std::shared_ptr<Call> call);  // waits for a send token (adaptive mode), then send_attempt
  void await_send_token(std::shared_ptr<Call> call, SendToken token, std::chrono::milliseconds wait);
  void send_attempt(std::shared_ptr<Call> call);  // credentials, sign, send
  void on_response(std::shared_ptr<Call> call, Result<HttpResponse> response);
  void finish(std::shared_ptr<Call> call, Result<json> result);

  // Calls not finished yet: the destructor waits for them, since the transport
  // (shared, possibly outliving this client) still holds their callbacks.
  std::mutex life_mu_;
  std::condition_variable life_cv_;
  int outstanding_ = 0;
  bool closing_ = false;  // set by the destructor: no new attempt is sent, pending retries end cancelled

  ClientConfig config_;
  CredentialsProviderPtr credentials_;
  std::shared_ptr<Transport> transport_;
  std::shared_ptr<RetryStrategy> retry_;
  ClockSkew skew_;
  std::atomic<uint64_t> retries_{0};
  TimerQueue timers_;  // last member: destroyed first, so pending retries still see the rest
};

}  // namespace cloudpeek
