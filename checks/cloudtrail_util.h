// What the CloudTrail checks share: the trails that apply to a region (from the
// region's "AWS::CloudTrail::TrailCoverage" resource) and the bucket a trail
// delivers to. Props as collect/cloudtrail.h documents them.
#pragma once

#include <functional>
#include <string>

#include "checks/check.h"

namespace cloudpeek::checks::cloudtrail {

inline constexpr const char* kTrail = "AWS::CloudTrail::Trail";

// Judges the region by the trails that apply to it: PASS as soon as one trail
// (selected by `eligible`, from the coverage entry) satisfies `good`, which
// returns "" when it does or why it does not; NOT_ASSESSED when no trail passes
// and one of them could not be judged. `props` lists the trail props `good` reads.
inline CheckResult any_trail(const Resource& coverage, const Inventory& inv, const std::string& what,
                             const std::function<bool(const json& entry)>& eligible,
                             const std::vector<std::string>& props,
                             const std::function<std::string(const Resource& trail)>& good) {
  std::vector<std::string> why_not;
  std::string unknown;
  for (const auto& entry : coverage.props.value("trails", json::array())) {
    if (!eligible(entry)) continue;
    std::string arn = entry.value("arn", "");
    const Resource* trail = inv.find_arn(arn);
    if (!trail) {
      std::string home = entry.value("home_region", "");
      if (auto gap = inv.gap(kTrail, home)) unknown = "trail " + entry.value("name", arn) + ": " + *gap;
      else unknown = "trail " + entry.value("name", arn) + " was not described: its home region " + home + " was not scanned";
      continue;
    }
    bool missing = false;
    for (const auto& p : props)
      if (auto m = trail->missing_reason(p)) unknown = "trail " + trail->name + ": " + *m, missing = true;
    if (missing) continue;
    std::string bad = good(*trail);
    if (bad.empty()) return pass("trail " + trail->name + " " + what + " in " + coverage.region);
    why_not.push_back(trail->name + " " + bad);
  }
  if (!unknown.empty()) return not_assessed(unknown);
  if (why_not.empty()) return fail("no trail that applies to " + coverage.region + " " + what);
  std::string detail = "no trail " + what + " in " + coverage.region + ": ";
  for (size_t i = 0; i < why_not.size(); ++i) detail += (i ? "; " : "") + why_not[i];
  return fail(detail);
}

// The bucket a trail delivers to, from the inventory; nullptr with `why` when
// it cannot be examined (not collected, or in another account).
inline const Resource* log_bucket(const Resource& trail, const Inventory& inv, std::string& why) {
  std::string name = trail.props.value("s3_bucket_name", "");
  std::string partition = trail.arn.rfind("arn:", 0) == 0 ? trail.arn.substr(4, trail.arn.find(':', 4) - 4) : "aws";
  if (const Resource* b = inv.find_arn("arn:" + partition + ":s3:::" + name)) return b;
  if (auto gap = inv.gap_any_region("AWS::S3::Bucket")) {
    why = "the buckets of the account were not all listed: " + *gap;
  } else {
    why = "trail " + trail.name + " delivers to bucket " + name +
          ", which is not in this account (cross-account log bucket): its settings cannot be assessed from here";
  }
  return nullptr;
}

}  // namespace cloudpeek::checks::cloudtrail
