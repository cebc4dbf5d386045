// Severity of a check, as Prowler, Security Hub and OCSF name them.
#pragma once

#include <optional>
#include <string_view>

namespace cloudpeek {

enum class Severity { kInformational = 0, kLow = 1, kMedium = 2, kHigh = 3, kCritical = 4 };

std::string_view to_string(Severity s);                      // "critical", "high", ...
std::optional<Severity> parse_severity(std::string_view s);  // case-insensitive; "info" too

}  // namespace cloudpeek
