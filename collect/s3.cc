// S3: buckets with their location, ACL, policy, policy status, public access
// block, default encryption, versioning, logging, object lock, ownership and
// tags; and the account-level public access block (S3 Control).
//
// "AWS::S3::Bucket" (arn:aws:s3:::NAME, region = the bucket's region), props:
//   "location"            string, the bucket's region (GetBucketLocation: empty = us-east-1, "EU" = eu-west-1)
//   "acl"                 {"owner_id": string, "grants": [{"grantee_type": "CanonicalUser"|"Group"|
//                          "AmazonCustomerByEmail", "grantee_id": string, "grantee_uri": string,
//                          "permission": "READ"|"WRITE"|"READ_ACP"|"WRITE_ACP"|"FULL_CONTROL"}]}
//   "policy"              the bucket policy document (parsed JSON), null when there is none
//   "policy_is_public"    bool (GetBucketPolicyStatus; false when there is no policy)
//   "public_access_block" {"block_public_acls", "ignore_public_acls", "block_public_policy",
//                          "restrict_public_buckets": bool}, null when none is configured
//   "encryption"          {"algorithm": "AES256"|"aws:kms"|"aws:kms:dsse", "kms_key_id": string|null,
//                          "bucket_key_enabled": bool}, null when no default encryption is configured
//   "versioning"          "Enabled" | "Suspended" | "" (never enabled)
//   "mfa_delete"          "Enabled" | "Disabled" | "" (never configured)
//   "logging"             {"target_bucket": string, "target_prefix": string}, null when disabled
//   "object_lock"         bool (ObjectLockEnabled = "Enabled")
//   "object_ownership"    "BucketOwnerEnforced" | "BucketOwnerPreferred" | "ObjectWriter", null when none set
//   "replication"         {"rules": [{"id": string, "status": "Enabled"|"Disabled",
//                          "destination_bucket": bucket ARN, "destination_account": string|null}]},
//                          null when the bucket has none (ReplicationConfigurationNotFoundError)
// A property whose call failed is absent and named in Resource::missing.
//
// "AWS::S3::AccountPublicAccessBlock" (arn:aws:s3::ACCOUNT:account, region "global"), props:
//   "exists" bool, and when it does: "block_public_acls", "ignore_public_acls",
//   "block_public_policy", "restrict_public_buckets" (bool).
#include <atomic>
#include <memory>
#include <mutex>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kBucket = "AWS::S3::Bucket";
constexpr const char* kAccountBlock = "AWS::S3::AccountPublicAccessBlock";

std::string bucket_region(const json& out) {
  const json* lc = out.contains("LocationConstraint") ? &out["LocationConstraint"] : nullptr;
  if (!lc || lc->is_null() || !lc->is_string() || lc->get<std::string>().empty()) return "us-east-1";
  std::string r = lc->get<std::string>();
  return r == "EU" ? "eu-west-1" : r;
}

json block_from(const json& c) {
  return {{"block_public_acls", c.value("BlockPublicAcls", false)},
          {"ignore_public_acls", c.value("IgnorePublicAcls", false)},
          {"block_public_policy", c.value("BlockPublicPolicy", false)},
          {"restrict_public_buckets", c.value("RestrictPublicBuckets", false)}};
}

json acl_from(const json& out) {
  json grants = json::array();
  for (const auto& g : out.value("Grants", json::array())) {
    const json grantee = g.value("Grantee", json::object());
    grants.push_back({{"grantee_type", grantee.value("Type", "")},
                      {"grantee_id", grantee.value("ID", "")},
                      {"grantee_uri", grantee.value("URI", "")},
                      {"permission", g.value("Permission", "")}});
  }
  return {{"owner_id", out.value("Owner", json::object()).value("ID", "")}, {"grants", grants}};
}

json encryption_from(const json& out) {
  const json rules = out.value("ServerSideEncryptionConfiguration", json::object()).value("Rules", json::array());
  for (const auto& rule : rules) {
    const json d = rule.value("ApplyServerSideEncryptionByDefault", json::object());
    if (!d.contains("SSEAlgorithm")) continue;
    return {{"algorithm", d["SSEAlgorithm"]},
            {"kms_key_id", d.contains("KMSMasterKeyID") ? d["KMSMasterKeyID"] : json()},
            {"bucket_key_enabled", rule.value("BucketKeyEnabled", false)}};
  }
  return nullptr;
}

// One per-bucket detail call: the operation, the error code that means "not
// configured", the property it fills, and how.
struct Detail {
  const char* operation;
  const char* absent_code;  // nullptr: every error is a gap
  const char* property;
  void (*apply)(CollectContext&, Resource&, const json* out);  // out == nullptr: not configured
};

const Detail kDetails[] = {
    {"GetBucketAcl", nullptr, "acl", [](CollectContext& ctx, Resource& r, const json* o) { r.props["acl"] = acl_from(*o); }},
    {"GetBucketPolicy", "NoSuchBucketPolicy", "policy",
     [](CollectContext& ctx, Resource& r, const json* o) {
       if (!o || !o->contains("Policy")) return void(r.props["policy"] = nullptr);
       put_policy(ctx, r, "policy", (*o)["Policy"], "the bucket policy of " + r.name, "s3", "GetBucketPolicy");
     }},
    {"GetBucketPolicyStatus", "NoSuchBucketPolicy", "policy_is_public",
     [](CollectContext& ctx, Resource& r, const json* o) {
       r.props["policy_is_public"] =
           o ? o->value("PolicyStatus", json::object()).value("IsPublic", false) : false;
     }},
    {"GetPublicAccessBlock", "NoSuchPublicAccessBlockConfiguration", "public_access_block",
     [](CollectContext& ctx, Resource& r, const json* o) {
       r.props["public_access_block"] =
           o ? block_from(o->value("PublicAccessBlockConfiguration", json::object())) : json();
     }},
    {"GetBucketEncryption", "ServerSideEncryptionConfigurationNotFoundError", "encryption",
     [](CollectContext& ctx, Resource& r, const json* o) { r.props["encryption"] = o ? encryption_from(*o) : json(); }},
    {"GetBucketVersioning", nullptr, "versioning",
     [](CollectContext& ctx, Resource& r, const json* o) {
       r.props["versioning"] = o->value("Status", "");
       r.props["mfa_delete"] = o->value("MFADelete", "");
     }},
    {"GetBucketLogging", nullptr, "logging",
     [](CollectContext& ctx, Resource& r, const json* o) {
       if (!o->contains("LoggingEnabled")) return void(r.props["logging"] = nullptr);
       const json& l = (*o)["LoggingEnabled"];
       r.props["logging"] = {{"target_bucket", l.value("TargetBucket", "")},
                             {"target_prefix", l.value("TargetPrefix", "")}};
     }},
    {"GetObjectLockConfiguration", "ObjectLockConfigurationNotFoundError", "object_lock",
     [](CollectContext& ctx, Resource& r, const json* o) {
       r.props["object_lock"] =
           o && o->value("ObjectLockConfiguration", json::object()).value("ObjectLockEnabled", "") == "Enabled";
     }},
    {"GetBucketOwnershipControls", "OwnershipControlsNotFoundError", "object_ownership",
     [](CollectContext& ctx, Resource& r, const json* o) {
       json rules = o ? o->value("OwnershipControls", json::object()).value("Rules", json::array()) : json::array();
       r.props["object_ownership"] =
           rules.empty() ? json() : json(rules[0].value("ObjectOwnership", ""));
     }},
    {"GetBucketReplication", "ReplicationConfigurationNotFoundError", "replication",
     [](CollectContext& ctx, Resource& r, const json* o) {
       if (!o) return void(r.props["replication"] = nullptr);
       json rules = json::array();
       const json conf = o->value("ReplicationConfiguration", json::object());
       for (const auto& rule : conf.value("Rules", json::array())) {
         const json dest = rule.value("Destination", json::object());
         rules.push_back({{"id", rule.value("ID", "")},
                          {"status", rule.value("Status", "")},
                          {"destination_bucket", dest.value("Bucket", "")},
                          {"destination_account", dest.contains("Account") ? dest["Account"] : json()}});
       }
       r.props["replication"] = {{"rules", rules}};
     }},
    {"GetBucketTagging", "NoSuchTagSet", "tags",
     [](CollectContext& ctx, Resource& r, const json* o) {
       if (o) r.tags = tags_from_list(o->value("TagSet", json::array()));
     }},
};

// Shared by a bucket's detail calls; the last one to finish emits it.
struct BucketState {
  std::mutex mu;
  Resource bucket;
  std::atomic<int> remaining{0};
};

void collect_bucket(CollectContext& ctx, const std::string& name, const std::string& home_region) {
  auto state = std::make_shared<BucketState>();
  Resource& b = state->bucket;
  b.type = kBucket;
  b.arn = "arn:" + ctx.partition() + ":s3:::" + name;
  b.account = ctx.account();
  b.id = b.name = name;
  const json params = {{"Bucket", name}};

  auto loc = ctx.call("s3", "GetBucketLocation", params, home_region);
  if (loc) {
    b.region = bucket_region(*loc);
    b.props["location"] = b.region;
  } else {
    // Unknown location: ask the home region; S3 answers there or says where the bucket is.
    b.region = home_region;
    record_missing(ctx, b, "location", loc.error(), "s3", "GetBucketLocation");
  }

  // Only the detail calls whose property a selected check reads (issue 13:
  // eleven calls per bucket whatever the checks). Tags are always read: they
  // name resources in the inventory and the reports, not only for checks.
  std::vector<const Detail*> wanted;
  for (const Detail& d : kDetails) {
    std::string_view p = d.property;
    if (p == "tags" || ctx.needs(kBucket, p) || (p == "versioning" && ctx.needs(kBucket, "mfa_delete"))) {
      wanted.push_back(&d);
      continue;
    }
    not_needed(b, d.property);
    if (p == "versioning") not_needed(b, "mfa_delete");
  }
  if (wanted.empty()) return ctx.emit(std::move(state->bucket));
  state->remaining = static_cast<int>(wanted.size());
  for (const Detail* dp : wanted) {
    const Detail& d = *dp;
    ctx.spawn([&ctx, state, &d, params]() {
      auto out = ctx.call("s3", d.operation, params, state->bucket.region);
      {
        std::lock_guard lock(state->mu);
        Resource& r = state->bucket;
        if (out) {
          if (!out->is_null()) r.raw[d.operation] = *out;
          d.apply(ctx, r, &out.value());
        } else if (d.absent_code && out.error().code == d.absent_code) {
          d.apply(ctx, r, nullptr);
        } else {
          record_missing(ctx, r, d.property, out.error(), "s3", d.operation);
          if (std::string(d.property) == "versioning") {
            r.missing["mfa_delete"] = r.missing["versioning"];
          }
        }
      }
      if (--state->remaining == 0) ctx.emit(std::move(state->bucket));
    });
  }
}

void collect_account_block(CollectContext& ctx, const std::string& region) {
  Resource r;
  r.type = kAccountBlock;
  r.arn = "arn:" + ctx.partition() + ":s3::" + ctx.account() + ":account";
  r.account = ctx.account();
  r.region = "global";
  r.id = ctx.account();
  r.name = "S3 account public access block";
  auto out = ctx.call("s3control", "GetPublicAccessBlock", {{"AccountId", ctx.account()}}, region);
  if (out) {
    r.raw = *out;
    r.props = block_from(out->value("PublicAccessBlockConfiguration", json::object()));
    r.props["exists"] = true;
  } else if (out.error().code == "NoSuchPublicAccessBlockConfiguration") {
    r.props = {{"exists", false}};
  } else {
    record_failure(ctx, out.error(), "s3control", "GetPublicAccessBlock", "global", {kAccountBlock});
    return;
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region]() { collect_account_block(ctx, region); });
  auto out = ctx.call("s3", "ListBuckets", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "s3", "ListBuckets", "global", {kBucket});
    return;
  }
  for (const auto& b : out->value("Buckets", json::array())) {
    std::string name = b.value("Name", "");
    if (name.empty()) continue;
    ctx.spawn([&ctx, name, region]() { collect_bucket(ctx, name, region); });
  }
}

const RegisterCollector reg({.service = "s3",
                             .global = true,
                             .produces = {kBucket, kAccountBlock},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
