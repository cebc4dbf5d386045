// Request serialization for the query, ec2, json (1.0/1.1), rest-json and
// rest-xml protocols. Params are JSON as in botocore's protocol tests:
// timestamps as epoch seconds (or ISO 8601 strings), blobs as their raw bytes
// in a JSON string (the serializer base64-encodes them where the wire wants it).
#pragma once

#include <functional>
#include <string>

#include "aws/core/http_types.h"
#include "aws/core/result.h"
#include "aws/protocol/model.h"

namespace cloudpeek {

struct SerializedRequest {
  std::string method;      // GET, POST, ...
  std::string path;        // requestUri with labels expanded, plus the query string ("/2015/foo?a=b")
  Headers headers;         // includes Content-Type, X-Amz-Target etc. (not Host, not auth, not Content-Length)
  std::string body;
  std::string host_prefix; // endpoint hostPrefix with labels expanded, e.g. "foo." (may be empty)
};

struct SerializeOptions {
  // Fills members marked idempotencyToken that the caller left out. Empty: a
  // random UUID v4. Tests pass a fixed generator to get a predictable request.
  std::function<std::string()> idempotency_token;
};

// Errors are ErrorKind::kInvalidInput naming the parameter (missing required label, bad type).
Result<SerializedRequest> serialize_request(const ServiceModel& service, const OperationModel& op,
                                            const json& params);
// The same with parameters in the caller's order (nlohmann::ordered_json):
// structure members and map entries are written in that order.
Result<SerializedRequest> serialize_request(const ServiceModel& service, const OperationModel& op,
                                            const nlohmann::ordered_json& params,
                                            const SerializeOptions& options);

}  // namespace cloudpeek
