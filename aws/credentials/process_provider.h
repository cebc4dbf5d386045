// credential_process: run the profile's command with /bin/sh, read the JSON
// it prints on stdout ({"Version": 1, "AccessKeyId", "SecretAccessKey",
// "SessionToken", "Expiration"}). Its stderr passes through to ours. Errors
// say what was wrong without echoing the output (it holds the secret).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "aws/core/credentials.h"
#include "aws/credentials/refreshing_provider.h"

namespace cloudpeek {

// `what` names the source in messages, e.g. "credential_process of profile dev".
Result<Credentials> parse_credential_process_output(std::string_view output, const std::string& what);

// How long a credential_process may run and how much it may print before it
// is stopped (the AWS SDKs: Go 1 minute, Java and Kotlin 64 KB of output).
struct ProcessLimits {
  std::chrono::milliseconds timeout = std::chrono::seconds(60);
  size_t max_output = 64 * 1024;
};

// Runs `command` and parses its output.
Result<Credentials> run_credential_process(const std::string& command, const std::string& what,
                                           ProcessLimits limits = {});

// A refreshing provider around the command (refetched before Expiration).
CredentialsProviderPtr make_process_provider(const std::string& command, const std::string& profile,
                                             NowFn now = {});

}  // namespace cloudpeek
