#include "model/severity.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace cloudpeek {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::kInformational: return "informational";
    case Severity::kLow: return "low";
    case Severity::kMedium: return "medium";
    case Severity::kHigh: return "high";
    case Severity::kCritical: return "critical";
  }
  return "unknown";
}

std::optional<Severity> parse_severity(std::string_view s) {
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "informational" || lower == "info") return Severity::kInformational;
  if (lower == "low") return Severity::kLow;
  if (lower == "medium") return Severity::kMedium;
  if (lower == "high") return Severity::kHigh;
  if (lower == "critical") return Severity::kCritical;
  return std::nullopt;
}

}  // namespace cloudpeek
