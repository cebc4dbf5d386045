// A resource of the inventory: what a collector learned about one AWS thing.
//
// Common fields are typed; service-specific properties live in `props`, in the
// shape the collector documents for its type (checks read them). A property a
// collector could not read is absent from `props` and listed in `missing` with
// the reason ("s3:GetBucketPolicy denied (AccessDenied)"), so a check can say
// NOT_ASSESSED instead of guessing. `raw` keeps what AWS returned, for the
// inventory views.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace cloudpeek {

using json = nlohmann::json;

struct Resource {
  std::string type;     // CloudFormation-style: "AWS::S3::Bucket", "AWS::EC2::SecurityGroup", "AWS::::Account"
  std::string arn;      // unique id within a scan (a synthetic ARN-like id when AWS has none)
  std::string account;  // "111122223333"
  std::string region;   // "us-east-1"; "global" for global services (IAM, S3 account level, CloudFront)
  std::string id;       // the service's own id ("sg-0123", bucket name, key id)
  std::string name;     // a display name (Name tag, bucket name, user name); may equal id
  std::map<std::string, std::string> tags;
  json props = json::object();
  std::map<std::string, std::string> missing;  // property → why it could not be collected
  json raw = json::object();

  // The reason a property is missing, if it is.
  std::optional<std::string> missing_reason(const std::string& property) const;
  // props[property] if present (and not null), else nullptr.
  const json* prop(const std::string& property) const;
};

}  // namespace cloudpeek
