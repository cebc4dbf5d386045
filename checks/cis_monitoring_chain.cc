#include "checks/cis_monitoring_chain.h"

#include <regex>

namespace cloudpeek::checks::cis_monitoring {

namespace {

constexpr const char* kTrail = "AWS::CloudTrail::Trail";
constexpr const char* kFilter = "AWS::Logs::MetricFilter";
constexpr const char* kAlarm = "AWS::CloudWatch::Alarm";
constexpr const char* kTopic = "AWS::SNS::Topic";

std::string str(const Resource& r, const char* key) {
  const json* v = r.prop(key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool flag(const Resource& r, const char* key) {
  const json* v = r.prop(key);
  return v && v->is_boolean() && v->get<bool>();
}

// "arn:aws:logs:us-east-1:111122223333:log-group:CloudTrail/logs:*" → {region, account, name}.
struct LogGroupRef {
  std::string region, account, name;
};
std::optional<LogGroupRef> parse_log_group_arn(const std::string& arn) {
  // arn:partition:logs:region:account:log-group:NAME[:*]
  std::vector<std::string> parts;
  size_t start = 0;
  for (int i = 0; i < 6; ++i) {
    size_t colon = arn.find(':', start);
    if (colon == std::string::npos) return std::nullopt;
    parts.push_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  if (parts[2] != "logs" || parts[5] != "log-group") return std::nullopt;
  std::string name = arn.substr(start);
  if (name.size() >= 2 && name.compare(name.size() - 2, 2, ":*") == 0) name.resize(name.size() - 2);
  if (name.empty()) return std::nullopt;
  return LogGroupRef{parts[3], parts[4], name};
}

std::string region_of_arn(const std::string& arn) {
  // arn:partition:service:region:...
  size_t a = arn.find(':');
  if (a == std::string::npos) return {};
  a = arn.find(':', a + 1);
  if (a == std::string::npos) return {};
  a = arn.find(':', a + 1);
  if (a == std::string::npos) return {};
  size_t b = arn.find(':', a + 1);
  if (b == std::string::npos) return {};
  return arn.substr(a + 1, b - a - 1);
}

// Why a chain could not be followed, and how far the best attempt got.
struct Walk {
  std::vector<std::string> unknown;  // gaps that could hide a passing chain
  int depth = -1;
  std::string failure;
  void fail_at(int d, std::string why) {
    if (d > depth) {
      depth = d;
      failure = std::move(why);
    }
  }
  void gap(std::string why) {
    for (const auto& u : unknown)
      if (u == why) return;
    unknown.push_back(std::move(why));
  }
};

}  // namespace

std::vector<std::string> comparisons(std::string_view filter_pattern) {
  static const std::regex re(
      R"re(\$\.([A-Za-z0-9_.\-\[\]]+)\s*(!=|>=|<=|=|>|<|NOT\s+EXISTS|IS\s+NULL|NOT\s+NULL)\s*("[^"]*"|[^\s()&|}]*)?)re");
  std::vector<std::string> out;
  std::string text(filter_pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    std::string op = m[2].str();
    std::string field = m[1].str();
    if (op.find(' ') != std::string::npos || op.find('\t') != std::string::npos) {
      // "NOT   EXISTS" → "NOT EXISTS"
      std::string norm;
      bool space = false;
      for (char c : op) {
        if (c == ' ' || c == '\t' || c == '\n') {
          space = true;
          continue;
        }
        if (space && !norm.empty()) norm += ' ';
        space = false;
        norm += c;
      }
      out.push_back(field + " " + norm);
      continue;
    }
    std::string value = m[3].matched ? m[3].str() : std::string();
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    out.push_back(field + op + value);
  }
  return out;
}

bool matches(const Control& control, std::string_view filter_pattern) {
  auto have = comparisons(filter_pattern);
  for (const auto& need : control.required) {
    // "a|b": either comparison satisfies the requirement (documented variants).
    bool found = false;
    size_t start = 0;
    while (!found) {
      size_t bar = need.find('|', start);
      std::string alt = need.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
      for (const auto& h : have)
        if (h == alt) found = true;
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    if (!found) return false;
  }
  return !control.required.empty();
}

std::vector<std::string> context_types() { return {kTrail, kFilter, kAlarm, kTopic}; }

CheckResult evaluate_chain(const Control& control, const Inventory& inv) {
  Walk walk;
  if (auto why = inv.gap_any_region(kTrail)) walk.gap(*why);
  walk.fail_at(0, "no CloudTrail trail that is multi-region, logging and recording all management events");

  for (const Resource& trail : inv.of_type(kTrail)) {
    const std::string tname = trail.name.empty() ? trail.arn : trail.name;
    bool usable = true;
    for (const char* p : {"is_multi_region", "is_logging", "management_events_all"}) {
      if (auto why = trail.missing_reason(p)) {
        walk.gap("trail " + tname + ": " + *why);
        usable = false;
      }
    }
    if (!usable) continue;
    if (!flag(trail, "is_multi_region")) {
      walk.fail_at(1, "trail " + tname + " is not multi-region");
      continue;
    }
    if (!flag(trail, "is_logging")) {
      walk.fail_at(1, "multi-region trail " + tname + " is not logging");
      continue;
    }
    if (!flag(trail, "management_events_all")) {
      walk.fail_at(1, "multi-region trail " + tname + " does not record all (read and write) management events");
      continue;
    }
    std::string lg_arn = str(trail, "cloud_watch_logs_log_group_arn");
    if (lg_arn.empty()) {
      walk.fail_at(2, "multi-region trail " + tname + " does not deliver to CloudWatch Logs");
      continue;
    }
    auto lg = parse_log_group_arn(lg_arn);
    if (!lg) {
      walk.fail_at(2, "trail " + tname + " names an unrecognised log group ARN " + lg_arn);
      continue;
    }
    if (!inv.account.empty() && lg->account != inv.account) {
      walk.gap("trail " + tname + " delivers to log group " + lg->name + " in account " + lg->account +
               ", outside this scan");
      continue;
    }
    if (auto why = inv.gap(kFilter, lg->region)) walk.gap(*why);

    bool any_filter = false;
    for (const Resource& filter : inv.of_type(kFilter)) {
      if (filter.region != lg->region || str(filter, "log_group_name") != lg->name) continue;
      if (!matches(control, str(filter, "filter_pattern"))) continue;
      any_filter = true;
      const std::string fname = str(filter, "name");
      if (auto why = inv.gap(kAlarm, lg->region)) walk.gap(*why);
      const json* transforms = filter.prop("metric_transformations");
      bool any_alarm = false;
      if (transforms && transforms->is_array()) {
        for (const auto& t : *transforms) {
          std::string metric = t.value("metric_name", "");
          std::string ns = t.value("metric_namespace", "");
          for (const Resource& alarm : inv.of_type(kAlarm)) {
            if (alarm.region != lg->region) continue;
            bool on_metric = str(alarm, "metric_name") == metric && str(alarm, "namespace") == ns;
            if (const json* ms = alarm.prop("metrics"); !on_metric && ms && ms->is_array())
              for (const auto& m : *ms)
                if (m.value("metric_name", "") == metric && m.value("namespace", "") == ns) on_metric = true;
            if (!on_metric) continue;
            any_alarm = true;
            const std::string aname = alarm.name.empty() ? alarm.id : alarm.name;
            const json* actions = alarm.prop("alarm_actions");
            bool any_topic = false;
            if (actions && actions->is_array()) {
              for (const auto& a : *actions) {
                if (!a.is_string()) continue;
                std::string action = a.get<std::string>();
                if (action.rfind("arn:", 0) != 0 || action.find(":sns:") == std::string::npos) continue;
                any_topic = true;
                const Resource* topic = inv.find_arn(action);
                if (!topic) {
                  if (auto why = inv.gap(kTopic, region_of_arn(action))) walk.gap(*why);
                  walk.fail_at(5, "alarm " + aname + " notifies SNS topic " + action + ", which does not exist");
                  continue;
                }
                if (auto why = topic->missing_reason("confirmed_subscriptions")) {
                  walk.gap("SNS topic " + topic->name + ": " + *why);
                  continue;
                }
                const json* n = topic->prop("confirmed_subscriptions");
                if (n && n->is_number_integer() && n->get<long long>() > 0) {
                  return pass("trail " + tname + " → log group " + lg->name + " → metric filter " + fname +
                              " → alarm " + aname + " → SNS topic " + topic->name + " (" +
                              std::to_string(n->get<long long>()) + " confirmed subscription(s))");
                }
                walk.fail_at(5, "alarm " + aname + " has no SNS topic with subscribers (topic " + topic->name +
                                    " has no confirmed subscription)");
              }
            }
            if (!any_topic) walk.fail_at(4, "alarm " + aname + " on metric " + ns + "/" + metric +
                                                " has no SNS topic with subscribers (no SNS action)");
          }
          if (!any_alarm)
            walk.fail_at(3, "no alarm on metric " + ns + "/" + metric + " of metric filter " + fname +
                                " for " + control.what + " on log group " + lg->name);
        }
      }
      if (!any_alarm)
        walk.fail_at(3, "no alarm on the metric of metric filter " + fname + " for " + control.what +
                            " on log group " + lg->name);
    }
    if (!any_filter) walk.fail_at(2, "no metric filter for " + control.what + " on log group " + lg->name);
  }

  if (!walk.unknown.empty()) {
    std::string why;
    for (const auto& u : walk.unknown) why += (why.empty() ? "" : "; ") + u;
    return not_assessed(why);
  }
  return fail(walk.failure);
}

CheckMetadata metadata(std::string id, std::string cis_id, std::string securityhub_id, std::string title, std::string what,
                       std::string pattern, Severity severity) {
  CheckMetadata m;
  m.id = std::move(id);
  m.title = std::move(title);
  m.severity = severity;
  m.service = "cloudwatch";
  m.resource_type = kAccountType;
  m.description =
      "A log metric filter and alarm exist for " + what +
      ": a multi-region CloudTrail trail that is logging all management events delivers to a CloudWatch Logs "
      "group with a metric filter for the CIS pattern, an alarm watches the filter's metric, and the alarm "
      "notifies an SNS topic with at least one confirmed subscription." +
      (securityhub_id.empty() ? std::string() : " Security Hub control " + securityhub_id + ".");
  m.risk = "Without real-time monitoring of " + what +
           ", malicious or accidental activity goes unnoticed until someone reads the logs, which lengthens the "
           "time to detect and respond to an incident.";
  m.remediation.text =
      "Send the multi-region trail to CloudWatch Logs, create a metric filter with the CIS pattern on its log "
      "group, an alarm on the filter's metric (Sum >= 1 over 5 minutes), and point the alarm at an SNS topic "
      "with a confirmed subscriber.";
  m.remediation.cli = "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name <name> "
                      "--metric-transformations metricName=<metric>,metricNamespace=CISBenchmark,metricValue=1 "
                      "--filter-pattern '" + pattern +
                      "' && aws cloudwatch put-metric-alarm --alarm-name <name> --metric-name <metric> "
                      "--namespace CISBenchmark --statistic Sum --period 300 --threshold 1 "
                      "--comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 "
                      "--alarm-actions <sns-topic-arn>";
  std::string escaped;
  for (char c : pattern) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  m.remediation.terraform =
      "resource \"aws_cloudwatch_log_metric_filter\" \"cis\" {\n"
      "  name           = \"<name>\"\n"
      "  log_group_name = \"<trail-log-group>\"\n"
      "  pattern        = \"" + escaped + "\"\n"
      "  metric_transformation {\n    name      = \"<metric>\"\n    namespace = \"CISBenchmark\"\n    value     = \"1\"\n  }\n}\n"
      "resource \"aws_cloudwatch_metric_alarm\" \"cis\" {\n"
      "  alarm_name          = \"<name>\"\n  metric_name         = \"<metric>\"\n  namespace           = \"CISBenchmark\"\n"
      "  statistic           = \"Sum\"\n  period              = 300\n  threshold           = 1\n"
      "  comparison_operator = \"GreaterThanOrEqualToThreshold\"\n  evaluation_periods  = 1\n"
      "  alarm_actions       = [\"<sns-topic-arn>\"]\n}";
  m.references = {
      "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
      "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html",
      "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
      "https://www.cisecurity.org/benchmark/amazon_web_services"};
  m.cis = {std::move(cis_id)};
  return m;
}

}  // namespace cloudpeek::checks::cis_monitoring
