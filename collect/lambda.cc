// Lambda (regional): functions, their resource-based policies and function URLs.
//
// AWS::Lambda::Function  arn = FunctionArn (unqualified), id = name = FunctionName
//   props.runtime            "python3.12"; null for container images (package_type "Image")
//   props.package_type       "Zip" | "Image"
//   props.tracing_mode       "Active" | "PassThrough" (X-Ray)
//   props.vpc_id             the VPC the function is attached to, null when none
//   props.subnets            [subnet id] of its VpcConfig
//   props.env_var_names      ["DB_HOST", ...] — names only: values often hold secrets and are
//                             dropped from props AND raw (raw.Environment = {"VariableNames": [...]})
//   props.policy             the function policy document (object), null when it has none
//                             (GetPolicy → ResourceNotFoundException)            missing: "policy"
//   props.function_urls      [{"url", "auth_type": "NONE"|"AWS_IAM", "qualifier"}]  missing: "function_urls"
#include <nlohmann/json.hpp>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kFunction = "AWS::Lambda::Function";

// Keeps what ListFunctions said minus the environment values.
json scrub(json fn) {
  json names = json::array();
  if (fn.contains("Environment") && fn["Environment"].is_object()) {
    if (fn["Environment"].contains("Variables") && fn["Environment"]["Variables"].is_object())
      for (const auto& [k, v] : fn["Environment"]["Variables"].items()) names.push_back(k);
    fn["Environment"] = json{{"VariableNames", names}};
  }
  return fn;
}

void collect_function(CollectContext& ctx, const std::string& region, const json& fn) {
  Resource r;
  r.type = kFunction;
  r.account = ctx.account();
  r.region = region;
  r.id = fn.value("FunctionName", "");
  r.name = r.id;
  r.arn = fn.value("FunctionArn", "arn:" + ctx.partition() + ":lambda:" + region + ":" + ctx.account() +
                                      ":function:" + r.id);
  r.raw = scrub(fn);
  r.props["runtime"] = fn.contains("Runtime") ? fn["Runtime"] : json(nullptr);
  r.props["package_type"] = fn.value("PackageType", "Zip");
  r.props["role"] = fn.contains("Role") && fn["Role"].is_string() ? fn["Role"] : json(nullptr);  // its execution role
  r.props["env_var_names"] = r.raw.contains("Environment") ? r.raw["Environment"]["VariableNames"] : json::array();
  r.props["tracing_mode"] = fn.value("TracingConfig", json::object()).value("Mode", "PassThrough");
  json vpc = fn.value("VpcConfig", json::object());
  r.props["vpc_id"] = vpc.contains("VpcId") && vpc["VpcId"].is_string() && !vpc["VpcId"].get<std::string>().empty()
                          ? vpc["VpcId"] : json(nullptr);
  r.props["subnets"] = vpc.contains("SubnetIds") && vpc["SubnetIds"].is_array() ? vpc["SubnetIds"] : json::array();

  // Per function, and only when a selected check reads what they return
  // (lambda:GetPolicy at 15/s per region was the scan benchmark's bound).
  if (!ctx.needs(kFunction, "policy")) {
    not_needed(r, "policy");
  } else if (auto policy = ctx.call("lambda", "GetPolicy", json{{"FunctionName", r.id}}, region); policy) {
    if (put_policy(ctx, r, "policy", policy->value("Policy", json()), "the function policy of " + r.id, "lambda",
                   "GetPolicy"))
      r.raw["Policy"] = r.props["policy"];
  } else if (policy.error().code == "ResourceNotFoundException") {
    r.props["policy"] = nullptr;  // no resource-based policy: a fact, not a gap
  } else {
    record_missing(ctx, r, "policy", policy.error(), "lambda", "GetPolicy");
  }

  if (!ctx.needs(kFunction, "function_urls")) {
    not_needed(r, "function_urls");
    return ctx.emit(std::move(r));
  }
  auto urls = call_all_pages(ctx, "lambda", "ListFunctionUrlConfigs", json{{"FunctionName", r.id}}, region);
  if (urls) {
    json list = json::array();
    for (const auto& u : urls->value("FunctionUrlConfigs", json::array())) {
      std::string url_arn = u.value("FunctionArn", "");
      std::string qualifier;
      if (auto pos = url_arn.rfind(':'); url_arn.size() > r.arn.size() && pos != std::string::npos)
        qualifier = url_arn.substr(pos + 1);
      list.push_back({{"url", u.value("FunctionUrl", "")},
                      {"auth_type", u.value("AuthType", "")},
                      {"qualifier", qualifier}});
    }
    r.props["function_urls"] = list;
    r.raw["FunctionUrlConfigs"] = urls->value("FunctionUrlConfigs", json::array());
  } else if (urls.error().code == "ResourceNotFoundException") {
    r.props["function_urls"] = json::array();
  } else {
    record_missing(ctx, r, "function_urls", urls.error(), "lambda", "ListFunctionUrlConfigs");
  }
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "lambda", "ListFunctions", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "lambda", "ListFunctions", region, {kFunction});
    return;
  }
  for (const auto& fn : out->value("Functions", json::array()))
    ctx.spawn([&ctx, region, fn] { collect_function(ctx, region, fn); });
}

const RegisterCollector reg({.service = "lambda", .global = false, .produces = {kFunction}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
