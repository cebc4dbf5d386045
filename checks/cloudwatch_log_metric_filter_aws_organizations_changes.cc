// CIS 4.15: Ensure AWS Organizations changes are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.15 pattern (AWS documents the same for Security Hub).
constexpr const char* kPattern =
    "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\") || ($.eventName = \"CreateAccount\") || ($.eventName = \"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\") || ($.eventName = \"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || ($.eventName = \"DeleteOrganizationalUnit\") || ($.eventName = \"DeletePolicy\") || ($.eventName = \"DetachPolicy\") || ($.eventName = \"DisablePolicyType\") || ($.eventName = \"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || ($.eventName = \"LeaveOrganization\") || ($.eventName = \"MoveAccount\") || ($.eventName = \"RemoveAccountFromOrganization\") || ($.eventName = \"UpdatePolicy\") || ($.eventName = \"UpdateOrganizationalUnit\")) }";

const mon::Control& control() {
  static const mon::Control c{"AWS Organizations changes",
                              {"eventSource=organizations.amazonaws.com",
     "eventName=AcceptHandshake",
     "eventName=AttachPolicy",
     "eventName=CreateAccount",
     "eventName=CreateOrganizationalUnit",
     "eventName=CreatePolicy",
     "eventName=DeclineHandshake",
     "eventName=DeleteOrganization",
     "eventName=DeleteOrganizationalUnit",
     "eventName=DeletePolicy",
     "eventName=DetachPolicy",
     "eventName=DisablePolicyType",
     "eventName=EnablePolicyType",
     "eventName=InviteAccountToOrganization",
     "eventName=LeaveOrganization",
     "eventName=MoveAccount",
     "eventName=RemoveAccountFromOrganization",
     "eventName=UpdatePolicy",
     "eventName=UpdateOrganizationalUnit"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_aws_organizations_changes", "4.15", "",
                                              "Ensure AWS Organizations changes are monitored", "AWS Organizations changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
