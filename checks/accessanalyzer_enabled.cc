// CIS 1.20, Ensure that IAM Access Analyzer is enabled for all regions.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* list = r.prop("analyzers");
  if (!list) return not_assessed(r.missing_reason("analyzers").value_or("access-analyzer:ListAnalyzers: analyzers not collected"));
  std::vector<std::string> other;
  for (const auto& a : *list) {
    if (a.value("status", "") == "ACTIVE") return pass("Analyzer " + a.value("name", "") + " is active in " + r.region + ".");
    other.push_back(a.value("name", "") + " (" + a.value("status", "") + ")");
  }
  if (other.empty()) return fail("No IAM Access Analyzer in " + r.region + ".");
  return fail("No active IAM Access Analyzer in " + r.region + ": " + join(other) + ".");
}

const RegisterCheck reg({
    .meta = {.id = "accessanalyzer_enabled",
             .title = "Ensure that IAM Access Analyzer is enabled for all regions",
             .severity = Severity::kLow,
             .service = "accessanalyzer",
             .resource_type = "AWS::AccessAnalyzer::Analyzers",
             .description = "Each scanned region should have an active IAM Access Analyzer (ListAnalyzers, status ACTIVE).",
             .risk = "Without an analyzer, resources shared publicly or with other accounts in that region go unnoticed.",
             .remediation = {.text = "Create an account (or organization) analyzer in every region.",
                             .cli = "aws accessanalyzer create-analyzer --analyzer-name default --type ACCOUNT --region <region>",
                             .terraform = "resource \"aws_accessanalyzer_analyzer\" \"default\" {\n  analyzer_name = \"default\"\n  type          = \"ACCOUNT\"\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html"},
             .cis = {"1.20"},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
