#include "server/remediation_fill.h"

#include <cctype>
#include <map>
#include <vector>

namespace cloudpeek::server {

namespace {

enum class From { kName, kArnTail };

struct Placeholder {
  const char* text;
  From from;
};

// Per resource type, the placeholders that name the resource itself.
const std::map<std::string, std::vector<Placeholder>>& placeholders() {
  static const std::map<std::string, std::vector<Placeholder>> m = {
      {"AWS::S3::Bucket", {{"<bucket>", From::kName}}},
      {"AWS::IAM::User", {{"<user>", From::kName}}},
      {"AWS::IAM::Role", {{"<role>", From::kName}}},
      {"AWS::IAM::Group", {{"<group>", From::kName}}},
      {"AWS::CloudTrail::Trail", {{"<trail>", From::kName}}},
      {"AWS::DynamoDB::Table", {{"<table>", From::kName}}},
      {"AWS::Lambda::Function", {{"<function>", From::kName}}},
      {"AWS::ECR::Repository", {{"<repo>", From::kName}}},
      {"AWS::EC2::Instance", {{"<instance-id>", From::kArnTail}}},
      {"AWS::EC2::SecurityGroup", {{"<sg-id>", From::kArnTail}}},
      {"AWS::EC2::Snapshot", {{"<snap-id>", From::kArnTail}, {"<snap>", From::kArnTail}}},
      {"AWS::EC2::Subnet", {{"<subnet-id>", From::kArnTail}}},
      {"AWS::EC2::NetworkAcl", {{"<acl-id>", From::kArnTail}}},
      {"AWS::KMS::Key", {{"<key-id>", From::kArnTail}}},
  };
  return m;
}

// "i-0abc" from arn:aws:ec2:us-east-1:123:instance/i-0abc.
std::string arn_tail(const std::string& arn) {
  auto slash = arn.rfind('/');
  if (slash != std::string::npos) return arn.substr(slash + 1);
  auto colon = arn.rfind(':');
  return colon == std::string::npos ? std::string() : arn.substr(colon + 1);
}

// Names used in a shell command: nothing that would change its meaning.
bool plain(const std::string& v) {
  if (v.empty()) return false;
  for (char c : v)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '@' || c == '+' ||
          c == '=' || c == ',')) return false;
  return true;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

std::string fill_remediation(const std::string& command, const store::FindingRow& f) {
  std::string out = command;
  auto it = placeholders().find(f.resource_type);
  if (it != placeholders().end()) {
    for (const auto& p : it->second) {
      std::string value = p.from == From::kName ? f.resource_name : arn_tail(f.resource_arn);
      if (plain(value)) replace_all(out, p.text, value);
    }
  }
  if (!f.region.empty() && f.region != "global" && plain(f.region)) replace_all(out, "<region>", f.region);
  return out;
}

}  // namespace cloudpeek::server
