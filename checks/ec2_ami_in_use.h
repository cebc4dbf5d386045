// The account's AMIs that instances still run (for the deprecated- and
// outdated-AMI checks): the instances of the image's region whose image_id is
// the AMI. Only the account's own AMIs are listed (DescribeImages
// Owners=self), so instances launched from Amazon's or a vendor's AMIs are not
// judged here.
#pragma once

#include <string>
#include <vector>

#include "checks/check.h"

namespace cloudpeek::checks::ami_use {

inline constexpr const char* kInstance = "AWS::EC2::Instance";

// The ids of the instances running `image`, or the reason they could not be
// known (the region's instance listing has a gap).
inline std::vector<std::string> instances_of(const Resource& image, const Inventory& inv, std::string* gap) {
  std::vector<std::string> ids;
  if (auto why = inv.gap(kInstance, image.region)) {
    *gap = *why;
    return ids;
  }
  for (const auto& i : inv.of_type(kInstance)) {
    if (i.region != image.region) continue;
    const json* id = i.prop("image_id");
    if (id && id->is_string() && *id == image.id) ids.push_back(i.id);
  }
  return ids;
}

inline std::string listed(const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < 5; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > 5) out += " and " + std::to_string(ids.size() - 5) + " more";
  return out;
}

}  // namespace cloudpeek::checks::ami_use
