// Every credential source a user can point CloudPeek at, end to end: the
// source yields credentials (calling STS AssumeRole or the SSO access portal
// on fakeaws where it must), AwsClient signs GetCallerIdentity with them, and
// fakeaws — which verifies every signature with botocore — answers with the
// identity we expect. The request log shows which key signed what.
#include <gtest/gtest.h>

#include <filesystem>

#include "aws/credentials/client_caller.h"
#include "aws/credentials/default_chain.h"
#include "aws/credentials/environment_provider.h"
#include "aws/identity/caller_identity.h"
#include "tests/integration/integration_support.h"

namespace cloudpeek::testing {
namespace {

// The AWS CLI names token caches by SHA-1 (botocore: hashlib.sha1(...).hexdigest()).
constexpr const char* kSessionCorpCache = ".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json";  // "corp"
constexpr const char* kStartUrlCache = ".aws/sso/cache/7487b5b67d5fa1132cf33fa93ae51ef38cc37752.json";    // kSsoStartUrl

constexpr const char* kAuditRoleArn = "arn:aws:iam::111122223333:role/AuditRole";
constexpr const char* kChainedRoleArn = "arn:aws:iam::111122223333:role/ChainedRole";

std::string sso_cache_json(const std::string& token, long long expires_in_seconds) {
  return json{{"startUrl", kSsoStartUrl},
              {"region", "us-east-1"},
              {"accessToken", token},
              {"expiresAt", iso_from_now(expires_in_seconds)}}
      .dump();
}

class CredentialSources : public ::testing::Test {
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

  AwsCallerPtr caller() { return std::make_shared<ClientCaller>(transport, fake_endpoints(fake()), RetryConfig{}); }

  Result<CallerIdentity> whoami(CredentialsProviderPtr provider, const std::string& region = "us-east-1") {
    AwsClient client(fake_config(fake(), {}, region), std::move(provider), transport);
    return get_caller_identity(client);
  }

  // The shared files somewhere other than ~/.aws, through the standard variables.
  void shared_files(const std::string& config, const std::string& credentials = "") {
    env.set("AWS_CONFIG_FILE", home.write("elsewhere/config", config));
    env.set("AWS_SHARED_CREDENTIALS_FILE", home.write("elsewhere/credentials", credentials));
  }

  // What `--profile NAME` resolves to.
  Result<CredentialsProviderPtr> profile(const std::string& name) {
    ChainOptions o;
    o.profile = name;
    o.caller = caller();
    return resolve_default_chain(o);
  }

  Result<CallerIdentity> whoami_profile(const std::string& name) {
    auto p = profile(name);
    if (!p.ok()) return p.error();
    return whoami(*p);
  }

  CleanEnv env;  // first member: restored last
  TempDir home;
  std::shared_ptr<Transport> transport = std::make_shared<Transport>();
  static FakeAws* fake_;
};

FakeAws* CredentialSources::fake_ = nullptr;

#define ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().describe()

TEST_F(CredentialSources, StaticKeysOfAnIamUser) {
  auto id = whoami(static_credentials(kAlice));
  ASSERT_OK(id);
  EXPECT_EQ(id->account, kAccount);
  EXPECT_EQ(id->arn, kAliceArn);
  EXPECT_EQ(id->user_id, "AIDAFAKEALICE0000001");
  EXPECT_EQ(id->principal.type, PrincipalType::kIamUser);
  EXPECT_EQ(id->principal.name, "alice");

  auto log = logged_requests(fake());
  ASSERT_EQ(log.size(), 1u) << describe_log(log);
  EXPECT_EQ(log[0].service, "sts");
  EXPECT_EQ(log[0].action, "GetCallerIdentity");
  EXPECT_EQ(log[0].region, "us-east-1");
  EXPECT_EQ(log[0].access_key_id, kAlice.id);
  EXPECT_EQ(log[0].status, "200");
}

TEST_F(CredentialSources, StaticRootKeysAreRecognisedAsRoot) {
  auto id = whoami(static_credentials(kRoot));
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, "arn:aws:iam::111122223333:root");
  EXPECT_EQ(id->principal.type, PrincipalType::kRoot);
}

// What the AWS access portal hands out ("Option 1: set environment variables"
// or a pasted set): key id, secret and session token, signed together.
TEST_F(CredentialSources, StaticTemporaryCredentialsWithSessionToken) {
  auto user = whoami(static_credentials(kAliceSession));
  ASSERT_OK(user);
  EXPECT_EQ(user->arn, kAliceArn);

  auto sso = whoami(static_credentials(kSsoSession, "paste"));
  ASSERT_OK(sso);
  EXPECT_EQ(sso->arn, kSsoRoleArn);
  EXPECT_EQ(sso->principal.type, PrincipalType::kIdentityCenter);
  EXPECT_EQ(sso->principal.permission_set, "SecurityAuditor");
  EXPECT_EQ(sso->principal.session, "alice@example.com");

  auto fed = whoami(static_credentials(kFederatedSession));
  ASSERT_OK(fed);
  EXPECT_EQ(fed->arn, "arn:aws:sts::111122223333:federated-user/carol");
  EXPECT_EQ(fed->principal.type, PrincipalType::kFederatedUser);

  // The token really travels with the request: without it AWS does not know the key.
  ScenarioKey no_token = kSsoSession;
  no_token.token = "";
  auto bare = whoami(static_credentials(no_token));
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(bare.error().kind, ErrorKind::kInvalidKeyId) << bare.error().describe();
}

TEST_F(CredentialSources, EnvironmentVariables) {
  env.set("AWS_ACCESS_KEY_ID", kBob.id);
  env.set("AWS_SECRET_ACCESS_KEY", kBob.secret);
  auto id = whoami(std::make_shared<EnvironmentProvider>());
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kBobArn);

  // Read afresh on every call: a new set (with a token) is picked up.
  env.set("AWS_ACCESS_KEY_ID", kSsoSession.id);
  env.set("AWS_SECRET_ACCESS_KEY", kSsoSession.secret);
  env.set("AWS_SESSION_TOKEN", kSsoSession.token);
  auto sso = whoami(std::make_shared<EnvironmentProvider>());
  ASSERT_OK(sso);
  EXPECT_EQ(sso->arn, kSsoRoleArn);
}

TEST_F(CredentialSources, SharedCredentialsFileProfile) {
  shared_files("[profile audit]\nregion = eu-west-1\n",
               std::string("[default]\naws_access_key_id = ") + kAlice.id + "\naws_secret_access_key = " +
                   kAlice.secret + "\n\n[audit]\naws_access_key_id = " + kBob.id +
                   "\naws_secret_access_key = " + kBob.secret + "\n");
  auto id = whoami_profile("audit");
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kBobArn);
  auto log = logged_requests(fake());
  ASSERT_EQ(log.size(), 1u) << describe_log(log);
  EXPECT_EQ(log[0].access_key_id, kBob.id);
}

TEST_F(CredentialSources, StaticKeysInTheConfigFileAndTheDefaultPathsUnderHome) {
  // No AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE: ~/.aws/config of $HOME.
  home.write(".aws/config", std::string("[profile cfg]\naws_access_key_id = ") + kAlice.id +
                                "\naws_secret_access_key = " + kAlice.secret + "\n");
  auto id = whoami_profile("cfg");
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kAliceArn);
}

TEST_F(CredentialSources, RoleArnWithSourceProfileAndExternalId) {
  shared_files(std::string("[profile audit]\nrole_arn = ") + kAuditRoleArn +
                   "\nsource_profile = base\nexternal_id = cloudpeek-external-id-1\n"
                   "role_session_name = cloudpeek-audit\n",
               std::string("[base]\naws_access_key_id = ") + kAlice.id + "\naws_secret_access_key = " +
                   kAlice.secret + "\n");
  auto provider = profile("audit");
  ASSERT_OK(provider);
  auto creds = (*provider)->get();
  ASSERT_OK(creds);
  EXPECT_EQ(creds->access_key_id.substr(0, 4), "ASIA");
  EXPECT_TRUE(creds->temporary());
  ASSERT_TRUE(creds->expiration.has_value());  // fakeaws' default: one hour
  auto left = std::chrono::duration_cast<std::chrono::seconds>(*creds->expiration - Clock::now()).count();
  EXPECT_NEAR(left, 3600, 60);

  auto id = whoami(*provider);
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, "arn:aws:sts::111122223333:assumed-role/AuditRole/cloudpeek-audit");
  EXPECT_EQ(id->principal.type, PrincipalType::kAssumedRole);
  EXPECT_EQ(id->principal.name, "AuditRole");

  auto log = logged_requests(fake());
  ASSERT_EQ(log.size(), 2u) << describe_log(log);
  EXPECT_EQ(log[0].action, "AssumeRole");
  EXPECT_EQ(log[0].access_key_id, kAlice.id);  // signed by the source profile
  EXPECT_EQ(log[1].action, "GetCallerIdentity");
  EXPECT_EQ(log[1].access_key_id, creds->access_key_id);  // signed by the role, not re-assumed
}

TEST_F(CredentialSources, RoleWithAWrongExternalIdIsDeniedNamingAssumeRole) {
  shared_files(std::string("[profile audit]\nrole_arn = ") + kAuditRoleArn +
                   "\nsource_profile = base\nexternal_id = not-the-external-id\n",
               std::string("[base]\naws_access_key_id = ") + kAlice.id + "\naws_secret_access_key = " +
                   kAlice.secret + "\n");
  auto id = whoami_profile("audit");
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().kind, ErrorKind::kAccessDenied) << id.error().describe();
  EXPECT_EQ(id.error().code, "AccessDenied");
  EXPECT_EQ(id.error().action, "sts:AssumeRole");
  EXPECT_FALSE(id.error().request_id.empty());
  EXPECT_NE(id.error().message.find(kAuditRoleArn), std::string::npos) << id.error().message;
}

TEST_F(CredentialSources, ChainedRole) {
  shared_files(std::string("[profile chained]\nrole_arn = ") + kChainedRoleArn +
                   "\nsource_profile = audit\nrole_session_name = hop2\n"
                   "[profile audit]\nrole_arn = " +
                   kAuditRoleArn + "\nsource_profile = base\nexternal_id = cloudpeek-external-id-1\n" +
                   "role_session_name = hop1\n",
               std::string("[base]\naws_access_key_id = ") + kAlice.id + "\naws_secret_access_key = " +
                   kAlice.secret + "\n");
  auto id = whoami_profile("chained");
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, "arn:aws:sts::111122223333:assumed-role/ChainedRole/hop2");

  auto log = logged_requests(fake());
  ASSERT_EQ(log.size(), 3u) << describe_log(log);
  EXPECT_EQ(log[0].action, "AssumeRole");
  EXPECT_EQ(log[0].access_key_id, kAlice.id);
  EXPECT_EQ(log[1].action, "AssumeRole");
  EXPECT_EQ(log[1].access_key_id.substr(0, 4), "ASIA");  // AuditRole's session assumes ChainedRole
  EXPECT_EQ(log[2].action, "GetCallerIdentity");
  EXPECT_NE(log[2].access_key_id, log[1].access_key_id);
}

TEST_F(CredentialSources, RoleWithEnvironmentAsCredentialSource) {
  env.set("AWS_ACCESS_KEY_ID", kAlice.id);
  env.set("AWS_SECRET_ACCESS_KEY", kAlice.secret);
  shared_files(std::string("[profile ci]\nrole_arn = ") + kAuditRoleArn +
               "\ncredential_source = Environment\nexternal_id = cloudpeek-external-id-1\n"
               "role_session_name = ci\n");
  auto id = whoami_profile("ci");
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, "arn:aws:sts::111122223333:assumed-role/AuditRole/ci");
}

TEST_F(CredentialSources, CredentialProcess) {
  // Counts its runs, so the test can see the provider caches what it printed.
  std::string runs = home.path() + "/runs";
  std::string script = home.write(
      "bin/creds.sh", "#!/bin/sh\necho run >> '" + runs + "'\n" + "cat <<'EOF'\n" +
                          json{{"Version", 1},
                               {"AccessKeyId", kAliceSession.id},
                               {"SecretAccessKey", kAliceSession.secret},
                               {"SessionToken", kAliceSession.token},
                               {"Expiration", iso_from_now(3600)}}
                              .dump() +
                          "\nEOF\n");
  shared_files("[profile proc]\ncredential_process = /bin/sh " + script + "\n");
  auto provider = profile("proc");
  ASSERT_OK(provider);
  for (int i = 0; i < 2; ++i) {
    auto id = whoami(*provider);
    ASSERT_OK(id);
    EXPECT_EQ(id->arn, kAliceArn);
  }
  std::ifstream in(runs);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) ++n;
  EXPECT_EQ(n, 1) << "the process output is cached until it nears its Expiration";
  auto log = logged_requests(fake());
  ASSERT_EQ(log.size(), 2u) << describe_log(log);
  EXPECT_EQ(log[1].access_key_id, kAliceSession.id);
}

TEST_F(CredentialSources, SsoSessionProfile) {
  shared_files(
      "[profile sso-audit]\nsso_session = corp\nsso_account_id = 111122223333\n"
      "sso_role_name = SecurityAuditor\nregion = us-east-1\n"
      "[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n"
      "sso_registration_scopes = sso:account:access\n");
  home.write(kSessionCorpCache, sso_cache_json(kSsoValidToken, 8 * 3600));

  auto provider = profile("sso-audit");
  ASSERT_OK(provider);
  auto creds = (*provider)->get();
  ASSERT_OK(creds);
  ASSERT_TRUE(creds->expiration.has_value());  // the portal's epoch milliseconds, read right
  auto left = std::chrono::duration_cast<std::chrono::seconds>(*creds->expiration - Clock::now()).count();
  EXPECT_NEAR(left, 3600, 60);  // the permission set's max_session_duration

  auto id = whoami(*provider);
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kSsoRoleArn);
  EXPECT_EQ(id->principal.type, PrincipalType::kIdentityCenter);
  EXPECT_EQ(id->principal.permission_set, "SecurityAuditor");

  auto log = logged_requests(fake());
  ASSERT_EQ(log.size(), 2u) << describe_log(log);
  EXPECT_EQ(log[0].service, "sso");
  EXPECT_EQ(log[0].action, "GetRoleCredentials");
  EXPECT_EQ(log[0].access_key_id, "");  // a bearer token, not a signature
  EXPECT_EQ(log[1].action, "GetCallerIdentity");
  EXPECT_EQ(log[1].access_key_id, creds->access_key_id);
}

TEST_F(CredentialSources, LegacySsoStartUrlProfile) {
  shared_files(
      "[profile sso-legacy]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n"
      "sso_account_id = 111122223333\nsso_role_name = SecurityAuditor\n");
  home.write(kStartUrlCache, sso_cache_json(kSsoValidToken, 8 * 3600));
  auto id = whoami_profile("sso-legacy");
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kSsoRoleArn);
}

// The production wiring of `cloudpeek auth check`: the chain, endpoints, retries
// and the client's config all from the environment, as cli/ builds them.
class DefaultChain : public CredentialSources {
 protected:
  Result<CallerIdentity> whoami_chain(const std::string& explicit_profile = "") {
    ChainOptions o;
    o.profile = explicit_profile;
    o.caller = std::make_shared<ClientCaller>(transport, EndpointOverrides::from_environment(),
                                              RetryConfig::from_environment());
    AwsClient client(ClientConfig::from_environment(region_from_environment().value_or("us-east-1")),
                     std::make_shared<DefaultChainProvider>(o), transport);
    return get_caller_identity(client);
  }
  void SetUp() override {
    CredentialSources::SetUp();
    env.set("AWS_ENDPOINT_URL", fake().url());
    shared_files(
        "[profile sso-audit]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = SecurityAuditor\n"
        "[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n",
        std::string("[default]\naws_access_key_id = ") + kBob.id + "\naws_secret_access_key = " + kBob.secret +
            "\n");
    home.write(kSessionCorpCache, sso_cache_json(kSsoValidToken, 8 * 3600));
  }
};

TEST_F(DefaultChain, EnvironmentVariablesComeFirst) {
  env.set("AWS_ACCESS_KEY_ID", kAlice.id);
  env.set("AWS_SECRET_ACCESS_KEY", kAlice.secret);
  env.set("AWS_PROFILE", "sso-audit");
  auto id = whoami_chain();
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kAliceArn);
}

TEST_F(DefaultChain, AwsProfileSelectsAnSsoProfile) {
  env.set("AWS_PROFILE", "sso-audit");
  auto id = whoami_chain();
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kSsoRoleArn);
}

TEST_F(DefaultChain, ExplicitProfileSkipsTheEnvironment) {
  env.set("AWS_ACCESS_KEY_ID", kAlice.id);
  env.set("AWS_SECRET_ACCESS_KEY", kAlice.secret);
  auto id = whoami_chain("sso-audit");
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kSsoRoleArn);
}

TEST_F(DefaultChain, DefaultProfileLast) {
  auto id = whoami_chain();
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kBobArn);
}

TEST_F(DefaultChain, ServiceSpecificEndpointVariablesReachStsAndThePortal) {
  env.unset("AWS_ENDPOINT_URL");
  env.set("AWS_ENDPOINT_URL_STS", fake().url());
  env.set("AWS_ENDPOINT_URL_SSO", fake().url());
  env.set("AWS_PROFILE", "sso-audit");
  auto id = whoami_chain();
  ASSERT_OK(id);
  EXPECT_EQ(id->arn, kSsoRoleArn);
  EXPECT_EQ(count_requests(logged_requests(fake()), "GetRoleCredentials"), 1u);
}

TEST_F(DefaultChain, NothingConfiguredSaysWhatWasTried) {
  env.unset("AWS_CONFIG_FILE");
  env.unset("AWS_SHARED_CREDENTIALS_FILE");  // and the temp HOME has no ~/.aws/config or credentials
  auto id = whoami_chain();
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().kind, ErrorKind::kCredentialsNotFound);
  EXPECT_NE(id.error().message.find("AWS_ACCESS_KEY_ID"), std::string::npos) << id.error().message;
  EXPECT_TRUE(logged_requests(fake()).empty());
}

}  // namespace
}  // namespace cloudpeek::testing
