// S3 access points (regional) and Multi-Region Access Points (global), with
// their block public access settings (FSBP S3.19, S3.24).
//
// Calls (issue 13): s3control ListAccessPoints once per region (no botocore
// paginator: its NextToken is followed here) — it does not carry the block
// public access settings, so GetAccessPoint per access point (no bulk form),
// only when a selected check reads them. ListMultiRegionAccessPoints once per
// scan (it carries each one's PublicAccessBlock); AWS serves Multi-Region
// Access Point requests in us-west-2 only, so it is sent there.
//
// These run as their own collectors ("s3-access-points",
// "s3-multi-region-access-points"): a scan makes their calls only when a
// selected check reads their types.
//
// AWS::S3::AccessPoint  arn = AccessPointArn, id = name = Name
//   props.bucket, props.network_origin ("Internet" | "VPC")
//   props.block_public_acls, ignore_public_acls, block_public_policy, restrict_public_buckets
//                          (bool, GetAccessPoint's PublicAccessBlockConfiguration) missing: "public_access_block"
//   props.public_access_block  the four together (object)
// AWS::S3::MultiRegionAccessPoint  arn = arn:aws:s3::<account>:accesspoint/<alias>, id = Alias, name = Name
//   props.public_access_block  the four settings (object)
// Access points of another account are dropped.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "s3control";
constexpr const char* kAccessPoint = "AWS::S3::AccessPoint";
constexpr const char* kMrap = "AWS::S3::MultiRegionAccessPoint";

json block_from(const json& c) {
  return {{"block_public_acls", c.value("BlockPublicAcls", false)},
          {"ignore_public_acls", c.value("IgnorePublicAcls", false)},
          {"block_public_policy", c.value("BlockPublicPolicy", false)},
          {"restrict_public_buckets", c.value("RestrictPublicBuckets", false)}};
}

// "arn:aws:s3:us-east-1:111122223333:accesspoint/name" → "111122223333".
std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

void describe(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "GetAccessPoint", json{{"AccountId", ctx.account()}, {"Name", r.name}}, r.region);
  if (!out) {
    record_missing(ctx, r, "public_access_block", out.error(), kSvc, "GetAccessPoint");
  } else {
    json block = block_from(out->value("PublicAccessBlockConfiguration", json::object()));
    r.props["public_access_block"] = block;
    r.raw["PublicAccessBlockConfiguration"] = out->value("PublicAccessBlockConfiguration", json::object());
  }
  ctx.emit(std::move(r));
}

void collect_access_points(CollectContext& ctx, const std::string& region) {
  const bool needed = ctx.needs(kAccessPoint, "public_access_block");
  json params = {{"AccountId", ctx.account()}};
  auto listed = for_each_token_page(ctx, kSvc, "ListAccessPoints", std::move(params), region, [&](json& page) {
    for (auto& a : page.value("AccessPointList", json::array())) {
      Resource r;
      r.type = kAccessPoint;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = a.value("Name", "");
      r.arn = a.value("AccessPointArn",
                      "arn:" + ctx.partition() + ":s3:" + region + ":" + ctx.account() + ":accesspoint/" + r.name);
      if (std::string owner = arn_account(r.arn); !owner.empty() && owner != ctx.account()) continue;
      r.props["bucket"] = a.value("Bucket", "");
      r.props["network_origin"] = a.value("NetworkOrigin", "");
      r.raw = a;
      if (!needed) {
        not_needed(r, "public_access_block");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListAccessPoints", region, {kAccessPoint});
}

void collect_mraps(CollectContext& ctx, const std::string& home_region) {
  // The Multi-Region Access Point control plane is in us-west-2 (aws partition).
  const std::string region = ctx.partition() == "aws" ? "us-west-2" : home_region;
  json params = {{"AccountId", ctx.account()}};
  auto listed = for_each_token_page(ctx, kSvc, "ListMultiRegionAccessPoints", std::move(params), region, [&](json& page) {
    for (auto& m : page.value("AccessPoints", json::array())) {
      Resource r;
      r.type = kMrap;
      r.account = ctx.account();
      r.region = "global";
      r.id = m.value("Alias", "");
      r.name = m.value("Name", r.id);
      r.arn = "arn:" + ctx.partition() + ":s3::" + ctx.account() + ":accesspoint/" + r.id;
      r.props["public_access_block"] = block_from(m.value("PublicAccessBlock", json::object()));
      r.props["status"] = m.value("Status", "");
      r.raw = m;
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListMultiRegionAccessPoints", "global", {kMrap});
}

const RegisterCollector reg({.service = "s3-access-points",
                             .global = false,
                             .produces = {kAccessPoint},
                             .collect = collect_access_points});
const RegisterCollector mrap_reg({.service = "s3-multi-region-access-points",
                                  .global = true,
                                  .produces = {kMrap},
                                  .collect = collect_mraps});

}  // namespace
}  // namespace cloudpeek::collect
