// Looking for a secret in output. A leak may be partial (a truncated log line)
// or encoded (a URL, a JSON string), so a secret counts as found when any
// `window`-character piece of it appears, raw, percent-encoded or JSON-escaped.
#pragma once

#include <string_view>

namespace cloudpeek::testing {

bool contains_secret(std::string_view text, std::string_view secret, size_t window = 16);

}  // namespace cloudpeek::testing
