#include "aws/protocol/serialize.h"

#include <random>

#include <fmt/format.h>

#include "aws/protocol/json_body.h"
#include "aws/protocol/query_serializer.h"
#include "aws/protocol/rest_serializer.h"
#include "aws/protocol/shape_ref.h"

namespace cloudpeek {

namespace {

std::string random_uuid_v4() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  uint64_t hi = rng(), lo = rng();
  hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", hi >> 32, (hi >> 16) & 0xffff, hi & 0xffff,
                     lo >> 48, lo & 0xffffffffffffULL);
}

// Top-level members marked idempotencyToken get a fresh token when the caller
// left them out, so a retried request is recognised as the same request.
Params with_idempotency_tokens(const ShapeRef& input, Params params, const SerializeOptions& options) {
  for (const auto& [name, ref] : input.members().items()) {
    if (params.contains(name) && !params[name].is_null()) continue;
    if (!input.member(name).flag("idempotencyToken")) continue;
    params[name] = options.idempotency_token ? options.idempotency_token() : random_uuid_v4();
  }
  return params;
}

// The endpoint trait's hostPrefix ("{Name}-data.") with hostLabel members filled in.
std::string host_prefix(const OperationModel& op, const Params& params) {
  auto ep = op.find("endpoint");
  if (ep == op.end() || !ep->contains("hostPrefix")) return {};
  std::string tmpl = (*ep)["hostPrefix"].get<std::string>(), out;
  for (size_t i = 0; i < tmpl.size();) {
    size_t open = tmpl.find('{', i);
    if (open == std::string::npos) { out += tmpl.substr(i); break; }
    size_t close = tmpl.find('}', open);
    if (close == std::string::npos) throw SerializeError("model: unterminated hostPrefix " + tmpl);
    std::string label = tmpl.substr(open + 1, close - open - 1);
    if (!params.contains(label) || !params[label].is_string() || params[label].get<std::string>().empty())
      throw SerializeError("missing required host label " + label);
    std::string value = params[label].get<std::string>();
    // A label becomes part of a DNS name: letters, digits and hyphens only.
    for (char c : value)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
        throw SerializeError("host label " + label + " is not a valid DNS label: " + value);
    out += tmpl.substr(i, open - i) + value;
    i = close + 1;
  }
  return out;
}

SerializedRequest serialize_json_rpc(const ServiceModel& service, const OperationModel& op, const Params& params) {
  SerializedRequest req;
  req.method = "POST";
  req.path = "/";
  if (auto http = op.find("http"); http != op.end()) {
    req.method = http->value("method", "POST");
    req.path = http->value("requestUri", "/");
  }
  Params body = Params::object();
  if (op.contains("input")) body = json_body_value(ShapeRef(service.shapes, op["input"]), params);
  req.body = body.dump();
  std::string target = service.metadata.value("targetPrefix", "");
  req.headers.emplace_back("X-Amz-Target", target + "." + op.value("name", ""));
  req.headers.emplace_back("Content-Type", "application/x-amz-json-" + service.metadata.value("jsonVersion", "1.0"));
  return req;
}

}  // namespace

Result<SerializedRequest> serialize_request(const ServiceModel& service, const OperationModel& op,
                                            const json& params) {
  return serialize_request(service, op, Params(params), SerializeOptions{});
}

Result<SerializedRequest> serialize_request(const ServiceModel& service, const OperationModel& op,
                                            const Params& params, const SerializeOptions& options) {
  std::string op_name = op.value("name", "");
  try {
    if (!params.is_null() && !params.is_object())
      throw SerializeError("parameters must be a JSON object");
    Params p = params.is_null() ? Params::object() : params;
    if (op.contains("input")) p = with_idempotency_tokens(ShapeRef(service.shapes, op["input"]), std::move(p), options);

    SerializedRequest req;
    switch (service.protocol()) {
      case Protocol::kQuery: req = serialize_query(service, op, p, /*ec2=*/false); break;
      case Protocol::kEc2: req = serialize_query(service, op, p, /*ec2=*/true); break;
      case Protocol::kJson: req = serialize_json_rpc(service, op, p); break;
      case Protocol::kRestJson: req = serialize_rest(service, op, p, /*xml=*/false); break;
      case Protocol::kRestXml: req = serialize_rest(service, op, p, /*xml=*/true); break;
    }
    req.host_prefix = host_prefix(op, p);
    // S3 Glacier refuses a request without its API version header (botocore's
    // add_glacier_version handler sends it on every call).
    if (service.metadata.value("endpointPrefix", "") == "glacier")
      req.headers.emplace_back("x-amz-glacier-version", service.metadata.value("apiVersion", ""));
    return req;
  } catch (const SerializeError& e) {
    return make_error(ErrorKind::kInvalidInput, "Cannot build the " + op_name + " request: " + e.what(),
                      "This is a bug in CloudPeek's request for this call; please report it.");
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorKind::kInvalidInput, "Cannot build the " + op_name + " request: " + e.what(),
                      "This is a bug in CloudPeek's request for this call; please report it.");
  }
}

}  // namespace cloudpeek
