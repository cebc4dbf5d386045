// Cost Explorer (global): the account's month-to-date spend by service, one
// GetCostAndUsage per scan (issue 12 §3).
//
// AWS::CE::MonthToDateSpend  arn: arn:PARTITION:ce::ACCOUNT:spend/month-to-date
//   start, end: the period asked for (YYYY-MM-DD; end exclusive: tomorrow, so
//     today's charges so far are in), metric "UnblendedCost" (the console's
//     default), currency, total, estimated (AWS has not closed the month),
//     services: [{service, amount}] largest first.
//
// ce:GetCostAndUsage is not in the SecurityAudit policy: when it is denied
// (the usual case) nothing is emitted and the gap names the action, so the
// dashboard says NOT_ASSESSED with the missing action — never a spend of 0.
// The call is filtered to the scanned account (LINKED_ACCOUNT): in an
// organization's management account Cost Explorer otherwise answers for every
// member, and the dashboard sums accounts. Each call costs USD 0.01 at AWS.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kSpend = "AWS::CE::MonthToDateSpend";

std::string ymd(const std::tm& t) { return fmt::format("{:04}-{:02}-{:02}", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday); }

// Cost Explorer's one endpoint per partition (there is none in GovCloud).
std::optional<std::string> ce_region(const std::string& partition) {
  if (partition == "aws") return "us-east-1";
  if (partition == "aws-cn") return "cn-northwest-1";
  return std::nullopt;
}

// "12.3456789" as AWS sends amounts; nullopt when it is not a number.
std::optional<double> amount_of(const json& metric) {
  if (!metric.is_object() || !metric.contains("Amount")) return std::nullopt;
  const auto& a = metric["Amount"];
  if (a.is_number()) return a.get<double>();
  if (!a.is_string()) return std::nullopt;
  const std::string& s = a.get_ref<const std::string&>();
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size()) return std::nullopt;
  return v;
}

void collect_ce(CollectContext& ctx, const std::string& home_region) {
  auto region = ce_region(ctx.partition());
  if (!region) return;  // no Cost Explorer in this partition: nothing to read, nothing missed
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm today{};
  gmtime_r(&now, &today);
  std::tm first = today;
  first.tm_mday = 1;
  std::time_t next_day = now + 24 * 3600;
  std::tm tomorrow{};
  gmtime_r(&next_day, &tomorrow);
  const std::string start = ymd(first), end = ymd(tomorrow);

  json params = {{"TimePeriod", {{"Start", start}, {"End", end}}},
                 {"Granularity", "MONTHLY"},
                 {"Metrics", {"UnblendedCost"}},
                 {"GroupBy", {{{"Type", "DIMENSION"}, {"Key", "SERVICE"}}}},
                 {"Filter", {{"Dimensions", {{"Key", "LINKED_ACCOUNT"}, {"Values", {ctx.account()}}}}}}};
  Resource r;
  r.type = kSpend;
  r.arn = "arn:" + ctx.partition() + ":ce::" + ctx.account() + ":spend/month-to-date";
  r.account = ctx.account();
  r.region = "global";
  r.id = ctx.account();
  r.name = "month-to-date spend of account " + ctx.account();

  std::map<std::string, double> by_service;
  std::string currency;
  bool estimated = false;
  json pages = json::array();
  // Groups beyond one page come with NextPageToken (GetCostAndUsage has no botocore paginator).
  for (int page = 0; page < 20; ++page) {
    auto out = ctx.call("ce", "GetCostAndUsage", params, *region);
    if (!out) {
      record_failure(ctx, out.error(), "ce", "GetCostAndUsage", home_region, {kSpend});
      return;
    }
    for (const auto& period : out->value("ResultsByTime", json::array())) {
      if (period.value("Estimated", false)) estimated = true;
      for (const auto& g : period.value("Groups", json::array())) {
        auto keys = g.value("Keys", json::array());
        std::string service = !keys.empty() && keys[0].is_string() ? keys[0].get<std::string>() : "(no service)";
        auto metric = g.value("Metrics", json::object()).value("UnblendedCost", json::object());
        auto amount = amount_of(metric);
        if (!amount) {
          Error e = make_error(ErrorKind::kMalformedResponse,
                               "Cost Explorer sent an amount that is not a number for " + service + ".");
          e.code = "MalformedAmount";
          record_failure(ctx, e, "ce", "GetCostAndUsage", home_region, {kSpend});
          return;
        }
        std::string unit = metric.value("Unit", "");
        if (currency.empty()) currency = unit;
        if (!unit.empty() && unit != currency) currency = "mixed";
        by_service[service] += *amount;
      }
    }
    pages.push_back(std::move(out.value()));
    std::string token = pages.back().value("NextPageToken", "");
    if (token.empty()) break;
    params["NextPageToken"] = token;
  }
  std::vector<std::pair<std::string, double>> sorted(by_service.begin(), by_service.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  json services = json::array();
  double total = 0;
  for (const auto& [service, amount] : sorted) {
    services.push_back({{"service", service}, {"amount", amount}});
    total += amount;
  }
  r.props = {{"start", start},
             {"end", end},
             {"metric", "UnblendedCost"},
             {"currency", currency.empty() ? json(nullptr) : json(currency)},
             {"total", total},
             {"estimated", estimated},
             {"services", std::move(services)}};
  r.raw = {{"pages", std::move(pages)}};
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "ce", .global = true, .produces = {kSpend}, .collect = collect_ce});

}  // namespace
}  // namespace cloudpeek::collect
