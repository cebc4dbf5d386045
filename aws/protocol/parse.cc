// parse_response: which protocol reads the body, and the one place where a
// parser's failure becomes ErrorKind::kMalformedResponse.
#include "aws/protocol/parse.h"

#include <exception>

#include "aws/protocol/json_shape_parser.h"
#include "aws/protocol/rest_parser.h"
#include "aws/protocol/response_shape.h"
#include "aws/protocol/xml_shape_parser.h"

namespace cloudpeek {

namespace {

using parse_detail::ShapeRef;

json parse_output(const ServiceModel& service, const OperationModel& op, const HttpResponse& response,
                  const ParseOptions& options) {
  if (!op.is_object() || !op.contains("output") || !op["output"].is_object()) return json::object();
  const json& output_ref = op["output"];
  ShapeRef output(service, output_ref);
  switch (service.protocol()) {
    case Protocol::kQuery:
    case Protocol::kEc2: {
      if (response.body.find_first_not_of(" \t\r\n") == std::string::npos) return json::object();
      pugi::xml_document doc;
      parse_detail::load_xml(doc, response.body);
      pugi::xml_node start = doc.document_element();
      // Query wraps the output in <OperationResult>; ec2 does not.
      std::string wrapper = output.str("resultWrapper");
      if (!wrapper.empty()) {
        start = parse_detail::child_element(start, wrapper);
        if (!start) return json::object();  // an empty result may be left out altogether
      }
      return parse_detail::parse_xml_structure(output, start, "");
    }
    case Protocol::kJson:
      return parse_detail::parse_json_structure(output, parse_detail::load_json(response.body), "", 0,
                                                options.keep_unknown_members);
    case Protocol::kRestJson:
      return parse_detail::parse_rest_response(output, response, parse_detail::BodyFormat::kJson,
                                               options.keep_unknown_members);
    case Protocol::kRestXml:
      return parse_detail::parse_rest_response(output, response, parse_detail::BodyFormat::kXml);
  }
  return json::object();
}

std::string operation_label(const ServiceModel& service, const OperationModel& op) {
  std::string svc;
  for (const char* key : {"serviceId", "endpointPrefix", "signingName"})
    if (service.metadata.is_object() && service.metadata.contains(key) && service.metadata[key].is_string()) {
      svc = service.metadata[key].get<std::string>();
      break;
    }
  std::string name = op.is_object() && op.contains("name") && op["name"].is_string()
                         ? op["name"].get<std::string>()
                         : std::string("(unnamed operation)");
  return svc.empty() ? name : svc + " " + name;
}

}  // namespace

Result<json> parse_response(const ServiceModel& service, const OperationModel& op,
                            const HttpResponse& response, const ParseOptions& options) {
  std::string what;
  try {
    return parse_output(service, op, response, options);
  } catch (const parse_detail::ParseFailure& f) {
    what = f.what;
  } catch (const std::exception& e) {
    // nlohmann or the standard library; the message is short and never the body.
    what = e.what();
  }
  Error err = make_error(ErrorKind::kMalformedResponse,
                         "The " + operation_label(service, op) + " response (HTTP " +
                             std::to_string(response.status) + ", " + std::to_string(response.body.size()) +
                             " bytes) could not be parsed: " + what + ".",
                         "This is usually a proxy or endpoint answering in place of AWS; check "
                         "AWS_ENDPOINT_URL and any HTTP proxy, then retry.");
  err.code = "MalformedResponse";
  err.http_status = response.status;
  return err;
}

}  // namespace cloudpeek
