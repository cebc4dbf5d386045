// CIS 4.12: Ensure changes to network gateways are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.12 pattern (AWS documents the same for Security Hub CloudWatch.12).
constexpr const char* kPattern =
    "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }";

const mon::Control& control() {
  static const mon::Control c{"network gateway changes",
                              {"eventName=CreateCustomerGateway",
     "eventName=DeleteCustomerGateway",
     "eventName=AttachInternetGateway",
     "eventName=CreateInternetGateway",
     "eventName=DeleteInternetGateway",
     "eventName=DetachInternetGateway"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_changes_to_network_gateways_alarm_configured", "4.12", "CloudWatch.12",
                                              "Ensure changes to network gateways are monitored", "network gateway changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
