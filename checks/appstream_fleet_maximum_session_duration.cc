// AppStream 2.0 fleets keep the maximum session duration at most 600 minutes.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* secs = require_prop(r, "max_user_duration_s", &why);
  if (!secs) return not_assessed(why);
  if (secs->is_null()) return not_assessed("AWS reported no maximum session duration for fleet " + r.id);
  const long long s = secs->is_number() ? secs->get<long long>() : 0;
  if (s > 36000)
    return fail("fleet " + r.name + "'s maximum session duration is " + std::to_string(s) + " s (more than 36000 s)");
  return pass("fleet " + r.name + "'s maximum session duration is " + std::to_string(s) + " s (at most 36000 s)");
}

const RegisterCheck reg({
    .meta = {.id = "appstream_fleet_maximum_session_duration",
             .title = "AppStream 2.0 fleets should limit sessions to 10 hours or less",
             .severity = Severity::kMedium,
             .service = "appstream",
             .resource_type = "AWS::AppStream::Fleet",
             .description = "The fleet's max user duration in seconds (DescribeFleets) is at most 36000.",
             .risk = "Long sessions keep a stolen or unattended session usable for longer and stretch the time between re-authentications.",
             .remediation = {.text = "Set the fleet's maximum session duration to 36000 seconds or less.",
                             .cli = "aws appstream update-fleet --name <fleet> --max-user-duration-in-seconds 36000",
                             .terraform = "resource \"aws_appstream_fleet\" \"this\" {\n  # ...\n  max_user_duration_in_seconds = 36000\n}"},
             .references = {"https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html",
                            "https://docs.aws.amazon.com/appstream2/latest/APIReference/API_Fleet.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"max_user_duration_s"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
