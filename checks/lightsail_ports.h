// Lightsail instance firewall rules (GetInstances networking.ports, kept as
// props.ports): which are open to the whole internet.
#pragma once

#include <string>

#include "checks/check.h"

namespace cloudpeek::checks::lightsail {

// The rule admits every IPv4 or IPv6 address.
inline bool open_to_world(const json& port) {
  for (const char* key : {"cidrs", "ipv6_cidrs"})
    for (const auto& c : port.value(key, json::array()))
      if (c == "0.0.0.0/0" || c == "::/0") return true;
  return false;
}

inline bool all_ports(const json& port) {
  const std::string protocol = port.value("protocol", "");
  return protocol == "all" ||
         (protocol == "tcp" && port.value("from_port", -1) <= 0 && port.value("to_port", -1) >= 65535);
}

// The rule opens TCP `p` (or every protocol on a range with it).
inline bool covers_tcp(const json& port, int p) {
  const std::string protocol = port.value("protocol", "");
  if (protocol == "all") return true;
  return protocol == "tcp" && port.value("from_port", -1) <= p && port.value("to_port", -1) >= p;
}

inline std::string describe(const json& port) {
  const int from = port.value("from_port", -1), to = port.value("to_port", -1);
  return port.value("protocol", "") + " " + (from == to ? std::to_string(from) : std::to_string(from) + "-" + std::to_string(to));
}

}  // namespace cloudpeek::checks::lightsail
