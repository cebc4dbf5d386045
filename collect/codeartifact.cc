// CodeArtifact (regional): domains with their encryption key, repositories
// with their resource policy.
//
// Calls (issue 13): ListDomains and ListRepositories (paged; each lists every
// domain / repository of the region at once), then
// GetRepositoryPermissionsPolicy per repository — no bulk form — only when a
// selected check reads the policy. Domains owned by another account, and
// repositories administered by another account, are dropped.
//
// AWS::CodeArtifact::Domain  arn = arn, id = name = name
//   props.status          status
//   props.encryption_key  encryptionKey (a KMS key ARN), null when not reported
// AWS::CodeArtifact::Repository  arn = arn, id = "<domain>/<name>", name = name
//   props.domain   domainName
//   props.policy   the permissions policy (object), null when the repository has none
//                  (ResourceNotFoundException); missing with the reason when the call failed or
//                  the document is not JSON
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "codeartifact";
constexpr const char* kDomain = "AWS::CodeArtifact::Domain";
constexpr const char* kRepository = "AWS::CodeArtifact::Repository";

void describe_repository(CollectContext& ctx, Resource r, std::string owner) {
  auto out = ctx.call(kSvc, "GetRepositoryPermissionsPolicy",
                      json{{"domain", r.props.value("domain", "")}, {"domainOwner", owner}, {"repository", r.name}},
                      r.region);
  if (out) {
    const json doc = out->value("policy", json::object()).value("document", json());
    if (put_policy(ctx, r, "policy", doc, "the permissions policy of repository " + r.id, kSvc,
                   "GetRepositoryPermissionsPolicy"))
      r.raw["policy"] = r.props["policy"];
  } else if (out.error().code == "ResourceNotFoundException") {
    r.props["policy"] = nullptr;
  } else {
    record_missing(ctx, r, "policy", out.error(), kSvc, "GetRepositoryPermissionsPolicy");
  }
  ctx.emit(std::move(r));
}

void domains(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "ListDomains", json::object(), region, [&](json& page) {
    for (auto& d : page.value("domains", json::array())) {
      if (const std::string owner = d.value("owner", ""); !owner.empty() && owner != ctx.account()) continue;
      Resource r;
      r.type = kDomain;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = d.value("name", "");
      r.arn = d.value("arn", "arn:" + ctx.partition() + ":codeartifact:" + region + ":" + ctx.account() + ":domain/" + r.id);
      r.props["status"] = d.value("status", "");
      r.props["encryption_key"] =
          d.contains("encryptionKey") && d["encryptionKey"].is_string() ? d["encryptionKey"] : json(nullptr);
      r.raw = std::move(d);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListDomains", region, {kDomain});
}

void repositories(CollectContext& ctx, const std::string& region) {
  const bool needed = ctx.needs(kRepository, "policy");
  Status listed = for_each_page(ctx, kSvc, "ListRepositories", json::object(), region, [&](json& page) {
    for (auto& p : page.value("repositories", json::array())) {
      if (const std::string admin = p.value("administratorAccount", ""); !admin.empty() && admin != ctx.account())
        continue;
      Resource r;
      r.type = kRepository;
      r.account = ctx.account();
      r.region = region;
      r.name = p.value("name", "");
      r.id = p.value("domainName", "") + "/" + r.name;
      r.arn = p.value("arn", "arn:" + ctx.partition() + ":codeartifact:" + region + ":" + ctx.account() +
                                  ":repository/" + r.id);
      r.props["domain"] = p.value("domainName", "");
      std::string owner = p.value("domainOwner", ctx.account());
      r.raw = std::move(p);
      if (!needed) {
        not_needed(r, "policy");
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r), owner = std::move(owner)]() mutable {
        describe_repository(ctx, std::move(r), std::move(owner));
      });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListRepositories", region, {kRepository});
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { domains(ctx, region); });
  repositories(ctx, region);
}

const RegisterCollector reg({.service = "codeartifact", .global = false, .produces = {kDomain, kRepository}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
