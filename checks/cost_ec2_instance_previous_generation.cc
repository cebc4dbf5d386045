// Cost hygiene: instances of previous-generation types (t2, m4, c4, r4, …)
// cost more than, or as much as, the current generation's same size, which is
// also faster (Nitro).
#include "checks/cost_registry.h"
#include "checks/cost_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

const char kId[] = "ec2_instance_previous_generation";

// Previous-generation families and the current family that replaces each
// size for size (AWS's previous generation instances list).
constexpr std::pair<const char*, const char*> kSuccessor[] = {
    {"t1", "t3"}, {"t2", "t3"},   {"m1", "m5"},    {"m2", "r5"},    {"m3", "m5"}, {"m4", "m5"}, {"c1", "c5"},
    {"c3", "c5"}, {"c4", "c5"},   {"cc2", "c5"},   {"r3", "r5"},    {"r4", "r5"}, {"cr1", "r5"}, {"i2", "i3"},
    {"hi1", "i3"}, {"d2", "d3"},  {"hs1", "d3"},   {"g2", "g4dn"},  {"g3", "g4dn"}, {"p2", "p3"}};

// "m4.large" → "m5.large"; empty when the family is current.
std::string successor(const std::string& type) {
  auto dot = type.find('.');
  if (dot == std::string::npos) return "";
  std::string family = type.substr(0, dot);
  for (const auto& [old_family, next] : kSuccessor)
    if (family == old_family) return next + type.substr(dot);
  return "";
}

// What moving to the successor saves per month (the hourly prices' difference × 730).
cost::Estimate saving(const Resource& r, const std::string& type, const std::string& next) {
  std::string old_item = "ec2." + type + ".hour", new_item = "ec2." + next + ".hour";
  auto old_price = prices::lookup(r.region, old_item);
  if (!old_price) return cost::missing(old_item, r.region);
  auto new_price = prices::lookup(r.region, new_item);
  if (!new_price) return cost::missing(new_item, r.region);
  return {(*old_price - *new_price) * prices::kHoursPerMonth,
          "(" + type + " " + cost::price(*old_price) + " − " + next + " " + cost::price(*new_price) +
              ") per hour × 730 hours, Linux on-demand"};
}

bool running(const Resource& r) {
  const json* state = r.prop("state");
  return state && *state == "running";
}

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "instance_type", &why);
  if (!type) return not_assessed(why);
  if (!require_prop(r, "state", &why)) return not_assessed(why);
  std::string t = type->is_string() ? type->get<std::string>() : "";
  std::string next = successor(t);
  if (next.empty()) return pass("Instance " + r.name + " is " + t + ", a current-generation type.");
  std::string text = "Instance " + r.name + " is " + t + ", a previous-generation type: " + next +
                     " is its current-generation equivalent (faster, and no dearer).";
  if (!running(r)) return fail(text + " It is not running, so no compute saving is estimated.");
  auto s = saving(r, t, next);
  if (s.usd && *s.usd <= 0)
    return fail(text + " At " + r.region + " prices it does not cost less " + prices::basis(s.how, r.region) + ".");
  return fail(text + cost::sentence(s, r.region, "saves ≈ "));
}

std::optional<double> monthly(const Resource& r, const Inventory&) {
  const json* type = r.prop("instance_type");
  if (!type || !type->is_string() || !running(r)) return std::nullopt;
  std::string next = successor(type->get<std::string>());
  if (next.empty()) return std::nullopt;
  auto s = saving(r, type->get<std::string>(), next);
  if (!s.usd || *s.usd <= 0) return std::nullopt;
  return s.usd;
}

const RegisterCheck reg({
    .meta = {.id = kId,
             .title = "EC2 instances should use current-generation instance types (cost)",
             .severity = Severity::kInformational,
             .service = "ec2",
             .resource_type = "AWS::EC2::Instance",
             .description = "Cost hygiene: checks for instances of previous-generation types (t1, t2, m1–m4, c1, c3, "
                            "c4, r3, r4, i2, d2, g2, g3, p2, …). For a running instance the finding carries the monthly "
                            "difference to the same size of the current generation when both are in the price data.",
             .risk = "Previous-generation types cost more for less performance, and some lack features of the Nitro "
                     "system (EBS encryption performance, ENA networking, IMDS hop limits on older AMIs).",
             .remediation = {.text = "Stop the instance, change its type to the current generation's equivalent and "
                                     "start it (check the AMI's ENA and NVMe drivers first).",
                             .cli = "aws ec2 stop-instances --instance-ids <instance-id> && aws ec2 "
                                    "modify-instance-attribute --instance-id <instance-id> --instance-type "
                                    "\"{\\\"Value\\\": \\\"<m5.large>\\\"}\" && aws ec2 start-instances --instance-ids "
                                    "<instance-id>",
                             .terraform = "resource \"aws_instance\" \"example\" {\n  # ...\n  instance_type = "
                                          "\"m5.large\" # was m4.large\n}"},
             .references = {"https://aws.amazon.com/ec2/previous-generation/",
                            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-resize.html",
                            "https://aws.amazon.com/ec2/pricing/on-demand/"},
             .cis = {},
             .fsbp = {}},
    .reads = {"instance_type", "state"},
    .evaluate = evaluate});
const RegisterMonthlyCost cost_reg(kId, monthly);

}  // namespace
}  // namespace cloudpeek::checks
