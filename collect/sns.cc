// SNS (regional): topics, their policy and encryption, and confirmed subscriptions.
//
// AWS::SNS::Topic  arn = TopicArn
//   props: name, policy (the parsed policy document, or null),
//          kms_master_key_id (string, or null: not encrypted at rest)   [missing on GetTopicAttributes failure:
//                                                                         "policy", "kms_master_key_id"]
//          confirmed_subscriptions (int: subscriptions whose SubscriptionArn is not
//          "PendingConfirmation"), subscriptions ([{protocol, arn}])  [missing on ListSubscriptionsByTopic failure]
#include "collect/collector.h"

#include <memory>
#include <mutex>

namespace cloudpeek::collect {
namespace {

// A topic's two detail calls run concurrently; the last to finish emits it.
struct Pending {
  std::mutex mu;
  Resource resource;
  int left = 2;
};

void finish(CollectContext& ctx, const std::shared_ptr<Pending>& p) {
  std::lock_guard lock(p->mu);
  if (--p->left == 0) ctx.emit(std::move(p->resource));
}

void attributes(CollectContext& ctx, const std::shared_ptr<Pending>& p, const std::string& region) {
  std::string arn;
  {
    std::lock_guard lock(p->mu);
    arn = p->resource.arn;
  }
  auto out = ctx.call("sns", "GetTopicAttributes", {{"TopicArn", arn}}, region);
  {
    std::lock_guard lock(p->mu);
    Resource& r = p->resource;
    if (!out) {
      record_missing(ctx, r, "policy", out.error(), "sns", "GetTopicAttributes");
      r.missing["kms_master_key_id"] = r.missing["policy"];
    } else {
      const json& attrs = out->value("Attributes", json::object());
      if (attrs.contains("Policy"))
        put_policy(ctx, r, "policy", attrs["Policy"], "the access policy of topic " + r.name, "sns", "GetTopicAttributes");
      else
        r.props["policy"] = nullptr;  // no policy set
      std::string key = attrs.value("KmsMasterKeyId", "");
      r.props["kms_master_key_id"] = key.empty() ? json(nullptr) : json(key);
      r.raw["Attributes"] = attrs;
    }
  }
  finish(ctx, p);
}

void subscriptions(CollectContext& ctx, const std::shared_ptr<Pending>& p, const std::string& region) {
  std::string arn;
  {
    std::lock_guard lock(p->mu);
    arn = p->resource.arn;
  }
  auto out = call_all_pages(ctx, "sns", "ListSubscriptionsByTopic", {{"TopicArn", arn}}, region);
  {
    std::lock_guard lock(p->mu);
    Resource& r = p->resource;
    if (!out) {
      record_missing(ctx, r, "confirmed_subscriptions", out.error(), "sns", "ListSubscriptionsByTopic");
      r.missing["subscriptions"] = r.missing["confirmed_subscriptions"];
    } else {
      int confirmed = 0;
      json subs = json::array();
      for (const auto& s : out->value("Subscriptions", json::array())) {
        std::string sub_arn = s.value("SubscriptionArn", "");
        // Unconfirmed subscriptions have the literal ARN "PendingConfirmation"
        // (and "Deleted" after an unsubscribe that is still settling).
        if (sub_arn.rfind("arn:", 0) == 0) ++confirmed;
        subs.push_back({{"protocol", s.value("Protocol", "")}, {"arn", sub_arn}});
      }
      r.props["confirmed_subscriptions"] = confirmed;
      r.props["subscriptions"] = std::move(subs);
    }
  }
  finish(ctx, p);
}

void collect_topics(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "sns", "ListTopics", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "sns", "ListTopics", region, {"AWS::SNS::Topic"});
    return;
  }
  for (const auto& t : out->value("Topics", json::array())) {
    auto p = std::make_shared<Pending>();
    Resource& r = p->resource;
    r.type = "AWS::SNS::Topic";
    r.account = ctx.account();
    r.region = region;
    r.arn = t.value("TopicArn", "");
    r.id = r.name = r.arn.substr(r.arn.rfind(':') + 1);
    r.props["name"] = r.name;
    // The subscriptions (one listing per topic) only when a selected check reads them.
    if (!ctx.needs("AWS::SNS::Topic", "confirmed_subscriptions") && !ctx.needs("AWS::SNS::Topic", "subscriptions")) {
      not_needed(r, "confirmed_subscriptions");
      not_needed(r, "subscriptions");
      p->left = 1;
      ctx.spawn([&ctx, p, region] { attributes(ctx, p, region); });
      continue;
    }
    ctx.spawn([&ctx, p, region] { attributes(ctx, p, region); });
    ctx.spawn([&ctx, p, region] { subscriptions(ctx, p, region); });
  }
}

const RegisterCollector reg({.service = "sns", .global = false, .produces = {"AWS::SNS::Topic"},
                             .collect = collect_topics});

}  // namespace
}  // namespace cloudpeek::collect
