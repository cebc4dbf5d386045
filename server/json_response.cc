#include "server/json_response.h"

#include "aws/core/json_text.h"

namespace cloudpeek::server {

Response json_response(unsigned status, const json& body) {
  Response r;
  r.status = status;
  // Invalid UTF-8 from AWS data must not throw: replace it.
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  r.set_header("Cache-Control", "no-store");
  return r;
}

json error_json(const std::string& code, const std::string& message, const std::string& advice,
                const std::string& field) {
  json e = {{"code", code}, {"message", message}, {"advice", advice}};
  e["field"] = field.empty() ? json(nullptr) : json(field);
  return e;
}

Response error_response(unsigned status, const std::string& code, const std::string& message,
                        const std::string& advice, const std::string& field) {
  return json_response(status, {{"error", error_json(code, message, advice, field)}});
}

Response no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  r.set_header("Cache-Control", "no-store");
  return r;
}

std::optional<json> parse_json_body(const Request& req, Response& error) {
  // Bounded: a body of 500,000 nested arrays must not reach a handler that copies it.
  auto parsed = parse_json_text(req.body(), "the request body", JsonLimits{32, req.body().size()});
  json j = parsed ? std::move(*parsed) : json();
  if (!j.is_object()) {
    error = error_response(400, "invalid", "The request body is not a JSON object.", "Send a JSON object.");
    return std::nullopt;
  }
  return j;
}

}  // namespace cloudpeek::server
