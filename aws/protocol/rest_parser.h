// Private to the response parsers: the rest protocols (rest-json, rest-xml),
// whose outputs are spread over the status line, headers and body.
#pragma once

#include "aws/core/http_types.h"
#include "aws/protocol/response_shape.h"

namespace cloudpeek::parse_detail {

enum class BodyFormat { kJson, kXml };

// Members with location header, headers (a prefix map) and statusCode, added to out.
void parse_http_bound_members(const ShapeRef& shape, const HttpResponse& response, json& out);

// A whole rest response: HTTP-bound members, then the body (the payload
// member if the shape names one, else the body members). keep_unknown: see
// parse_json_structure (JSON bodies only).
json parse_rest_response(const ShapeRef& shape, const HttpResponse& response, BodyFormat format,
                         bool keep_unknown = false);

}  // namespace cloudpeek::parse_detail
