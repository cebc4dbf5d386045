// Kinesis Data Streams (regional): data streams.
//
// Calls: ListStreams (paged by ExclusiveStartStreamName: the stream names;
//   ARNs from StreamSummaries where AWS's newer answer has them) →
//   per stream DescribeStreamSummary (there is no bulk form), only when a
//   selected check reads what it returns (CollectContext::needs); otherwise the
//   stream is emitted from its listing with those properties "not collected".
// Streams whose ARN names another account are dropped.
//
// AWS::Kinesis::Stream  arn = StreamARN, id = name = StreamName
//   props.encryption        "KMS" | "NONE" (EncryptionType; "NONE" when absent)
//   props.kms_key_id        the key (id, ARN or alias) or null
//   props.retention_hours   int (RetentionPeriodHours)
// When DescribeStreamSummary fails, the stream is emitted with those properties
// missing, with the reason.
#include <map>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "kinesis";
constexpr const char* kStream = "AWS::Kinesis::Stream";

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

void describe(CollectContext& ctx, const std::string& region, Resource r) {
  if (!ctx.needs(kStream, "encryption") && !ctx.needs(kStream, "retention_hours") &&
      !ctx.needs(kStream, "kms_key_id")) {
    for (const char* p : {"encryption", "kms_key_id", "retention_hours"}) not_needed(r, p);
    ctx.emit(std::move(r));
    return;
  }
  // By name: the StreamARN member is newer than the embedded model.
  auto out = ctx.call(kSvc, "DescribeStreamSummary", json{{"StreamName", r.name}}, region);
  if (!out) {
    if (out.error().code == "ResourceNotFoundException") return;  // deleted since it was listed
    record_missing(ctx, r, "encryption", out.error(), kSvc, "DescribeStreamSummary");
    r.missing["kms_key_id"] = r.missing["retention_hours"] = r.missing["encryption"];
    ctx.emit(std::move(r));
    return;
  }
  json s = out->value("StreamDescriptionSummary", json::object());
  r.arn = s.value("StreamARN", r.arn);
  r.props["encryption"] = s.value("EncryptionType", "NONE");
  r.props["kms_key_id"] = s.contains("KeyId") && s["KeyId"].is_string() ? s["KeyId"] : json(nullptr);
  r.props["retention_hours"] = s.value("RetentionPeriodHours", 24);
  r.raw = std::move(s);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  Status listed = for_each_page(ctx, kSvc, "ListStreams", json::object(), region, [&](json& page) {
    // The page's names are the listing (the embedded model pages by them);
    // StreamSummaries, where AWS's newer answer has them, only give the ARNs.
    std::map<std::string, std::string> arn_of;
    for (const auto& s : page.value("StreamSummaries", json::array()))
      if (s.is_object() && s.contains("StreamName") && s.contains("StreamARN"))
        arn_of[s.value("StreamName", "")] = s.value("StreamARN", "");
    for (const auto& n : page.value("StreamNames", json::array())) {
      if (!n.is_string()) continue;
      Resource r;
      r.type = kStream;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = n.get<std::string>();
      auto it = arn_of.find(r.name);
      r.arn = it != arn_of.end() ? it->second
                                 : "arn:" + ctx.partition() + ":kinesis:" + region + ":" + ctx.account() + ":stream/" + r.name;
      if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) continue;
      ctx.spawn([&ctx, region, r = std::move(r)]() mutable { describe(ctx, region, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListStreams", region, {kStream});
}

const RegisterCollector reg({.service = "kinesis", .global = false, .produces = {kStream}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
