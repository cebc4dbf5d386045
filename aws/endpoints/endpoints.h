// Where each AWS service lives: partitions, regions, global services and the
// AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> overrides of the AWS SDKs.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "aws/core/result.h"

namespace cloudpeek {

struct Partition {
  std::string id;          // aws, aws-cn, aws-us-gov
  std::string dns_suffix;  // amazonaws.com, amazonaws.com.cn
};

// The partition of a region; unknown regions follow the AWS SDKs' regex rules
// (cn-* → aws-cn, us-gov-* → aws-us-gov, else aws).
Partition partition_of(const std::string& region);

struct EndpointOverrides {
  std::optional<std::string> global;                 // AWS_ENDPOINT_URL
  std::map<std::string, std::string> per_service;    // key: service id upper-snake, e.g. "SSO_OIDC", "S3"
  bool ignore_configured_endpoint_urls = false;      // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
  bool sts_regional = true;                          // AWS_STS_REGIONAL_ENDPOINTS (regional is the default)
  bool s3_us_east_1_regional = true;                 // AWS_S3_US_EAST_1_REGIONAL_ENDPOINT=legacy → s3.amazonaws.com

  // Reads the variables above from the process environment.
  static EndpointOverrides from_environment();
};

struct Endpoint {
  std::string url;             // scheme://host[:port] with no trailing slash (path prefix kept if overridden)
  std::string signing_region;  // region the signature uses (us-east-1 for global IAM, ...)
  std::string signing_name;    // sts, iam, s3, portal.sso ...
  bool path_style = false;     // S3: bucket in the path instead of the host
  bool overridden = false;     // came from AWS_ENDPOINT_URL*
};

// service: the endpoint prefix/sdk id in lower case, e.g. "sts", "iam", "s3",
// "ec2", "kms", "portal.sso", "organizations". Errors name the bad input.
Result<Endpoint> resolve_endpoint(const std::string& service, const std::string& region,
                                  const EndpointOverrides& overrides);

}  // namespace cloudpeek
