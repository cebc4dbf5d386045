// The embedded, generated service models (see gen_service_models.py).
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace cloudpeek {

struct EmbeddedNamedJson {
  std::string_view name;
  std::string_view json;
};

struct EmbeddedServiceModel {
  std::string_view name;                     // botocore service name: "ec2", "s3", "elbv2", ...
  std::string_view metadata;                 // JSON object
  std::string_view paginators;               // JSON object: operation → paginator
  std::string_view error_shapes;             // JSON array: names of the shapes that are modeled errors
  std::span<const EmbeddedNamedJson> operations;  // sorted by name, each an operation's JSON
  std::span<const EmbeddedNamedJson> shapes;      // sorted by name, each a shape's JSON
  std::string_view regions;  // JSON array: regions botocore's endpoints.json lists its endpoint in; null: no list
};

// JSON array: the aws partition's regions botocore's endpoints.json knows.
std::string_view endpoint_data_regions();

const std::vector<EmbeddedServiceModel>& embedded_service_models();

}  // namespace cloudpeek
