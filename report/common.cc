#include "report/common.h"

#include <fmt/format.h>

#include <ctime>
#include <cstdint>

namespace cloudpeek::report {

std::string iso8601(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

long long epoch_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

const CheckMetadata& metadata_of(const ReportInput& in, const std::string& check_id) {
  auto it = in.checks.find(check_id);
  if (it != in.checks.end()) return it->second;
  static thread_local CheckMetadata unknown;
  unknown = CheckMetadata{};
  unknown.id = check_id;
  unknown.title = check_id;
  return unknown;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

std::string finding_uid(const Finding& f) {
  // FNV-1a: the same finding gets the same id in every run and on every machine.
  std::string key = f.check_id + "|" + f.account + "|" + f.region + "|" + f.resource_arn;
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("cloudpeek-{}-{:016x}", f.check_id, h);
}

}  // namespace cloudpeek::report
