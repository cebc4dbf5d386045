// AppStream 2.0 fleets keep the disconnect timeout at most 5 minutes.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* secs = require_prop(r, "disconnect_timeout_s", &why);
  if (!secs) return not_assessed(why);
  if (secs->is_null()) return not_assessed("AWS reported no disconnect timeout for fleet " + r.id);
  const long long s = secs->is_number() ? secs->get<long long>() : 0;
  if (s > 300)
    return fail("fleet " + r.name + "'s disconnect timeout is " + std::to_string(s) + " s (more than 300 s)");
  return pass("fleet " + r.name + "'s disconnect timeout is " + std::to_string(s) + " s (at most 300 s)");
}

const RegisterCheck reg({
    .meta = {.id = "appstream_fleet_session_disconnect_timeout",
             .title = "AppStream 2.0 fleets should end disconnected sessions within 5 minutes",
             .severity = Severity::kMedium,
             .service = "appstream",
             .resource_type = "AWS::AppStream::Fleet",
             .description = "The fleet's disconnect timeout in seconds (DescribeFleets) is at most 300.",
             .risk = "A disconnected session kept alive can be resumed by whoever next obtains the user's streaming URL or credentials, with the session's open applications and data.",
             .remediation = {.text = "Set the fleet's disconnect timeout to 300 seconds or less.",
                             .cli = "aws appstream update-fleet --name <fleet> --disconnect-timeout-in-seconds 300",
                             .terraform = "resource \"aws_appstream_fleet\" \"this\" {\n  # ...\n  disconnect_timeout_in_seconds = 300\n}"},
             .references = {"https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html",
                            "https://docs.aws.amazon.com/appstream2/latest/APIReference/API_Fleet.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"disconnect_timeout_s"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
