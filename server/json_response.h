// JSON answers and the API's error shape:
// {"error": {"code", "message", "advice", "field"}} (docs/api.md).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "server/http_types.h"

namespace cloudpeek::server {

using json = nlohmann::json;

Response json_response(unsigned status, const json& body);
Response error_response(unsigned status, const std::string& code, const std::string& message,
                        const std::string& advice, const std::string& field = {});
Response no_content();

// An error object for {"error": ...} bodies.
json error_json(const std::string& code, const std::string& message, const std::string& advice,
                const std::string& field = {});

// Parses a JSON object body; on failure sets `error` to a 400 response.
std::optional<json> parse_json_body(const Request& req, Response& error);

}  // namespace cloudpeek::server
