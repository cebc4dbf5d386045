// CIS 4.2: Ensure management console sign-in without MFA is monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.2 pattern (AWS documents the same for Security Hub CloudWatch.3).
constexpr const char* kPattern =
    "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }";

const mon::Control& control() {
  static const mon::Control c{"console sign-in without MFA",
                              {"eventName=ConsoleLogin",
     "additionalEventData.MFAUsed!=Yes"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_sign_in_without_mfa", "4.2", "CloudWatch.3",
                                              "Ensure management console sign-in without MFA is monitored", "console sign-in without MFA", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
