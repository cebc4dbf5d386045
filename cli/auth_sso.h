// `cloudpeek auth sso-login --start-url URL --region R`: the IAM Identity
// Center device sign-in as `aws sso login` runs it — prints the code and the
// page to confirm it on, waits with a countdown (honouring the interval and
// slow_down), then lists the accounts and permission sets the sign-in
// reaches (the audit-like one marked). Nothing secret is printed or written.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "aws/credentials/aws_caller.h"
#include "aws/credentials/sso_oidc.h"

namespace CLI {
class App;
}

namespace cloudpeek::cli {

struct SsoLoginOptions {
  std::string start_url;
  std::string region;
  std::string output = "text";  // text or json
  bool inline_countdown = false;  // a terminal: one line rewritten with \r
  // Injected by tests; the defaults call AWS (AWS_ENDPOINT_URL applies) and sleep.
  AwsCallerPtr caller;
  SsoSleep sleep;
  std::function<Clock::time_point()> now;
};

CLI::App* add_auth_sso_login(CLI::App& auth, SsoLoginOptions& opts);
// Exit code: 0 signed in, 1 refused/expired/failed (said on `err` with what to do).
int run_auth_sso_login(SsoLoginOptions opts, std::ostream& out, std::ostream& err);

}  // namespace cloudpeek::cli
