#include "aws/protocol/model.h"

namespace cloudpeek {

Protocol ServiceModel::protocol() const {
  std::string p = metadata.value("protocol", "");
  if (p.empty() && metadata.contains("protocols") && metadata["protocols"].is_array() &&
      !metadata["protocols"].empty())
    p = metadata["protocols"][0].get<std::string>();
  if (p == "query") return Protocol::kQuery;
  if (p == "ec2") return Protocol::kEc2;
  if (p == "json") return Protocol::kJson;
  if (p == "rest-json") return Protocol::kRestJson;
  return Protocol::kRestXml;
}

}  // namespace cloudpeek
