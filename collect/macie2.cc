// Amazon Macie (regional): whether Macie is enabled for the account in each
// region (FSBP Macie.1) and whether automated sensitive data discovery is on
// (Macie.2).
//
// Calls: GetMacieSession once per region; GetAutomatedDiscoveryConfiguration
// once per region where Macie is enabled and a selected check reads it. Where
// Macie was never enabled, AWS answers GetMacieSession with
// AccessDeniedException "Macie is not enabled." — that is the status DISABLED,
// not a denial; any other AccessDenied (the identity may not call it) is a
// coverage gap, so the checks say NOT_ASSESSED.
//
// AWS::Macie::Session  one per region, arn "arn:…:macie2:<region>:<account>:session" (synthetic),
//   id = name = "macie-<region>"
//   props.status               "ENABLED", "PAUSED", or "DISABLED" (never enabled)
//   props.automated_discovery  "ENABLED" / "DISABLED" ("DISABLED" where Macie is not enabled)
//                              missing when GetAutomatedDiscoveryConfiguration failed
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "macie2";
constexpr const char* kSession = "AWS::Macie::Session";

bool macie_not_enabled(const Error& e) {
  return e.code == "AccessDeniedException" && e.message.find("Macie is not enabled") != std::string::npos;
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call(kSvc, "GetMacieSession", json::object(), region);
  if (!out && !macie_not_enabled(out.error())) {
    record_failure(ctx, out.error(), kSvc, "GetMacieSession", region, {kSession});
    return;
  }
  Resource r;
  r.type = kSession;
  r.account = ctx.account();
  r.region = region;
  r.id = "macie-" + region;
  r.name = "Amazon Macie in " + region;
  r.arn = "arn:" + ctx.partition() + ":macie2:" + region + ":" + ctx.account() + ":session";
  const std::string status = out ? out->value("status", std::string("DISABLED")) : "DISABLED";
  r.props["status"] = status;
  if (out) r.raw = *out;
  if (status == "DISABLED") {
    r.props["automated_discovery"] = "DISABLED";
  } else if (!ctx.needs(kSession, "automated_discovery")) {
    not_needed(r, "automated_discovery");
  } else {
    auto conf = ctx.call(kSvc, "GetAutomatedDiscoveryConfiguration", json::object(), region);
    if (conf)
      r.props["automated_discovery"] = conf->value("status", std::string("DISABLED"));
    else
      record_missing(ctx, r, "automated_discovery", conf.error(), kSvc, "GetAutomatedDiscoveryConfiguration");
  }
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "macie2", .global = false, .produces = {kSession}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
