// HTTP transport on libcurl's multi interface: one event-loop thread, many
// requests in flight (capped), connections reused, TLS always verified.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <future>
#include <memory>
#include <string>

#include "aws/core/http_types.h"
#include "aws/core/result.h"

namespace cloudpeek {

struct TransportOptions {
  size_t max_in_flight = 64;        // requests being transferred at once
  size_t max_connections = 64;      // total open connections (CURLMOPT_MAX_TOTAL_CONNECTIONS)
  size_t max_host_connections = 64; // per host: all of them, since with AWS_ENDPOINT_URL or a proxy every call goes to one host
  std::chrono::milliseconds connect_timeout{3100};
  std::chrono::milliseconds total_timeout{60000};
  std::string ca_bundle;            // AWS_CA_BUNDLE; empty: system store
  // Proxies come from the standard variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), which libcurl reads.

  static TransportOptions from_environment();
};

// Network failures map to ErrorKind::kNetwork with code one of:
// "DnsFailure", "ConnectFailure", "TlsFailure", "Timeout", "ConnectionReset", "NetworkError".
using ResponseCallback = std::function<void(Result<HttpResponse>)>;

struct TransportStats {
  size_t requests_completed = 0;
  size_t connections_opened = 0;  // new connections made (CURLINFO_NUM_CONNECTS summed)
  size_t max_in_flight_seen = 0;
};

class Transport {
 public:
  explicit Transport(TransportOptions options = {});
  ~Transport();  // waits for requests in flight, then stops the loop thread
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Queues the request; the callback runs on the transport thread, so it must be quick.
  void send_async(HttpRequest request, ResponseCallback done);
  // Blocking convenience.
  Result<HttpResponse> send(HttpRequest request);

  TransportStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cloudpeek
