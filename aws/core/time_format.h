// The timestamp formats found on the AWS wire.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cloudpeek {

using TimePoint = std::chrono::system_clock::time_point;

std::string format_amz_date(TimePoint t);   // 20150830T123600Z
std::string format_date_stamp(TimePoint t); // 20150830
std::string format_iso8601(TimePoint t);    // 2015-08-30T12:36:00Z (fractions dropped)
std::string format_iso8601_millis(TimePoint t);  // 2015-08-30T12:36:00.000Z
std::string format_http_date(TimePoint t);  // Sun, 30 Aug 2015 12:36:00 GMT

// ISO 8601 / RFC 3339 with optional fraction and Z or +hh:mm offset; also 20150830T123600Z.
std::optional<TimePoint> parse_iso8601(std::string_view text);
// RFC 1123 / RFC 7231 (IMF-fixdate), as in the HTTP Date header.
std::optional<TimePoint> parse_http_date(std::string_view text);
// Any of the above, or epoch seconds (with optional fraction).
std::optional<TimePoint> parse_any_timestamp(std::string_view text);

}  // namespace cloudpeek
