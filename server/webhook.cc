#include "server/webhook.h"

#include <curl/curl.h>
#include <fmt/format.h>

namespace cloudpeek::server {

bool valid_webhook_url(const std::string& url) {
  std::string rest;
  if (url.rfind("http://", 0) == 0)
    rest = url.substr(7);
  else if (url.rfind("https://", 0) == 0)
    rest = url.substr(8);
  else
    return false;
  if (rest.empty() || rest[0] == '/' || rest[0] == ':' || rest[0] == '?') return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  return url.size() <= 2048;
}

namespace {
size_t discard(char*, size_t size, size_t n, void*) { return size * n; }

// The host part only: URLs may carry tokens in their path or query.
std::string host_of(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto end = url.find_first_of("/?#", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  auto at = host.rfind('@');
  return at == std::string::npos ? host : host.substr(at + 1);
}
}  // namespace

Webhook::Webhook(Log log) : log_(std::move(log)), thread_([this] { loop(); }) {}

Webhook::~Webhook() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Webhook::post(const std::string& url, const nlohmann::json& body) {
  if (!valid_webhook_url(url)) return;
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= 1000) return;
    queue_.emplace_back(url, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  cv_.notify_all();
}

void Webhook::drain() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void Webhook::loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stop_ and nothing left
    auto [url, body] = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    CURL* c = curl_easy_init();
    long status = 0;
    CURLcode rc = CURLE_FAILED_INIT;
    if (c) {
      curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
      headers = curl_slist_append(headers, "User-Agent: cloudpeek-webhook");
      curl_easy_setopt(c, CURLOPT_URL, url.c_str());
      curl_easy_setopt(c, CURLOPT_POST, 1L);
      curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
      curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
      curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
      curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
      curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
      rc = curl_easy_perform(c);
      curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
      curl_slist_free_all(headers);
      curl_easy_cleanup(c);
    }
    if (log_) {
      if (rc != CURLE_OK)
        log_(fmt::format("webhook to {} failed: {}", host_of(url), curl_easy_strerror(rc)));
      else if (status >= 300)
        log_(fmt::format("webhook to {} answered HTTP {}", host_of(url), status));
    }
    lock.lock();
    busy_ = false;
    cv_.notify_all();
  }
}

}  // namespace cloudpeek::server
