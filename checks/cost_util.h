// What the cost hygiene checks share: monthly estimates from the price data
// (model/prices.h) with the sentence that says how each was computed — size ×
// price, the region and the prices' date — or which price is missing. An
// estimate is never made up: no price for an item in a region, no estimate.
#pragma once

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

#include "checks/check.h"
#include "model/prices.h"

namespace cloudpeek::checks::cost {

struct Estimate {
  std::optional<double> usd;  // per month; nothing when a price is missing
  std::string how;            // "100 GiB × $0.10 per GB-month" or "no price for <item> in <region>"
};

// "$0.10", "$0.0225": a unit price with the digits it has (at least two decimals).
inline std::string price(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s = buf;
  while (s.size() > 4 && s.back() == '0' && s[s.size() - 3] != '.') s.pop_back();
  return "$" + s;
}

inline std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

inline Estimate missing(const std::string& item, const std::string& region) {
  return {std::nullopt, prices::no_price(item, region)};
}

// One hourly item for a month (730 hours): a NAT gateway, a load balancer, an instance.
inline Estimate hourly(const std::string& region, const std::string& item, const std::string& what) {
  auto p = prices::lookup(region, item);
  if (!p) return missing(item, region);
  return {*p * prices::kHoursPerMonth, what + " " + price(*p) + " per hour × 730 hours"};
}

// An EBS volume's storage plus what it provisions beyond what the price
// includes: gp3 above 3,000 IOPS and 125 MiB/s, io1/io2 every provisioned IOPS.
inline Estimate volume(const std::string& region, const std::string& type, double gib, double iops, double mibps) {
  std::string item = "ebs." + type + ".gb_month";
  auto gb = prices::lookup(region, item);
  if (!gb) return missing(item, region);
  Estimate e{gib * *gb, number(gib) + " GiB " + type + " × " + price(*gb) + " per GB-month"};
  auto add = [&](double units, const std::string& unit_item, const std::string& what) {
    if (units <= 0 || !e.usd) return;
    auto p = prices::lookup(region, unit_item);
    if (!p) {
      e = missing(unit_item, region);
      return;
    }
    *e.usd += units * *p;
    e.how += " + " + number(units) + " " + what + " × " + price(*p);
  };
  if (type == "gp3") {
    add(iops - 3000, "ebs.gp3.iops_month", "IOPS above 3,000");
    add(mibps - 125, "ebs.gp3.mibps_month", "MiB/s above 125");
  } else if (type == "io1" || type == "io2") {
    add(iops, "ebs." + type + ".iops_month", "provisioned IOPS");
  }
  return e;
}

inline double number_prop(const Resource& r, const char* key) {
  const json* v = r.prop(key);
  return v && v->is_number() ? v->get<double>() : 0;
}

// A collected AWS::EC2::Volume's monthly cost.
inline Estimate volume_of(const Resource& v) {
  const json* type = v.prop("volume_type");
  std::string t = type && type->is_string() ? type->get<std::string>() : "";
  if (t.empty()) return {std::nullopt, "the type of volume " + v.id + " is unknown"};
  return volume(v.region, t, number_prop(v, "size_gib"), number_prop(v, "iops"), number_prop(v, "throughput"));
}

// What a gp2 volume of `gib` would cost as gp3 with at least the performance
// gp2 gives it: 3 IOPS per GiB (100 to 16,000), and 250 MiB/s above 170 GiB
// (gp3's included 125 MiB/s matches the 128 MiB/s of smaller gp2 volumes).
inline Estimate gp3_equivalent(const std::string& region, double gib) {
  double iops = std::clamp(3 * gib, 100.0, 16000.0);
  double mibps = gib > 170 ? 250 : 125;
  return volume(region, "gp3", gib, iops, mibps);
}

// " ≈ $10.00/month (100 GiB gp2 × $0.10 per GB-month, us-east-1 prices of
// 2025-01 from the AWS Price List)." or " No estimate: no price for … in …."
inline std::string sentence(const Estimate& e, const std::string& region, const std::string& prefix = "≈ ") {
  if (!e.usd) return " No estimate: " + e.how + ".";
  return " " + prefix + prices::usd(*e.usd) + "/month " + prices::basis(e.how, region) + ".";
}

}  // namespace cloudpeek::checks::cost
