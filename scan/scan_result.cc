#include "scan/scan_result.h"

namespace cloudpeek::scan {

uint64_t StatusCounts::total() const {
  uint64_t n = 0;
  for (const auto& [_, c] : by_status) n += c;
  return n;
}

uint64_t StatusCounts::operator[](CheckStatus s) const {
  auto it = by_status.find(s);
  return it == by_status.end() ? 0 : it->second;
}

uint64_t ScanResult::resources() const {
  uint64_t n = 0;
  for (const auto& [_, c] : resources_by_type) n += c;
  return n;
}

}  // namespace cloudpeek::scan
