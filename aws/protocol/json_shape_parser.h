// Private to the response parsers: JSON bodies (json 1.0/1.1, rest-json and
// their errors) into output JSON, driven by botocore shapes.
#pragma once

#include <string>
#include <string_view>

#include "aws/protocol/response_shape.h"

namespace cloudpeek::parse_detail {

// The body as JSON: empty or blank is {} (services send no body for empty
// outputs); not JSON, or nested deeper than kMaxDepth, is a ParseFailure.
json load_json(std::string_view body);

// Same, but returns nullopt instead of failing (for error bodies, which may be anything).
std::optional<json> try_load_json(std::string_view body);

// A structure's body members from a JSON object; members bound to HTTP
// (header, headers, statusCode, ...) are left out. With keep_unknown (output
// bodies), object members the model does not list, here and in every nested
// structure, are kept as sent under their wire name: a service sends members
// added after the model was published (Debian's botocore lags AWS by years).
json parse_json_structure(const ShapeRef& shape, const json& value, const std::string& path, int depth = 0,
                          bool keep_unknown = false);

// Any shape from a JSON value. null yields null (the caller drops it).
json parse_json_value(const ShapeRef& shape, const json& value, const std::string& path, int depth = 0,
                      bool keep_unknown = false);

}  // namespace cloudpeek::parse_detail
