// DynamoDB (regional): tables with their encryption, deletion protection and
// point-in-time recovery.
//
// AWS::DynamoDB::Table  arn = TableArn, id = name = TableName
//   props.sse_type              "KMS" when encrypted with a KMS key (AWS managed or customer managed),
//                               null when encrypted with an AWS owned key (no SSEDescription)   missing: "sse_type"
//   props.kms_key_arn           the KMS key (SSEDescription.KMSMasterKeyArn), or null
//   props.deletion_protection   bool (DeletionProtectionEnabled)                           missing: "deletion_protection"
//                               (also when DescribeTable leaves DeletionProtectionEnabled out)
//   props.pitr_status           "ENABLED" | "DISABLED" (DescribeContinuousBackups)         missing: "pitr_status"
// When DescribeTable fails every property above is missing with its reason.
#include <nlohmann/json.hpp>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kTable = "AWS::DynamoDB::Table";

void collect_table(CollectContext& ctx, const std::string& region, const std::string& name) {
  Resource r;
  r.type = kTable;
  r.account = ctx.account();
  r.region = region;
  r.id = name;
  r.name = name;
  r.arn = "arn:" + ctx.partition() + ":dynamodb:" + region + ":" + ctx.account() + ":table/" + name;
  auto desc = ctx.call("dynamodb", "DescribeTable", json{{"TableName", name}}, region);
  if (desc) {
    const json table = desc->value("Table", json::object());
    r.raw["Table"] = table;
    r.arn = table.value("TableArn", r.arn);
    const json sse = table.value("SSEDescription", json::object());
    // SSEDescription is present only for KMS keys; AWS owned keys report none.
    const bool kms = sse.value("SSEType", "") == "KMS" && sse.value("Status", "ENABLED") != "DISABLED";
    r.props["sse_type"] = kms ? json("KMS") : json(nullptr);
    r.props["kms_key_arn"] = kms && sse.contains("KMSMasterKeyArn") ? sse["KMSMasterKeyArn"] : json(nullptr);
    // DeletionProtectionEnabled (March 2023) is newer than the botocore model;
    // the JSON parser keeps it as sent. A description without it cannot tell
    // (an older endpoint or emulator): not collected, never taken as false.
    auto dp = table.find("DeletionProtectionEnabled");
    if (dp != table.end() && dp->is_boolean())
      r.props["deletion_protection"] = *dp;
    else
      r.missing["deletion_protection"] = "DescribeTable of table " + name + " in " + region +
                                         " did not report DeletionProtectionEnabled";
  } else {
    record_missing(ctx, r, "sse_type", desc.error(), "dynamodb", "DescribeTable");
    r.missing["kms_key_arn"] = r.missing["sse_type"];
    r.missing["deletion_protection"] = r.missing["sse_type"];
  }
  // Per table, only when a selected check reads point-in-time recovery.
  if (!ctx.needs(kTable, "pitr_status")) {
    not_needed(r, "pitr_status");
  } else if (auto backups = ctx.call("dynamodb", "DescribeContinuousBackups", json{{"TableName", name}}, region);
             backups) {
    const json cbd = backups->value("ContinuousBackupsDescription", json::object());
    r.raw["ContinuousBackupsDescription"] = cbd;
    r.props["pitr_status"] =
        cbd.value("PointInTimeRecoveryDescription", json::object()).value("PointInTimeRecoveryStatus", "DISABLED");
  } else {
    record_missing(ctx, r, "pitr_status", backups.error(), "dynamodb", "DescribeContinuousBackups");
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "dynamodb", "ListTables", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "dynamodb", "ListTables", region, {kTable});
    return;
  }
  for (const auto& name : out->value("TableNames", json::array()))
    if (name.is_string()) ctx.spawn([&ctx, region, n = name.get<std::string>()] { collect_table(ctx, region, n); });
}

const RegisterCollector reg({.service = "dynamodb", .global = false, .produces = {kTable}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
