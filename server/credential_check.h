// Testing AWS credentials before they are saved or used: STS
// GetCallerIdentity through AwsClient (the same call and the same diagnosis
// as `cloudpeek auth check`), with the diagnosis mapped to the form field it
// belongs beside. AWS_ENDPOINT_URL and the other standard variables apply.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/client/client.h"
#include "aws/core/credentials.h"
#include "aws/http/transport.h"
#include "aws/identity/caller_identity.h"
#include "store/store.h"

namespace cloudpeek::server {

struct CredentialTestResult {
  bool ok = false;
  CallerIdentity identity;  // when ok
  Error error;              // when !ok
  std::string field;        // the form field the error belongs to ("secret_access_key", ...), may be empty
};

// Stored credentials as the AWS client takes them.
Credentials to_aws(const store::Credentials& c);

// Which request field a diagnosis points at.
std::string field_for(ErrorKind kind);

// The identity object of docs/api.md: account, arn, principal_type, permission_set, checked_at.
nlohmann::json identity_json(const CallerIdentity& id, const std::string& checked_at);

// The home region for a partition ("aws" → us-east-1).
std::string home_region_for(const std::string& partition);

// Someone waits on these calls in the browser: each is bounded so an answer
// (at worst "network", with the advice) comes within about 15 seconds even
// when AWS cannot be reached — 2 attempts of at most 6 s each, where a scan's
// calls may take 3 attempts of 60 s.
class CredentialTester {
 public:
  explicit CredentialTester(std::shared_ptr<Transport> transport) : transport_(std::move(transport)) {}
  virtual ~CredentialTester() = default;
  virtual CredentialTestResult test(const Credentials& creds);
  // The role's MaxSessionDuration in seconds (iam:GetRole, in SecurityAudit),
  // with these credentials; nullopt when it could not be read.
  virtual std::optional<int64_t> role_max_session(const Credentials& creds, const std::string& role_name);
  std::shared_ptr<Transport> transport() const { return transport_; }

  // The environment's settings (AWS_ENDPOINT_URL...) within those bounds.
  static TransportOptions transport_options();
  static ClientConfig client_config();

 private:
  std::shared_ptr<Transport> transport_;
};

}  // namespace cloudpeek::server
