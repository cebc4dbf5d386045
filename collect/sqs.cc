// SQS (regional): queues with their policy and encryption.
//
// AWS::SQS::Queue  arn = QueueArn (built from the URL: https://sqs.<region>.amazonaws.com/<account>/<name>)
//   props: url, name, policy (parsed document or null), kms_master_key_id (string or null),
//          sqs_managed_sse_enabled (bool)   [all missing when GetQueueAttributes failed]
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

void collect_queues(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "sqs", "ListQueues", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "sqs", "ListQueues", region, {"AWS::SQS::Queue"});
    return;
  }
  for (const auto& u : out->value("QueueUrls", json::array())) {
    std::string url = u.get<std::string>();
    ctx.spawn([&ctx, region, url] {
      Resource r;
      r.type = "AWS::SQS::Queue";
      r.account = ctx.account();
      r.region = region;
      std::string name = url.substr(url.rfind('/') + 1);
      std::string account = ctx.account();
      size_t slash = url.rfind('/');
      if (slash != std::string::npos && slash > 0) {
        size_t prev = url.rfind('/', slash - 1);
        if (prev != std::string::npos) account = url.substr(prev + 1, slash - prev - 1);
      }
      r.id = r.name = name;
      r.arn = "arn:" + ctx.partition() + ":sqs:" + region + ":" + account + ":" + name;
      r.props["url"] = url;
      r.props["name"] = name;
      auto attrs = ctx.call("sqs", "GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", {"All"}}}, region);
      if (!attrs) {
        record_missing(ctx, r, "policy", attrs.error(), "sqs", "GetQueueAttributes");
        r.missing["kms_master_key_id"] = r.missing["sqs_managed_sse_enabled"] = r.missing["policy"];
      } else {
        const json& a = attrs->value("Attributes", json::object());
        r.raw["Attributes"] = a;
        if (a.contains("QueueArn")) r.arn = a["QueueArn"].get<std::string>();
        if (a.contains("Policy"))
          put_policy(ctx, r, "policy", a["Policy"], "the access policy of queue " + r.name, "sqs", "GetQueueAttributes");
        else
          r.props["policy"] = nullptr;  // no policy set
        std::string key = a.value("KmsMasterKeyId", "");
        r.props["kms_master_key_id"] = key.empty() ? json(nullptr) : json(key);
        r.props["sqs_managed_sse_enabled"] = a.value("SqsManagedSseEnabled", "false") == "true";
      }
      ctx.emit(std::move(r));
    });
  }
}

const RegisterCollector reg({.service = "sqs", .global = false, .produces = {"AWS::SQS::Queue"},
                             .collect = collect_queues});

}  // namespace
}  // namespace cloudpeek::collect
