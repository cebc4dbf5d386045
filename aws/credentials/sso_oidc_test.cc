// The device authorization grant against a fake sso-oidc: what is sent
// (unsigned, the scope and grants the AWS CLI registers), how each OAuth
// answer is read (pending, slow_down +5 s, denied, expired, invalid client),
// the refresh_token grant, the portal listings with paging, the start URL
// and region checks, and that no token or secret reaches an error's text.
#include "aws/credentials/sso_oidc.h"

#include <gtest/gtest.h>

#include "aws/core/time_format.h"
#include "aws/credentials/test_support.h"

namespace cloudpeek {
namespace {

using testing::FakeCaller;
using testing::RecordedCall;

const Clock::time_point kNow = *parse_iso8601("2026-01-01T00:00:00Z");

Error wire_error(const std::string& code, int status = 400) {
  Error e = make_error(ErrorKind::kServiceError, "error_description from AWS");
  e.code = code;
  e.http_status = status;
  return e;
}

struct Oidc : ::testing::Test {
  std::shared_ptr<FakeCaller> caller = std::make_shared<FakeCaller>();
  SsoOidcClient client{caller, "eu-west-1"};
  SsoClientRegistration reg{"client-id-1", Secret("CLIENT-SECRET-xyz"), kNow + std::chrono::hours(24 * 90)};
  SsoDeviceAuthorization device() {
    SsoDeviceAuthorization d;
    d.device_code = Secret("DEVICE-CODE-abc");
    d.user_code = "ABCD-EFGH";
    d.verification_uri = "https://d-1.awsapps.com/start/#/device";
    d.verification_uri_complete = "https://d-1.awsapps.com/start/#/device?user_code=ABCD-EFGH";
    d.interval = std::chrono::seconds(5);
    d.expires_at = kNow + std::chrono::seconds(600);
    return d;
  }
};

TEST(SsoStartUrl, AcceptsThePortalForms) {
  EXPECT_EQ(*normalize_sso_start_url("https://my-company.awsapps.com/start"), "https://my-company.awsapps.com/start");
  EXPECT_EQ(*normalize_sso_start_url(" https://d-1234567890.awsapps.com/start/ "), "https://d-1234567890.awsapps.com/start");
  EXPECT_EQ(*normalize_sso_start_url("https://d-1234567890.awsapps.com/start/#/"), "https://d-1234567890.awsapps.com/start");
  EXPECT_EQ(*normalize_sso_start_url("https://My-Company.awsapps.com/start#/console?account_id=1"),
            "https://my-company.awsapps.com/start");
  EXPECT_EQ(*normalize_sso_start_url("https://ssoins-1234567890abcdef.portal.us-east-1.app.aws"),
            "https://ssoins-1234567890abcdef.portal.us-east-1.app.aws");
  EXPECT_EQ(*normalize_sso_start_url("https://d-906789.portal.eu-central-1.app.aws/#/"),
            "https://d-906789.portal.eu-central-1.app.aws");
  EXPECT_EQ(*normalize_sso_start_url("https://corp.awsapps.cn/start"), "https://corp.awsapps.cn/start");
}

TEST(SsoStartUrl, RefusesOtherAddressesNamingTheProblem) {
  auto expect_bad = [](const char* url, const char* says) {
    auto r = normalize_sso_start_url(url);
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
    EXPECT_NE(r.error().message.find(says), std::string::npos) << url << ": " << r.error().message;
    EXPECT_NE(r.error().advice.find("awsapps.com/start"), std::string::npos);
  };
  expect_bad("", "missing");
  expect_bad("http://my-company.awsapps.com/start", "https://, not http://");
  expect_bad("my-company.awsapps.com/start", "must begin with https://");
  expect_bad("https://my-company.awsapps.com/", "does not end in /start");
  expect_bad("https://my-company.awsapps.com/start?x=1", "query");
  expect_bad("https://evil.example.com/start", "is not an AWS access portal address");
  expect_bad("https://my-company.awsapps.com.evil.example/start", "is not an AWS access portal address");
  expect_bad("https://user@my-company.awsapps.com/start", "without a user name or port");
  expect_bad("https://my-company.awsapps.com:8443/start", "without a user name or port");
  expect_bad("https://x.portal.us-east-1.app.aws/other", "unexpected path");
}

TEST(SsoStartUrl, RegionIsCheckedAndMustMatchThePortals) {
  EXPECT_TRUE(check_sso_region("us-east-1").ok());
  EXPECT_TRUE(check_sso_region("us-gov-west-1").ok());
  for (const char* bad : {"", "US-EAST-1", "us-east", "useast1", "us-east-1; rm", "eu-west-1 "}) {
    auto r = check_sso_region(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, "InvalidSsoRegion");
  }
  EXPECT_EQ(*check_sso_start("https://ssoins-1.portal.eu-west-1.app.aws", "eu-west-1"),
            "https://ssoins-1.portal.eu-west-1.app.aws");
  auto mismatch = check_sso_start("https://ssoins-1.portal.eu-west-1.app.aws", "us-east-1");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_NE(mismatch.error().message.find("eu-west-1"), std::string::npos);
  EXPECT_NE(mismatch.error().advice.find("Use region eu-west-1"), std::string::npos);
  EXPECT_TRUE(check_sso_start("https://d-1.awsapps.com/start", "ap-southeast-2").ok());
}

TEST_F(Oidc, RegistersAPublicClientForAccountAccessWithBothGrants) {
  caller->respond = [](const RecordedCall&) -> Result<json> {
    return json{{"clientId", "cid"}, {"clientSecret", "csecret"}, {"clientIdIssuedAt", 1767225600},
                {"clientSecretExpiresAt", 1775001600}};
  };
  auto r = client.register_client("cloudpeek", kNow);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->client_id, "cid");
  EXPECT_EQ(r->client_secret.reveal(), "csecret");
  EXPECT_EQ(r->expires_at, Clock::time_point(std::chrono::seconds(1775001600)));
  ASSERT_EQ(caller->calls.size(), 1u);
  const auto& c = caller->calls[0];
  EXPECT_EQ(c.service, "oidc");
  EXPECT_EQ(c.operation, "RegisterClient");
  EXPECT_EQ(c.region, "eu-west-1");
  EXPECT_EQ(c.credentials, nullptr);  // unsigned
  EXPECT_EQ(c.params["clientType"], "public");
  EXPECT_EQ(c.params["scopes"], json::array({"sso:account:access"}));
  EXPECT_EQ(c.params["grantTypes"], json::array({"urn:ietf:params:oauth:grant-type:device_code", "refresh_token"}));
}

TEST_F(Oidc, StartsDeviceAuthorizationWithTheClientAndStartUrl) {
  caller->respond = [](const RecordedCall&) -> Result<json> {
    return json{{"deviceCode", "dc"}, {"userCode", "WXYZ-1234"}, {"verificationUri", "https://v"},
                {"verificationUriComplete", "https://v?user_code=WXYZ-1234"}, {"expiresIn", 600}, {"interval", 1}};
  };
  auto d = client.start_device_authorization(reg, "https://d-1.awsapps.com/start", kNow);
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->user_code, "WXYZ-1234");
  EXPECT_EQ(d->verification_uri_complete, "https://v?user_code=WXYZ-1234");
  EXPECT_EQ(d->interval, std::chrono::seconds(1));
  EXPECT_EQ(d->expires_at, kNow + std::chrono::seconds(600));
  EXPECT_EQ(caller->calls[0].params["startUrl"], "https://d-1.awsapps.com/start");
  EXPECT_EQ(caller->calls[0].params["clientId"], "client-id-1");
}

TEST_F(Oidc, EachPollAnswerIsReadAsTheAwsCliDoes) {
  auto answer = [&](const std::string& code) {
    caller->respond = [code](const RecordedCall&) -> Result<json> { return wire_error(code); };
    return client.poll(reg, device(), std::chrono::seconds(5), kNow);
  };
  auto pending = answer("AuthorizationPendingException");
  EXPECT_EQ(pending.state, SsoPollState::kPending);
  EXPECT_EQ(pending.interval, std::chrono::seconds(5));
  auto slow = answer("SlowDownException");
  EXPECT_EQ(slow.state, SsoPollState::kSlowDown);
  EXPECT_EQ(slow.interval, std::chrono::seconds(10));
  auto denied = answer("AccessDeniedException");
  EXPECT_EQ(denied.state, SsoPollState::kDenied);
  EXPECT_NE(denied.error.message.find("denied"), std::string::npos);
  EXPECT_NE(denied.error.advice.find("Allow"), std::string::npos);
  auto expired = answer("ExpiredTokenException");
  EXPECT_EQ(expired.state, SsoPollState::kExpired);
  EXPECT_NE(expired.error.message.find("expired"), std::string::npos);
  auto bad_client = answer("InvalidClientException");
  EXPECT_EQ(bad_client.state, SsoPollState::kFailed);
  EXPECT_EQ(bad_client.error.kind, ErrorKind::kSsoTokenExpired);
  for (const auto* p : {&denied, &expired, &bad_client}) {
    for (const std::string& text : {p->error.message, p->error.advice}) {
      EXPECT_EQ(text.find("CLIENT-SECRET"), std::string::npos) << text;
      EXPECT_EQ(text.find("DEVICE-CODE"), std::string::npos) << text;
    }
  }
  const auto& sent = caller->calls.back().params;
  EXPECT_EQ(sent["grantType"], "urn:ietf:params:oauth:grant-type:device_code");
  EXPECT_EQ(sent["deviceCode"], "DEVICE-CODE-abc");
  EXPECT_EQ(caller->calls.back().credentials, nullptr);
}

TEST_F(Oidc, APastDeadlineEndsWithoutAsking) {
  caller->respond = [](const RecordedCall&) -> Result<json> { return json::object(); };
  auto p = client.poll(reg, device(), std::chrono::seconds(5), kNow + std::chrono::seconds(601));
  EXPECT_EQ(p.state, SsoPollState::kExpired);
  EXPECT_TRUE(caller->calls.empty());
}

TEST_F(Oidc, WaitingHonoursTheIntervalAndSlowDown) {
  std::vector<std::string> script = {"AuthorizationPendingException", "SlowDownException",
                                     "AuthorizationPendingException", "ok"};
  size_t i = 0;
  caller->respond = [&](const RecordedCall&) -> Result<json> {
    const std::string& step = script.at(i++);
    if (step != "ok") return wire_error(step);
    return json{{"accessToken", "AT"}, {"refreshToken", "RT"}, {"expiresIn", 3600}, {"tokenType", "Bearer"}};
  };
  Clock::time_point now = kNow;
  std::vector<long long> slept;
  std::vector<long long> left;
  auto p = wait_for_sso_approval(
      client, reg, device(), [&](std::chrono::seconds s) { slept.push_back(s.count()); now += s; },
      [&] { return now; }, [&](std::chrono::seconds l) { left.push_back(l.count()); });
  ASSERT_EQ(p.state, SsoPollState::kApproved) << p.error.describe();
  EXPECT_EQ(p.tokens->access_token.reveal(), "AT");
  EXPECT_EQ(p.tokens->refresh_token.reveal(), "RT");
  EXPECT_EQ(p.tokens->expires_at, kNow + std::chrono::seconds(30) + std::chrono::seconds(3600));
  EXPECT_EQ(slept, (std::vector<long long>{5, 5, 10, 10}));
  EXPECT_EQ(left, (std::vector<long long>{600, 595, 590, 580}));
}

TEST_F(Oidc, WaitingStopsWhenTheCodeExpires) {
  caller->respond = [](const RecordedCall&) -> Result<json> { return wire_error("AuthorizationPendingException"); };
  Clock::time_point now = kNow;
  int polls = 0;
  auto p = wait_for_sso_approval(client, reg, device(), [&](std::chrono::seconds s) { now += s; },
                                 [&] { ++polls; return now; });
  EXPECT_EQ(p.state, SsoPollState::kExpired);
  EXPECT_LE(caller->calls.size(), 120u);
  EXPECT_GE(caller->calls.size(), 119u);
}

TEST_F(Oidc, RefreshUsesTheRefreshGrantAndKeepsTheOldTokenWhenNoNewOne) {
  caller->respond = [](const RecordedCall&) -> Result<json> { return json{{"accessToken", "AT2"}, {"expiresIn", 3600}}; };
  auto t = client.refresh(reg, Secret("RT1"), kNow);
  ASSERT_TRUE(t.ok()) << t.error().describe();
  EXPECT_EQ(t->access_token.reveal(), "AT2");
  EXPECT_EQ(t->refresh_token.reveal(), "RT1");
  EXPECT_EQ(caller->calls[0].params["grantType"], "refresh_token");
  EXPECT_EQ(caller->calls[0].params["refreshToken"], "RT1");
}

TEST_F(Oidc, ARefusedRefreshMeansTheSessionEnded) {
  for (const char* code : {"InvalidGrantException", "ExpiredTokenException"}) {
    caller->respond = [code](const RecordedCall&) -> Result<json> { return wire_error(code); };
    auto t = client.refresh(reg, Secret("RT-SECRET-1"), kNow);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().kind, ErrorKind::kSsoTokenExpired) << code;
    EXPECT_NE(t.error().advice.find("Sign in again"), std::string::npos);
    EXPECT_EQ(t.error().message.find("RT-SECRET"), std::string::npos);
  }
  caller->calls.clear();
  auto none = client.refresh(reg, Secret(), kNow);
  EXPECT_FALSE(none.ok());
  auto old_client = client.refresh(reg, Secret("RT"), kNow + std::chrono::hours(24 * 91));
  EXPECT_FALSE(old_client.ok());
  EXPECT_TRUE(caller->calls.empty());  // neither asked AWS
}

TEST_F(Oidc, PortalListingsFollowPagesAndRoleCredentialsAreRead) {
  caller->respond = [](const RecordedCall& c) -> Result<json> {
    EXPECT_EQ(c.credentials, nullptr);
    EXPECT_EQ(c.params["accessToken"], "AT");
    if (c.operation == "ListAccounts") {
      if (!c.params.contains("nextToken"))
        return json{{"accountList", {{{"accountId", "222"}, {"accountName", "prod"}, {"emailAddress", "p@x"}}}},
                    {"nextToken", "n1"}};
      return json{{"accountList", {{{"accountId", "111"}, {"accountName", "dev"}, {"emailAddress", "d@x"}}}}};
    }
    if (c.operation == "ListAccountRoles")
      return json{{"roleList", {{{"roleName", "AdministratorAccess"}}, {{"roleName", "SecurityAuditor"}}}}};
    return json{{"roleCredentials", {{"accessKeyId", "ASIAX"}, {"secretAccessKey", "s"}, {"sessionToken", "t"},
                                     {"expiration", 1767229200000LL}}}};
  };
  auto accounts = list_sso_accounts(*caller, "eu-west-1", Secret("AT"));
  ASSERT_TRUE(accounts.ok());
  ASSERT_EQ(accounts->size(), 2u);
  EXPECT_EQ((*accounts)[0].name, "dev");
  EXPECT_EQ((*accounts)[1].email, "p@x");
  auto roles = list_sso_account_roles(*caller, "eu-west-1", Secret("AT"), "111");
  ASSERT_TRUE(roles.ok());
  EXPECT_EQ(preferred_audit_role(*roles), "SecurityAuditor");
  auto creds = get_sso_role_credentials(*caller, "eu-west-1", Secret("AT"), "111", "SecurityAuditor");
  ASSERT_TRUE(creds.ok());
  EXPECT_EQ(creds->access_key_id, "ASIAX");
  EXPECT_EQ(*creds->expiration, *parse_iso8601("2026-01-01T01:00:00Z"));
}

TEST_F(Oidc, AnEndedTokenAtThePortalSaysSignInAgain) {
  caller->respond = [](const RecordedCall&) -> Result<json> { return wire_error("UnauthorizedException", 401); };
  auto r = get_sso_role_credentials(*caller, "eu-west-1", Secret("AT-SECRET"), "111", "SecurityAuditor");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kSsoTokenExpired);
  EXPECT_EQ(r.error().message.find("AT-SECRET"), std::string::npos);
}

TEST(SsoRoles, PreselectsAnAuditLikePermissionSet) {
  EXPECT_EQ(preferred_audit_role({"AdministratorAccess", "ReadOnlyAccess", "SecurityAudit"}), "SecurityAudit");
  EXPECT_EQ(preferred_audit_role({"AdministratorAccess", "ViewOnly", "readonlyaccess"}), "readonlyaccess");
  EXPECT_EQ(preferred_audit_role({"Billing", "ComplianceAuditors"}), "ComplianceAuditors");
  EXPECT_EQ(preferred_audit_role({"AdministratorAccess", "PowerUserAccess"}), "");
}

}  // namespace
}  // namespace cloudpeek
