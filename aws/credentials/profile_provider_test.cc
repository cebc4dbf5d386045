// Profiles resolved to sources: static keys, AssumeRole chains (fake STS),
// credential_process (real shell), SSO token cache + GetRoleCredentials (fake
// portal), refreshing with an injected clock, and the default chain's order.
#include "aws/credentials/profile_provider.h"

#include <gtest/gtest.h>

#include "aws/core/time_format.h"
#include "aws/credentials/default_chain.h"
#include "aws/credentials/process_provider.h"
#include "aws/credentials/sso_provider.h"
#include "aws/credentials/test_support.h"

namespace cloudpeek {
namespace {

using testing::FakeCaller;
using testing::RecordedCall;

const Clock::time_point kNow = *parse_iso8601("2026-01-01T00:00:00Z");

struct Fixture : ::testing::Test {
  testing::ScopedEnv env;
  testing::TempDir dir;
  std::shared_ptr<FakeCaller> caller = std::make_shared<FakeCaller>();
  Clock::time_point now = kNow;
  ProfileDeps deps{caller, [this] { return now; }};

  void SetUp() override {
    env.set("HOME", dir.path());
    caller->respond = [](const RecordedCall& c) -> Result<json> {
      if (c.operation == "AssumeRole")
        return json{{"Credentials",
                     {{"AccessKeyId", "ASIAROLE000000TEST"}, {"SecretAccessKey", "roleSecret"},
                      {"SessionToken", "roleToken"}, {"Expiration", 1767229200}}}};  // 2026-01-01T01:00Z
      return json{{"roleCredentials",
                   {{"accessKeyId", "ASIASSO0000000TEST"}, {"secretAccessKey", "ssoSecret"},
                    {"sessionToken", "ssoToken"}, {"expiration", 1767229200000LL}}}};
    };
  }
  SharedConfig files(const std::string& config, const std::string& creds = "") {
    env.set("AWS_CONFIG_FILE", dir.write("config", config));
    env.set("AWS_SHARED_CREDENTIALS_FILE", dir.write("credentials", creds));
    auto sc = load_shared_config();
    EXPECT_TRUE(sc.ok());
    return sc.ok() ? *sc : SharedConfig{};
  }
  Result<Credentials> get(const SharedConfig& sc, const std::string& profile) {
    auto p = provider_for_profile(sc, profile, deps);
    if (!p.ok()) return p.error();
    return (*p)->get();
  }
};

TEST_F(Fixture, StaticKeysAndHalfSet) {
  auto sc = files("", "[a]\naws_access_key_id = AKIAA\naws_secret_access_key = s\n[b]\naws_access_key_id = AKIAB\n");
  auto c = get(sc, "a");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->access_key_id, "AKIAA");
  auto b = get(sc, "b");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("no aws_secret_access_key"), std::string::npos);
  auto missing = get(sc, "nope");
  EXPECT_EQ(missing.error().kind, ErrorKind::kCredentialsNotFound);
}

TEST_F(Fixture, AssumeRoleChainRecordsParameters) {
  auto sc = files(
      "[profile top]\nrole_arn = arn:aws:iam::111:role/Top\nsource_profile = mid\nexternal_id = ext-1\n"
      "role_session_name = audit\nduration_seconds = 1800\nregion = eu-west-1\n"
      "[profile mid]\nrole_arn = arn:aws:iam::222:role/Mid\nsource_profile = base\n",
      "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = baseSecret\n");
  auto c = get(sc, "top");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "ASIAROLE000000TEST");
  EXPECT_TRUE(c->expiration.has_value());
  ASSERT_EQ(caller->calls.size(), 2u);
  const auto& first = caller->calls[0];  // mid, with base's static keys
  EXPECT_EQ(first.params["RoleArn"], "arn:aws:iam::222:role/Mid");
  EXPECT_EQ(first.params["RoleSessionName"], "botocore-session-1767225600");
  EXPECT_FALSE(first.params.contains("ExternalId"));
  EXPECT_EQ(first.region, "us-east-1");
  EXPECT_EQ(first.credentials->get()->access_key_id, "AKIABASE");
  const auto& second = caller->calls[1];
  EXPECT_EQ(second.params["RoleArn"], "arn:aws:iam::111:role/Top");
  EXPECT_EQ(second.params["ExternalId"], "ext-1");
  EXPECT_EQ(second.params["RoleSessionName"], "audit");
  EXPECT_EQ(second.params["DurationSeconds"], 1800);
  EXPECT_EQ(second.region, "eu-west-1");
}

TEST_F(Fixture, AssumeRoleCyclesSelfSourceAndUnsupported) {
  auto sc = files(
      "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
      "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n"
      "[profile self]\nrole_arn = arn:aws:iam::1:role/S\nsource_profile = self\n"
      "aws_access_key_id = AKIASELF\naws_secret_access_key = s\n"
      "[profile mfa]\nrole_arn = arn:aws:iam::1:role/M\nsource_profile = self\nmfa_serial = arn:aws:iam::1:mfa/u\n"
      "[profile imds]\nrole_arn = arn:aws:iam::1:role/I\ncredential_source = Ec2InstanceMetadata\n"
      "[profile envsrc]\nrole_arn = arn:aws:iam::1:role/E\ncredential_source = Environment\n"
      "[profile dur]\nrole_arn = arn:aws:iam::1:role/D\nsource_profile = self\nduration_seconds = 60\n");
  auto loop = get(sc, "a");
  ASSERT_FALSE(loop.ok());
  EXPECT_NE(loop.error().message.find("loop: a → b → a"), std::string::npos) << loop.error().message;
  EXPECT_TRUE(get(sc, "self").ok());
  EXPECT_NE(get(sc, "mfa").error().message.find("MFA"), std::string::npos);
  EXPECT_NE(get(sc, "imds").error().message.find("not supported here"), std::string::npos);
  EXPECT_NE(get(sc, "dur").error().message.find("900 to 43200"), std::string::npos);
  env.set("AWS_ACCESS_KEY_ID", "AKIAENV");
  env.set("AWS_SECRET_ACCESS_KEY", "envSecret");
  ASSERT_TRUE(get(sc, "envsrc").ok());
  EXPECT_EQ(caller->calls.back().credentials->get()->access_key_id, "AKIAENV");
}

TEST_F(Fixture, CredentialProcess) {
  std::string ok = dir.write("ok.sh",
                             "echo 'diagnostic on stderr' >&2\n"
                             "echo '{\"Version\": 1, \"AccessKeyId\": \"ASIAPROC\", \"SecretAccessKey\": \"procSecret\", "
                             "\"SessionToken\": \"procToken\", \"Expiration\": \"2026-01-01T01:00:00Z\"}'\n");
  std::string fail = dir.write("fail.sh", "echo '{\"SecretAccessKey\": \"procSecret\"}'; exit 3\n");
  std::string badjson = dir.write("bad.sh", "echo 'procSecret not json'\n");
  std::string v2 = dir.write("v2.sh", "echo '{\"Version\": 2}'\n");
  auto sc = files("[profile ok]\ncredential_process = sh " + ok + "\n[profile fail]\ncredential_process = sh " + fail +
                  "\n[profile bad]\ncredential_process = sh " + badjson + "\n[profile v2]\ncredential_process = sh " + v2 +
                  "\n");
  auto c = get(sc, "ok");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "ASIAPROC");
  EXPECT_TRUE(c->secret_access_key.reveal() == "procSecret");
  EXPECT_TRUE(c->session_token.reveal() == "procToken");
  EXPECT_EQ(format_iso8601(*c->expiration), "2026-01-01T01:00:00Z");
  for (const char* p : {"fail", "bad", "v2"}) {
    auto e = get(sc, p);
    ASSERT_FALSE(e.ok()) << p;
    EXPECT_EQ(e.error().describe().find("procSecret"), std::string::npos) << p;
  }
  EXPECT_NE(get(sc, "fail").error().message.find("exited with status 3"), std::string::npos);
  EXPECT_NE(get(sc, "bad").error().message.find("not valid JSON"), std::string::npos);
  EXPECT_NE(get(sc, "v2").error().message.find("only Version 1"), std::string::npos);
}

// A command that never stops printing, or never answers, is stopped with an
// error that says so (issue 8: `credential_process = yes` hung the CLI).
TEST(CredentialProcessLimits, EndlessOutputIsCutOffAndKilled) {
  auto start = std::chrono::steady_clock::now();
  ::setenv("CLOUDPEEK_TEST_OUTPUT", "procSecret", 1);  // printed, never in the command's text
  auto e = run_credential_process("yes \"$CLOUDPEEK_TEST_OUTPUT\"", "credential_process of profile spam");
  ::unsetenv("CLOUDPEEK_TEST_OUTPUT");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message.find("printed more than 65536 bytes and was stopped"), std::string::npos)
      << e.error().message;
  EXPECT_EQ(e.error().describe().find("procSecret"), std::string::npos);  // only the command names it
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(CredentialProcessLimits, SilentCommandTimesOut) {
  auto start = std::chrono::steady_clock::now();
  auto e = run_credential_process("sleep 30", "credential_process of profile slow",
                                   ProcessLimits{std::chrono::milliseconds(300)});
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message.find("did not finish within 0.3 seconds and was stopped"), std::string::npos)
      << e.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  // A command that prints its JSON and keeps running holds the answer back: stopped too.
  auto partial = run_credential_process("echo '{\"Version\": 1}'; sleep 30", "credential_process of profile p",
                                        ProcessLimits{std::chrono::milliseconds(300)});
  ASSERT_FALSE(partial.ok());
  EXPECT_NE(partial.error().message.find("did not finish"), std::string::npos);
}

TEST_F(Fixture, SsoBothFormsMissingExpiredValid) {
  auto sc = files(
      "[profile new]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = SecurityAudit\n"
      "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n"
      "[profile old]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-2\n"
      "sso_account_id = 444455556666\nsso_role_name = ReadOnly\n"
      "[profile broken]\nsso_session = corp\n");
  auto missing = get(sc, "new");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::kSsoTokenMissing);
  EXPECT_NE(missing.error().advice.find("run `aws sso login --profile new`"), std::string::npos);

  // Cache file names: SHA-1 of the session name, or of the start URL for the legacy form.
  std::string cache = ".aws/sso/cache/";
  dir.write(cache + sha1_hex("corp") + ".json", R"({"accessToken": "tok", "expiresAt": "2025-12-31T23:00:00Z"})");
  auto expired = get(sc, "new");
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().kind, ErrorKind::kSsoTokenExpired);
  EXPECT_NE(expired.error().advice.find("run `aws sso login --profile new`"), std::string::npos);

  dir.write(cache + sha1_hex("corp") + ".json", R"({"accessToken": "tok", "expiresAt": "2026-01-01T08:00:00Z"})");
  auto c = get(sc, "new");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "ASIASSO0000000TEST");
  EXPECT_EQ(format_iso8601(*c->expiration), "2026-01-01T01:00:00Z");  // milliseconds read as such
  const auto& call = caller->calls.back();
  EXPECT_EQ(call.service, "portal.sso");
  EXPECT_EQ(call.region, "eu-west-1");
  EXPECT_EQ(call.params["roleName"], "SecurityAudit");
  EXPECT_EQ(call.params["accountId"], "111122223333");
  EXPECT_EQ(call.credentials, nullptr);  // unsigned

  dir.write(cache + sha1_hex("https://old.awsapps.com/start") + ".json",
            R"({"accessToken": "tok2", "expiresAt": "2026-01-01T08:00:00Z"})");
  ASSERT_TRUE(get(sc, "old").ok());
  EXPECT_EQ(caller->calls.back().region, "us-east-2");
  EXPECT_NE(get(sc, "broken").error().message.find("sso_account_id"), std::string::npos);

  caller->respond = [](const RecordedCall&) -> Result<json> {
    Error e = make_error(ErrorKind::kServiceError, "Session token not found or invalid");
    e.code = "UnauthorizedException";
    e.http_status = 401;
    return e;
  };
  EXPECT_EQ(get(sc, "new").error().kind, ErrorKind::kSsoTokenExpired);
}

TEST(Refreshing, RefreshesBeforeExpiryWithWindows) {
  Clock::time_point now = kNow;
  int n = 0;
  bool fail = false;
  RefreshingProvider p(
      "test",
      [&]() -> Result<Credentials> {
        if (fail) return make_error(ErrorKind::kNetwork, "down");
        Credentials c;
        c.access_key_id = "ASIA" + std::to_string(++n);
        c.expiration = now + std::chrono::hours(1);
        return c;
      },
      [&] { return now; });
  EXPECT_EQ(p.get()->access_key_id, "ASIA1");
  now += std::chrono::minutes(50);
  EXPECT_EQ(p.get()->access_key_id, "ASIA1");  // 10 minutes left: cached
  now += std::chrono::minutes(6);               // 4 minutes left: advisory refresh
  EXPECT_EQ(p.get()->access_key_id, "ASIA2");
  EXPECT_EQ(p.fetches(), 2);
  fail = true;
  now += std::chrono::minutes(56);  // advisory window, refresh fails: cached still served
  EXPECT_EQ(p.get()->access_key_id, "ASIA2");
  now += std::chrono::minutes(3);  // mandatory window: the error surfaces
  EXPECT_FALSE(p.get().ok());
  fail = false;
  EXPECT_EQ(p.get()->access_key_id, "ASIA3");
}

TEST_F(Fixture, DefaultChainOrder) {
  files("[profile dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = s\n",
        "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s\n");
  ChainOptions opts{"", caller, [this] { return now; }};
  env.set("AWS_ACCESS_KEY_ID", "AKIAENV");
  env.set("AWS_SECRET_ACCESS_KEY", "s");
  env.set("AWS_PROFILE", "dev");
  EXPECT_EQ(DefaultChainProvider(opts).get()->access_key_id, "AKIAENV");  // env first
  ChainOptions explicit_opts = opts;
  explicit_opts.profile = "dev";
  EXPECT_EQ(DefaultChainProvider(explicit_opts).get()->access_key_id, "AKIADEV");  // --profile skips env
  env.unset("AWS_ACCESS_KEY_ID");
  env.unset("AWS_SECRET_ACCESS_KEY");
  EXPECT_EQ(DefaultChainProvider(opts).get()->access_key_id, "AKIADEV");  // AWS_PROFILE
  env.unset("AWS_PROFILE");
  EXPECT_EQ(DefaultChainProvider(opts).get()->access_key_id, "AKIADEFAULT");
  env.set("AWS_PROFILE", "ghost");
  EXPECT_EQ(DefaultChainProvider(opts).get().error().kind, ErrorKind::kCredentialsNotFound);
  env.unset("AWS_PROFILE");
  files("", "");
  auto none = DefaultChainProvider(opts).get();
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("Tried, in order: 1) environment"), std::string::npos);
  EXPECT_NE(none.error().message.find("EC2 instance metadata are not used"), std::string::npos);
  env.set("AWS_ACCESS_KEY_ID", "AKIAHALF");
  EXPECT_EQ(DefaultChainProvider(opts).get().error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace cloudpeek
