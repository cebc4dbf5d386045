// CIS 4.7: Ensure disabling or scheduled deletion of customer created CMKs is monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.7 pattern (AWS documents the same for Security Hub CloudWatch.7).
constexpr const char* kPattern =
    "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }";

const mon::Control& control() {
  static const mon::Control c{"disabling or scheduled deletion of customer managed keys",
                              {"eventSource=kms.amazonaws.com",
     "eventName=DisableKey",
     "eventName=ScheduleKeyDeletion"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk", "4.7", "CloudWatch.7",
                                              "Ensure disabling or scheduled deletion of customer created CMKs is monitored", "disabling or scheduled deletion of customer managed keys", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
