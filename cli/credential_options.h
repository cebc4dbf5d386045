// The credential flags shared by every command that talks to AWS, and how
// they turn into a credentials provider and a region. Secrets are never
// command-line arguments (they would show in `ps` and shell history): they come
// from the environment, a file, or stdin.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <string>

#include "aws/client/client.h"
#include "aws/core/credentials.h"
#include "aws/http/transport.h"

namespace cloudpeek::cli {

struct CredentialOptions {
  std::string profile;
  std::string region;
  std::string access_key_id;
  std::string secret_access_key_file;
  std::string session_token_file;
  std::string expiration;        // ISO 8601, for static temporary credentials
  bool credentials_stdin = false;  // what the access portal shows, pasted on stdin
  std::string credentials_file;    // the same, or the access key .csv the IAM console downloads, from a file
  // IAM Identity Center: role credentials for one account and permission set
  // (cli/auth_sso.h sso_role_credentials: the AWS CLI's token cache, else the device sign-in).
  std::string sso_start_url;
  std::string sso_region;
  std::string sso_account;
  std::string sso_role;
};

void add_credential_options(CLI::App& cmd, CredentialOptions& options);

struct ResolvedCredentials {
  CredentialsProviderPtr provider;
  std::string region;
};

// Builds the provider the flags ask for (static keys, a pasted block, a profile, or
// the default chain). Credential sources that call AWS (AssumeRole, SSO) use `transport`.
Result<ResolvedCredentials> resolve_credentials(const CredentialOptions& options, std::istream& in,
                                                std::shared_ptr<Transport> transport);

}  // namespace cloudpeek::cli
