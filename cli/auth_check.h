// `cloudpeek auth check`: who do these credentials belong to, and do they work?
#pragma once

#include <iosfwd>
#include <string>

#include "aws/core/credentials.h"
#include "aws/identity/caller_identity.h"

namespace cloudpeek::cli {

enum class OutputFormat { kText, kJson };

struct AuthCheckReport {
  bool ok = false;
  Credentials credentials;      // only non-secret fields are ever printed
  std::string region;
  CallerIdentity identity;      // when ok
  Error error;                  // when !ok
  Clock::time_point now;
};

// Writes the report (text or JSON) to out and warnings to err; returns the exit code:
// 0 when the credentials work, 1 when they do not.
int print_auth_check(const AuthCheckReport& report, OutputFormat format, bool color, std::ostream& out,
                     std::ostream& err);

// "2 h 13 min", "45 min", "30 s"; negative durations read "expired 5 min ago".
std::string human_duration(std::chrono::seconds d);

}  // namespace cloudpeek::cli
