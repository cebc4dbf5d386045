// ECR (regional): private repositories, their policies and lifecycle
// policies, and the registry's scanning configuration.
//
// AWS::ECR::Repository  arn = repositoryArn, id = name = repositoryName
//   props.scan_on_push         bool (imageScanningConfiguration.scanOnPush)
//   props.tag_mutability       "MUTABLE" | "IMMUTABLE" | "MUTABLE_WITH_EXCLUSION" | "IMMUTABLE_WITH_EXCLUSION"
//   props.encryption_type      "AES256" | "KMS" | "KMS_DSSE"
//   props.kms_key              key ARN, or null
//   props.policy               repository policy document (object), null when none
//                              (RepositoryPolicyNotFoundException)                missing: "policy"
//   props.lifecycle_policy     bool: a lifecycle policy exists (LifecyclePolicyNotFoundException = false)
//                                                                                 missing: "lifecycle_policy"
// AWS::ECR::RegistryScanningConfiguration  one per region, id = registry id (the account)
//   props.scan_type            "BASIC" | "ENHANCED"
//   props.rules                [{"scan_frequency": "SCAN_ON_PUSH"|"CONTINUOUS_SCAN"|"MANUAL",
//                                "filters": ["prod-*", ...]}]  (WILDCARD filters)
#include <nlohmann/json.hpp>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kRepo = "AWS::ECR::Repository";
constexpr const char* kScanning = "AWS::ECR::RegistryScanningConfiguration";

void collect_repository(CollectContext& ctx, const std::string& region, const json& repo) {
  Resource r;
  r.type = kRepo;
  r.account = ctx.account();
  r.region = region;
  r.id = repo.value("repositoryName", "");
  r.name = r.id;
  r.arn = repo.value("repositoryArn", "arn:" + ctx.partition() + ":ecr:" + region + ":" + ctx.account() +
                                          ":repository/" + r.id);
  r.raw = repo;
  const json scan = repo.value("imageScanningConfiguration", json::object());
  r.props["scan_on_push"] = scan.value("scanOnPush", false);
  r.props["tag_mutability"] = repo.value("imageTagMutability", "MUTABLE");
  const json enc = repo.value("encryptionConfiguration", json::object());
  r.props["encryption_type"] = enc.value("encryptionType", "AES256");
  r.props["kms_key"] = enc.contains("kmsKey") ? enc["kmsKey"] : json(nullptr);
  const json params{{"repositoryName", r.id}, {"registryId", repo.value("registryId", ctx.account())}};

  // Per repository, each only when a selected check reads what it returns.
  if (!ctx.needs(kRepo, "policy")) {
    not_needed(r, "policy");
  } else if (auto policy = ctx.call("ecr", "GetRepositoryPolicy", params, region); policy) {
    if (put_policy(ctx, r, "policy", policy->value("policyText", json()), "the repository policy of " + r.id, "ecr",
                   "GetRepositoryPolicy"))
      r.raw["policy"] = r.props["policy"];
  } else if (policy.error().code == "RepositoryPolicyNotFoundException") {
    r.props["policy"] = nullptr;
  } else {
    record_missing(ctx, r, "policy", policy.error(), "ecr", "GetRepositoryPolicy");
  }

  if (!ctx.needs(kRepo, "lifecycle_policy")) {
    not_needed(r, "lifecycle_policy");
  } else if (auto lifecycle = ctx.call("ecr", "GetLifecyclePolicy", params, region); lifecycle) {
    r.props["lifecycle_policy"] = true;
    // Kept for the resource view only: as parsed when it is a sound document, else as sent.
    auto text = parse_policy(lifecycle->value("lifecyclePolicyText", json()), "the lifecycle policy");
    r.raw["lifecyclePolicy"] = text ? std::move(*text) : lifecycle->value("lifecyclePolicyText", json());
  } else if (lifecycle.error().code == "LifecyclePolicyNotFoundException") {
    r.props["lifecycle_policy"] = false;
  } else {
    record_missing(ctx, r, "lifecycle_policy", lifecycle.error(), "ecr", "GetLifecyclePolicy");
  }
  ctx.emit(std::move(r));
}

void collect_scanning(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call("ecr", "GetRegistryScanningConfiguration", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "ecr", "GetRegistryScanningConfiguration", region, {kScanning});
    return;
  }
  Resource r;
  r.type = kScanning;
  r.account = ctx.account();
  r.region = region;
  r.id = out->value("registryId", ctx.account());
  r.name = "ECR registry scanning (" + region + ")";
  r.arn = "arn:" + ctx.partition() + ":ecr:" + region + ":" + ctx.account() + ":registry/" + r.id +
          "/scanning-configuration";
  r.raw = *out;
  const json cfg = out->value("scanningConfiguration", json::object());
  r.props["scan_type"] = cfg.value("scanType", "BASIC");
  json rules = json::array();
  for (const auto& rule : cfg.value("rules", json::array())) {
    json filters = json::array();
    for (const auto& f : rule.value("repositoryFilters", json::array())) filters.push_back(f.value("filter", ""));
    rules.push_back({{"scan_frequency", rule.value("scanFrequency", "")}, {"filters", filters}});
  }
  r.props["rules"] = rules;
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { collect_scanning(ctx, region); });
  auto out = call_all_pages(ctx, "ecr", "DescribeRepositories", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "ecr", "DescribeRepositories", region, {kRepo});
    return;
  }
  for (const auto& repo : out->value("repositories", json::array()))
    ctx.spawn([&ctx, region, repo] { collect_repository(ctx, region, repo); });
}

const RegisterCollector reg({.service = "ecr", .global = false, .produces = {kRepo, kScanning}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
