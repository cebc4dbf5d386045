// The account field of an ARN, for the storage and end-user computing
// collectors (FSx, Glacier, DRS, Storage Gateway) that drop resources AWS
// lists for another account.
#pragma once

#include <string>

namespace cloudpeek::collect {

inline std::string arn_account_of(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

}  // namespace cloudpeek::collect
