// Response parsing for the five protocols, into JSON shaped by the output
// shape (timestamps as epoch seconds, blobs as base64), and error parsing.
#pragma once

#include <string>

#include "aws/core/http_types.h"
#include "aws/core/result.h"
#include "aws/protocol/model.h"

namespace cloudpeek {

struct ParseOptions {
  // JSON bodies (json, rest-json): keep object members the model does not
  // list, as sent under their wire name, at any depth. botocore ignores them
  // (its protocol vectors "Ignores extra data" say so, and its models are
  // current); CloudPeek's models are Debian's botocore 1.29 and lag AWS by
  // years, so the client keeps what AWS added since (DynamoDB's
  // DeletionProtectionEnabled, March 2023) for the collectors to read.
  bool keep_unknown_members = false;
};

// 2xx response → output value. A body that does not parse is ErrorKind::kMalformedResponse.
Result<json> parse_response(const ServiceModel& service, const OperationModel& op,
                            const HttpResponse& response, const ParseOptions& options = {});

// The parts of an error response, whatever the protocol.
struct WireError {
  std::string code;        // e.g. "ExpiredToken" (namespace prefixes like "aws.foo#" stripped)
  std::string message;
  std::string request_id;
  std::string type;        // Sender / Receiver when given
  int http_status = 0;
  json modeled;            // members of the modeled error shape, if the code matches one
  bool parsed = false;     // false: body was not a recognisable error document
};

WireError parse_error(const ServiceModel& service, const HttpResponse& response);

}  // namespace cloudpeek
