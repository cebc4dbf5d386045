// The CIS AWS Foundations v3.0.0 section 4 chain (4.1–4.15), shared by the
// fifteen controls: each control file holds only its metadata and pattern.
//
// A control PASSes when some CloudTrail trail that is multi-region, logging
// and recording all management events (read and write) delivers to a
// CloudWatch Logs group that has a metric filter matching the control's
// pattern, an alarm watches that filter's metric (same MetricName and
// Namespace), and one of the alarm's actions is an SNS topic with at least one
// confirmed subscription. Otherwise it FAILs naming the first missing link of
// the best candidate, or is NOT_ASSESSED when a link could not be checked
// because collection had a gap (a denied DescribeMetricFilters, a trail whose
// status is unknown, ...).
//
// The chain is evaluated once per account on the "AWS::CloudWatch::AccountMonitoring"
// resource (region "global") that collect/cloudwatch.cc's global collector
// "cloudwatch_account" emits; it reads these context types:
//   AWS::CloudTrail::Trail      (collect/cloudtrail.cc; shape in /tmp/trail.md's contract)
//   AWS::Logs::MetricFilter     (collect/logs.cc)
//   AWS::CloudWatch::Alarm      (collect/cloudwatch.cc)
//   AWS::SNS::Topic             (collect/sns.cc)
//
// Pattern matching: a metric filter pattern is reduced to its comparisons
// ("$.eventName = CreateTrail", "$.userIdentity.invokedBy NOT EXISTS"), with
// whitespace, quotes and parentheses normalised away. A filter matches a
// control when every comparison the control requires is there (extra ones,
// such as CIS v3's `$.sourceIPAddress != "delivery.logs.amazonaws.com"` for
// 4.1, are AWS's documented variants and allowed), and its top-level
// structure is the one the benchmark uses (required comparisons are not
// negated: "!=" and "=" are different comparisons).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"

namespace cloudpeek::checks::cis_monitoring {

inline constexpr const char* kAccountType = "AWS::CloudWatch::AccountMonitoring";

struct Control {
  std::string what;                   // "unauthorized API calls": for details
  std::vector<std::string> required;  // comparisons, normalised: "eventName=CreateTrail"
};

// One comparison of a filter pattern, normalised: "$.eventName = \"X\"" → "eventName=X",
// "$.userIdentity.invokedBy NOT EXISTS" → "userIdentity.invokedBy NOT EXISTS".
std::vector<std::string> comparisons(std::string_view filter_pattern);

// Whether the pattern has every comparison the control requires.
bool matches(const Control& control, std::string_view filter_pattern);

// The chain verdict for the account.
CheckResult evaluate_chain(const Control& control, const Inventory& inventory);

// The context types every chain check lists.
std::vector<std::string> context_types();

// Shared metadata: references and the common remediation shape.
// securityhub_id: the Security Hub control for the same chain ("CloudWatch.2"), named in the
// description (these controls belong to Security Hub's CIS standard, not to FSBP).
CheckMetadata metadata(std::string id, std::string cis_id, std::string securityhub_id, std::string title,
                       std::string what, std::string pattern, Severity severity = Severity::kMedium);

}  // namespace cloudpeek::checks::cis_monitoring
