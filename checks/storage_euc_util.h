// Shared helpers of the storage and end-user computing checks (FSx, Storage
// Gateway): whether a KMS key is a customer managed key, from the KMS inventory.
#pragma once

#include <string>

#include "checks/check.h"

namespace cloudpeek::checks::storage_euc {

constexpr const char* kKmsKey = "AWS::KMS::Key";

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

// PASS when `key_arn` is a customer managed key (a key of another account is
// a customer's: AWS managed keys live in the account that uses them), FAIL
// when the KMS inventory says AWS manages it, NOT_ASSESSED when the key could
// not be looked up. `what` names the resource ("file system fs-1").
inline CheckResult customer_key(const Resource& r, const std::string& key_arn, const Inventory& inv,
                                const std::string& what) {
  const std::string account = arn_field(key_arn, 4);
  if (!account.empty() && account != r.account)
    return pass(what + " is encrypted with a customer managed key of account " + account);
  const Resource* k = inv.find_arn(key_arn);
  if (!k) {
    if (auto gap = inv.gap(kKmsKey, arn_field(key_arn, 3))) return not_assessed(*gap);
    return not_assessed(what + "'s key " + key_arn + " is not among the account's KMS keys (deleted, or not listed)");
  }
  if (auto m = k->missing_reason("key_manager")) return not_assessed("key " + key_arn + ": " + *m);
  const json* manager = k->prop("key_manager");
  if (manager && *manager == "CUSTOMER")
    return pass(what + " is encrypted with customer managed key " + k->name);
  return fail(what + " is encrypted with the AWS managed key " + k->name +
              ": its key policy cannot be narrowed, nor the key disabled or rotated on your schedule");
}

}  // namespace cloudpeek::checks::storage_euc
