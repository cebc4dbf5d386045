// Percent-decoding of request targets. Decoding is strict: a malformed escape
// or an encoded NUL makes the whole target invalid (nullopt), so nothing
// downstream ever sees half-decoded or NUL-carrying paths.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cloudpeek::server {

// "%2e%2e/a+b" → "../a+b" ('+' is literal in paths).
std::optional<std::string> percent_decode_path(std::string_view s);
// Query values: '+' is a space.
std::optional<std::string> percent_decode_query(std::string_view s);

struct Target {
  std::string path;
  std::map<std::string, std::string> query;
};
// Splits "/a/b?x=1&y=2" and decodes both parts.
std::optional<Target> parse_target(std::string_view target);

std::string percent_encode(std::string_view s);  // for building links (the setup URL)

}  // namespace cloudpeek::server
