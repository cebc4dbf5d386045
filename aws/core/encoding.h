// Byte encodings AWS uses: hex, base64, RFC 3986 percent-encoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cloudpeek {

std::string hex_encode(std::string_view bytes);
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);  // nullopt if not base64

// RFC 3986 unreserved characters stay; everything else becomes %XX (upper case).
// keep_slash leaves '/' alone (for URI paths).
std::string uri_encode(std::string_view text, bool keep_slash = false);
// Decodes %XX (and, if plus_is_space, '+'); malformed escapes are kept literally.
std::string uri_decode(std::string_view text, bool plus_is_space = false);

}  // namespace cloudpeek
