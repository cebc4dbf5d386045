#include "scan/scan_result.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

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

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::kSucceeded: return "succeeded";
    case Outcome::kPartial: return "partial";
    case Outcome::kFailed: return "failed";
  }
  return "succeeded";
}

namespace {
std::string thousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}
}  // namespace

ScanOutcome judge(const ScanResult& r) {
  ScanOutcome o;
  std::map<std::string, size_t> by_kind;
  for (const auto& g : r.gaps) {
    if (g.error_kind == "region_not_enabled") continue;  // nothing there to read
    ++by_kind[g.error_kind.empty() ? std::string("error") : g.error_kind];
    ++o.failed_calls;
  }
  o.causes.assign(by_kind.begin(), by_kind.end());
  std::stable_sort(o.causes.begin(), o.causes.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  uint64_t assessed = r.findings[CheckStatus::kPass] + r.findings[CheckStatus::kFail] + r.findings[CheckStatus::kManual];
  uint64_t all = assessed + r.findings[CheckStatus::kNotAssessed];
  o.assessed_percent = all ? 100.0 * static_cast<double>(assessed) / static_cast<double>(all) : 100.0;
  // Calls that failed but fed no selected check (every result assessed) cost nothing.
  if (o.failed_calls == 0 || r.findings[CheckStatus::kNotAssessed] == 0) return o;
  bool nothing = r.findings[CheckStatus::kPass] + r.findings[CheckStatus::kFail] == 0;
  o.outcome = nothing ? Outcome::kFailed : Outcome::kPartial;
  std::string causes;
  for (size_t i = 0; i < o.causes.size() && i < 3; ++i)
    causes += fmt::format("{}{} {}", i ? ", " : "", o.causes[i].first, thousands(o.causes[i].second));
  if (o.causes.size() > 3) causes += ", …";
  std::string calls = fmt::format("{} AWS call{} failed ({})", thousands(o.failed_calls),
                                  o.failed_calls == 1 ? "" : "s", causes);
  o.summary = nothing ? fmt::format("failed: nothing could be assessed; {}", calls)
                      : fmt::format("partial: {:.1f}% of check results assessed; {}",
                                    std::floor(o.assessed_percent * 10) / 10, calls);
  return o;
}

}  // namespace cloudpeek::scan
