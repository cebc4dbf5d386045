// Request serialization for the query, ec2, json (1.0/1.1), rest-json and
// rest-xml protocols. Params are JSON as in botocore's protocol tests:
// timestamps as epoch seconds (or ISO strings), blobs as base64 strings.
#pragma once

#include "aws/core/http_types.h"
#include "aws/core/result.h"
#include "aws/protocol/model.h"

namespace cloudpeek {

struct SerializedRequest {
  std::string method;      // GET, POST, ...
  std::string path;        // requestUri with labels expanded, plus the query string ("/2015/foo?a=b")
  Headers headers;         // includes Content-Type, X-Amz-Target etc. (not Host, not auth)
  std::string body;
  std::string host_prefix; // endpoint hostPrefix with labels expanded, e.g. "foo." (may be empty)
};

// Errors are ErrorKind::kInvalidInput naming the parameter (missing required label, bad type).
Result<SerializedRequest> serialize_request(const ServiceModel& service, const OperationModel& op,
                                            const json& params);

}  // namespace cloudpeek
