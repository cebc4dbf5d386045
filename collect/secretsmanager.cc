// Secrets Manager (regional): secrets with rotation and last use.
//
// AWS::SecretsManager::Secret  arn = ARN
//   props: name, rotation_enabled (bool), rotation_days (int or null: RotationRules.AutomaticallyAfterDays),
//          last_rotated_date, last_accessed_date, created_date (ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" strings,
//          or null when AWS has none: never rotated / never accessed)
// ListSecrets carries all of it; a failed listing leaves the type incomplete in the region.
#include <chrono>
#include <cmath>
#include <optional>

#include "aws/core/time_format.h"
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

void collect_secrets(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "secretsmanager", "ListSecrets", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "secretsmanager", "ListSecrets", region, {"AWS::SecretsManager::Secret"});
    return;
  }
  for (const auto& s : out->value("SecretList", json::array())) {
    Resource r;
    r.type = "AWS::SecretsManager::Secret";
    r.account = ctx.account();
    r.region = region;
    r.arn = s.value("ARN", "");
    r.id = r.name = s.value("Name", "");
    r.tags = tags_from_list(s.value("Tags", json::array()));
    r.props["name"] = r.name;
    r.props["rotation_enabled"] = s.value("RotationEnabled", false);
    const json rules = s.value("RotationRules", json::object());
    r.props["rotation_days"] = rules.contains("AutomaticallyAfterDays") ? rules["AutomaticallyAfterDays"] : json(nullptr);
    r.props["last_rotated_date"] = iso_timestamp(s.value("LastRotatedDate", json()));
    r.props["last_accessed_date"] = iso_timestamp(s.value("LastAccessedDate", json()));
    r.props["created_date"] = iso_timestamp(s.value("CreatedDate", json()));
    r.raw = s;
    ctx.emit(std::move(r));
  }
}

const RegisterCollector reg({.service = "secretsmanager", .global = false,
                             .produces = {"AWS::SecretsManager::Secret"}, .collect = collect_secrets});

}  // namespace
}  // namespace cloudpeek::collect
