// Private to the response parsers: scalar values from wire text (XML element
// text, HTTP headers, JSON strings) into the output JSON conventions:
// timestamps as epoch seconds, blobs as base64, NaN/Infinity as doubles.
#pragma once

#include <string_view>

#include "aws/protocol/response_shape.h"

namespace cloudpeek::parse_detail {

// Epoch seconds: an integer when whole, else a double (milliseconds matter).
json epoch_seconds(double seconds);

// Any AWS timestamp format (ISO 8601 with offsets and fractions, RFC 822 /
// HTTP date, epoch seconds); a ParseFailure naming `what` otherwise.
json timestamp_from_text(std::string_view text, std::string_view what);

json integer_from_text(std::string_view text, std::string_view what);
json float_from_text(std::string_view text, std::string_view what);  // also NaN, Infinity, -Infinity
bool boolean_from_text(std::string_view text, std::string_view what);
// Validates base64 and returns it in canonical form.
std::string blob_from_base64(std::string_view text, std::string_view what);

// A scalar shape (string, numbers, boolean, timestamp, blob as base64 text)
// from text. Aggregates are a ParseFailure.
json scalar_from_text(const ShapeRef& shape, std::string_view text, std::string_view what);

bool is_scalar_type(const std::string& type);

// Text as valid UTF-8: invalid sequences become U+FFFD. XML text and headers
// are not validated by their parsers, and nlohmann::json's dump() throws on
// invalid UTF-8, so every string put into an output goes through here.
std::string valid_utf8(std::string_view text);

}  // namespace cloudpeek::parse_detail
