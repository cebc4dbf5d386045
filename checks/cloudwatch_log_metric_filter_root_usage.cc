// CIS 4.3: Ensure usage of the 'root' account is monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.3 pattern (AWS documents the same for Security Hub CloudWatch.1).
constexpr const char* kPattern =
    "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }";

const mon::Control& control() {
  static const mon::Control c{"root account usage",
                              {"userIdentity.type=Root",
     "userIdentity.invokedBy NOT EXISTS",
     "eventType!=AwsServiceEvent"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_root_usage", "4.3", "CloudWatch.1",
                                              "Ensure usage of the 'root' account is monitored", "root account usage", kPattern, Severity::kHigh),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
