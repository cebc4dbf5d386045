// Reading security-group rules and network-ACL entries as collect/ec2.cc
// stores them (see its header for the shapes): which ports the internet
// (0.0.0.0/0 or ::/0) can reach. Shared by the ec2_securitygroup_* and
// ec2_networkacl_* checks.
#pragma once

#include <string>
#include <vector>

#include "model/resource.h"

namespace cloudpeek::checks {

enum class IpFamily { kIpv4, kIpv6, kBoth };

// Whether one security-group rule admits `port` from anywhere in `family`.
// Protocol "-1" covers every port; with `udp` also UDP rules count (CIS 5.2
// treats TCP, UDP and all-protocol rules alike for admin ports).
bool sg_rule_opens_port(const json& rule, int port, IpFamily family, bool udp);
// Whether the rule allows every protocol / every port from anywhere in `family`.
bool sg_rule_opens_all(const json& rule, IpFamily family);
// Whether the rule admits anything at all from anywhere in `family`.
bool sg_rule_open(const json& rule, IpFamily family);
// "tcp 22 from 0.0.0.0/0": a readable form of a rule, for details.
std::string sg_rule_text(const json& rule);
// The ingress rules that admit anywhere in `family` to SSH (22) or RDP (3389)
// over TCP, UDP or all protocols (CIS 5.2/5.3), as sg_rule_text joined by
// "; "; empty when none does.
std::string sg_admin_port_rules(const json& ingress, IpFamily family);

// Whether a network ACL lets `port` (TCP or UDP) in from 0.0.0.0/0 (or ::/0):
// ingress entries are evaluated in rule-number order and the first entry from
// the whole internet that matches the port decides (allow or deny), as AWS does.
// Returns the deciding allow entry's rule number, or -1 if the port is not open.
int nacl_allows_from_internet(const json& entries, int port, IpFamily family);

}  // namespace cloudpeek::checks
