// The optional webhook (settings.webhook_url): JSON POSTs before credentials
// expire and when a scan finds new critical or high findings. Sent from a
// background thread, one at a time, with a short timeout; failures are logged,
// never retried forever. Bodies carry ids, labels, counts and times — never a
// secret.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

namespace cloudpeek::server {

// Is this an http(s) URL with a host? (PUT /settings validates with it.)
bool valid_webhook_url(const std::string& url);

class Webhook {
 public:
  using Log = std::function<void(const std::string&)>;
  explicit Webhook(Log log);
  ~Webhook();  // sends what is queued (bounded by the timeout), then stops

  void post(const std::string& url, const nlohmann::json& body);
  // Blocks until the queue is empty (tests).
  void drain();

 private:
  void loop();
  Log log_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<std::string, std::string>> queue_;
  bool stop_ = false;
  bool busy_ = false;
  std::thread thread_;
};

}  // namespace cloudpeek::server
