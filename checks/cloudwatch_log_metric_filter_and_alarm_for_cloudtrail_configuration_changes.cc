// CIS 4.5: Ensure CloudTrail configuration changes are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.5 pattern (AWS documents the same for Security Hub CloudWatch.5).
constexpr const char* kPattern =
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";

const mon::Control& control() {
  static const mon::Control c{"CloudTrail configuration changes",
                              {"eventName=CreateTrail",
     "eventName=UpdateTrail",
     "eventName=DeleteTrail",
     "eventName=StartLogging",
     "eventName=StopLogging"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes", "4.5", "CloudWatch.5",
                                              "Ensure CloudTrail configuration changes are monitored", "CloudTrail configuration changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
