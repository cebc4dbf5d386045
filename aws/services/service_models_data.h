// The embedded, generated service models (see gen_service_models.py).
#pragma once

#include <string_view>
#include <vector>

namespace cloudpeek {

struct EmbeddedServiceModel {
  std::string_view name;  // botocore service name: "ec2", "s3", "elbv2", ...
  std::string_view json;  // {"metadata", "operations", "shapes", "paginators"}
};

const std::vector<EmbeddedServiceModel>& embedded_service_models();

}  // namespace cloudpeek
