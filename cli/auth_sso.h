// `cloudpeek auth sso-login --start-url URL --region R`: the IAM Identity
// Center device sign-in as `aws sso login` runs it — prints the code and the
// page to confirm it on, waits with a countdown (honouring the interval and
// slow_down), then lists the accounts and permission sets the sign-in
// reaches (the audit-like one marked). Nothing secret is printed or written.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "aws/core/credentials.h"
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

// `scan` / `auth check` --sso-start-url URL --sso-region R --sso-account ID
// --sso-role NAME: role credentials through IAM Identity Center. The AWS CLI's
// token cache (~/.aws/sso/cache: the file of the start URL, or any file an
// `aws sso login` with an sso-session wrote for that URL and region) is used
// while it holds a token valid for 5 more minutes; otherwise the device
// sign-in runs as for `auth sso-login` (code and link on `err`) and its access
// token is cached as the AWS CLI does (the start URL's file, owner-only), so
// the next run asks nothing. The provider renews the role credentials before
// they expire for as long as the token lasts.
struct SsoRoleOptions {
  std::string start_url;
  std::string region;
  std::string account_id;
  std::string role_name;
  AwsCallerPtr caller;  // tests; default: AWS (AWS_ENDPOINT_URL applies)
  SsoSleep sleep;
  std::function<Clock::time_point()> now;
};
Result<CredentialsProviderPtr> sso_role_credentials(SsoRoleOptions opts, std::ostream& err);

}  // namespace cloudpeek::cli
