// CIS 4.14: Ensure VPC changes are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.14 pattern (AWS documents the same for Security Hub CloudWatch.14).
constexpr const char* kPattern =
    "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }";

const mon::Control& control() {
  static const mon::Control c{"VPC changes",
                              {"eventName=CreateVpc",
     "eventName=DeleteVpc",
     "eventName=ModifyVpcAttribute",
     "eventName=AcceptVpcPeeringConnection",
     "eventName=CreateVpcPeeringConnection",
     "eventName=DeleteVpcPeeringConnection",
     "eventName=RejectVpcPeeringConnection",
     "eventName=AttachClassicLinkVpc",
     "eventName=DetachClassicLinkVpc",
     "eventName=DisableVpcClassicLink",
     "eventName=EnableVpcClassicLink"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_changes_to_vpcs_alarm_configured", "4.14", "CloudWatch.14",
                                              "Ensure VPC changes are monitored", "VPC changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
