// Coverage: what a scan could not collect, and why. Every failed call lands
// here; checks that needed the data report NOT_ASSESSED with the same reason.
#pragma once

#include <string>
#include <vector>

namespace cloudpeek {

struct CoverageGap {
  std::string service;     // "s3"
  std::string region;      // "us-east-1", or "global"
  std::string action;      // IAM action name: "s3:GetBucketPolicy"
  std::string error_kind;  // aws ErrorKind name: "access_denied", "throttled", "region_not_enabled", ...
  std::string error_code;  // AWS's code ("AccessDenied") when there was one
  std::string message;     // a sentence a person can act on; never a secret
  std::string resource;    // the resource whose property is missing, empty for a whole listing
  std::vector<std::string> resource_types;  // types left incomplete in that region ("AWS::S3::Bucket")

  // "s3:GetBucketPolicy denied (AccessDenied)", "ec2:DescribeInstances failed in eu-west-1: throttled".
  std::string reason() const;
};

}  // namespace cloudpeek
