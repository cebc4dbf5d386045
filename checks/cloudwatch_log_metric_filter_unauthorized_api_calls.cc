// CIS 4.1: Ensure unauthorized API calls are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.1 pattern (AWS documents the same for Security Hub CloudWatch.2).
constexpr const char* kPattern =
    "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") && ($.sourceIPAddress != \"delivery.logs.amazonaws.com\") && ($.eventName != \"HeadBucket\") }";

const mon::Control& control() {
  static const mon::Control c{"unauthorized API calls",
                              {"errorCode=*UnauthorizedOperation|errorCode=UnauthorizedOperation",
     "errorCode=AccessDenied*|errorCode=AccessDenied"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_unauthorized_api_calls", "4.1", "CloudWatch.2",
                                              "Ensure unauthorized API calls are monitored", "unauthorized API calls", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
