// CIS 4.10: Ensure security group changes are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.10 pattern (AWS documents the same for Security Hub CloudWatch.10).
constexpr const char* kPattern =
    "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }";

const mon::Control& control() {
  static const mon::Control c{"security group changes",
                              {"eventName=AuthorizeSecurityGroupIngress",
     "eventName=AuthorizeSecurityGroupEgress",
     "eventName=RevokeSecurityGroupIngress",
     "eventName=RevokeSecurityGroupEgress",
     "eventName=CreateSecurityGroup",
     "eventName=DeleteSecurityGroup"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_security_group_changes", "4.10", "CloudWatch.10",
                                              "Ensure security group changes are monitored", "security group changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
