// CIS 4.13: Ensure route table changes are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.13 pattern (AWS documents the same for Security Hub CloudWatch.13).
constexpr const char* kPattern =
    "{($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }";

const mon::Control& control() {
  static const mon::Control c{"route table changes",
                              {"eventName=CreateRoute",
     "eventName=CreateRouteTable",
     "eventName=ReplaceRoute",
     "eventName=ReplaceRouteTableAssociation",
     "eventName=DeleteRouteTable",
     "eventName=DeleteRoute",
     "eventName=DisassociateRouteTable"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_changes_to_network_route_tables_alarm_configured", "4.13", "CloudWatch.13",
                                              "Ensure route table changes are monitored", "route table changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
