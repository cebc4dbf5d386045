// The names one AWS service goes by besides its endpoint prefix: the serviceId
// behind AWS_ENDPOINT_URL_<SERVICE>, and the name its signatures use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cloudpeek {

struct ServiceNames {
  // serviceIds upper-cased, spaces to underscores ("Route 53" → ROUTE_53), in the
  // order they are looked up; several services may share one endpoint prefix.
  std::vector<std::string> env_ids;
  std::string signing_name;
};

ServiceNames service_names(std::string_view endpoint_prefix);

}  // namespace cloudpeek
