#include "aws/protocol/query_serializer.h"

#include <utility>
#include <vector>

#include "aws/core/encoding.h"
#include "aws/protocol/wire_scalar.h"

namespace cloudpeek {

namespace {

using FormParams = std::vector<std::pair<std::string, std::string>>;

std::string join(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : prefix + "." + name;
}

std::string ec2_name(const ShapeRef& member, const std::string& member_name) {
  if (const json* q = member.ref().contains("queryName") ? &member.ref()["queryName"] : nullptr)
    return q->get<std::string>();
  std::string name = wire_name(member, member_name);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

class QueryWriter {
 public:
  explicit QueryWriter(bool ec2) : ec2_(ec2) {}

  void value(const ShapeRef& ref, const Params& v, const std::string& prefix) {
    if (v.is_null()) return;
    const std::string& type = ref.type();
    if (type == "structure") return structure(ref, v, prefix);
    if (type == "list") return list(ref, v, prefix);
    if (type == "map") return map(ref, v, prefix);
    out.emplace_back(prefix, scalar_text(ref, v, TimeFormat::kIso8601));
  }

  FormParams out;

 private:
  void structure(const ShapeRef& ref, const Params& v, const std::string& prefix) {
    if (!v.is_object()) throw SerializeError(prefix + ": expected an object");
    for (const auto& [name, member_value] : v.items()) {
      ShapeRef member = ref.member(name);
      std::string key = ec2_ ? ec2_name(member, name) : wire_name(member, name);
      value(member, member_value, join(prefix, key));
    }
  }

  void list(const ShapeRef& ref, const Params& v, const std::string& prefix) {
    if (!v.is_array()) throw SerializeError(prefix + ": expected a list");
    ShapeRef item = ref.list_member();
    std::string item_prefix;
    if (ec2_) {
      item_prefix = prefix;
    } else if (v.empty()) {
      // An empty query list is sent as the bare name so the service sees "set to empty".
      out.emplace_back(prefix, "");
      return;
    } else if (ref.flag("flattened")) {
      // A flattened list's items take the item's name, if given, unless the
      // structure member names itself explicitly.
      item_prefix = prefix;
      const json* n = item.ref().contains("locationName") ? &item.ref()["locationName"] : nullptr;
      if (n && !ref.ref().contains("locationName")) {
        auto dot = prefix.rfind('.');
        item_prefix = (dot == std::string::npos ? "" : prefix.substr(0, dot + 1)) + n->get<std::string>();
      }
    } else {
      item_prefix = prefix + "." + item.ref().value("locationName", "member");
    }
    int i = 0;
    for (const auto& element : v) value(item, element, item_prefix + "." + std::to_string(++i));
  }

  void map(const ShapeRef& ref, const Params& v, const std::string& prefix) {
    if (!v.is_object()) throw SerializeError(prefix + ": expected a map");
    ShapeRef key = ref.map_key();
    ShapeRef val = ref.map_value();
    std::string key_name = key.ref().value("locationName", "key");
    std::string val_name = val.ref().value("locationName", "value");
    std::string entry_prefix = ref.flag("flattened") ? prefix : prefix + ".entry";
    int i = 0;
    for (const auto& [k, element] : v.items()) {
      std::string p = entry_prefix + "." + std::to_string(++i);
      out.emplace_back(p + "." + key_name, k);
      value(val, element, p + "." + val_name);
    }
  }

  bool ec2_;
};

}  // namespace

SerializedRequest serialize_query(const ServiceModel& service, const OperationModel& op,
                                  const Params& params, bool ec2) {
  QueryWriter writer(ec2);
  writer.out.emplace_back("Action", op.value("name", ""));
  writer.out.emplace_back("Version", service.metadata.value("apiVersion", ""));
  if (op.contains("input")) writer.value(ShapeRef(service.shapes, op["input"]), params, "");

  SerializedRequest req;
  req.method = "POST";
  req.path = "/";
  if (auto http = op.find("http"); http != op.end()) req.path = http->value("requestUri", "/");
  for (const auto& [k, v] : writer.out) {
    if (!req.body.empty()) req.body += '&';
    req.body += uri_encode(k) + "=" + uri_encode(v);
  }
  req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  return req;
}

}  // namespace cloudpeek
