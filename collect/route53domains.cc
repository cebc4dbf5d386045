// Route 53 domain registrations (global; the Route 53 Domains API is served
// from us-east-1 only, and only in the aws partition).
//
// Calls (issue 13): ListDomains (paged), which carries everything the checks
// read: no per-domain call.
//
// AWS::Route53Domains::Domain  arn = arn:<partition>:route53domains:::domain/<name>,
//   id = name = DomainName, region "global"
//   props.auto_renew     bool (AutoRenew)
//   props.transfer_lock  bool (TransferLock)
//   props.expiry         ISO 8601, or null
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "route53domains";
constexpr const char* kDomain = "AWS::Route53Domains::Domain";

void collect(CollectContext& ctx, const std::string&) {
  if (ctx.partition() != "aws") return;  // domains are registered in the aws partition only
  const std::string region = "us-east-1";
  Status listed = for_each_page(ctx, kSvc, "ListDomains", json::object(), region, [&](json& page) {
    for (auto& d : page["Domains"]) {
      Resource r;
      r.type = kDomain;
      r.account = ctx.account();
      r.region = "global";
      r.id = r.name = d.value("DomainName", "");
      r.arn = "arn:" + ctx.partition() + ":route53domains:::domain/" + r.id;
      r.props["auto_renew"] = d.value("AutoRenew", false);
      r.props["transfer_lock"] = d.value("TransferLock", false);
      r.props["expiry"] = iso_timestamp(d.value("Expiry", json()));
      r.raw = std::move(d);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListDomains", "global", {kDomain});
}

const RegisterCollector reg({.service = "route53domains", .global = true, .produces = {kDomain}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
