// CIS 4.11: Ensure Network Access Control List (NACL) changes are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.11 pattern (AWS documents the same for Security Hub CloudWatch.11).
constexpr const char* kPattern =
    "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }";

const mon::Control& control() {
  static const mon::Control c{"network ACL changes",
                              {"eventName=CreateNetworkAcl",
     "eventName=CreateNetworkAclEntry",
     "eventName=DeleteNetworkAcl",
     "eventName=DeleteNetworkAclEntry",
     "eventName=ReplaceNetworkAclEntry",
     "eventName=ReplaceNetworkAclAssociation"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_changes_to_network_acls_alarm_configured", "4.11", "CloudWatch.11",
                                              "Ensure Network Access Control List (NACL) changes are monitored", "network ACL changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
