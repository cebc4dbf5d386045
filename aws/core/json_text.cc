#include "aws/core/json_text.h"

#include <fmt/format.h>

namespace cloudpeek {

bool json_nesting_within(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > limit) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

Result<nlohmann::json> parse_json_text(std::string_view text, std::string_view what, JsonLimits limits) {
  if (text.size() > limits.max_bytes)
    return make_error(ErrorKind::kMalformedResponse,
                      fmt::format("{} is {} bytes, more than the {} bytes CloudPeek reads.", what, text.size(),
                                  limits.max_bytes),
                      "Check what produced it; AWS's own documents are far smaller.");
  if (!json_nesting_within(text, limits.max_depth))
    return make_error(ErrorKind::kMalformedResponse,
                      fmt::format("{} is nested deeper than {} levels.", what, limits.max_depth),
                      "Check what produced it; AWS's own documents nest only a few levels.");
  auto doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    return make_error(ErrorKind::kMalformedResponse, fmt::format("{} is not valid JSON.", what),
                      "Check what produced it.");
  return doc;
}

}  // namespace cloudpeek
