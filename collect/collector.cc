#include "collect/collector.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

#include "aws/core/encoding.h"
#include "aws/core/json_text.h"
#include "aws/core/time_format.h"
#include "aws/services/service_models.h"

namespace cloudpeek::collect {

namespace {

struct Registry {
  std::vector<std::unique_ptr<Collector>> owned;
  std::vector<const Collector*> sorted;
  bool dirty = false;
};

Registry& registry() {
  static Registry r;
  return r;
}

// IAM action prefixes that differ from botocore service names.
const std::map<std::string, std::string, std::less<>>& iam_prefixes() {
  static const std::map<std::string, std::string, std::less<>> m = {
      {"accessanalyzer", "access-analyzer"}, {"elbv2", "elasticloadbalancing"}, {"elb", "elasticloadbalancing"},
      {"efs", "elasticfilesystem"}, {"s3control", "s3"}, {"sso", "sso"}, {"logs", "logs"},
      {"cloudwatch", "cloudwatch"}, {"account", "account"},
      {"stepfunctions", "states"}, {"sesv2", "ses"}, {"emr", "elasticmapreduce"},
      {"opensearch", "es"}};  // OpenSearch Service still authorizes as es:
  return m;
}

std::string service_of_action(std::string_view service) {
  auto it = iam_prefixes().find(service);
  return it != iam_prefixes().end() ? it->second : std::string(service);
}

CoverageGap gap_from(const CollectContext& ctx, const Error& error, std::string_view service,
                     std::string_view operation, const std::string& region) {
  CoverageGap g;
  g.service = std::string(service);
  g.region = region;
  g.action = iam_action(service, operation);
  g.error_kind = std::string(to_string(error.kind));
  g.error_code = error.code;
  g.message = error.message;
  return g;
}

}  // namespace

RegisterCollector::RegisterCollector(Collector collector) {
  auto& r = registry();
  if (collector.service.empty() || !collector.collect)
    throw std::logic_error("collector registered without service or function");
  for (const auto& c : r.owned)
    if (c->service == collector.service) throw std::logic_error("collector registered twice: " + collector.service);
  r.owned.push_back(std::make_unique<Collector>(std::move(collector)));
  r.dirty = true;
}

const std::vector<const Collector*>& all_collectors() {
  auto& r = registry();
  if (r.dirty) {
    r.sorted.clear();
    for (const auto& c : r.owned) r.sorted.push_back(c.get());
    std::sort(r.sorted.begin(), r.sorted.end(),
              [](const Collector* a, const Collector* b) { return a->service < b->service; });
    r.dirty = false;
  }
  return r.sorted;
}

const Collector* find_collector(std::string_view service) {
  for (const Collector* c : all_collectors())
    if (c->service == service) return c;
  return nullptr;
}

std::string iam_action(std::string_view service, std::string_view operation) {
  // S3 authorizes some operations under another action name (Service
  // Authorization Reference, Amazon S3): a denied GetBucketReplication names
  // s3:GetReplicationConfiguration, the action a policy must grant.
  static const std::map<std::string, std::string, std::less<>> s3 = {
      {"ListBuckets", "ListAllMyBuckets"},
      {"GetBucketEncryption", "GetEncryptionConfiguration"},
      {"GetPublicAccessBlock", "GetBucketPublicAccessBlock"},
      {"GetObjectLockConfiguration", "GetBucketObjectLockConfiguration"},
      {"GetBucketReplication", "GetReplicationConfiguration"},
      {"GetBucketLifecycleConfiguration", "GetLifecycleConfiguration"}};
  if (service == "s3")
    if (auto it = s3.find(operation); it != s3.end()) return "s3:" + it->second;
  if (service == "s3control" && operation == "GetPublicAccessBlock") return "s3:GetAccountPublicAccessBlock";
  // API Gateway (REST and HTTP/WebSocket) authorizes by HTTP method on a
  // resource path: every read, GetStages or GetRoutes alike, is apigateway:GET.
  if ((service == "apigateway" || service == "apigatewayv2") && operation.substr(0, 3) == "Get") return "apigateway:GET";
  return service_of_action(service) + ":" + std::string(operation);
}

namespace {

Status each_page(CollectContext& ctx, std::string_view service, std::string_view operation, json params,
                 const std::string& region, const std::function<void(json& page)>& on_page,
                 const std::optional<Paginator>& paginator) {
  auto first = ctx.call(service, operation, params, region);
  if (!first) return std::move(first).error();
  json last = std::move(first.value());
  json sent = std::move(params);
  for (int page = 1;; ++page) {
    // The next request is made from this page's token before the page is
    // handed over (which may move its lists away).
    std::optional<json> next;
    if (paginator && page < 100000) {
      next = next_page_params(*paginator, sent, last);
      if (!next && repeats_token(*paginator, sent, last)) {
        Error e = make_error(ErrorKind::kMalformedResponse, "AWS returned the same page token twice for " +
                                                                iam_action(service, operation) +
                                                                "; the listing may be incomplete.");
        e.code = "RepeatedPageToken";
        return e;
      }
    }
    on_page(last);
    if (!next) return Ok{};
    auto out = ctx.call(service, operation, *next, region);
    if (!out) return std::move(out).error();
    sent = std::move(*next);
    last = std::move(out.value());
  }
}

}  // namespace

Status for_each_page(CollectContext& ctx, std::string_view service, std::string_view operation, json params,
                     const std::string& region, const std::function<void(json& page)>& on_page) {
  return each_page(ctx, service, operation, std::move(params), region, on_page, find_paginator(service, operation));
}

Status for_each_token_page(CollectContext& ctx, std::string_view service, std::string_view operation, json params,
                           const std::string& region, const std::function<void(json& page)>& on_page,
                           const std::string& token) {
  Paginator paginator;
  paginator.input_token = {token};
  paginator.output_token = {token};
  return each_page(ctx, service, operation, std::move(params), region, on_page, paginator);
}

Result<json> call_all_pages(CollectContext& ctx, std::string_view service, std::string_view operation,
                            json params, const std::string& region) {
  std::optional<json> merged;
  std::vector<std::string> keys;
  auto status = for_each_page(ctx, service, operation, std::move(params), region, [&](json& page) {
    if (!merged) {
      // Result keys may be several (botocore lists); take every array member the first page has.
      if (auto paginator = find_paginator(service, operation); paginator && !paginator->result_key.empty())
        keys.push_back(paginator->result_key);
      for (const auto& [k, v] : page.items())
        if (v.is_array() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
      merged = std::move(page);
      return;
    }
    // A later page may carry a result list the first page lacked (multi-key
    // paginators such as iam:GetAccountAuthorizationDetails), so add those too.
    for (const auto& [k, v] : page.items())
      if (v.is_array() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    for (const auto& k : keys) {
      if (!page.contains(k) || !page[k].is_array()) continue;
      if (!merged->contains(k)) (*merged)[k] = json::array();
      for (auto& item : page[k]) (*merged)[k].push_back(std::move(item));
    }
  });
  if (!status) return std::move(status).error();
  return std::move(*merged);
}

void not_needed(Resource& resource, const std::string& property) {
  resource.missing[property] = "not collected: no selected check reads " + property;
}

bool service_not_offered(const Error& error, std::string_view service, const std::string& region) {
  return error.kind == ErrorKind::kNetwork && error.code == "DnsFailure" &&
         service_offered_in(service, region) == false;
}

void record_failure(CollectContext& ctx, const Error& error, std::string_view service, std::string_view operation,
                    const std::string& region, std::vector<std::string> resource_types) {
  // No resource of a service can exist where AWS does not offer it: nothing is lost.
  if (service_not_offered(error, service, region)) return;
  CoverageGap g = gap_from(ctx, error, service, operation, region);
  g.resource_types = std::move(resource_types);
  ctx.gap(std::move(g));
}

void record_missing(CollectContext& ctx, Resource& resource, const std::string& property, const Error& error,
                    std::string_view service, std::string_view operation) {
  CoverageGap g = gap_from(ctx, error, service, operation, resource.region);
  g.resource = resource.arn;
  resource.missing[property] = g.reason();
  ctx.gap(std::move(g));
}

Result<json> parse_policy(const json& document, std::string_view what) {
  auto malformed = [&](std::string message) {
    Error e = make_error(ErrorKind::kMalformedResponse, std::move(message),
                         "Look at the document in the AWS console; CloudPeek could not judge it.");
    e.code = "MalformedPolicy";
    return e;
  };
  if (document.is_object()) return document;  // parsed with the answer, which is bounded
  if (!document.is_string()) return malformed(std::string(what) + " is not a JSON document.");
  const std::string& text = document.get_ref<const std::string&>();
  // IAM sends documents URL-encoded; S3-compatible endpoints sometimes too.
  auto first = text.find_first_not_of(" \t\r\n");
  bool encoded = first != std::string::npos && text[first] == '%';
  auto doc = parse_json_text(encoded ? uri_decode(text) : text, what, kPolicyLimits);
  if (!doc && !encoded && text.find('%') != std::string::npos) {
    auto decoded = parse_json_text(uri_decode(text), what, kPolicyLimits);
    if (decoded) doc = std::move(decoded);
  }
  if (!doc) return malformed(doc.error().message);
  if (!doc->is_object()) return malformed(std::string(what) + " is not a JSON object.");
  return doc;
}

bool put_policy(CollectContext& ctx, Resource& resource, const std::string& property, const json& document,
                std::string_view what, std::string_view service, std::string_view operation) {
  auto doc = parse_policy(document, what);
  if (!doc) {
    resource.props.erase(property);
    record_missing(ctx, resource, property, doc.error(), service, operation);
    return false;
  }
  resource.props[property] = std::move(*doc);
  return true;
}

std::map<std::string, std::string> tags_from_list(const json& list) {
  std::map<std::string, std::string> tags;
  if (!list.is_array()) return tags;
  for (const auto& t : list) {
    if (!t.is_object()) continue;
    std::string k = t.value("Key", t.value("key", ""));
    std::string v = t.value("Value", t.value("value", ""));
    if (!k.empty()) tags[k] = v;
  }
  return tags;
}

json iso_timestamp(const json& v) {
  std::optional<TimePoint> t;
  if (v.is_number()) {
    double secs = v.get<double>();
    if (std::isfinite(secs))
      t = TimePoint(std::chrono::duration_cast<TimePoint::duration>(std::chrono::duration<double>(secs)));
  } else if (v.is_string()) {
    t = parse_any_timestamp(v.get<std::string>());
  }
  return t ? json(format_iso8601(*t)) : json(nullptr);
}

}  // namespace cloudpeek::collect
