#include "model/finding.h"

namespace cloudpeek {

std::string_view to_string(CheckStatus s) {
  switch (s) {
    case CheckStatus::kPass: return "PASS";
    case CheckStatus::kFail: return "FAIL";
    case CheckStatus::kNotAssessed: return "NOT_ASSESSED";
    case CheckStatus::kManual: return "MANUAL";
  }
  return "UNKNOWN";
}

}  // namespace cloudpeek
