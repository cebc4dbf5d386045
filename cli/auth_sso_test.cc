// `cloudpeek auth sso-login` with a scripted sso-oidc and portal: the code and
// link printed, the countdown, the interval and slow_down honoured, the
// accounts table with the audit permission set marked, JSON output, the
// denied and bad-input paths — and no token or client secret printed.
#include "cli/auth_sso.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "aws/core/time_format.h"
#include "aws/credentials/sso_provider.h"
#include "aws/credentials/test_support.h"
#include "cli/credential_options.h"

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


// --sso-start-url/--sso-region/--sso-account/--sso-role for `scan` and `auth
// check`: the AWS CLI's token cache in a temporary HOME, else the device
// sign-in (then cached as the AWS CLI does), and role credentials renewed
// before they expire.
struct SsoRole : SsoLogin {
  std::filesystem::path home;
  std::string old_home;
  int role_calls = 0;
  std::chrono::seconds role_lifetime{600};

  void SetUp() override {
    SsoLogin::SetUp();
    token_answers = {"AuthorizationPendingException", "ok"};
    auto base = caller->respond;
    caller->respond = [this, base](const RecordedCall& c) -> Result<json> {
      if (c.operation != "GetRoleCredentials") return base(c);
      ++role_calls;
      if (c.params.value("accessToken", "") == "EXPIRED-AT-AWS") {
        Error e = make_error(ErrorKind::kServiceError, "Session token not found or invalid");
        e.code = "UnauthorizedException";
        e.http_status = 401;
        return e;
      }
      auto end = std::chrono::duration_cast<std::chrono::milliseconds>((now + role_lifetime).time_since_epoch());
      return json{{"roleCredentials", {{"accessKeyId", "ASIAROLE" + std::to_string(role_calls)},
                                       {"secretAccessKey", "ROLE-SECRET-42"},
                                       {"sessionToken", "ROLE-SESSION-TOKEN-42"},
                                       {"expiration", end.count()}}}};
    };
    home = std::filesystem::temp_directory_path() / ("cp-sso-home-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(home);
    std::filesystem::create_directories(home / ".aws/sso/cache");
    if (const char* h = std::getenv("HOME")) old_home = h;
    ::setenv("HOME", home.c_str(), 1);
  }
  void TearDown() override {
    ::setenv("HOME", old_home.c_str(), 1);
    std::filesystem::remove_all(home);
  }
  SsoRoleOptions role_opts() {
    SsoRoleOptions o;
    o.start_url = "https://d-1234567890.awsapps.com/start/#/";
    o.region = "eu-west-1";
    o.account_id = "111122223333";
    o.role_name = "SecurityAuditor";
    o.caller = caller;
    o.now = [this] { return now; };
    o.sleep = [this](std::chrono::seconds s) { slept.push_back(s.count()); now += s; };
    return o;
  }
  void write_cache(const std::string& file, const std::string& url, const std::string& token, Clock::time_point end) {
    std::ofstream f(home / ".aws/sso/cache" / file);
    f << json{{"startUrl", url}, {"region", "eu-west-1"}, {"accessToken", token}, {"expiresAt", format_iso8601(end)},
              {"clientId", "cid"}}.dump();
  }
  int count(const std::string& op) {
    int n = 0;
    for (const auto& c : caller->calls) n += c.operation == op;
    return n;
  }
};

TEST_F(SsoRole, TheAwsCliSignInCachedForThatPortalIsUsedWithoutAskingAnything) {
  // What `aws sso login` with an [sso-session my-sso] writes (named after the session).
  write_cache(sha1_hex("my-sso") + ".json", "https://d-1234567890.awsapps.com/start", "CACHED-TOKEN-42",
              now + std::chrono::hours(4));
  write_cache("other.json", "https://other.awsapps.com/start", "OTHER-PORTAL-TOKEN", now + std::chrono::hours(8));
  auto p = sso_role_credentials(role_opts(), err);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(count("RegisterClient"), 0);
  EXPECT_EQ(count("StartDeviceAuthorization"), 0);
  ASSERT_EQ(count("GetRoleCredentials"), 1);
  EXPECT_EQ(caller->calls[0].params["accessToken"], "CACHED-TOKEN-42");
  EXPECT_EQ(caller->calls[0].params["accountId"], "111122223333");
  EXPECT_EQ(caller->calls[0].params["roleName"], "SecurityAuditor");
  auto c = (*p)->get();
  ASSERT_TRUE(c);
  EXPECT_EQ(c->access_key_id, "ASIAROLE1");
  EXPECT_NE(err.str().find("Using the IAM Identity Center sign-in cached in"), std::string::npos) << err.str();
  for (const char* secret : {"CACHED-TOKEN-42", "ROLE-SECRET-42", "ROLE-SESSION-TOKEN-42"})
    EXPECT_EQ(err.str().find(secret), std::string::npos) << secret;
}

TEST_F(SsoRole, WithoutAValidCachedTokenItSignsInAndCachesItAsTheAwsCliDoes) {
  // Expired, and one that ends within 5 minutes: neither is used.
  write_cache(sha1_hex("https://d-1234567890.awsapps.com/start") + ".json", "https://d-1234567890.awsapps.com/start",
              "STALE-TOKEN", now - std::chrono::minutes(1));
  write_cache("session.json", "https://d-1234567890.awsapps.com/start", "ALMOST-OVER", now + std::chrono::minutes(3));
  auto p = sso_role_credentials(role_opts(), err);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(count("StartDeviceAuthorization"), 1);
  EXPECT_NE(err.str().find("https://device.sso.eu-west-1.amazonaws.com/?user_code=QWER-TYUI"), std::string::npos)
      << err.str();
  EXPECT_EQ(caller->calls.back().params["accessToken"], "ACCESS-TOKEN-42");
  // Cached under the start URL's name, owner-only, in the AWS CLI's format.
  auto path = home / ".aws/sso/cache" / (sha1_hex("https://d-1234567890.awsapps.com/start") + ".json");
  std::ifstream f(path);
  auto doc = json::parse(f);
  EXPECT_EQ(doc["accessToken"], "ACCESS-TOKEN-42");
  EXPECT_EQ(doc["startUrl"], "https://d-1234567890.awsapps.com/start");
  EXPECT_EQ(doc["region"], "eu-west-1");
  struct stat st{};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // The next run asks nothing.
  std::ostringstream err2;
  int starts = count("StartDeviceAuthorization");
  auto again = sso_role_credentials(role_opts(), err2);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(count("StartDeviceAuthorization"), starts);
  EXPECT_EQ(caller->calls.back().params["accessToken"], "ACCESS-TOKEN-42");
  for (const std::string& text : {err.str(), err2.str()})
    for (const char* secret : {"ACCESS-TOKEN-42", "CLIENT-SECRET-42", "DEVICE-CODE-42", "ROLE-SECRET-42"})
      EXPECT_EQ(text.find(secret), std::string::npos) << secret;
}

TEST_F(SsoRole, RoleCredentialsAreRenewedBeforeTheyExpireAndAnEndedSignInSaysWhatToDo) {
  write_cache("s.json", "https://d-1234567890.awsapps.com/start", "CACHED-TOKEN-42", now + std::chrono::hours(4));
  role_lifetime = std::chrono::minutes(10);
  auto p = sso_role_credentials(role_opts(), err);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ((*p)->get()->access_key_id, "ASIAROLE1");
  now += std::chrono::minutes(5);
  EXPECT_EQ((*p)->get()->access_key_id, "ASIAROLE1");  // not yet
  now += std::chrono::minutes(4);                       // 1 minute left: renewed
  EXPECT_EQ((*p)->get()->access_key_id, "ASIAROLE2");
  EXPECT_EQ(role_calls, 2);

  write_cache("s.json", "https://d-1234567890.awsapps.com/start", "EXPIRED-AT-AWS", now + std::chrono::hours(4));
  auto ended = sso_role_credentials(role_opts(), err);
  ASSERT_FALSE(ended);
  EXPECT_EQ(ended.error().kind, ErrorKind::kSsoTokenExpired);
  EXPECT_NE(ended.error().advice.find("run the command again to sign in"), std::string::npos) << ended.error().advice;
}

TEST_F(SsoRole, TheSsoOptionsGoTogetherAndAreChecked) {
  CredentialOptions o;
  o.sso_start_url = "https://d-1234567890.awsapps.com/start";
  o.sso_region = "eu-west-1";
  std::istringstream in;
  auto r = resolve_credentials(o, in, nullptr);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("--sso-account is missing"), std::string::npos) << r.error().message;
  o.sso_account = "1234";
  o.sso_role = "SecurityAuditor";
  o.profile = "dev";
  r = resolve_credentials(o, in, nullptr);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("--profile cannot be combined"), std::string::npos) << r.error().message;
  o.profile.clear();
  o.credentials_stdin = true;
  r = resolve_credentials(o, in, nullptr);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("Give credentials one way"), std::string::npos) << r.error().message;
  auto bad = role_opts();
  bad.account_id = "1234";
  auto b = sso_role_credentials(bad, err);
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("'1234' is not a 12-digit AWS account id"), std::string::npos);
  bad = role_opts();
  bad.start_url = "https://evil.example.com/start";
  b = sso_role_credentials(bad, err);
  ASSERT_FALSE(b);
  EXPECT_NE(b.error().message.find("not an AWS access portal address"), std::string::npos) << b.error().message;
  EXPECT_TRUE(caller->calls.empty());
}

}  // namespace
}  // namespace cloudpeek::cli
