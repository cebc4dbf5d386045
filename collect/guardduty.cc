// GuardDuty (regional): one status resource per region, so a region without a
// detector is a finding too (GuardDuty.1).
//
// AWS::GuardDuty::RegionStatus  arn "arn:aws:guardduty:<region>:<account>:status" (synthetic)
//   props: detectors ([{id, status}] — status "ENABLED"/"DISABLED"),
//          enabled (bool: some detector's status is ENABLED)   [missing "enabled" when a GetDetector failed]
// A failed ListDetectors leaves AWS::GuardDuty::RegionStatus incomplete in the region.
#include "collect/collector.h"

#include <memory>
#include <mutex>

namespace cloudpeek::collect {
namespace {

struct Pending {
  std::mutex mu;
  Resource resource;
  size_t left = 0;
};

void collect_guardduty(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "guardduty", "ListDetectors", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "guardduty", "ListDetectors", region, {"AWS::GuardDuty::RegionStatus"});
    return;
  }
  auto p = std::make_shared<Pending>();
  Resource& r = p->resource;
  r.type = "AWS::GuardDuty::RegionStatus";
  r.account = ctx.account();
  r.region = region;
  r.id = "guardduty-" + region;
  r.name = "GuardDuty in " + region;
  r.arn = "arn:" + ctx.partition() + ":guardduty:" + region + ":" + ctx.account() + ":status";
  r.props["detectors"] = json::array();
  r.props["enabled"] = false;
  const json ids = out->value("DetectorIds", json::array());
  if (ids.empty()) {
    ctx.emit(std::move(r));
    return;
  }
  p->left = ids.size();
  for (const auto& id : ids) {
    std::string detector = id.get<std::string>();
    ctx.spawn([&ctx, p, region, detector] {
      auto d = ctx.call("guardduty", "GetDetector", {{"DetectorId", detector}}, region);
      std::lock_guard lock(p->mu);
      Resource& res = p->resource;
      if (!d) {
        record_missing(ctx, res, "enabled", d.error(), "guardduty", "GetDetector");
        res.props["detectors"].push_back({{"id", detector}, {"status", nullptr}});
      } else {
        std::string status = d->value("Status", "");
        res.props["detectors"].push_back({{"id", detector}, {"status", status}});
        if (status == "ENABLED") res.props["enabled"] = true;
      }
      if (--p->left == 0) {
        // An enabled detector settles it even if another's status is unknown.
        if (res.props["enabled"].get<bool>()) res.missing.erase("enabled");
        ctx.emit(std::move(res));
      }
    });
  }
}

const RegisterCollector reg({.service = "guardduty", .global = false,
                             .produces = {"AWS::GuardDuty::RegionStatus"}, .collect = collect_guardduty});

}  // namespace
}  // namespace cloudpeek::collect
