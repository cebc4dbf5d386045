// Plain HTTP request/response values shared by the signer, transport and protocols.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cloudpeek {

// Ordered, duplicates allowed (the SigV4 suite has duplicate header names).
using Headers = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive lookup of the first header with this name.
std::optional<std::string> find_header(const Headers& headers, std::string_view name);
void set_header(Headers& headers, std::string_view name, std::string value);  // replaces all of that name

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute: scheme://host[:port]/path?query
  Headers headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;
};

}  // namespace cloudpeek
