// Amazon Inspector (regional): which scan types are activated for the account
// in each region (FSBP Inspector.1 EC2, Inspector.2 ECR, Inspector.3 Lambda
// code scanning, Inspector.4 Lambda standard scanning).
//
// Calls: BatchGetAccountStatus once per region with the scanning account's id
// (a bulk call: one answer holds every scan type's state; no per-resource call).
//
// AWS::Inspector2::AccountStatus  one per region, arn "arn:…:inspector2:<region>:<account>:account-status"
//   (synthetic: the status has no ARN), id = name = "inspector2-<region>"
//   props.ec2, props.ecr, props.lambda, props.lambda_code
//                                        the scan type's status: "ENABLED", "ENABLING", "DISABLED", "DISABLING",
//                                        "SUSPENDED", "SUSPENDING"; null when AWS did not report it
//                                        (lambda_code: ResourceState's lambdaCode, which Debian's botocore 1.29
//                                        model lacks: aws/services/model_overlay.json adds it)
// A failed or denied call, or the account in the answer's failedAccounts,
// leaves the type incomplete in the region: its checks say NOT_ASSESSED there,
// never FAIL or PASS.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "inspector2";
constexpr const char* kStatus = "AWS::Inspector2::AccountStatus";

json status_of(const json& state, const char* key) {
  if (!state.contains(key) || !state[key].is_object()) return nullptr;
  const json& s = state[key];
  if (!s.contains("status") || !s["status"].is_string()) return nullptr;
  return s["status"];
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call(kSvc, "BatchGetAccountStatus", json{{"accountIds", json::array({ctx.account()})}}, region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "BatchGetAccountStatus", region, {kStatus});
    return;
  }
  for (const auto& failed : out->value("failedAccounts", json::array())) {
    if (failed.value("accountId", "") != ctx.account()) continue;
    Error e = make_error(ErrorKind::kServiceError, "Amazon Inspector could not report the account's status in " +
                                                       region + ": " + failed.value("errorCode", std::string("?")) +
                                                       " " + failed.value("errorMessage", std::string()));
    e.code = failed.value("errorCode", "");
    if (e.code == "ACCESS_DENIED") e.kind = ErrorKind::kAccessDenied;
    e.service = kSvc;
    e.action = iam_action(kSvc, "BatchGetAccountStatus");
    record_failure(ctx, e, kSvc, "BatchGetAccountStatus", region, {kStatus});
    return;
  }
  for (const auto& a : out->value("accounts", json::array())) {
    // Only the scanning account's own status (a delegated administrator may be answered for members too).
    if (a.value("accountId", "") != ctx.account()) continue;
    const json state = a.value("resourceState", json::object());
    Resource r;
    r.type = kStatus;
    r.account = ctx.account();
    r.region = region;
    r.id = "inspector2-" + region;
    r.name = "Amazon Inspector in " + region;
    r.arn = "arn:" + ctx.partition() + ":inspector2:" + region + ":" + ctx.account() + ":account-status";
    r.props = {{"ec2", status_of(state, "ec2")},
               {"ecr", status_of(state, "ecr")},
               {"lambda", status_of(state, "lambda")},
               {"lambda_code", status_of(state, "lambdaCode")}};
    r.raw = a;
    ctx.emit(std::move(r));
    return;
  }
  Error e = make_error(ErrorKind::kMalformedResponse,
                       "BatchGetAccountStatus answered without the account " + ctx.account() + " in " + region + ".");
  e.code = "MissingAccount";
  record_failure(ctx, e, kSvc, "BatchGetAccountStatus", region, {kStatus});
}

const RegisterCollector reg({.service = "inspector2", .global = false, .produces = {kStatus}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
