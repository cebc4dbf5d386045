// The request and response shapes the server's handlers see: a parsed path and
// query beside Beast's request, and a response that is either a body or a
// stream (server-sent events).
#pragma once

#include <boost/beast/http.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cloudpeek::server {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

struct Request {
  const BeastRequest* raw = nullptr;
  std::string method;                         // "GET"
  std::string path;                           // percent-decoded path, without the query
  std::map<std::string, std::string> query;   // decoded; the last value of a repeated key wins
  std::string client_address;                 // "127.0.0.1"

  std::string header(std::string_view name) const;
  std::string cookie(std::string_view name) const;
  const std::string& body() const { return raw->body(); }
  std::string query_value(const std::string& key, const std::string& fallback = {}) const {
    auto it = query.find(key);
    return it == query.end() ? fallback : it->second;
  }
};

// A stream writes its headers, then asks next() for more text about once per
// `interval` until it answers nullopt (or the server shuts down, or the client
// goes away).
struct Stream {
  std::chrono::milliseconds interval{1000};
  std::function<std::optional<std::string>()> next;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::optional<Stream> stream;
  // Work that waits on something slow (AWS): the server runs it on a pool of
  // its own and sends what it returns, so the threads that serve pages are
  // never held by it. The rest of this Response is unused when it is set.
  std::function<Response()> later;

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

}  // namespace cloudpeek::server
