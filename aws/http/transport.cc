#include "aws/http/transport.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include "aws/http/curl_error.h"

namespace cloudpeek {

TransportOptions TransportOptions::from_environment() {
  TransportOptions o;
  if (const char* ca = std::getenv("AWS_CA_BUNDLE"); ca && *ca) {
    o.ca_bundle = ca;
    std::error_code ec;
    // Kept even when unreadable: every request then fails with a TlsFailure
    // that names AWS_CA_BUNDLE, rather than silently trusting the system store.
    if (!std::filesystem::is_regular_file(o.ca_bundle, ec))
      spdlog::warn("AWS_CA_BUNDLE={} is not a readable file: TLS connections will fail", o.ca_bundle);
  }
  return o;
}

namespace {

// curl_global_init is not thread-safe on every build; once per process is enough.
void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Pending {
  HttpRequest request;
  ResponseCallback done;
};

// One transfer in progress. Heap-allocated and never moved while curl holds
// pointers into it (body, error buffer).
struct Active {
  HttpRequest request;
  ResponseCallback done;
  HttpResponse response;
  curl_slist* header_list = nullptr;
  char error_buffer[CURL_ERROR_SIZE] = {};
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  static_cast<Active*>(user)->response.body.append(data, size * n);
  return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* a = static_cast<Active*>(user);
  std::string_view line(data, size * n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  // A new status line starts a new header block (after "100 Continue", or a redirect
  // curl does not follow): only the final response's headers are kept.
  if (line.starts_with("HTTP/")) {
    a->response.headers.clear();
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    a->response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return size * n;
}

bool has_header(const Headers& h, std::string_view name) { return find_header(h, name).has_value(); }

}  // namespace

struct Transport::Impl {
  TransportOptions options;
  CURLM* multi = nullptr;
  std::thread loop;

  std::mutex mu;                 // guards queue and stopping
  std::deque<Pending> queue;
  bool stopping = false;

  // Touched only by the loop thread.
  std::unordered_map<CURL*, std::unique_ptr<Active>> active;
  std::vector<CURL*> idle_handles;

  std::atomic<size_t> completed{0}, connections{0}, max_in_flight_seen{0};

  explicit Impl(TransportOptions o) : options(std::move(o)) {
    global_init();
    // HTTP/1.1 carries one transfer per connection: transfers beyond the connection
    // cap would wait inside curl with their timeouts already running, so they wait
    // in our queue instead, where no clock runs.
    if (options.max_connections > 0) options.max_in_flight = std::min(options.max_in_flight, options.max_connections);
    options.max_in_flight = std::max<size_t>(1, options.max_in_flight);
    multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(options.max_connections));
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options.max_host_connections));
    // The idle-connection cache must hold every connection we allow, or curl closes
    // idle ones and reopens them later: that defeats keep-alive.
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS,
                      static_cast<long>(std::max(options.max_connections, options.max_in_flight)));
    loop = std::thread([this] { run(); });
  }

  ~Impl() {
    {
      std::lock_guard lock(mu);
      stopping = true;
    }
    curl_multi_wakeup(multi);
    loop.join();
    for (CURL* h : idle_handles) curl_easy_cleanup(h);
    curl_multi_cleanup(multi);
  }

  CURL* take_handle() {
    if (!idle_handles.empty()) {
      CURL* h = idle_handles.back();
      idle_handles.pop_back();
      return h;
    }
    return curl_easy_init();
  }

  void configure(CURL* h, Active& a) {
    const HttpRequest& r = a.request;
    curl_easy_setopt(h, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(h, CURLOPT_PRIVATE, &a);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a threaded program
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // AWS redirects are errors to report, not follow
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
    // Verification is never switched off: a failing certificate is an error to report.
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.ca_bundle.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_bundle.c_str());
    // No CURLOPT_PROXY: libcurl then reads https_proxy/HTTPS_PROXY, http_proxy, NO_PROXY itself.
    curl_easy_setopt(h, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, a.error_buffer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &a);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &a);

    const bool sends_body = !r.body.empty() || r.method == "POST" || r.method == "PUT" || r.method == "PATCH";
    if (r.method == "GET") {
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else if (r.method == "HEAD") {
      curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else {
      if (sends_body) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, r.body.data());
      }
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, r.method.c_str());
    }

    for (const auto& [name, value] : r.headers) {
      // "Name;" is curl's way to send a header with an empty value.
      std::string line = value.empty() ? name + ";" : name + ": " + value;
      a.header_list = curl_slist_append(a.header_list, line.c_str());
    }
    // curl would wait up to a second for "100 Continue" on large bodies; AWS does not need it.
    if (!has_header(r.headers, "Expect")) a.header_list = curl_slist_append(a.header_list, "Expect:");
    // Without this curl adds a form content type to bodies the signer did not see.
    if (sends_body && !has_header(r.headers, "Content-Type"))
      a.header_list = curl_slist_append(a.header_list, "Content-Type:");
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, a.header_list);
  }

  // Moves queued requests into curl while fewer than max_in_flight are active.
  void start_pending() {
    std::deque<Pending> starting;
    {
      std::lock_guard lock(mu);
      while (!queue.empty() && active.size() + starting.size() < options.max_in_flight) {
        starting.push_back(std::move(queue.front()));
        queue.pop_front();
      }
    }
    for (auto& p : starting) {
      auto a = std::make_unique<Active>();
      a->request = std::move(p.request);
      a->done = std::move(p.done);
      CURL* h = take_handle();
      configure(h, *a);
      if (CURLMcode mc = curl_multi_add_handle(multi, h); mc != CURLM_OK) {
        Error e = make_error(ErrorKind::kNetwork, std::string("Could not start the request: ") + curl_multi_strerror(mc));
        e.code = "NetworkError";
        curl_slist_free_all(a->header_list);
        curl_easy_reset(h);
        idle_handles.push_back(h);
        deliver(a->done, std::move(e));
        continue;
      }
      active.emplace(h, std::move(a));
    }
    size_t n = active.size(), seen = max_in_flight_seen.load();
    while (n > seen && !max_in_flight_seen.compare_exchange_weak(seen, n)) {}
  }

  void finish_done() {
    int left = 0;
    while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
      if (m->msg != CURLMSG_DONE) continue;
      CURL* h = m->easy_handle;
      CURLcode rc = m->data.result;
      auto it = active.find(h);
      if (it == active.end()) continue;
      std::unique_ptr<Active> a = std::move(it->second);
      active.erase(it);

      long connects = 0;
      curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &connects);
      connections += static_cast<size_t>(connects);
      long status = 0;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
      curl_multi_remove_handle(multi, h);
      curl_slist_free_all(a->header_list);
      a->header_list = nullptr;
      // The handle keeps its DNS and TLS session caches across reset; connections live in the multi.
      curl_easy_reset(h);
      if (idle_handles.size() < options.max_in_flight) idle_handles.push_back(h);
      else curl_easy_cleanup(h);

      ++completed;
      if (rc == CURLE_OK) {
        a->response.status = static_cast<int>(status);
        deliver(a->done, std::move(a->response));
      } else {
        deliver(a->done, network_error(rc, a->error_buffer, a->request.url, options.total_timeout));
      }
    }
  }

  static void deliver(ResponseCallback& done, Result<HttpResponse> result) {
    if (!done) return;
    try {
      done(std::move(result));
    } catch (const std::exception& e) {
      spdlog::error("transport: a response callback threw: {}", e.what());
    } catch (...) {
      spdlog::error("transport: a response callback threw");
    }
  }

  void run() {
    for (;;) {
      start_pending();
      int running = 0;
      curl_multi_perform(multi, &running);
      finish_done();
      {
        std::lock_guard lock(mu);
        if (stopping && queue.empty() && active.empty()) return;
        // Completed transfers freed slots: fill them before sleeping.
        if (!queue.empty() && active.size() < options.max_in_flight) continue;
      }
      // Sleeps until a socket is ready, curl's own timer fires, or send_async wakes us.
      curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
    }
  }
};

Transport::Transport(TransportOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Transport::~Transport() = default;

void Transport::send_async(HttpRequest request, ResponseCallback done) {
  {
    std::lock_guard lock(impl_->mu);
    impl_->queue.push_back(Pending{std::move(request), std::move(done)});
  }
  curl_multi_wakeup(impl_->multi);
}

Result<HttpResponse> Transport::send(HttpRequest request) {
  // Must not be called from a response callback: the loop thread would wait on itself.
  auto promise = std::make_shared<std::promise<Result<HttpResponse>>>();
  auto future = promise->get_future();
  send_async(std::move(request), [promise](Result<HttpResponse> r) { promise->set_value(std::move(r)); });
  return future.get();
}

TransportStats Transport::stats() const {
  TransportStats s;
  s.requests_completed = impl_->completed.load();
  s.connections_opened = impl_->connections.load();
  s.max_in_flight_seen = impl_->max_in_flight_seen.load();
  return s;
}

}  // namespace cloudpeek
