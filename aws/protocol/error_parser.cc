// parse_error: the code, message, request id and modeled members of an error
// response, in each protocol's error format. It never fails: anything it
// cannot read comes back with parsed=false and the HTTP status.
#include <exception>

#include "aws/protocol/json_shape_parser.h"
#include "aws/protocol/parse.h"
#include "aws/protocol/rest_parser.h"
#include "aws/protocol/scalar_text.h"
#include "aws/protocol/response_shape.h"
#include "aws/protocol/xml_shape_parser.h"

namespace cloudpeek {

namespace {

using parse_detail::ShapeRef;

// Error codes in JSON protocols may carry a Smithy namespace and a Coral
// URI: "aws.protocoltests.restjson#FooError:http://internal.amazon.com/..."
// is FooError.
std::string clean_code(std::string code) {
  if (size_t colon = code.find(':'); colon != std::string::npos) code.resize(colon);
  if (size_t hash = code.rfind('#'); hash != std::string::npos) code.erase(0, hash + 1);
  return code;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string string_member(const json& body, std::initializer_list<const char*> keys) {
  if (!body.is_object()) return {};
  for (const char* k : keys)
    if (auto it = body.find(k); it != body.end() && it->is_string()) return it->get<std::string>();
  return {};
}

// The modeled error shape for a code: first one whose error.code says so
// (a customised code), else the shape of that name.
const json* find_error_shape(const ServiceModel& service, const std::string& code, std::string& name) {
  if (code.empty() || !service.shapes.is_object()) return nullptr;
  for (auto it = service.shapes.begin(); it != service.shapes.end(); ++it) {
    const json& s = it.value();
    if (s.is_object() && s.contains("error") && s["error"].is_object() &&
        s["error"].value("code", std::string()) == code) {
      name = it.key();
      return &s;
    }
  }
  if (auto it = service.shapes.find(code);
      it != service.shapes.end() && it->is_object() && it->value("type", std::string()) == "structure") {
    name = code;
    return &*it;
  }
  return nullptr;
}

void parse_xml_error(const ServiceModel& service, const HttpResponse& response, WireError& e) {
  pugi::xml_document doc;
  parse_detail::load_xml(doc, response.body);
  pugi::xml_node root = doc.document_element();
  // <ErrorResponse><Error> (query, rest-xml), <Response><Errors><Error>
  // (ec2), or a bare <Error> (S3).
  pugi::xml_node error;
  if (parse_detail::local_name(root.name()) == "Error") {
    error = root;
  } else if (pugi::xml_node n = parse_detail::child_element(root, "Error")) {
    error = n;
  } else if (pugi::xml_node errors = parse_detail::child_element(root, "Errors")) {
    error = parse_detail::child_element(errors, "Error");
  }
  if (!error) return;
  auto text_of = [&](const char* tag) {
    return trim(parse_detail::valid_utf8(parse_detail::element_text(parse_detail::child_element(error, tag))));
  };
  e.code = text_of("Code");
  e.message = text_of("Message");
  e.type = text_of("Type");
  if (e.request_id.empty()) {
    for (pugi::xml_node holder : {root, error})
      for (const char* tag : {"RequestId", "RequestID"})
        if (pugi::xml_node n = parse_detail::child_element(holder, tag); n && e.request_id.empty())
          e.request_id = trim(parse_detail::valid_utf8(parse_detail::element_text(n)));
  }
  e.parsed = !e.code.empty();
  std::string shape_name;
  if (!e.parsed || !find_error_shape(service, e.code, shape_name)) return;
  ShapeRef shape = parse_detail::named_shape(service, shape_name);
  json modeled = parse_detail::parse_xml_structure(shape, error, shape_name);
  if (service.protocol() == Protocol::kRestXml) parse_detail::parse_http_bound_members(shape, response, modeled);
  e.modeled = std::move(modeled);
}

void parse_json_error(const ServiceModel& service, const HttpResponse& response, WireError& e) {
  bool rest = service.protocol() == Protocol::kRestJson;
  json body = parse_detail::try_load_json(response.body).value_or(json());
  std::string header_code = parse_detail::valid_utf8(find_header(response.headers, "x-amzn-ErrorType").value_or(""));
  std::string body_code = rest ? string_member(body, {"code", "__type"}) : string_member(body, {"__type", "code"});
  // rest-json trusts the header first; json 1.0/1.1 the body's __type.
  std::string code = rest ? (header_code.empty() ? body_code : header_code)
                          : (body_code.empty() ? header_code : body_code);
  e.code = clean_code(code);
  e.message = string_member(body, {"message", "Message", "errorMessage"});
  // Services that moved from query to JSON (awsQueryCompatible: SQS, ...)
  // keep their old query error code in x-amzn-query-error: "Code;Sender".
  if (auto q = find_header(response.headers, "x-amzn-query-error")) {
    size_t semi = q->find(';');
    if (semi != std::string::npos && semi > 0 && service.metadata.is_object() &&
        service.metadata.contains("awsQueryCompatible")) {
      e.code = parse_detail::valid_utf8(q->substr(0, semi));
      e.type = parse_detail::valid_utf8(q->substr(semi + 1));
    }
  }
  e.parsed = !e.code.empty();
  std::string shape_name;
  if (!e.parsed || !find_error_shape(service, e.code, shape_name)) return;
  ShapeRef shape = parse_detail::named_shape(service, shape_name);
  json modeled = body.is_object() ? parse_detail::parse_json_structure(shape, body, shape_name) : json::object();
  if (rest) parse_detail::parse_http_bound_members(shape, response, modeled);
  e.modeled = std::move(modeled);
}

}  // namespace

WireError parse_error(const ServiceModel& service, const HttpResponse& response) {
  WireError e;
  e.http_status = response.status;
  e.modeled = json::object();
  for (const char* h : {"x-amzn-RequestId", "x-amz-request-id", "x-amzn-request-id"})
    if (auto v = find_header(response.headers, h); v && e.request_id.empty()) e.request_id = parse_detail::valid_utf8(*v);
  try {
    switch (service.protocol()) {
      case Protocol::kQuery:
      case Protocol::kEc2:
      case Protocol::kRestXml:
        parse_xml_error(service, response, e);
        break;
      case Protocol::kJson:
      case Protocol::kRestJson:
        parse_json_error(service, response, e);
        break;
    }
  } catch (const parse_detail::ParseFailure&) {
    // Not an error document (or its modeled members did not parse): what was
    // read before the failure stands; the caller falls back on the status.
  } catch (const std::exception&) {
  }
  if (!e.modeled.is_object()) e.modeled = json::object();
  // These end up in messages and logs: a hostile body must not come back whole.
  if (e.code.size() > 256) e.code.resize(256);
  if (e.type.size() > 64) e.type.resize(64);
  if (e.request_id.size() > 256) e.request_id.resize(256);
  if (e.message.size() > 2048) e.message = e.message.substr(0, 2048) + "...";
  return e;
}

}  // namespace cloudpeek
