// CloudTrail trails as the inventory holds them (the contract the CIS 4.x
// monitoring checks read).
//
// "AWS::CloudTrail::Trail", one per trail (region = its home region), arn = TrailARN, props:
//   "name" string, "home_region" string, "is_multi_region" bool, "is_organization_trail" bool,
//   "log_file_validation" bool, "kms_key_id" string|null, "s3_bucket_name" string,
//   "cloud_watch_logs_log_group_arn" string|null (as AWS returns it, ending ":*"),
//   "is_logging" bool (GetTrailStatus; missing["is_logging"] when it failed),
//   "management_events_all" bool (event selectors or advanced event selectors record
//     all management events, read and write, with no source excluded),
//   "s3_data_events_write", "s3_data_events_read" bool (data events for all S3 objects
//     of that kind); the last three are missing[...] when GetEventSelectors failed.
#pragma once

#include <nlohmann/json.hpp>

namespace cloudpeek::collect {

struct SelectorSummary {
  bool management_all = false;
  bool s3_write = false;
  bool s3_read = false;
};

// What GetEventSelectors' answer records (EventSelectors or AdvancedEventSelectors).
SelectorSummary summarize_event_selectors(const nlohmann::json& get_event_selectors_output);

}  // namespace cloudpeek::collect
