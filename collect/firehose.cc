// Amazon Data Firehose (regional): delivery streams.
//
// Calls: ListDeliveryStreams (its own paging: ExclusiveStartDeliveryStreamName
//   while HasMoreDeliveryStreams; botocore has no paginator for it) → per
//   stream DescribeDeliveryStream (there is no bulk form), only when a selected
//   check reads what it returns (CollectContext::needs); otherwise the stream
//   is emitted from its listing with those properties "not collected".
// Streams whose ARN names another account are dropped.
//
// AWS::KinesisFirehose::DeliveryStream  arn = DeliveryStreamARN, id = name = DeliveryStreamName
//   props.stream_type         "DirectPut" | "KinesisStreamAsSource" | "MSKAsSource" | "DatabaseAsSource"
//   props.encryption_status   DeliveryStreamEncryptionConfiguration.Status: "ENABLED" | "ENABLING" |
//                             "DISABLED" | "DISABLING" | "ENABLING_FAILED" | "DISABLING_FAILED"
//                             ("DISABLED" when absent)
//   props.encryption_key_type "AWS_OWNED_CMK" | "CUSTOMER_MANAGED_CMK" | null
//   props.source_stream_arn   the Kinesis data stream it reads, for KinesisStreamAsSource, else null
// Destination credentials AWS returns (a Splunk HEC token) are dropped from raw.
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "firehose";
constexpr const char* kStream = "AWS::KinesisFirehose::DeliveryStream";
constexpr const char* kProps[] = {"stream_type", "encryption_status", "encryption_key_type", "source_stream_arn"};

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

// Removes credential members wherever they appear in a destination description.
void scrub(json& v) {
  if (v.is_object()) {
    for (const char* k : {"HECToken", "AccessKey", "Password"}) v.erase(k);
    for (auto& [_, member] : v.items()) scrub(member);
  } else if (v.is_array()) {
    for (auto& e : v) scrub(e);
  }
}

void describe(CollectContext& ctx, const std::string& region, const std::string& name) {
  Resource r;
  r.type = kStream;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = name;
  r.arn = "arn:" + ctx.partition() + ":firehose:" + region + ":" + ctx.account() + ":deliverystream/" + name;
  bool needed = false;
  for (const char* p : kProps) needed = needed || ctx.needs(kStream, p);
  if (!needed) {
    for (const char* p : kProps) not_needed(r, p);
    ctx.emit(std::move(r));
    return;
  }
  auto out = ctx.call(kSvc, "DescribeDeliveryStream", json{{"DeliveryStreamName", name}}, region);
  if (!out) {
    if (out.error().code == "ResourceNotFoundException") return;  // deleted since it was listed
    record_missing(ctx, r, kProps[0], out.error(), kSvc, "DescribeDeliveryStream");
    for (const char* p : kProps) r.missing[p] = r.missing[kProps[0]];
    ctx.emit(std::move(r));
    return;
  }
  json d = out->value("DeliveryStreamDescription", json::object());
  r.arn = d.value("DeliveryStreamARN", r.arn);
  if (std::string a = arn_account(r.arn); !a.empty() && a != ctx.account()) return;
  r.props["stream_type"] = d.value("DeliveryStreamType", "DirectPut");
  const json enc = d.value("DeliveryStreamEncryptionConfiguration", json::object());
  r.props["encryption_status"] = enc.value("Status", "DISABLED");
  r.props["encryption_key_type"] = enc.contains("KeyType") && enc["KeyType"].is_string() ? enc["KeyType"] : json(nullptr);
  const json src = d.value("Source", json::object()).value("KinesisStreamSourceDescription", json());
  r.props["source_stream_arn"] =
      src.is_object() && src.contains("KinesisStreamARN") ? src["KinesisStreamARN"] : json(nullptr);
  if (d.contains("Destinations")) scrub(d["Destinations"]);
  r.raw = std::move(d);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  json params = json{{"Limit", 100}};
  for (int page = 0; page < 10000; ++page) {
    auto out = ctx.call(kSvc, "ListDeliveryStreams", params, region);
    if (!out) {
      record_failure(ctx, out.error(), kSvc, "ListDeliveryStreams", region, {kStream});
      return;
    }
    std::string last;
    for (const auto& n : out->value("DeliveryStreamNames", json::array()))
      if (n.is_string()) {
        last = n.get<std::string>();
        ctx.spawn([&ctx, region, last] { describe(ctx, region, last); });
      }
    if (!out->value("HasMoreDeliveryStreams", false) || last.empty()) return;
    params["ExclusiveStartDeliveryStreamName"] = last;
  }
}

const RegisterCollector reg({.service = "firehose", .global = false, .produces = {kStream}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
