#include "aws/client/client.h"

#include <spdlog/spdlog.h>

#include <cctype>
#include <future>

#include "aws/client/classify.h"
#include "aws/core/time_format.h"
#include "aws/protocol/parse.h"
#include "aws/protocol/serialize.h"
#include "aws/sigv4/signer.h"

namespace cloudpeek {

ClientConfig ClientConfig::from_environment(std::string region) {
  ClientConfig c;
  c.region = std::move(region);
  c.endpoints = EndpointOverrides::from_environment();
  c.retry = RetryConfig::from_environment();
  return c;
}

// One logical call and its attempts.
struct AwsClient::Call {
  const ServiceModel* model = nullptr;
  OperationModel op;
  std::string operation;
  json params;
  std::string region;
  CallContext ctx;
  SerializedRequest serialized;
  Endpoint endpoint;
  int attempt = 0;              // attempts made so far
  bool skew_retry_used = false; // one immediate re-sign after a clock-skew correction
  std::chrono::seconds signed_offset{0};  // the clock-skew offset the last attempt was signed with
  CallCallback done;
  std::atomic<bool> finished{false};
};

AwsClient::AwsClient(ClientConfig config, CredentialsProviderPtr credentials,
                     std::shared_ptr<Transport> transport)
    : config_(std::move(config)),
      credentials_(std::move(credentials)),
      transport_(std::move(transport)),
      retry_(std::make_shared<RetryStrategy>(config_.retry)) {}

AwsClient::~AwsClient() {
  std::unique_lock lock(life_mu_);
  closing_ = true;
  life_cv_.wait(lock, [this] { return outstanding_ == 0; });
}

Result<json> AwsClient::call(const ServiceModel& model, const std::string& operation, const json& params,
                             const std::string& region) {
  std::promise<Result<json>> promise;
  auto future = promise.get_future();
  call_async(model, operation, params, region,
             [&promise](Result<json> r) { promise.set_value(std::move(r)); });
  return future.get();
}

// The IAM action prefix ("iam", "s3", "sso"...) used to name denied actions.
static std::string action_prefix(const ServiceModel& model) {
  for (const char* key : {"iamPrefix", "signingName", "endpointPrefix"})
    if (model.metadata.contains(key)) return model.metadata[key].get<std::string>();
  return "aws";
}

// S3 without an endpoint override: the bucket moves from the path into the host
// (virtual-hosted style) when its name is DNS-compatible, as the SDKs do.
static void apply_s3_addressing(std::string& host_url, std::string& path, bool path_style) {
  if (path_style || path.size() < 2) return;
  size_t end = path.find_first_of("/?", 1);
  std::string bucket = path.substr(1, end == std::string::npos ? std::string::npos : end - 1);
  bool dns_ok = bucket.size() >= 3 && bucket.size() <= 63 && bucket.find('.') == std::string::npos;
  for (char c : bucket)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
      dns_ok = false;
  if (!dns_ok) return;
  size_t scheme = host_url.find("://");
  if (scheme == std::string::npos) return;
  host_url.insert(scheme + 3, bucket + ".");
  path = end == std::string::npos ? "/" : (path[end] == '?' ? "/" + path.substr(end) : path.substr(end));
}

void AwsClient::call_async(const ServiceModel& model, const std::string& operation, json params,
                           const std::string& region, CallCallback done) {
  auto call = std::make_shared<Call>();
  call->model = &model;
  call->operation = operation;
  call->params = std::move(params);
  call->region = region.empty() ? config_.region : region;
  call->done = std::move(done);
  {
    std::lock_guard lock(life_mu_);
    ++outstanding_;
  }
  call->ctx.service = model.metadata.value("endpointPrefix", "");
  call->ctx.action = action_prefix(model) + ":" + operation;
  call->ctx.region = call->region;

  if (!model.operations.contains(operation)) {
    Error e = make_error(ErrorKind::kInvalidInput,
                         "CloudPeek has no model of " + call->ctx.action + ".",
                         "This is a bug in CloudPeek: please report it.");
    return finish(call, std::move(e));
  }
  call->op = model.operations[operation];
  if (!call->op.contains("name")) call->op["name"] = operation;

  auto serialized = serialize_request(model, call->op, call->params);
  if (!serialized) return finish(call, serialized.error());
  call->serialized = std::move(serialized).value();

  auto endpoint = resolve_endpoint(call->ctx.service, call->region, config_.endpoints);
  if (!endpoint) return finish(call, endpoint.error());
  call->endpoint = std::move(endpoint).value();
  attempt(call);
}

// Adaptive mode: a queued attempt re-checks its send token at least this often,
// so that when the rate grows back after throttling, the queue drains at the
// new rate rather than at the one it queued at.
constexpr std::chrono::milliseconds kSendTokenRecheck{250};

void AwsClient::attempt(std::shared_ptr<Call> call) {
  // The send token comes before signing: a long wait must not outlast the signature.
  SendToken token;
  auto wait = retry_->acquire_send_delay(&token);
  if (wait.count() > 0) return await_send_token(std::move(call), token, wait);
  send_attempt(std::move(call));
}

void AwsClient::await_send_token(std::shared_ptr<Call> call, SendToken token, std::chrono::milliseconds wait) {
  timers_.post(
      [this, call, token] {
        auto left = retry_->send_token_wait(token);
        if (left.count() > 0) return await_send_token(call, token, left);
        send_attempt(call);
      },
      std::min(wait, kSendTokenRecheck));
}

void AwsClient::send_attempt(std::shared_ptr<Call> call) {
  bool closing;
  {
    std::lock_guard lock(life_mu_);
    closing = closing_;
  }
  if (closing) return finish(call, make_error(ErrorKind::kCancelled, "The AWS client was shut down before this call was sent."));
  const bool unsigned_op = call->op.value("authtype", "") == "none";
  Credentials creds;
  if (!unsigned_op) {
    auto got = credentials_ ? credentials_->get()
                            : Result<Credentials>(make_error(ErrorKind::kCredentialsNotFound,
                                                             "No credentials were given."));
    if (!got) return finish(call, got.error());
    creds = std::move(got).value();
    call->ctx.credential_source = creds.source;
    call->ctx.temporary_credentials = creds.temporary();
  }

  std::string base = call->endpoint.url;
  std::string path = call->serialized.path.empty() ? "/" : call->serialized.path;
  const bool is_s3 = call->ctx.service == "s3";
  if (is_s3) apply_s3_addressing(base, path, call->endpoint.path_style);
  // The endpoint's hostPrefix ("{AccountId}." for S3 Control) goes in front of
  // the host, as botocore does even with an endpoint override. An override
  // whose host is an IP address (a local endpoint) cannot take a prefix in
  // DNS: the request still goes to that address, with the Host header (and
  // signature) botocore would send, e.g. "111122223333.127.0.0.1:4566".
  std::string prefixed_host;
  if (!call->serialized.host_prefix.empty()) {
    size_t scheme = base.find("://");
    if (scheme != std::string::npos) {
      size_t host_end = base.find_first_of("/?", scheme + 3);
      std::string authority = base.substr(scheme + 3, host_end == std::string::npos ? std::string::npos
                                                                                   : host_end - scheme - 3);
      std::string host = authority.substr(0, authority.rfind(':') == std::string::npos || authority.front() == '['
                                                 ? authority.size()
                                                 : authority.rfind(':'));
      bool ip_literal = !host.empty() && (host.front() == '[' || host.find_first_not_of("0123456789.") == std::string::npos);
      if (call->endpoint.overridden && ip_literal)
        prefixed_host = call->serialized.host_prefix + authority;
      else
        base.insert(scheme + 3, call->serialized.host_prefix);
    }
  }
  // An override URL may carry a path prefix; the operation's path follows it.
  if (!base.empty() && base.back() == '/' && !path.empty() && path.front() == '/') base.pop_back();

  HttpRequest request;
  request.method = call->serialized.method;
  request.url = base + path;
  request.headers = call->serialized.headers;
  request.body = call->serialized.body;
  set_header(request.headers, "User-Agent", "cloudpeek/0.1");
  if (!prefixed_host.empty()) set_header(request.headers, "Host", prefixed_host);

  if (!unsigned_op) {
    call->signed_offset = skew_.offset();
    SigningParams sp = signing_params(creds, call->endpoint.signing_region, call->endpoint.signing_name,
                                      Clock::now() + call->signed_offset);
    if (is_s3) {
      sp.normalize_path = false;
      sp.content_sha256_header = true;
    }
    sign_request(request, sp);
  }

  ++call->attempt;
  spdlog::debug("aws: {} {} attempt {}", call->ctx.action, call->region, call->attempt);
  transport_->send_async(std::move(request), [this, call](Result<HttpResponse> r) {
    // Runs on the transport thread: hand the work to the timer thread at once.
    timers_.post([this, call, r = std::move(r)]() mutable { on_response(call, std::move(r)); });
  });
}

void AwsClient::on_response(std::shared_ptr<Call> call, Result<HttpResponse> response) {
  AttemptOutcome outcome;
  Error error;
  if (!response) {
    outcome.network_error = true;
    error = response.error();
    outcome.error_code = error.code;  // Timeout costs more retry quota; TlsFailure is not retried
    error.service = call->ctx.service;
    error.action = call->ctx.action;
  } else {
    const HttpResponse& resp = response.value();
    if (auto date = find_header(resp.headers, "Date")) {
      if (auto server_time = parse_http_date(*date)) skew_.update(*server_time, Clock::now());
    }
    if (resp.status >= 200 && resp.status < 300) {
      // Members AWS added after the embedded (Debian botocore) models are kept.
      auto parsed = parse_response(*call->model, call->op, resp, {.keep_unknown_members = true});
      if (parsed) {
        retry_->on_success(call->attempt > 1);
        return finish(call, std::move(parsed));
      }
      // A 200 with a body that does not parse is retried like a transient failure
      // (it is usually a truncated transfer), then reported as malformed.
      outcome.http_status = 500;
      outcome.error_code = "MalformedResponse";
      error = parsed.error();
      error.service = call->ctx.service;
      error.action = call->ctx.action;
    } else {
      WireError wire = parse_error(*call->model, resp);
      outcome.http_status = resp.status;
      outcome.error_code = wire.code;
      error = classify_error(wire, call->ctx);
      if (error.kind == ErrorKind::kClockSkew) {
        apply_clock_offset(error, skew_.offset());
        // The Date header has corrected the offset: re-sign once at the corrected time.
        // "Corrected" means changed since this attempt was signed, not non-zero: when
        // the local clock gets fixed while we run, the offset we had adopted is what
        // is wrong, and the correction is back to zero.
        if (!call->skew_retry_used && skew_.offset() != call->signed_offset) {
          call->skew_retry_used = true;
          ++retries_;
          spdlog::debug("aws: clock skew of {}s detected, re-signing", skew_.offset().count());
          return attempt(call);
        }
      }
    }
  }
  auto delay = retry_->on_failure(outcome, call->attempt);
  if (!delay) {
    if (error.kind == ErrorKind::kThrottled || is_throttling_error(outcome)) {
      error.kind = ErrorKind::kThrottled;
      if (error.advice.empty())
        error.advice = "AWS kept throttling after " + std::to_string(call->attempt) +
                       " attempts: run with fewer concurrent requests or raise AWS_MAX_ATTEMPTS.";
    }
    return finish(call, std::move(error));
  }
  spdlog::debug("aws: {} failed ({}), retry in {} ms", call->ctx.action,
                outcome.error_code.empty() ? std::to_string(outcome.http_status) : outcome.error_code,
                delay->count());
  ++retries_;
  timers_.post([this, call] { attempt(call); }, *delay);
}

void AwsClient::finish(std::shared_ptr<Call> call, Result<json> result) {
  if (call->finished.exchange(true)) return;  // once per call: outstanding_ counts calls
  auto done = std::move(call->done);
  if (done) done(std::move(result));
  std::lock_guard lock(life_mu_);
  if (--outstanding_ == 0) life_cv_.notify_all();
}

}  // namespace cloudpeek
