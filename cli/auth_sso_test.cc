// `cloudpeek auth sso-login` with a scripted sso-oidc and portal: the code and
// link printed, the countdown, the interval and slow_down honoured, the
// accounts table with the audit permission set marked, JSON output, the
// denied and bad-input paths — and no token or client secret printed.
#include "cli/auth_sso.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "aws/core/time_format.h"
#include "aws/credentials/test_support.h"

namespace cloudpeek::cli {
namespace {

using cloudpeek::testing::FakeCaller;
using cloudpeek::testing::RecordedCall;

const Clock::time_point kNow = *parse_iso8601("2026-12-05T06:00:00Z");

Error oauth(const std::string& code) {
  Error e = make_error(ErrorKind::kServiceError, "error_description");
  e.code = code;
  e.http_status = 400;
  return e;
}

struct SsoLogin : ::testing::Test {
  std::shared_ptr<FakeCaller> caller = std::make_shared<FakeCaller>();
  std::vector<std::string> token_answers = {"AuthorizationPendingException", "SlowDownException", "ok"};
  size_t polled = 0;
  Clock::time_point now = kNow;
  std::vector<long long> slept;
  std::ostringstream out, err;

  void SetUp() override {
    caller->respond = [this](const RecordedCall& c) -> Result<json> {
      if (c.operation == "RegisterClient") return json{{"clientId", "cid"}, {"clientSecret", "CLIENT-SECRET-42"}};
      if (c.operation == "StartDeviceAuthorization")
        return json{{"deviceCode", "DEVICE-CODE-42"}, {"userCode", "QWER-TYUI"},
                    {"verificationUri", "https://device.sso.eu-west-1.amazonaws.com/"},
                    {"verificationUriComplete", "https://device.sso.eu-west-1.amazonaws.com/?user_code=QWER-TYUI"},
                    {"expiresIn", 600}, {"interval", 1}};
      if (c.operation == "CreateToken") {
        const std::string& a = token_answers.at(polled++);
        if (a != "ok") return oauth(a);
        return json{{"accessToken", "ACCESS-TOKEN-42"}, {"refreshToken", "REFRESH-TOKEN-42"}, {"expiresIn", 28800}};
      }
      if (c.operation == "ListAccounts")
        return json{{"accountList", {{{"accountId", "111122223333"}, {"accountName", "audit-target"},
                                      {"emailAddress", "audit@example.com"}}}}};
      return json{{"roleList", {{{"roleName", "AdministratorAccess"}}, {{"roleName", "SecurityAuditor"}}}}};
    };
  }
  SsoLoginOptions opts(const std::string& output = "text") {
    SsoLoginOptions o;
    o.start_url = "https://d-1234567890.awsapps.com/start/#/";
    o.region = "eu-west-1";
    o.output = output;
    o.caller = caller;
    o.now = [this] { return now; };
    o.sleep = [this](std::chrono::seconds s) { slept.push_back(s.count()); now += s; };
    return o;
  }
  void expect_no_secret() {
    for (const std::string& text : {out.str(), err.str()})
      for (const char* secret : {"CLIENT-SECRET-42", "DEVICE-CODE-42", "ACCESS-TOKEN-42", "REFRESH-TOKEN-42"})
        EXPECT_EQ(text.find(secret), std::string::npos) << secret << " printed:\n" << text;
  }
};

TEST_F(SsoLogin, PrintsTheCodeWaitsAndListsTheAccounts) {
  EXPECT_EQ(run_auth_sso_login(opts(), out, err), 0) << err.str();
  std::string o = out.str();
  EXPECT_NE(o.find("https://device.sso.eu-west-1.amazonaws.com/?user_code=QWER-TYUI"), std::string::npos) << o;
  EXPECT_NE(o.find("Code: QWER-TYUI"), std::string::npos);
  EXPECT_NE(o.find("Signed in to https://d-1234567890.awsapps.com/start (eu-west-1)"), std::string::npos) << o;
  EXPECT_NE(o.find("111122223333  audit-target  audit@example.com  AdministratorAccess, *SecurityAuditor"),
            std::string::npos) << o;
  EXPECT_NE(err.str().find("Waiting for approval in the browser… 10:00 left"), std::string::npos) << err.str();
  EXPECT_EQ(slept, (std::vector<long long>{1, 1, 6}));  // the interval, then +5 s after slow_down
  EXPECT_EQ(caller->calls[1].params["startUrl"], "https://d-1234567890.awsapps.com/start");
  expect_no_secret();
}

TEST_F(SsoLogin, JsonOnStdoutTheCodeOnStderr) {
  EXPECT_EQ(run_auth_sso_login(opts("json"), out, err), 0) << err.str();
  auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["accounts"][0]["preselected_role"], "SecurityAuditor");
  EXPECT_EQ(doc["renews_automatically"], true);
  EXPECT_NE(err.str().find("QWER-TYUI"), std::string::npos);
  expect_no_secret();
}

TEST_F(SsoLogin, DeniedAndExpiredExitOneWithWhatToDo) {
  token_answers = {"AuthorizationPendingException", "AccessDeniedException"};
  EXPECT_EQ(run_auth_sso_login(opts(), out, err), 1);
  EXPECT_NE(err.str().find("was denied in the browser"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("choose Allow"), std::string::npos);
  token_answers = {"ExpiredTokenException"};
  polled = 0;
  std::ostringstream o2, e2;
  EXPECT_EQ(run_auth_sso_login(opts(), o2, e2), 1);
  EXPECT_NE(e2.str().find("expired before it was approved"), std::string::npos) << e2.str();
  expect_no_secret();
}

TEST_F(SsoLogin, BadStartUrlOrRegionAsksNothing) {
  auto o = opts();
  o.start_url = "http://d-1234567890.awsapps.com/start";
  EXPECT_EQ(run_auth_sso_login(o, out, err), 1);
  EXPECT_NE(err.str().find("https://, not http://"), std::string::npos) << err.str();
  o = opts();
  o.region = "europe";
  EXPECT_EQ(run_auth_sso_login(o, out, err), 1);
  EXPECT_NE(err.str().find("'europe' is not an AWS region code"), std::string::npos) << err.str();
  EXPECT_TRUE(caller->calls.empty());
}

}  // namespace
}  // namespace cloudpeek::cli
