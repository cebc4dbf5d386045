// AWS Storage Gateway (regional): gateways and their NFS and SMB file shares.
//
// Calls (issue 13): ListGateways and ListFileShares (paged, every gateway's
// shares at once); then, only when a selected check reads what they return:
// DescribeGatewayInformation per gateway (its CloudWatch log group; no bulk
// form), DescribeNFSFileShares / DescribeSMBFileShares for up to 10 shares a
// call (their bulk form), and DescribeSMBSettings once per gateway that holds
// SMB shares (the SMB security strategy is a gateway setting).
//
// AWS::StorageGateway::Gateway  arn = GatewayARN, id = GatewayId, name = GatewayName
//   props.gateway_type, props.state (GatewayOperationalState)
//   props.cloudwatch_log_group   CloudWatchLogGroupARN, or null     missing when DescribeGatewayInformation failed
// AWS::StorageGateway::FileShare  arn = FileShareARN, id = FileShareId, name = FileShareName or id
//   props.share_type   "NFS" | "SMB", props.gateway_arn
//   props.encryption   "SseS3" | "SseKms" | "DsseKms" (EncryptionType, which Debian's botocore 1.29 model
//                      lacks: aws/services/model_overlay.json adds it; from KMSEncrypted when absent —
//                      deprecated, but the API reference still documents it in NFS/SMBFileShareInfo, and
//                      an older gateway's answer holds only it), props.kms_key (ARN or null)
//   props.squash       NFS: "RootSquash" | "NoSquash" | "AllSquash"; SMB: null
//   props.authentication  SMB: "ActiveDirectory" | "GuestAccess"; NFS: null
//   props.audit_destination  AuditDestinationARN (the log group receiving the share's audit logs), or null
//                      (these five missing when the Describe*FileShares call failed)
//   props.smb_security_strategy  SMB: the gateway's "ClientSpecified" | "MandatorySigning" |
//                      "MandatoryEncryption" | "MandatoryEncryptionNoAes128"; NFS: null
//                      (missing when DescribeSMBSettings failed)
// Gateways and shares whose ARN names another account are dropped. The
// gateway's SMB guest password and Active Directory credentials are never
// requested.
#include <algorithm>
#include <map>
#include <tuple>
#include <string>
#include <vector>

#include "collect/collector.h"
#include "collect/storage_euc_arn.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "storagegateway";
constexpr const char* kGateway = "AWS::StorageGateway::Gateway";
constexpr const char* kShare = "AWS::StorageGateway::FileShare";
const std::initializer_list<const char*> kShareDescribed = {"encryption", "kms_key", "squash", "authentication",
                                                            "audit_destination"};
constexpr size_t kBatch = 10;  // Describe{NFS,SMB}FileShares take at most 10 ARNs

void describe_gateway(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeGatewayInformation", json{{"GatewayARN", r.arn}}, r.region);
  if (!out) {
    record_missing(ctx, r, "cloudwatch_log_group", out.error(), kSvc, "DescribeGatewayInformation");
    ctx.emit(std::move(r));
    return;
  }
  const std::string group = out->value("CloudWatchLogGroupARN", "");
  r.props["cloudwatch_log_group"] = group.empty() ? json(nullptr) : json(group);
  if (out->contains("Tags")) r.tags = tags_from_list((*out)["Tags"]);
  r.raw["CloudWatchLogGroupARN"] = r.props["cloudwatch_log_group"];
  ctx.emit(std::move(r));
}

void put_share_details(Resource& r, const json& d) {
  std::string enc = d.value("EncryptionType", "");
  if (enc.empty()) enc = d.value("KMSEncrypted", false) ? "SseKms" : "SseS3";
  r.props["encryption"] = enc;
  const std::string key = d.value("KMSKey", "");
  r.props["kms_key"] = key.empty() ? json(nullptr) : json(key);
  r.props["squash"] = r.props["share_type"] == "NFS" ? json(d.value("Squash", "RootSquash")) : json(nullptr);
  r.props["authentication"] =
      r.props["share_type"] == "SMB" ? json(d.value("Authentication", "ActiveDirectory")) : json(nullptr);
  const std::string audit = d.value("AuditDestinationARN", "");
  r.props["audit_destination"] = audit.empty() ? json(nullptr) : json(audit);
  if (d.contains("FileShareName")) r.name = d.value("FileShareName", r.id);
}

// Describes `shares` (one type) in batches of 10 and fills their properties.
void describe_shares(CollectContext& ctx, std::vector<Resource>& shares, const std::string& type) {
  const std::string op = "Describe" + type + "FileShares";
  const std::string list = type + "FileShareInfoList";
  for (size_t i = 0; i < shares.size(); i += kBatch) {
    json arns = json::array();
    for (size_t j = i; j < std::min(shares.size(), i + kBatch); ++j) arns.push_back(shares[j].arn);
    auto out = ctx.call(kSvc, op, json{{"FileShareARNList", arns}}, shares[i].region);
    std::map<std::string, json> by_arn;
    if (out)
      for (auto& d : (*out)[list]) {
        const std::string arn = d.value("FileShareARN", "");  // before d is moved (the right side goes first)
        by_arn[arn] = std::move(d);
      }
    for (size_t j = i; j < std::min(shares.size(), i + kBatch); ++j) {
      Resource& r = shares[j];
      if (!out) {
        record_missing(ctx, r, "encryption", out.error(), kSvc, op);
        for (const char* p : kShareDescribed) r.missing[p] = r.missing["encryption"];
        continue;
      }
      auto it = by_arn.find(r.arn);
      if (it == by_arn.end()) {
        for (const char* p : kShareDescribed)
          r.missing[p] = "storagegateway:" + op + " did not describe file share " + r.id;
        continue;
      }
      put_share_details(r, it->second);
      r.raw["Details"] = std::move(it->second);
    }
  }
}

void collect_shares(CollectContext& ctx, const std::string& region, std::vector<Resource> shares) {
  // Squash is read from NFS shares only, authentication from SMB shares only.
  const bool common = ctx.needs(kShare, "encryption") || ctx.needs(kShare, "kms_key") ||
                      ctx.needs(kShare, "audit_destination");
  const bool nfs_described = common || ctx.needs(kShare, "squash");
  const bool smb_described = common || ctx.needs(kShare, "authentication");
  const bool strategy = ctx.needs(kShare, "smb_security_strategy");
  std::vector<Resource> nfs, smb;
  for (auto& r : shares) (r.props["share_type"] == "SMB" ? smb : nfs).push_back(std::move(r));
  for (auto [group, described, type] : {std::tuple{&nfs, nfs_described, "NFS"}, std::tuple{&smb, smb_described, "SMB"}}) {
    if (described) {
      describe_shares(ctx, *group, type);
      continue;
    }
    for (auto& r : *group)
      for (const char* p : kShareDescribed) not_needed(r, p);
  }
  for (auto& r : nfs) r.props["smb_security_strategy"] = nullptr;
  std::map<std::string, std::string> strategy_of;  // gateway ARN → strategy
  for (auto& r : smb) {
    if (!strategy) {
      not_needed(r, "smb_security_strategy");
      continue;
    }
    const std::string gw = r.props.value("gateway_arn", "");
    if (!strategy_of.count(gw)) {
      auto out = ctx.call(kSvc, "DescribeSMBSettings", json{{"GatewayARN", gw}}, region);
      if (!out) {
        record_missing(ctx, r, "smb_security_strategy", out.error(), kSvc, "DescribeSMBSettings");
        strategy_of[gw] = "";
        for (auto& other : smb)
          if (&other != &r && other.props.value("gateway_arn", "") == gw)
            other.missing["smb_security_strategy"] = r.missing["smb_security_strategy"];
        continue;
      }
      strategy_of[gw] = out->value("SMBSecurityStrategy", "ClientSpecified");
    }
    if (r.missing.count("smb_security_strategy")) continue;
    r.props["smb_security_strategy"] = strategy_of[gw];
  }
  for (auto* group : {&nfs, &smb})
    for (auto& r : *group) ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto gateways = call_all_pages(ctx, kSvc, "ListGateways", json::object(), region);
  if (!gateways) {
    record_failure(ctx, gateways.error(), kSvc, "ListGateways", region, {kGateway});
  } else {
    const bool log_needed = ctx.needs(kGateway, "cloudwatch_log_group");
    for (auto& g : (*gateways)["Gateways"]) {
      Resource r;
      r.type = kGateway;
      r.account = ctx.account();
      r.region = region;
      r.arn = g.value("GatewayARN", "");
      if (std::string a = arn_account_of(r.arn); !a.empty() && a != ctx.account()) continue;
      r.id = g.value("GatewayId", "");
      r.name = g.value("GatewayName", r.id);
      r.props["gateway_type"] = g.value("GatewayType", "");
      r.props["state"] = g.value("GatewayOperationalState", "");
      r.raw = std::move(g);
      if (!log_needed) {
        not_needed(r, "cloudwatch_log_group");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe_gateway(ctx, std::move(r)); });
    }
  }
  auto listed = call_all_pages(ctx, kSvc, "ListFileShares", json::object(), region);
  if (!listed) {
    record_failure(ctx, listed.error(), kSvc, "ListFileShares", region, {kShare});
    return;
  }
  std::vector<Resource> shares;
  for (auto& s : (*listed)["FileShareInfoList"]) {
    Resource r;
    r.type = kShare;
    r.account = ctx.account();
    r.region = region;
    r.arn = s.value("FileShareARN", "");
    if (std::string a = arn_account_of(r.arn); !a.empty() && a != ctx.account()) continue;
    r.id = r.name = s.value("FileShareId", "");
    r.props["share_type"] = s.value("FileShareType", "");
    r.props["gateway_arn"] = s.value("GatewayARN", "");
    r.raw = std::move(s);
    shares.push_back(std::move(r));
  }
  collect_shares(ctx, region, std::move(shares));
}

const RegisterCollector reg({.service = "storagegateway", .global = false, .produces = {kGateway, kShare},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
