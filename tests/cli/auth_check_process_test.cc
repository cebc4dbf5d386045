// `cloudpeek auth check`, the real binary, against fakeaws: each way of giving
// credentials, each kind of principal, and the diagnosis of each failure, as a
// user sees them (stdout, stderr, exit code).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>

#include "aws/core/time_format.h"
#include "tests/cli/auth_scenario.h"
#include "tests/cli/cloudpeek_cli.h"
#include "tests/cli/secret_search.h"
#include "tests/integration/fakeaws_process.h"

namespace cloudpeek::testing {
namespace {

using json = nlohmann::json;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string bash_paste(const ScenarioKey& k, const std::string& extra = "") {
  std::string s = "export AWS_ACCESS_KEY_ID=\"" + k.id + "\"\nexport AWS_SECRET_ACCESS_KEY=\"" + k.secret + "\"\n";
  if (!k.token.empty()) s += "export AWS_SESSION_TOKEN=\"" + k.token + "\"\n";
  return s + extra;
}

// What `aws sts get-session-token` prints.
std::string sts_json(const ScenarioKey& k, std::chrono::seconds valid_for) {
  return json{{"Credentials",
               {{"AccessKeyId", k.id}, {"SecretAccessKey", k.secret}, {"SessionToken", k.token},
                {"Expiration", format_iso8601(std::chrono::system_clock::now() + valid_for)}}}}
      .dump(4);
}

// Output of a run, for failure messages — withheld if it holds any piece of a
// scenario secret (the secrets test reports such leaks without showing them).
std::string shown(const ProcessResult& r) {
  for (const auto& secret : AuthScenario::get().secrets())
    if (contains_secret(r.out + r.err, secret)) return "(output withheld: it holds a secret)";
  return "exit " + std::to_string(r.exit_code) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

class AuthCheckProcess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = std::make_unique<FakeAws>(AuthScenario::path()); }
  static void TearDownTestSuite() { fake_.reset(); }
  void SetUp() override { fake_->reset(); }

  // The requests fakeaws received since SetUp.
  json requests() { return json::parse(fake_->requests())["requests"]; }

  // --access-key-id K --secret-access-key-file F [--session-token-file T]
  std::vector<std::string> key_flags(const ScenarioKey& k) {
    std::vector<std::string> f = {"--access-key-id", k.id, "--secret-access-key-file",
                                  cli.write_file("secret.txt", k.secret + "\n")};
    if (!k.token.empty()) {
      f.push_back("--session-token-file");
      f.push_back(cli.write_file("token.txt", k.token + "\n"));
    }
    return f;
  }
  ProcessResult check(std::vector<std::string> flags, const std::string& stdin_text = "",
                      const std::vector<std::string>& env = {}) {
    flags.insert(flags.begin(), {"auth", "check"});
    auto r = cli.run(flags, stdin_text, env);
    EXPECT_FALSE(r.timed_out);
    return r;
  }

  static std::unique_ptr<FakeAws> fake_;
  const AuthScenario& s = AuthScenario::get();
  CloudpeekCli cli{fake_->url()};
};

std::unique_ptr<FakeAws> AuthCheckProcess::fake_;

TEST_F(AuthCheckProcess, StaticKeysFromFlags) {
  auto r = check(key_flags(s.alice));
  EXPECT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_TRUE(contains(r.out, "✔ The credentials work")) << shown(r);
  EXPECT_TRUE(contains(r.out, "Account:     111122223333")) << shown(r);
  EXPECT_TRUE(contains(r.out, "ARN:         arn:aws:iam::111122223333:user/alice")) << shown(r);
  EXPECT_TRUE(contains(r.out, "IAM user \"alice\"")) << shown(r);
  EXPECT_TRUE(contains(r.out, "long-term key")) << shown(r);
  EXPECT_EQ(r.err, "");
  auto reqs = requests();
  ASSERT_EQ(reqs.size(), 1u) << reqs.dump();
  EXPECT_EQ(reqs[0]["action"], "GetCallerIdentity");
  EXPECT_EQ(reqs[0]["access_key_id"], s.alice.id);
  EXPECT_EQ(reqs[0]["region"], "us-east-1");
  EXPECT_EQ(reqs[0]["status"], 200);
}

TEST_F(AuthCheckProcess, SecretFromEnvironment) {
  auto r = check({"--access-key-id", s.alice.id}, "", {"AWS_SECRET_ACCESS_KEY=" + s.alice.secret});
  EXPECT_EQ(r.exit_code, 0) << shown(r);
}

TEST_F(AuthCheckProcess, DefaultChainFromEnvironment) {
  auto r = check({}, "",
                 {"AWS_ACCESS_KEY_ID=" + s.alice_session.id, "AWS_SECRET_ACCESS_KEY=" + s.alice_session.secret,
                  "AWS_SESSION_TOKEN=" + s.alice_session.token, "AWS_REGION=eu-west-1"});
  EXPECT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_TRUE(contains(r.out, "temporary key")) << shown(r);
  EXPECT_TRUE(contains(r.out, "from environment")) << shown(r);
  EXPECT_TRUE(contains(r.out, "Region:      eu-west-1")) << shown(r);
  EXPECT_EQ(requests().at(0)["region"], "eu-west-1");
}

TEST_F(AuthCheckProcess, SessionFromFlagsWithTokenFile) {
  auto r = check(key_flags(s.alice_session));
  EXPECT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_TRUE(contains(r.out, "temporary key")) << shown(r);
}

TEST_F(AuthCheckProcess, SessionPastedOnStdin) {
  auto r = check({"--credentials-stdin"}, bash_paste(s.role_session, "export AWS_REGION=\"eu-west-1\"\n"));
  EXPECT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_TRUE(contains(r.out, "arn:aws:sts::111122223333:assumed-role/AuditRole/ci-run")) << shown(r);
  EXPECT_TRUE(contains(r.out, "assumed IAM role \"AuditRole\" (session ci-run)")) << shown(r);
  EXPECT_TRUE(contains(r.out, "from pasted on stdin")) << shown(r);
  EXPECT_TRUE(contains(r.out, "Region:      eu-west-1")) << shown(r);
  EXPECT_EQ(requests().at(0)["region"], "eu-west-1") << "the pasted region is the one used";
}

TEST_F(AuthCheckProcess, IdentityCenterSessionPastedAsStsJson) {
  auto r = check({"--credentials-stdin"}, sts_json(s.sso_session, std::chrono::hours(2)));
  EXPECT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_TRUE(contains(r.out, "IAM Identity Center permission set \"SecurityAuditor\" (signed in as alice@example.com)"))
      << shown(r);
  EXPECT_TRUE(contains(r.out, "Expires:")) << shown(r);
  EXPECT_TRUE(contains(r.out, "(in 1 h 59 min)") || contains(r.out, "(in 2 h 0 min)")) << shown(r);
  EXPECT_EQ(r.err, "") << "no reminder with two hours left";
}

TEST_F(AuthCheckProcess, ReminderWhenSessionEndsSoon) {
  auto r = check({"--credentials-stdin"}, sts_json(s.alice_session, std::chrono::minutes(20)));
  EXPECT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_TRUE(contains(r.err, "These credentials expire in 19 min") || contains(r.err, "These credentials expire in 20 min"))
      << shown(r);
}

TEST_F(AuthCheckProcess, FederatedUser) {
  auto r = check({"--credentials-file", cli.write_file("portal.txt", bash_paste(s.federated_session))});
  EXPECT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_TRUE(contains(r.out, "federated user \"carol\"")) << shown(r);
}

TEST_F(AuthCheckProcess, RootKeysWarnLoudly) {
  auto r = check(key_flags(s.root));
  EXPECT_EQ(r.exit_code, 0) << "the keys work; the warning says what is wrong with them\n" << shown(r);
  EXPECT_TRUE(contains(r.out, "arn:aws:iam::111122223333:root")) << shown(r);
  EXPECT_TRUE(contains(r.out, "ROOT USER of the account")) << shown(r);
  EXPECT_TRUE(contains(r.err, "WARNING: These are access keys of the ROOT USER")) << shown(r);

  auto j = check({"--output", "json", "--access-key-id", s.root.id, "--secret-access-key-file",
                  cli.write_file("secret.txt", s.root.secret)});
  EXPECT_EQ(j.exit_code, 0) << shown(j);
  EXPECT_TRUE(contains(j.err, "WARNING: These are access keys of the ROOT USER")) << "JSON users are warned too\n"
                                                                                  << shown(j);
}

TEST_F(AuthCheckProcess, JsonOutput) {
  auto r = check({"--output", "json", "--credentials-stdin"}, bash_paste(s.alice_session));
  EXPECT_EQ(r.exit_code, 0) << shown(r);
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << shown(r);
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["account"], "111122223333");
  EXPECT_EQ(j["arn"], "arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(j["principal"]["type"], "iam_user");
  EXPECT_EQ(j["principal"]["name"], "alice");
  EXPECT_EQ(j["region"], "us-east-1");
  EXPECT_EQ(j["credentials"]["access_key_id"], s.alice_session.id);
  EXPECT_EQ(j["credentials"]["temporary"], true);
  EXPECT_EQ(j["credentials"]["source"], "pasted on stdin");
  EXPECT_TRUE(j["warnings"].empty());
  EXPECT_EQ(r.err, "");
}

TEST_F(AuthCheckProcess, JsonOutputOfAFailure) {
  ScenarioKey wrong = s.alice;
  wrong.secret = "AAAAbbbbCCCCddddEEEEffffGGGGhhhhIIIIjjjj";
  auto r = check({"--output", "json", "--access-key-id", wrong.id, "--secret-access-key-file",
                  cli.write_file("secret.txt", wrong.secret)});
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << shown(r);
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["error"]["kind"], "wrong_secret");
  EXPECT_EQ(j["error"]["code"], "SignatureDoesNotMatch");
  EXPECT_EQ(j["error"]["http_status"], 403);
  EXPECT_FALSE(j["error"]["request_id"].get<std::string>().empty());
  EXPECT_FALSE(j.contains("account"));
}

TEST_F(AuthCheckProcess, WrongSecret) {
  ScenarioKey wrong = s.alice;
  wrong.secret = "AAAAbbbbCCCCddddEEEEffffGGGGhhhhIIIIjjjj";
  auto r = check(key_flags(wrong));
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "✘ The credentials do not work (wrong_secret)")) << shown(r);
  EXPECT_TRUE(contains(r.err, "The secret access key does not match the access key id")) << shown(r);
  EXPECT_TRUE(contains(r.err, "What to do:")) << shown(r);
  EXPECT_TRUE(contains(r.err, "AWS error code: SignatureDoesNotMatch")) << shown(r);
  EXPECT_TRUE(contains(r.err, "Credentials from: command line")) << shown(r);
}

TEST_F(AuthCheckProcess, UnknownKeyId) {
  ScenarioKey unknown = s.alice;
  unknown.id = "AKIAUNKNOWNKEY000001";
  auto r = check(key_flags(unknown));
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "(invalid_key_id)")) << shown(r);
  EXPECT_TRUE(contains(r.err, "AWS does not recognise the access key id")) << shown(r);
  EXPECT_TRUE(contains(r.err, "AWS error code: InvalidClientTokenId")) << shown(r);
}

TEST_F(AuthCheckProcess, ExpiredSessionToken) {
  auto r = check({"--credentials-stdin"}, bash_paste(s.expired_session));
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "(expired_token)")) << shown(r);
  EXPECT_TRUE(contains(r.err, "AWS error code: ExpiredToken")) << shown(r);
  EXPECT_TRUE(contains(r.err, "What to do:")) << shown(r);
}

TEST_F(AuthCheckProcess, SessionThatExpiresWhileInUse) {
  ASSERT_EQ(check(key_flags(s.sso_session)).exit_code, 0);
  fake_->set_faults(R"({"expire": [{"access_key_id": ")" + s.sso_session.id + R"(", "at": "2020-01-01T00:00:00Z"}]})");
  auto r = check(key_flags(s.sso_session));
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "(expired_token)")) << shown(r);
}

TEST_F(AuthCheckProcess, PastedCredentialsAlreadyExpiredNeverReachAws) {
  auto r = check({"--credentials-stdin"}, sts_json(s.alice_session, -std::chrono::minutes(5)));
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "(expired_token)")) << shown(r);
  EXPECT_TRUE(requests().empty());
}

TEST_F(AuthCheckProcess, NetworkError) {
  cli.endpoint_url = closed_port_url();
  auto r = check(key_flags(s.alice), "", {"AWS_MAX_ATTEMPTS=2"});
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "(network)")) << shown(r);
  EXPECT_TRUE(contains(r.err, "Could not connect")) << shown(r);
}

TEST_F(AuthCheckProcess, ProfileFromSharedFiles) {
  cli.write_file(".aws/credentials", "[audit]\naws_access_key_id = " + s.alice.id +
                                         "\naws_secret_access_key = " + s.alice.secret + "\n");
  cli.write_file(".aws/config", "[profile audit]\nregion = eu-west-1\n");
  auto r = check({"--profile", "audit"});
  EXPECT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_TRUE(contains(r.out, "IAM user \"alice\"")) << shown(r);
  EXPECT_TRUE(contains(r.out, "profile audit")) << shown(r);
  EXPECT_TRUE(contains(r.out, "Region:      eu-west-1")) << shown(r);

  auto env = check({}, "", {"AWS_PROFILE=audit"});
  EXPECT_EQ(env.exit_code, 0) << shown(env);
  EXPECT_TRUE(contains(env.out, "Region:      eu-west-1")) << shown(env);
  for (const auto& req : requests()) EXPECT_EQ(req["region"], "eu-west-1");

  auto missing = check({"--profile", "nope"});
  EXPECT_EQ(missing.exit_code, 1) << shown(missing);
  EXPECT_TRUE(contains(missing.err, "nope")) << shown(missing);
}

TEST_F(AuthCheckProcess, NoCredentialsAnywhere) {
  auto r = check({});
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "(credentials_not_found)")) << shown(r);
  EXPECT_TRUE(contains(r.err, "What to do:")) << shown(r);
  EXPECT_TRUE(requests().empty());
}

TEST_F(AuthCheckProcess, KeyIdWithoutSecretSaysHowToGiveIt) {
  auto r = check({"--access-key-id", s.alice.id});
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "--secret-access-key-file")) << shown(r);
  EXPECT_TRUE(contains(r.err, "AWS_SECRET_ACCESS_KEY")) << shown(r);
  EXPECT_TRUE(requests().empty());
}

TEST_F(AuthCheckProcess, TemporaryKeyIdWithoutItsToken) {
  auto r = check({"--access-key-id", s.alice_session.id, "--secret-access-key-file",
                  cli.write_file("secret.txt", s.alice_session.secret)});
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "needs its session token")) << shown(r);
  EXPECT_TRUE(requests().empty());
}

TEST_F(AuthCheckProcess, SecretFileWithoutKeyIdIsNotSilentlyIgnored) {
  auto r = check({"--secret-access-key-file", cli.write_file("secret.txt", s.root.secret)}, "",
                 {"AWS_ACCESS_KEY_ID=" + s.alice.id, "AWS_SECRET_ACCESS_KEY=" + s.alice.secret});
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "--secret-access-key-file was given without --access-key-id")) << shown(r);
  EXPECT_TRUE(requests().empty()) << "the environment's keys must not be checked instead";
}

TEST_F(AuthCheckProcess, BadPaste) {
  auto r = check({"--credentials-stdin"}, "export AWS_ACCESS_KEY_ID=\"" + s.alice.id + "\"\n");
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_TRUE(contains(r.err, "(invalid_input)")) << shown(r);
  EXPECT_TRUE(contains(r.err, "AWS_SECRET_ACCESS_KEY")) << "names what is missing\n" << shown(r);
}

// Issue 8: AWS_CONFIG_FILE=/dev/zero grew the CLI to 17 GB; a
// credential_process that never stops printing hung it.
TEST_F(AuthCheckProcess, EndlessConfigFilesAndProcessesAreCutOff) {
  for (const char* dev : {"/dev/zero", "/dev/urandom"}) {
    for (const char* var : {"AWS_CONFIG_FILE=", "AWS_SHARED_CREDENTIALS_FILE="}) {
      auto r = check({}, "", {var + std::string(dev)});
      EXPECT_EQ(r.exit_code, 1) << var << dev << shown(r);
      EXPECT_TRUE(contains(r.err, std::string(dev) + " is larger than 16 MiB")) << var << dev << shown(r);
    }
  }
  cli.write_file(".aws/config", "[profile spam]\ncredential_process = yes AKIA\n");
  auto spam = check({"--profile", "spam"});
  EXPECT_EQ(spam.exit_code, 1) << shown(spam);
  EXPECT_TRUE(contains(spam.err, "printed more than 65536 bytes and was stopped")) << shown(spam);
  auto paste = check({"--credentials-stdin"}, std::string(100000, 'x'));
  EXPECT_EQ(paste.exit_code, 1) << shown(paste);
  EXPECT_TRUE(contains(paste.err, "the paste on stdin is larger than 64 KiB")) << shown(paste);
  EXPECT_TRUE(requests().empty());
}

TEST_F(AuthCheckProcess, UsageErrors) {
  auto bad_output = check({"--output", "xml"});
  EXPECT_NE(bad_output.exit_code, 0) << shown(bad_output);
  auto secret_flag = check({"--access-key-id", s.alice.id, "--secret-access-key", "x"});
  EXPECT_NE(secret_flag.exit_code, 0) << "there is no flag for the secret itself\n" << shown(secret_flag);
  auto nothing = cli.run({});
  EXPECT_NE(nothing.exit_code, 0) << shown(nothing);
  EXPECT_TRUE(requests().empty());
}

}  // namespace
}  // namespace cloudpeek::testing
