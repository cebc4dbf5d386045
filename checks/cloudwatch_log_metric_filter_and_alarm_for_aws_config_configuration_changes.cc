// CIS 4.9: Ensure AWS Config configuration changes are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.9 pattern (AWS documents the same for Security Hub CloudWatch.9).
constexpr const char* kPattern =
    "{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }";

const mon::Control& control() {
  static const mon::Control c{"AWS Config configuration changes",
                              {"eventSource=config.amazonaws.com",
     "eventName=StopConfigurationRecorder",
     "eventName=DeleteDeliveryChannel",
     "eventName=PutDeliveryChannel",
     "eventName=PutConfigurationRecorder"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_and_alarm_for_aws_config_configuration_changes", "4.9", "CloudWatch.9",
                                              "Ensure AWS Config configuration changes are monitored", "AWS Config configuration changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
