// Is the KMS key a resource names customer managed? From the key reference
// as the service returns it (key ARN, alias ARN, "alias/…", key id) and the
// KMS inventory's key_manager. AWS managed keys (aliases "alias/aws/…") live
// in the account that uses them, so a key of another account is a
// customer's. Unknown — never guessed — when the key is not in the inventory.
#pragma once

#include <string>

#include "checks/check.h"

namespace cloudpeek::checks::kms_key {

constexpr const char* kKeyType = "AWS::KMS::Key";

enum class Manager { kCustomer, kAws, kUnknown };

struct Verdict {
  Manager manager = Manager::kUnknown;
  std::string detail;  // the key's name, or why it is unknown
};

// Field `n` (0-based) of an ARN: 3 is the region, 4 the account.
inline std::string arn_field(const std::string& arn, int n) {
  size_t pos = 0;
  for (int i = 0; i < n; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

inline Verdict judge(const Resource& k, const std::string& ref) {
  if (auto m = k.missing_reason("key_manager")) return {Manager::kUnknown, "key " + ref + ": " + *m};
  const json* manager = k.prop("key_manager");
  if (manager && *manager == "CUSTOMER") return {Manager::kCustomer, k.name};
  if (manager && *manager == "AWS") return {Manager::kAws, k.name};
  return {Manager::kUnknown, "the manager of key " + ref + " was not collected"};
}

// `ref` as the service gave it; `r` the resource that names it (its account
// and region place a bare key id or alias).
inline Verdict key_manager(const Inventory& inv, const Resource& r, const std::string& ref) {
  if (ref.find("alias/aws/") != std::string::npos) return {Manager::kAws, ref.substr(ref.find("alias/aws/"))};
  const bool arn = ref.rfind("arn:", 0) == 0;
  const std::string region = arn ? arn_field(ref, 3) : r.region;
  if (arn) {
    const std::string account = arn_field(ref, 4);
    if (!account.empty() && account != r.account) return {Manager::kCustomer, ref + " (account " + account + ")"};
  }
  const size_t alias = ref.find("alias/");
  if (arn && alias == std::string::npos) {
    if (const Resource* k = inv.find_arn(ref)) return judge(*k, ref);
  } else {
    // An alias or a bare key id: the key of the region that carries it.
    const std::string name = alias == std::string::npos ? ref : ref.substr(alias);
    for (const Resource& k : inv.of_type(kKeyType)) {
      if (k.region != region) continue;
      if (alias == std::string::npos && k.id == name) return judge(k, ref);
      if (alias != std::string::npos) {
        if (k.missing_reason("aliases")) continue;
        const json* aliases = k.prop("aliases");
        if (aliases && aliases->is_array())
          for (const auto& a : *aliases)
            if (a.is_string() && a.get<std::string>() == name) return judge(k, ref);
      }
    }
  }
  if (auto gap = inv.gap(kKeyType, region)) return {Manager::kUnknown, *gap};
  return {Manager::kUnknown, "key " + ref + " is not among the account's KMS keys (deleted, or not listed)"};
}

}  // namespace cloudpeek::checks::kms_key
