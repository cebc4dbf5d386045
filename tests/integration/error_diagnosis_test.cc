// Every way a call can fail, as a user meets it against (fake) AWS: the error
// kind CloudPeek diagnoses, AWS's own code and request id kept for support
// cases, and a message or advice that says what to do. Secrets never appear in
// what is shown.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "aws/credentials/client_caller.h"
#include "aws/credentials/default_chain.h"
#include "aws/identity/caller_identity.h"
#include "aws/services/sts_model.h"
#include "tests/integration/integration_support.h"

namespace cloudpeek::testing {
namespace {

constexpr size_t npos = std::string::npos;
constexpr const char* kCorpCache = ".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json";  // sha1("corp")
constexpr const char* kSsoProfiles =
    "[profile sso-audit]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = SecurityAuditor\n"
    "[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n";

bool mentions(const Error& e, std::string_view text) {
  return (e.message + "\n" + e.advice).find(text) != npos;
}

// What a person is shown must carry none of the credentials' secret parts.
void expect_no_secrets(const Error& e, const ScenarioKey& k) {
  std::string shown = e.describe() + "\n" + e.message + "\n" + e.advice;
  EXPECT_EQ(shown.find(k.secret), npos) << "the secret access key leaked into the error";
  if (*k.token) {
    EXPECT_EQ(shown.find(k.token), npos) << "the session token leaked into the error";
  }
}

// AWS's request id is kept and shown, so a support case can quote it.
void expect_request_id(const Error& e) {
  EXPECT_EQ(e.request_id.size(), 36u) << "request id '" << e.request_id << "' in " << e.describe();
  EXPECT_NE(e.describe().find(e.request_id), npos) << e.describe();
}

class ErrorDiagnosis : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = new FakeAws(); }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }
  void SetUp() override {
    fake_->reset(/*forget_credentials=*/true);
    env.set("HOME", home.path());
  }
  FakeAws& fake() { return *fake_; }

  Result<CallerIdentity> whoami(CredentialsProviderPtr p, const std::string& region = "us-east-1",
                                RetryConfig retry = {}) {
    AwsClient client(fake_config(fake(), retry, region), std::move(p), transport);
    return get_caller_identity(client);
  }
  Result<json> list_users(CredentialsProviderPtr p) {
    AwsClient client(fake_config(fake()), std::move(p), transport);
    return client.call(botocore_model("iam"), "ListUsers", json::object());
  }
  CredentialsProviderPtr sso_profile() {
    env.set("AWS_CONFIG_FILE", home.write("aws/config", kSsoProfiles));
    env.set("AWS_SHARED_CREDENTIALS_FILE", home.path() + "/aws/credentials");
    ChainOptions o;
    o.profile = "sso-audit";
    o.caller = std::make_shared<ClientCaller>(transport, fake_endpoints(fake()), RetryConfig{});
    return std::make_shared<DefaultChainProvider>(o);
  }
  void write_sso_cache(const std::string& token, long long expires_in) {
    home.write(kCorpCache, json{{"startUrl", kSsoStartUrl},
                                {"region", "us-east-1"},
                                {"accessToken", token},
                                {"expiresAt", iso_from_now(expires_in)}}
                               .dump());
  }

  CleanEnv env;
  TempDir home;
  std::shared_ptr<Transport> transport = std::make_shared<Transport>();
  static FakeAws* fake_;
};

FakeAws* ErrorDiagnosis::fake_ = nullptr;

// --- credentials ----------------------------------------------------------------

TEST_F(ErrorDiagnosis, ExpiredSessionToken) {
  auto r = whoami(static_credentials(kExpiredSession));
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kExpiredToken) << e.describe();
  EXPECT_EQ(e.code, "ExpiredToken");
  EXPECT_EQ(e.http_status, 403);
  EXPECT_EQ(e.action, "sts:GetCallerIdentity");
  expect_request_id(e);
  EXPECT_TRUE(mentions(e, "sign in to your AWS access portal again")) << e.describe();
  expect_no_secrets(e, kExpiredSession);
  EXPECT_EQ(logged_requests(fake()).size(), 1u) << "an expired token is not retried";
}

TEST_F(ErrorDiagnosis, SessionThatExpiresWhileInUse) {
  auto creds = static_credentials(kAliceSession);
  ASSERT_TRUE(whoami(creds).ok());
  fake().set_faults(json{{"expire", {{{"access_key_id", kAliceSession.id}, {"at", iso_from_now(-1)}}}}}.dump());
  auto r = whoami(creds);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kExpiredToken) << r.error().describe();
  EXPECT_EQ(r.error().code, "ExpiredToken");
  expect_request_id(r.error());
}

TEST_F(ErrorDiagnosis, ExpiredSsoRoleCredentialsNameTheLoginCommand) {
  write_sso_cache(kSsoValidToken, 8 * 3600);
  auto creds = sso_profile();
  ASSERT_TRUE(whoami(creds).ok());
  fake().set_faults(json{{"expire", {{{"access_key_id", "*"}, {"at", iso_from_now(-1)}}}}}.dump());
  auto r = whoami(creds);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kExpiredToken) << r.error().describe();
  EXPECT_TRUE(mentions(r.error(), "run `aws sso login --profile sso-audit`")) << r.error().describe();
  expect_request_id(r.error());
}

TEST_F(ErrorDiagnosis, UnknownAccessKeyId) {
  constexpr ScenarioKey unknown{"AKIAFAKEUNKNOWN00001", "fakeSecretUnknown/0000000000000000000001", ""};
  auto r = whoami(static_credentials(unknown));
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kInvalidKeyId) << e.describe();
  EXPECT_EQ(e.code, "InvalidClientTokenId");
  EXPECT_EQ(e.http_status, 403);
  expect_request_id(e);
  EXPECT_TRUE(mentions(e, "does not recognise the access key id")) << e.describe();
  expect_no_secrets(e, unknown);
}

TEST_F(ErrorDiagnosis, WrongSecret) {
  constexpr ScenarioKey wrong{kAlice.id, "fakeSecretAlice/9999999999999999999999999", ""};
  auto r = whoami(static_credentials(wrong));
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kWrongSecret) << e.describe();
  EXPECT_EQ(e.code, "SignatureDoesNotMatch");
  EXPECT_EQ(e.http_status, 403);
  expect_request_id(e);
  EXPECT_TRUE(mentions(e, "secret access key does not match")) << e.describe();
  expect_no_secrets(e, wrong);
  EXPECT_EQ(logged_requests(fake()).size(), 1u) << "a wrong secret is not retried";
}

// --- clock skew -----------------------------------------------------------------

class ClockSkewDirections : public ErrorDiagnosis, public ::testing::WithParamInterface<int> {};

TEST_P(ClockSkewDirections, FirstCallIsCorrectedTransparently) {
  const int offset = GetParam();  // server - local: positive when the local clock is behind
  fake().set_faults(json{{"clock_offset_seconds", offset}}.dump());
  AwsClient client(fake_config(fake()), static_credentials(kAlice), transport);
  auto first = get_caller_identity(client);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_EQ(first->arn, kAliceArn);
  EXPECT_NEAR(client.clock_skew().offset().count(), offset, 5);

  auto log = logged_requests(fake());
  ASSERT_EQ(log.size(), 2u) << describe_log(log);
  EXPECT_EQ(log[0].error, "SignatureDoesNotMatch");  // "Signature expired" / "not yet current"
  EXPECT_EQ(log[1].status, "200");

  // The offset stays applied: later calls are signed right the first time.
  ASSERT_TRUE(get_caller_identity(client).ok());
  EXPECT_EQ(logged_requests(fake()).size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(LocalClockBehindAndAhead, ClockSkewDirections, ::testing::Values(3600, -3600));

// The local clock gets fixed (NTP) while CloudPeek runs: the offset it had adopted
// is now wrong by as much, and the next call must correct back, not fail.
TEST_F(ErrorDiagnosis, ClockFixedAfterAnOffsetWasAdopted) {
  fake().set_faults(json{{"clock_offset_seconds", 3600}}.dump());
  AwsClient client(fake_config(fake()), static_credentials(kAlice), transport);
  ASSERT_TRUE(get_caller_identity(client).ok());
  ASSERT_NEAR(client.clock_skew().offset().count(), 3600, 5);

  fake().set_faults("{}");  // server and local clocks agree again
  auto r = get_caller_identity(client);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(client.clock_skew().offset().count(), 0);
  auto log = logged_requests(fake());
  ASSERT_EQ(log.size(), 4u) << describe_log(log);
  EXPECT_EQ(log[2].error, "SignatureDoesNotMatch");  // "Signature not yet current"
  EXPECT_EQ(log[3].status, "200");
}

// A canned HTTP endpoint for what fakeaws cannot do: rejecting a request as
// skewed even after the client corrected its clock from the Date header.
class SkewRejectingServer {
 public:
  explicit SkewRejectingServer(std::chrono::seconds server_ahead) : ahead_(server_ahead) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&a), len) != 0 || ::listen(fd_, 16) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) != 0)
      throw std::runtime_error("SkewRejectingServer: cannot listen");
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~SkewRejectingServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requests() const { return requests_; }

 private:
  void serve() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      std::string in;
      char buf[4096];
      size_t need = npos;
      while (in.size() < need) {
        ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        in.append(buf, static_cast<size_t>(n));
        size_t end = in.find("\r\n\r\n");
        if (need == npos && end != npos) {
          size_t length = 0;
          size_t cl = in.find("Content-Length: ");
          if (cl != npos && cl < end) length = std::stoul(in.substr(cl + 16));
          need = end + 4 + length;
        }
      }
      ++requests_;
      auto server_now = Clock::now() + ahead_;
      std::string body =
          "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
          "<Code>SignatureDoesNotMatch</Code><Message>Signature expired: 20200101T000000Z is now earlier than " +
          format_amz_date(server_now - std::chrono::minutes(5)) + " (" + format_amz_date(server_now) +
          " - 5 min.)</Message></Error><RequestId>11111111-2222-3333-4444-555555555555</RequestId></ErrorResponse>";
      std::string out = "HTTP/1.1 403 Forbidden\r\nDate: " + format_http_date(server_now) +
                        "\r\nx-amzn-RequestId: 11111111-2222-3333-4444-555555555555\r\nContent-Type: text/xml\r\n"
                        "Connection: close\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n" + body;
      ::send(c, out.data(), out.size(), MSG_NOSIGNAL);
      ::close(c);
    }
  }
  std::chrono::seconds ahead_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::thread thread_;
};

TEST_F(ErrorDiagnosis, ClockSkewThatCannotBeCorrectedSaysByHowMuch) {
  SkewRejectingServer server(std::chrono::seconds(3600));
  ClientConfig config;
  config.endpoints.global = server.url();
  AwsClient client(config, static_credentials(kAlice), transport);
  auto r = get_caller_identity(client);
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kClockSkew) << e.describe();
  EXPECT_EQ(e.code, "SignatureDoesNotMatch");
  EXPECT_EQ(e.request_id, "11111111-2222-3333-4444-555555555555");
  ASSERT_TRUE(e.clock_offset.has_value());
  EXPECT_NEAR(e.clock_offset->count(), 3600, 5);
  EXPECT_TRUE(mentions(e, "Your clock is 60 minutes behind AWS's")) << e.describe();
  EXPECT_EQ(server.requests(), 2) << "one re-signed attempt after the correction, then the error";
  expect_no_secrets(e, kAlice);
}

// --- permissions and regions ------------------------------------------------------

TEST_F(ErrorDiagnosis, AccessDeniedNamesTheAction) {
  auto r = list_users(static_credentials(kBob));
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kAccessDenied) << e.describe();
  EXPECT_EQ(e.code, "AccessDenied");
  EXPECT_EQ(e.http_status, 403);
  EXPECT_EQ(e.action, "iam:ListUsers");
  EXPECT_EQ(e.service, "iam");
  expect_request_id(e);
  EXPECT_TRUE(mentions(e, "iam:ListUsers")) << e.describe();
  EXPECT_TRUE(mentions(e, kBobArn)) << e.describe();
  EXPECT_TRUE(mentions(e, "SecurityAudit")) << e.describe();
  EXPECT_TRUE(e.permission_set.empty());
  EXPECT_EQ(logged_requests(fake()).size(), 1u) << "a denial is not retried";

  // The same call by alice works: the denial is bob's, not the call's.
  auto ok = list_users(static_credentials(kAlice));
  ASSERT_TRUE(ok.ok()) << ok.error().describe();
  EXPECT_EQ((*ok)["Users"].size(), 2u);  // first page (the scenario pages by 2)
}

TEST_F(ErrorDiagnosis, AccessDeniedToAnIdentityCenterRoleNamesThePermissionSet) {
  fake().set_faults(R"({"deny": ["iam:ListUsers"]})");
  auto r = list_users(static_credentials(kSsoSession));
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kAccessDenied) << e.describe();
  EXPECT_EQ(e.action, "iam:ListUsers");
  EXPECT_EQ(e.permission_set, "SecurityAuditor");
  EXPECT_TRUE(mentions(e, "permission set SecurityAuditor")) << e.describe();
  expect_request_id(e);
  expect_no_secrets(e, kSsoSession);
}

TEST_F(ErrorDiagnosis, RegionNotEnabled) {
  auto r = whoami(static_credentials(kAlice), "ap-east-1");
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kRegionNotEnabled) << e.describe();
  EXPECT_EQ(e.code, "InvalidClientTokenId");  // what AWS answers in a region the account has not enabled
  expect_request_id(e);
  EXPECT_TRUE(mentions(e, "Enable ap-east-1")) << e.describe();
  auto log = logged_requests(fake());
  ASSERT_EQ(log.size(), 1u) << describe_log(log);
  EXPECT_EQ(log[0].region, "ap-east-1");

  // The same key in an opt-in region the account did enable works.
  auto enabled = whoami(static_credentials(kAlice), "af-south-1");
  ASSERT_TRUE(enabled.ok()) << enabled.error().describe();
  EXPECT_EQ(enabled->arn, kAliceArn);
}

// --- throttling, AWS-side failures, the network, garbage -------------------------------

TEST_F(ErrorDiagnosis, ThrottledWithRetriesExhausted) {
  fake().set_faults(R"({"service": "sts", "throttle_rate": 1.0})");
  auto r = whoami(static_credentials(kAlice));
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kThrottled) << e.describe();
  EXPECT_EQ(e.code, "Throttling");
  EXPECT_EQ(e.http_status, 400);
  expect_request_id(e);
  EXPECT_TRUE(mentions(e, "AWS_MAX_ATTEMPTS")) << e.describe();
  EXPECT_EQ(count_requests(logged_requests(fake()), "GetCallerIdentity", "Throttling"), 3u)
      << "the standard mode's default: 3 attempts";

  fake().control("DELETE", "requests");
  RetryConfig two;
  two.max_attempts = 2;
  ASSERT_FALSE(whoami(static_credentials(kAlice), "us-east-1", two).ok());
  EXPECT_EQ(logged_requests(fake()).size(), 2u);
}

TEST_F(ErrorDiagnosis, ServiceErrors5xx) {
  for (auto [status, code] : {std::pair{503, "ServiceUnavailable"}, std::pair{500, "InternalFailure"}}) {
    fake().reset();
    fake().set_faults(json{{"service", "sts"}, {"error_rate", 1.0}, {"error_status", status}}.dump());
    auto r = whoami(static_credentials(kAlice));
    ASSERT_FALSE(r.ok());
    const Error& e = r.error();
    EXPECT_EQ(e.kind, ErrorKind::kServiceError) << e.describe();
    EXPECT_EQ(e.code, code);
    EXPECT_EQ(e.http_status, status);
    expect_request_id(e);
    EXPECT_TRUE(mentions(e, "on AWS's side")) << e.describe();
    EXPECT_EQ(logged_requests(fake()).size(), 3u) << "5xx is retried";
  }
}

TEST_F(ErrorDiagnosis, NetworkConnectRefused) {
  // A port that was free a moment ago: nothing listens there.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), len), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len), 0);
  ::close(fd);
  ClientConfig config;
  config.endpoints.global = "http://127.0.0.1:" + std::to_string(ntohs(a.sin_port));
  AwsClient client(config, static_credentials(kAlice), transport);
  auto r = get_caller_identity(client);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kNetwork) << r.error().describe();
  EXPECT_EQ(r.error().code, "ConnectFailure");
  EXPECT_EQ(r.error().action, "sts:GetCallerIdentity");
  EXPECT_TRUE(mentions(r.error(), "127.0.0.1")) << r.error().describe();
  expect_no_secrets(r.error(), kAlice);
}

TEST_F(ErrorDiagnosis, NetworkConnectionDropped) {
  fake().set_faults(R"({"service": "sts", "drop_rate": 1.0})");
  auto r = whoami(static_credentials(kAlice));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kNetwork) << r.error().describe();
  EXPECT_EQ(r.error().code, "ConnectionReset");
  EXPECT_EQ(logged_requests(fake()).size(), 3u) << "a dropped connection is retried";
}

TEST_F(ErrorDiagnosis, NetworkTimeout) {
  fake().set_faults(R"({"service": "sts", "latency_ms": 1500})");
  TransportOptions o;
  o.total_timeout = std::chrono::milliseconds(300);
  auto impatient = std::make_shared<Transport>(o);
  RetryConfig once;
  once.max_attempts = 1;
  AwsClient client(fake_config(fake(), once), static_credentials(kAlice), impatient);
  auto r = get_caller_identity(client);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kNetwork) << r.error().describe();
  EXPECT_EQ(r.error().code, "Timeout");
  // fakeaws is still sleeping on the request: let it finish before the next test.
  EXPECT_TRUE(wait_for_requests(fake(), 1, std::chrono::seconds(5)));
}

TEST_F(ErrorDiagnosis, MalformedResponse) {
  fake().set_faults(R"({"service": "sts", "malformed_rate": 1.0})");
  auto r = whoami(static_credentials(kAlice));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kMalformedResponse) << r.error().describe();
  EXPECT_EQ(r.error().action, "sts:GetCallerIdentity");
  EXPECT_EQ(logged_requests(fake()).size(), 3u) << "a truncated body is retried like a transient failure\n"
                                                << describe_log(logged_requests(fake()));

  // One truncated answer among good ones costs nothing but a retry.
  fake().reset();
  fake().set_faults(R"({"service": "sts", "malformed_rate": 1.0, "count": 1})");
  auto ok = whoami(static_credentials(kAlice));
  ASSERT_TRUE(ok.ok()) << ok.error().describe();
  EXPECT_EQ(logged_requests(fake()).size(), 2u);
}

// --- IAM Identity Center sign-in -------------------------------------------------------

TEST_F(ErrorDiagnosis, SsoTokenExpired) {
  write_sso_cache(kSsoValidToken, -60);
  auto r = whoami(sso_profile());
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kSsoTokenExpired) << e.describe();
  EXPECT_EQ(e.code, "SsoTokenExpired");
  EXPECT_TRUE(mentions(e, "run `aws sso login --profile sso-audit`")) << e.describe();
  EXPECT_EQ(e.describe().find(kSsoValidToken), npos) << "the SSO access token leaked into the error";
  EXPECT_TRUE(logged_requests(fake()).empty()) << "an expired cached token is not sent";
}

TEST_F(ErrorDiagnosis, SsoTokenRevokedAtThePortal) {
  write_sso_cache(kSsoRevokedToken, 3600);  // the cache thinks it is good; the portal does not
  auto r = whoami(sso_profile());
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kSsoTokenExpired) << e.describe();
  EXPECT_EQ(e.code, "UnauthorizedException");
  EXPECT_EQ(e.http_status, 401);
  expect_request_id(e);
  EXPECT_TRUE(mentions(e, "run `aws sso login --profile sso-audit`")) << e.describe();
  EXPECT_EQ(e.describe().find(kSsoRevokedToken), npos) << "the SSO access token leaked into the error";
}

TEST_F(ErrorDiagnosis, SsoTokenMissing) {
  auto r = whoami(sso_profile());
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::kSsoTokenMissing) << e.describe();
  EXPECT_EQ(e.code, "SsoTokenMissing");
  EXPECT_TRUE(mentions(e, "run `aws sso login --profile sso-audit`")) << e.describe();
  EXPECT_TRUE(mentions(e, home.path() + "/" + kCorpCache)) << e.describe();
  EXPECT_TRUE(logged_requests(fake()).empty());
}

}  // namespace
}  // namespace cloudpeek::testing
