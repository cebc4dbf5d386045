// CIS 4.6: Ensure AWS Management Console authentication failures are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.6 pattern (AWS documents the same for Security Hub CloudWatch.6).
constexpr const char* kPattern =
    "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }";

const mon::Control& control() {
  static const mon::Control c{"console authentication failures",
                              {"eventName=ConsoleLogin",
     "errorMessage=Failed authentication"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_authentication_failures", "4.6", "CloudWatch.6",
                                              "Ensure AWS Management Console authentication failures are monitored", "console authentication failures", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
