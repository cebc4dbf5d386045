// ECR private repositories scan images: scan on push at the repository, or a
// registry scanning rule (basic or enhanced) whose filter covers the repository.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

// ECR repository filters are WILDCARD patterns: '*' matches any run of characters.
bool wildcard_match(const std::string& pattern, const std::string& text) {
  size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == text[t]) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++, mark = t;
    } else if (star != std::string::npos) {
      p = star + 1, t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  const json* on_push = r.prop("scan_on_push");
  if (on_push && on_push->is_boolean() && on_push->get<bool>())
    return pass("repository " + r.name + " scans images on push");
  if (auto why = inv.gap("AWS::ECR::RegistryScanningConfiguration", r.region)) return not_assessed(*why);
  if (const Resource* reg = inv.find("AWS::ECR::RegistryScanningConfiguration", r.region)) {
    const std::string type = reg->props.value("scan_type", "BASIC");
    for (const auto& rule : reg->props.value("rules", json::array())) {
      const std::string freq = rule.value("scan_frequency", "");
      if (freq != "SCAN_ON_PUSH" && freq != "CONTINUOUS_SCAN") continue;
      for (const auto& f : rule.value("filters", json::array()))
        if (f.is_string() && wildcard_match(f.get<std::string>(), r.name))
          return pass("repository " + r.name + " is covered by the registry's " + type + " scanning rule (" + freq +
                      ", filter " + f.get<std::string>() + ")");
    }
  }
  if (!on_push) return not_assessed("scan configuration of repository " + r.name + " was not collected");
  return fail("repository " + r.name + " does not scan images on push and no registry scanning rule covers it");
}

const RegisterCheck reg({
    .meta = {.id = "ecr_repositories_scan_images_on_push_enabled",
             .title = "ECR private repositories have image scanning configured",
             .severity = Severity::kHigh,
             .service = "ecr",
             .resource_type = "AWS::ECR::Repository",
             .description = "Images pushed to the repository are scanned for vulnerabilities: scan on push is on, or "
                            "a registry scanning rule (scan on push or continuous) matches the repository.",
             .risk = "Without scanning, images with known vulnerabilities are deployed unnoticed.",
             .remediation = {.text = "Turn on scan on push for the repository, or add a registry scanning rule "
                                     "(Amazon Inspector enhanced scanning for continuous scans) that covers it.",
                             .cli = "aws ecr put-image-scanning-configuration --repository-name <repo> --image-scanning-configuration scanOnPush=true",
                             .terraform = "resource \"aws_ecr_registry_scanning_configuration\" \"this\" {\n  scan_type = \"ENHANCED\"\n  rule {\n    scan_frequency = \"CONTINUOUS_SCAN\"\n    repository_filter {\n      filter      = \"*\"\n      filter_type = \"WILDCARD\"\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-1"},
             .cis = {},
             .fsbp = {"ECR.1"}},
    .context_types = {"AWS::ECR::RegistryScanningConfiguration"},
    .reads = {"scan_on_push", "AWS::ECR::RegistryScanningConfiguration.*"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
