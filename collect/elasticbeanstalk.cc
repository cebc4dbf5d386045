// Elastic Beanstalk (regional): environments and the three settings Security
// Hub assesses (ElasticBeanstalk.1-3).
//
// Calls (issue 13): DescribeEnvironments once per region (paged, deleted
// environments excluded), then DescribeConfigurationSettings per environment
// — AWS has no bulk form — only when a selected check reads what it returns.
// Environments terminating or terminated are not kept.
//
// AWS::ElasticBeanstalk::Environment  arn = EnvironmentArn, id = EnvironmentId, name = EnvironmentName
//   props.application               ApplicationName
//   props.status                    Status ("Ready", "Updating", ...)
//   props.enhanced_health           bool: aws:elasticbeanstalk:healthreporting:system SystemType is "enhanced"
//   props.managed_platform_updates  bool: aws:elasticbeanstalk:managedactions ManagedActionsEnabled is "true"
//   props.stream_logs               bool: aws:elasticbeanstalk:cloudwatch:logs StreamLogs is "true"
//   (the last three missing, with the reason, when DescribeConfigurationSettings failed; an option
//   AWS does not return takes its documented default: basic health, no managed actions, no streaming)
// Option settings hold environment properties (application secrets): only the
// three values above are kept, never the settings themselves.
#include <algorithm>
#include <cctype>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "elasticbeanstalk";
constexpr const char* kEnvironment = "AWS::ElasticBeanstalk::Environment";
const std::initializer_list<const char*> kSettings = {"enhanced_health", "managed_platform_updates", "stream_logs"};

std::string option(const json& settings, std::string_view ns, std::string_view name) {
  for (const auto& o : settings)
    if (o.value("Namespace", "") == ns && o.value("OptionName", "") == name) return o.value("Value", "");
  return {};
}

void describe(CollectContext& ctx, Resource r) {
  auto out = ctx.call(kSvc, "DescribeConfigurationSettings",
                      json{{"ApplicationName", r.props.value("application", "")}, {"EnvironmentName", r.name}}, r.region);
  if (!out) {
    record_missing(ctx, r, "enhanced_health", out.error(), kSvc, "DescribeConfigurationSettings");
    for (const char* p : kSettings) r.missing[p] = r.missing["enhanced_health"];
    ctx.emit(std::move(r));
    return;
  }
  const json list = out->value("ConfigurationSettings", json::array());
  const json settings = list.empty() ? json::array() : list[0].value("OptionSettings", json::array());
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  r.props["enhanced_health"] = lower(option(settings, "aws:elasticbeanstalk:healthreporting:system", "SystemType")) == "enhanced";
  r.props["managed_platform_updates"] =
      lower(option(settings, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled")) == "true";
  r.props["stream_logs"] = lower(option(settings, "aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs")) == "true";
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  const bool needed = std::any_of(kSettings.begin(), kSettings.end(),
                                  [&](const char* p) { return ctx.needs(kEnvironment, p); });
  Status listed = for_each_page(ctx, kSvc, "DescribeEnvironments", json{{"IncludeDeleted", false}}, region, [&](json& page) {
    for (auto& e : page.value("Environments", json::array())) {
      const std::string status = e.value("Status", "");
      if (status == "Terminating" || status == "Terminated") continue;
      Resource r;
      r.type = kEnvironment;
      r.account = ctx.account();
      r.region = region;
      r.id = e.value("EnvironmentId", "");
      r.name = e.value("EnvironmentName", "");
      r.arn = e.value("EnvironmentArn", "arn:" + ctx.partition() + ":elasticbeanstalk:" + region + ":" + ctx.account() +
                                            ":environment/" + e.value("ApplicationName", "") + "/" + r.name);
      r.props["application"] = e.value("ApplicationName", "");
      r.props["status"] = status;
      r.raw = std::move(e);
      if (!needed) {
        for (const char* p : kSettings) not_needed(r, p);
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, r = std::move(r)]() mutable { describe(ctx, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeEnvironments", region, {kEnvironment});
}

const RegisterCollector reg({.service = "elasticbeanstalk", .global = false, .produces = {kEnvironment}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
