// The result of one check on one resource.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/severity.h"

namespace cloudpeek {

// PASS and FAIL are verdicts; NOT_ASSESSED means the data was not there (the
// reason says what was missing); MANUAL marks controls no tool can decide.
enum class CheckStatus { kPass, kFail, kNotAssessed, kManual };

std::string_view to_string(CheckStatus s);  // "PASS", "FAIL", "NOT_ASSESSED", "MANUAL"

struct Finding {
  std::string check_id;
  CheckStatus status = CheckStatus::kNotAssessed;
  Severity severity = Severity::kInformational;
  std::string service;
  std::string resource_type;
  std::string resource_arn;
  std::string resource_name;
  std::string account;
  std::string region;
  std::string detail;  // why it failed or passed, or what was missing
  // Cost hygiene checks: what the resource is estimated to cost per month in
  // USD while the finding stands (what fixing it saves); unset for the others.
  std::optional<double> monthly_cost_usd;
};

}  // namespace cloudpeek
