#include "checks/ec2_network.h"

#include <algorithm>
#include <string_view>

namespace cloudpeek::checks {
namespace {

// Reads the rule in place: no copies of the CIDR lists or their strings
// (these run for every port of every rule of every security group).
bool has(const json& rule, const char* key, std::string_view cidr) {
  auto it = rule.find(key);  // end() for a non-object, as contains() was false
  if (it == rule.end() || !it->is_array()) return false;
  for (const auto& c : *it)
    if (c.is_string() && c.get_ref<const std::string&>() == cidr) return true;
  return false;
}

// rule.value("protocol", "-1") without the copy: a view of the stored string,
// "-1" when absent. Any other shape goes through value() for its exception.
std::string_view proto(const json& rule) {
  if (rule.is_object()) {
    auto it = rule.find("protocol");
    if (it == rule.end()) return "-1";
    if (it->is_string()) return it->get_ref<const std::string&>();
  }
  (void)rule.value("protocol", "-1");  // throws json::type_error as before
  return "-1";
}

}  // namespace

bool sg_rule_open(const json& rule, IpFamily family) {
  bool v4 = family != IpFamily::kIpv6 && has(rule, "ipv4", "0.0.0.0/0");
  bool v6 = family != IpFamily::kIpv4 && has(rule, "ipv6", "::/0");
  return v4 || v6;
}

bool sg_rule_opens_port(const json& rule, int port, IpFamily family, bool udp) {
  if (!sg_rule_open(rule, family)) return false;
  std::string_view p = proto(rule);
  if (p == "-1") return true;
  if (p != "tcp" && !(udp && p == "udp")) return false;
  return rule.value("from_port", 0) <= port && port <= rule.value("to_port", 65535);
}

bool sg_rule_opens_all(const json& rule, IpFamily family) {
  if (!sg_rule_open(rule, family)) return false;
  std::string_view p = proto(rule);
  if (p == "-1") return true;
  return (p == "tcp" || p == "udp") && rule.value("from_port", 0) <= 0 && rule.value("to_port", 0) >= 65535;
}

std::string sg_rule_text(const json& rule) {
  std::string p(proto(rule));
  std::string ports;
  if (p == "-1")
    ports = "all traffic";
  else if (rule.value("from_port", 0) == rule.value("to_port", 0))
    ports = p + " " + std::to_string(rule.value("from_port", 0));
  else
    ports = p + " " + std::to_string(rule.value("from_port", 0)) + "-" + std::to_string(rule.value("to_port", 0));
  std::string from;
  if (has(rule, "ipv4", "0.0.0.0/0")) from = "0.0.0.0/0";
  if (has(rule, "ipv6", "::/0")) from += (from.empty() ? "" : ", ") + std::string("::/0");
  return ports + (from.empty() ? "" : " from " + from);
}

std::string sg_admin_port_rules(const json& ingress, IpFamily family) {
  std::string open;
  for (const auto& rule : ingress)
    for (int port : {22, 3389})
      if (sg_rule_opens_port(rule, port, family, true)) {
        open += (open.empty() ? "" : "; ") + sg_rule_text(rule);
        break;
      }
  return open;
}

int nacl_allows_from_internet(const json& entries, int port, IpFamily family) {
  if (!entries.is_array()) return -1;
  // Pointers into `entries`, not copies: the same order as sorting copies
  // (std::sort's permutation depends only on the comparisons).
  std::vector<const json*> ingress;
  for (const auto& e : entries)
    if (!e.value("egress", false)) ingress.push_back(&e);
  std::sort(ingress.begin(), ingress.end(), [](const json* a, const json* b) {
    return a->value("rule_number", 0) < b->value("rule_number", 0);
  });
  // Per protocol (TCP "6", UDP "17"): the first internet-wide entry that
  // matches decides; "-1" entries match every protocol and port.
  auto decide_proto = [&](const char* key, const char* any, const std::string& target) {
    for (const json* ep : ingress) {
      const json& e = *ep;
      if (!e.contains(key) || !e[key].is_string() || e[key].get_ref<const std::string&>() != any) continue;
      std::string p = e.value("protocol", "-1");
      bool match = p == "-1" || (p == target && e.value("from_port", 0) <= port && port <= e.value("to_port", 65535));
      if (!match) continue;
      return e.value("action", "deny") == "allow" ? e.value("rule_number", 0) : -1;
    }
    return -1;
  };
  auto decide = [&](const char* key, const char* any) {
    int n = decide_proto(key, any, "6");
    return n >= 0 ? n : decide_proto(key, any, "17");
  };
  if (family != IpFamily::kIpv6) {
    int n = decide("cidr", "0.0.0.0/0");
    if (n >= 0) return n;
  }
  if (family != IpFamily::kIpv4) return decide("ipv6_cidr", "::/0");
  return -1;
}

}  // namespace cloudpeek::checks
