// What a check is, beside what it does: Prowler-style metadata.
#pragma once

#include <string>
#include <vector>

#include "model/severity.h"

namespace cloudpeek {

struct Remediation {
  std::string text;       // what to do, in a sentence or two
  std::string cli;        // an AWS CLI command (placeholders in <angle brackets>)
  std::string terraform;  // a Terraform snippet
};

struct CheckMetadata {
  std::string id;             // "s3_bucket_versioning_enabled"
  std::string title;
  Severity severity = Severity::kMedium;
  std::string service;        // "s3"
  std::string resource_type;  // the type it evaluates: "AWS::S3::Bucket"
  std::string description;
  std::string risk;
  Remediation remediation;
  std::vector<std::string> references;  // URLs
  std::vector<std::string> cis;         // CIS AWS Foundations v3.0.0 control ids: "2.1.1"
  std::vector<std::string> fsbp;        // AWS Foundational Security Best Practices ids: "S3.8"
};

}  // namespace cloudpeek
