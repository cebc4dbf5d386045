// AppStream 2.0 fleets keep the idle disconnect timeout at most 10 minutes.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* secs = require_prop(r, "idle_disconnect_timeout_s", &why);
  if (!secs) return not_assessed(why);
  if (secs->is_null()) return not_assessed("AWS reported no idle disconnect timeout for fleet " + r.id);
  if (!secs->is_number_integer() || secs->get<int>() <= 0)
    return fail("fleet " + r.name + " never disconnects idle users (idle disconnect timeout off)");
  const long long s = secs->is_number() ? secs->get<long long>() : 0;
  if (s > 600)
    return fail("fleet " + r.name + "'s idle disconnect timeout is " + std::to_string(s) + " s (more than 600 s)");
  return pass("fleet " + r.name + "'s idle disconnect timeout is " + std::to_string(s) + " s (at most 600 s)");
}

const RegisterCheck reg({
    .meta = {.id = "appstream_fleet_session_idle_disconnect_timeout",
             .title = "AppStream 2.0 fleets should disconnect idle users within 10 minutes",
             .severity = Severity::kMedium,
             .service = "appstream",
             .resource_type = "AWS::AppStream::Fleet",
             .description = "The fleet's idle disconnect timeout in seconds (DescribeFleets) is at most 600 and not 0 (off).",
             .risk = "An idle session left open on an unattended device can be used by anyone in front of it.",
             .remediation = {.text = "Set the fleet's idle disconnect timeout to 600 seconds or less.",
                             .cli = "aws appstream update-fleet --name <fleet> --idle-disconnect-timeout-in-seconds 600",
                             .terraform = "resource \"aws_appstream_fleet\" \"this\" {\n  # ...\n  idle_disconnect_timeout_in_seconds = 600\n}"},
             .references = {"https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html",
                            "https://docs.aws.amazon.com/appstream2/latest/APIReference/API_Fleet.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"idle_disconnect_timeout_s"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
