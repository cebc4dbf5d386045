// CIS 4.4: Ensure IAM policy changes are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.4 pattern (AWS documents the same for Security Hub CloudWatch.4).
constexpr const char* kPattern =
    "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}";

const mon::Control& control() {
  static const mon::Control c{"IAM policy changes",
                              {"eventName=DeleteGroupPolicy",
     "eventName=DeleteRolePolicy",
     "eventName=DeleteUserPolicy",
     "eventName=PutGroupPolicy",
     "eventName=PutRolePolicy",
     "eventName=PutUserPolicy",
     "eventName=CreatePolicy",
     "eventName=DeletePolicy",
     "eventName=CreatePolicyVersion",
     "eventName=DeletePolicyVersion",
     "eventName=AttachRolePolicy",
     "eventName=DetachRolePolicy",
     "eventName=AttachUserPolicy",
     "eventName=DetachUserPolicy",
     "eventName=AttachGroupPolicy",
     "eventName=DetachGroupPolicy"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_policy_changes", "4.4", "CloudWatch.4",
                                              "Ensure IAM policy changes are monitored", "IAM policy changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
