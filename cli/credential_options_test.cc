// The credential flags: where the secret, token and region come from, what a
// paste turns into, and errors that name the flag to use.
#include "cli/credential_options.h"

#include <gtest/gtest.h>

#include <sstream>

#include "aws/credentials/test_support.h"

namespace cloudpeek::cli {
namespace {

using cloudpeek::testing::ScopedEnv;
using cloudpeek::testing::TempDir;

constexpr const char* kKeyId = "AKIAEXAMPLE000000042";
constexpr const char* kTempKeyId = "ASIAEXAMPLE000000042";
constexpr const char* kSecret = "tEsTsEcReT0/zQxWvU8tRsPqOnMlKjIhGfEdCbA";
constexpr const char* kToken = "IQoJb3JpZ2luX2VjEtEsTtOkEn/9aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789+";

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Every test runs with no AWS_* variables and HOME in a fresh directory.
class CredentialOptionsTest : public ::testing::Test {
 protected:
  CredentialOptionsTest() { env.set("HOME", home.path()); }

  Result<ResolvedCredentials> resolve(const CredentialOptions& o, const std::string& stdin_text = "") {
    std::istringstream in(stdin_text);
    return resolve_credentials(o, in, nullptr);  // no test here reaches a source that calls AWS
  }
  // The credentials the options resolve to; fails the test if they do not.
  Credentials credentials(const CredentialOptions& o, const std::string& stdin_text = "") {
    auto r = resolve(o, stdin_text);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
    if (!r.ok()) return {};
    auto c = r->provider->get();
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().describe());
    return c.ok() ? c.value() : Credentials{};
  }
  std::string region(const CredentialOptions& o, const std::string& stdin_text = "") {
    auto r = resolve(o, stdin_text);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
    return r.ok() ? r->region : "";
  }
  CredentialOptions static_keys() {
    CredentialOptions o;
    o.access_key_id = kKeyId;
    o.secret_access_key_file = home.write("secret", std::string(kSecret) + "\n");
    return o;
  }

  ScopedEnv env;
  TempDir home;
};

std::string bash_paste(const std::string& extra = "") {
  return "# Option 1: Set AWS environment variables\n"
         "export AWS_ACCESS_KEY_ID=\"" + std::string(kTempKeyId) + "\"\n"
         "export AWS_SECRET_ACCESS_KEY=\"" + kSecret + "\"\n"
         "export AWS_SESSION_TOKEN=\"" + kToken + "\"\n" + extra;
}

std::string sts_json(const std::string& expiration) {
  return R"({
    "Credentials": {
        "AccessKeyId": ")" + std::string(kTempKeyId) + R"(",
        "SecretAccessKey": ")" + kSecret + R"(",
        "SessionToken": ")" + kToken + R"(",
        "Expiration": ")" + expiration + R"("
    }
})";
}

TEST(CredentialFlags, ParseAndNeverTakeASecretOnTheCommandLine) {
  CLI::App app;
  CredentialOptions o;
  add_credential_options(app, o);
  app.parse(std::string("--access-key-id ") + kKeyId +
                " --secret-access-key-file s --session-token-file t --region eu-west-1"
                " --expiration 2030-01-01T00:00:00Z",
            false);
  EXPECT_EQ(o.access_key_id, kKeyId);
  EXPECT_EQ(o.secret_access_key_file, "s");
  EXPECT_EQ(o.session_token_file, "t");
  EXPECT_EQ(o.region, "eu-west-1");
  EXPECT_EQ(o.expiration, "2030-01-01T00:00:00Z");

  for (const char* flag : {"--secret-access-key", "--session-token", "--aws-secret-access-key"}) {
    CLI::App a;
    CredentialOptions x;
    add_credential_options(a, x);
    EXPECT_THROW(a.parse(std::string(flag) + " value", false), CLI::ParseError) << flag;
  }
}

TEST_F(CredentialOptionsTest, SecretFromFile) {
  auto c = credentials(static_keys());
  EXPECT_EQ(c.access_key_id, kKeyId);
  EXPECT_TRUE(c.secret_access_key.reveal() == kSecret) << "trailing newline of the file kept";
  EXPECT_FALSE(c.temporary());
  EXPECT_EQ(c.source, "command line");
}

TEST_F(CredentialOptionsTest, SecretFileWithWindowsLineEnd) {
  auto o = static_keys();
  o.secret_access_key_file = home.write("secret-crlf", std::string(kSecret) + "\r\n");
  EXPECT_TRUE(credentials(o).secret_access_key.reveal() == kSecret);
}

TEST_F(CredentialOptionsTest, SecretFromEnvironmentWhenNoFile) {
  env.set("AWS_SECRET_ACCESS_KEY", kSecret);
  CredentialOptions o;
  o.access_key_id = kKeyId;
  EXPECT_TRUE(credentials(o).secret_access_key.reveal() == kSecret);
}

TEST_F(CredentialOptionsTest, SecretFileWinsOverEnvironment) {
  env.set("AWS_SECRET_ACCESS_KEY", "someOtherSecretFromTheEnvironment000000");
  EXPECT_TRUE(credentials(static_keys()).secret_access_key.reveal() == kSecret);
}

TEST_F(CredentialOptionsTest, TokenFromFileMakesThemTemporary) {
  auto o = static_keys();
  o.access_key_id = kTempKeyId;
  o.session_token_file = home.write("token", std::string(kToken) + "\n");
  o.expiration = "2030-01-01T00:00:00Z";
  auto c = credentials(o);
  EXPECT_TRUE(c.temporary());
  EXPECT_TRUE(c.session_token.reveal() == kToken);
  ASSERT_TRUE(c.expiration.has_value());
  EXPECT_EQ(*c.expiration, Clock::time_point(std::chrono::seconds(1893456000)));
}

TEST_F(CredentialOptionsTest, TokenFromEnvironment) {
  env.set("AWS_SESSION_TOKEN", kToken);
  auto o = static_keys();
  o.access_key_id = kTempKeyId;
  EXPECT_TRUE(credentials(o).session_token.reveal() == kToken);
}

TEST_F(CredentialOptionsTest, KeyIdWithoutSecretNamesTheWaysToGiveIt) {
  CredentialOptions o;
  o.access_key_id = kKeyId;
  auto r = resolve(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(contains(r.error().message, "--access-key-id")) << r.error().message;
  EXPECT_TRUE(contains(r.error().advice, "--secret-access-key-file")) << r.error().advice;
  EXPECT_TRUE(contains(r.error().advice, "AWS_SECRET_ACCESS_KEY")) << r.error().advice;
}

// AWS answers a missing or stray token with "the security token is invalid",
// which reads like a deleted key: the key id's prefix says what is wrong first.
TEST_F(CredentialOptionsTest, TemporaryKeyIdWithoutTokenAsksForIt) {
  auto o = static_keys();
  o.access_key_id = kTempKeyId;
  auto r = resolve(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(contains(r.error().message, "needs its session token")) << r.error().message;
  EXPECT_TRUE(contains(r.error().advice, "--session-token-file")) << r.error().advice;
  EXPECT_TRUE(contains(r.error().advice, "AWS_SESSION_TOKEN")) << r.error().advice;
}

TEST_F(CredentialOptionsTest, LongTermKeyWithAStrayToken) {
  env.set("AWS_SESSION_TOKEN", kToken);  // left over from an earlier session
  auto r = resolve(static_keys());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "AWS_SESSION_TOKEN is set")) << r.error().message;
  EXPECT_TRUE(contains(r.error().advice, "Unset AWS_SESSION_TOKEN")) << r.error().advice;

  env.unset("AWS_SESSION_TOKEN");
  auto o = static_keys();
  o.session_token_file = home.write("token", kToken);
  auto f = resolve(o);
  ASSERT_FALSE(f.ok());
  EXPECT_TRUE(contains(f.error().advice, "Drop --session-token-file")) << f.error().advice;
  EXPECT_FALSE(contains(f.error().describe(), std::string_view(kToken).substr(10, 16))) << "token in the error";
}

TEST_F(CredentialOptionsTest, SecretFileProblemsNameTheFile) {
  auto o = static_keys();
  o.secret_access_key_file = home.path() + "/no-such-file";
  auto missing = resolve(o);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(contains(missing.error().message, "no-such-file")) << missing.error().message;

  o.secret_access_key_file = home.write("empty", "\n");
  auto empty = resolve(o);
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(contains(empty.error().message, "is empty")) << empty.error().message;

  o = static_keys();
  o.session_token_file = home.path() + "/no-token";
  auto token = resolve(o);
  ASSERT_FALSE(token.ok());
  EXPECT_TRUE(contains(token.error().message, "session token file")) << token.error().message;
}

TEST_F(CredentialOptionsTest, BadExpirationNamesTheFlag) {
  auto o = static_keys();
  o.expiration = "tomorrow";
  auto r = resolve(o);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "--expiration 'tomorrow'")) << r.error().message;
}

// Without --access-key-id these flags used to be ignored, and the check then ran
// on whatever the default chain found: the wrong credentials, silently.
TEST_F(CredentialOptionsTest, SecretTokenOrExpiryWithoutKeyIdIsAnError) {
  env.set("AWS_ACCESS_KEY_ID", "AKIAOTHERKEY00000001");
  env.set("AWS_SECRET_ACCESS_KEY", "someOtherSecretFromTheEnvironment000000");
  CredentialOptions secret;
  secret.secret_access_key_file = home.write("secret", kSecret);
  CredentialOptions token;
  token.session_token_file = home.write("token", kToken);
  CredentialOptions expiry;
  expiry.expiration = "2030-01-01T00:00:00Z";
  CredentialOptions pasted_and_token;
  pasted_and_token.credentials_stdin = true;
  pasted_and_token.session_token_file = token.session_token_file;
  for (auto [o, flag] : {std::pair{secret, "--secret-access-key-file"}, std::pair{token, "--session-token-file"},
                         std::pair{expiry, "--expiration"}, std::pair{pasted_and_token, "--session-token-file"}}) {
    auto r = resolve(o, bash_paste());
    ASSERT_FALSE(r.ok()) << flag;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
    EXPECT_TRUE(contains(r.error().message, flag)) << r.error().message;
    EXPECT_TRUE(contains(r.error().message, "--access-key-id")) << r.error().message;
  }
}

TEST_F(CredentialOptionsTest, PasteOfBashExportLines) {
  CredentialOptions o;
  o.credentials_stdin = true;
  auto c = credentials(o, bash_paste());
  EXPECT_EQ(c.access_key_id, kTempKeyId);
  EXPECT_TRUE(c.secret_access_key.reveal() == kSecret);
  EXPECT_TRUE(c.session_token.reveal() == kToken);
  EXPECT_EQ(c.source, "pasted on stdin");
}

TEST_F(CredentialOptionsTest, PasteOfGetSessionTokenJson) {
  CredentialOptions o;
  o.credentials_stdin = true;
  auto c = credentials(o, sts_json("2030-01-01T00:00:00+00:00"));
  EXPECT_EQ(c.access_key_id, kTempKeyId);
  EXPECT_TRUE(c.session_token.reveal() == kToken);
  ASSERT_TRUE(c.expiration.has_value());
  EXPECT_EQ(*c.expiration, Clock::time_point(std::chrono::seconds(1893456000)));
}

TEST_F(CredentialOptionsTest, PasteAlreadyExpiredSaysSo) {
  CredentialOptions o;
  o.credentials_stdin = true;
  auto r = resolve(o, sts_json("2020-01-01T00:00:00Z"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kExpiredToken);
}

TEST_F(CredentialOptionsTest, PasteErrorsDoNotEchoTheSecret) {
  CredentialOptions o;
  o.credentials_stdin = true;
  auto r = resolve(o, "export AWS_SECRET_ACCESS_KEY=\"" + std::string(kSecret) + "\"\n");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "AWS_ACCESS_KEY_ID")) << "names what is missing";
  EXPECT_FALSE(contains(r.error().describe(), std::string_view(kSecret).substr(0, 16))) << "secret in the error";
}

TEST_F(CredentialOptionsTest, PasteFromFile) {
  CredentialOptions o;
  o.credentials_file = home.write("portal.txt", bash_paste());
  auto c = credentials(o);
  EXPECT_EQ(c.access_key_id, kTempKeyId);
  EXPECT_TRUE(contains(c.source, "portal.txt")) << c.source;
}

// ---- the access key .csv the IAM console downloads (issue 11)

constexpr const char* kKeyId2 = "AKIAEXAMPLE000000077";
constexpr const char* kSecret2 = "sEcOnDsEcReT1+aBcDeFgHiJkLmNoPqRsTuVwXy";
constexpr const char* kPassword = "Pa55,word\"Console!";

// Today's IAM console: <user>_accessKeys.csv, with a BOM and CRLF as Windows tools save it.
std::string access_keys_csv() {
  return "\xEF\xBB\xBF" "Access key ID,Secret access key\r\n" + std::string(kKeyId) + "," + kSecret + "\r\n";
}

// The older user wizard's credentials.csv: one row per user created, quoted fields,
// a console password (with a comma and a quote inside), a console-only user.
std::string user_credentials_csv(bool second_key) {
  return "User name,Password,Access key ID,Secret access key,Console login link\n"
         "\"auditor\",\"Pa55,word\"\"Console!\"," + std::string(kKeyId) + "," + kSecret +
         ",https://111122223333.signin.aws.amazon.com/console\n"
         "console-only,,,,https://111122223333.signin.aws.amazon.com/console\n" +
         (second_key ? "robot,," + std::string(kKeyId2) + "," + kSecret2 + ",\n" : std::string());
}

TEST_F(CredentialOptionsTest, CsvOfTodaysConsoleDownload) {
  CredentialOptions o;
  o.credentials_file = home.write("auditor_accessKeys.csv", access_keys_csv());
  auto c = credentials(o);
  EXPECT_EQ(c.access_key_id, kKeyId);
  EXPECT_TRUE(c.secret_access_key.reveal() == kSecret);
  EXPECT_FALSE(c.temporary()) << "long-term keys: no session token";
  EXPECT_FALSE(c.expiration.has_value()) << "long-term keys: no expiry";
  EXPECT_TRUE(contains(c.source, "auditor_accessKeys.csv, line 2")) << c.source;
  EXPECT_EQ(region(o), "us-east-1");
}

TEST_F(CredentialOptionsTest, CsvOfTheOlderUserCredentialsFile) {
  CredentialOptions o;
  o.credentials_file = home.write("credentials.csv", user_credentials_csv(false));
  auto c = credentials(o);
  EXPECT_EQ(c.access_key_id, kKeyId);
  EXPECT_TRUE(c.secret_access_key.reveal() == kSecret) << "quoted password with comma and quote skipped";
  EXPECT_FALSE(c.temporary());

  // Quoted header and values, LF only, columns in another order, blank lines around.
  o.credentials_file = home.write("quoted.csv", "\n\"Secret access key\",\"Access Key Id\"\n\"" + std::string(kSecret) +
                                                    "\",\"" + kKeyId + "\"\n\n");
  EXPECT_TRUE(credentials(o).secret_access_key.reveal() == kSecret);
}

TEST_F(CredentialOptionsTest, CsvOnStdinAndWithoutTheCsvName) {
  CredentialOptions o;
  o.credentials_stdin = true;
  auto c = credentials(o, access_keys_csv());
  EXPECT_EQ(c.access_key_id, kKeyId);
  EXPECT_TRUE(contains(c.source, "CSV on stdin")) << c.source;
  CredentialOptions f;
  f.credentials_file = home.write("keys.txt", access_keys_csv());
  EXPECT_EQ(credentials(f).access_key_id, kKeyId) << "recognised by its header, whatever the file's name";
}

// Several keys: none is taken silently (it could be another user's account); the error
// lists the key ids and users, and --access-key-id beside the file picks one.
TEST_F(CredentialOptionsTest, CsvWithSeveralKeysAsksWhichOne) {
  CredentialOptions o;
  o.credentials_file = home.write("credentials.csv", user_credentials_csv(true));
  auto r = resolve(o);
  ASSERT_FALSE(r.ok());
  const std::string all = r.error().describe();
  EXPECT_TRUE(contains(all, "credentials.csv")) << all;
  EXPECT_TRUE(contains(all, "holds 2 access keys")) << all;
  EXPECT_TRUE(contains(all, std::string("line 2: ") + kKeyId + " (auditor)")) << all;
  EXPECT_TRUE(contains(all, std::string("line 4: ") + kKeyId2 + " (robot)")) << all;
  EXPECT_TRUE(contains(r.error().advice, "--access-key-id")) << r.error().advice;
  EXPECT_FALSE(contains(all, std::string_view(kSecret).substr(0, 16))) << "secret in the error";
  EXPECT_FALSE(contains(all, "Pa55")) << "password in the error";

  o.access_key_id = kKeyId2;
  auto c = credentials(o);
  EXPECT_EQ(c.access_key_id, kKeyId2);
  EXPECT_TRUE(c.secret_access_key.reveal() == kSecret2);
  EXPECT_TRUE(contains(c.source, "line 4")) << c.source;

  o.access_key_id = "AKIAEXAMPLE000000099";
  auto none = resolve(o);
  ASSERT_FALSE(none.ok());
  EXPECT_TRUE(contains(none.error().message, "no row with the access key id AKIAEXAMPLE000000099")) << none.error().message;

  // The file carries the secret: a secret file beside it would be ignored, so it is refused.
  o.access_key_id = kKeyId;
  o.secret_access_key_file = home.write("secret", kSecret2);
  auto both = resolve(o);
  ASSERT_FALSE(both.ok());
  EXPECT_TRUE(contains(both.error().message, "--secret-access-key-file cannot be combined with --credentials-file"))
      << both.error().message;

  // Beside a file that is not a .csv, --access-key-id is a second source.
  CredentialOptions paste;
  paste.credentials_file = home.write("portal.txt", bash_paste());
  paste.access_key_id = kKeyId;
  auto p = resolve(paste);
  ASSERT_FALSE(p.ok());
  EXPECT_TRUE(contains(p.error().message, "is not one")) << p.error().message;
}

TEST_F(CredentialOptionsTest, CsvErrorsNameTheFileAndNeverTheSecret) {
  struct Case {
    const char* name;
    std::string text;
    const char* says;
  } cases[] = {
      {"report.csv",
       "user,arn,user_creation_time,password_enabled,password_last_used,access_key_1_active\n"
       "auditor,arn:aws:iam::111122223333:user/auditor,2024-01-01T00:00:00+00:00,false,N/A,true\n",
       "is the IAM credential report"},
      {"findings.csv", "check_id,severity,status\ns3_public,high,FAIL\n",
       "no 'Access key ID' and 'Secret access key' columns; it has 'check_id', 'severity', 'status'"},
      {"half.csv", "Access key ID,Secret\n" + std::string(kKeyId) + "," + kSecret + "\n",
       "has no 'Secret access key' column"},
      {"empty-rows.csv", "Access key ID,Secret access key\n\n", "has the header but no row with an access key"},
      {"console.csv", "User name,Password,Access key ID,Secret access key,Console login link\nalice,Pa55word0000000000,,,x\n",
       "lists 1 user but no access key"},
      {"temporary.csv", "Access key ID,Secret access key\n" + std::string(kTempKeyId) + "," + kSecret + "\n",
       "is a temporary key (ASIA…)"},
      {"no-secret.csv", "Access key ID,Secret access key\n" + std::string(kKeyId) + ",\n", "line 2 has the Access key ID"},
      {"swapped.csv", "Access key ID,Secret access key\n" + std::string(kSecret) + "," + kKeyId + "\n",
       "characters, not all A-Z/0-9) on line 2"},
      {"bad-secret.csv", "Access key ID,Secret access key\n" + std::string(kKeyId) + "," + kSecret + "!!\n",
       "Secret access key on line 2 is not valid"},
      {"unclosed.csv", "Access key ID,Secret access key\n\"" + std::string(kKeyId) + "," + kSecret + "\n",
       "opens a quote on line 2 that is never closed"},
      {"extra.csv", "Access key ID,Secret access key\n" + std::string(kKeyId) + "," + kSecret + ",x\n",
       "line 2 has 3 values but the header has 2 columns"},
      {"conflict.csv",
       "Access key ID,Secret access key\n" + std::string(kKeyId) + "," + kSecret + "\n" + kKeyId + "," + kSecret2 + "\n",
       "lines 2 and 3 give the Access key ID"},
      {"blank.csv", "\n\n", "is empty"},
      {"headerless.csv", std::string(kKeyId) + "," + kSecret + "\n", "has no header: its first line (line 1)"},
      {"secret-first.csv", "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcd,x\n", "it has 'x'."},
  };
  for (const auto& k : cases) {
    CredentialOptions o;
    o.credentials_file = home.write(k.name, k.text);
    auto r = resolve(o);
    ASSERT_FALSE(r.ok()) << k.name;
    const std::string all = r.error().describe();
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput) << k.name;
    EXPECT_TRUE(contains(r.error().message, k.name)) << k.name << ": " << all;
    EXPECT_TRUE(contains(all, k.says)) << k.name << ": " << all;
    EXPECT_FALSE(r.error().advice.empty()) << k.name << ": says what to do";
    EXPECT_FALSE(contains(all, std::string_view(kSecret).substr(0, 16))) << k.name << ": secret in the error";
    EXPECT_FALSE(contains(all, std::string_view(kSecret2).substr(0, 16))) << k.name << ": secret in the error";
    EXPECT_FALSE(contains(all, "Pa55word")) << k.name << ": password in the error";
  }
  // A duplicated row (the same key and secret twice) is one key, not a choice.
  CredentialOptions dup;
  dup.credentials_file = home.write("dup.csv", access_keys_csv() + kKeyId + "," + kSecret + "\r\n");
  EXPECT_EQ(credentials(dup).access_key_id, kKeyId);

  // Over 64 KiB: refused before it is read whole, naming the file.
  CredentialOptions big;
  big.credentials_file = home.write("big.csv", access_keys_csv() + std::string(70 * 1024, '\n'));
  auto b = resolve(big);
  ASSERT_FALSE(b.ok());
  EXPECT_TRUE(contains(b.error().message, "big.csv")) << b.error().message;
  EXPECT_TRUE(contains(b.error().message, "64 KiB")) << b.error().message;
}

// A portal paste saved in a file: its errors say which file.
TEST_F(CredentialOptionsTest, PasteFileErrorsNameTheFile) {
  CredentialOptions o;
  o.credentials_file = home.write("portal.txt", "export AWS_SECRET_ACCESS_KEY=\"" + std::string(kSecret) + "\"\n");
  auto r = resolve(o);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "In the file '")) << r.error().message;
  EXPECT_TRUE(contains(r.error().message, "portal.txt")) << r.error().message;
  EXPECT_FALSE(contains(r.error().describe(), std::string_view(kSecret).substr(0, 16)));
}

TEST_F(CredentialOptionsTest, OneSourceOfCredentialsAtATime) {
  auto keys_and_paste = static_keys();
  keys_and_paste.credentials_stdin = true;
  auto r = resolve(keys_and_paste, bash_paste());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(contains(r.error().message, "one way")) << r.error().message;

  auto keys_and_profile = static_keys();
  keys_and_profile.profile = "dev";
  auto p = resolve(keys_and_profile);
  ASSERT_FALSE(p.ok());
  EXPECT_TRUE(contains(p.error().message, "--profile")) << p.error().message;
}

TEST_F(CredentialOptionsTest, ProfileFromSharedCredentialsFile) {
  home.write(".aws/credentials", "[dev]\naws_access_key_id = " + std::string(kKeyId) +
                                     "\naws_secret_access_key = " + kSecret + "\n");
  CredentialOptions o;
  o.profile = "dev";
  auto c = credentials(o);
  EXPECT_EQ(c.access_key_id, kKeyId);
  EXPECT_TRUE(c.secret_access_key.reveal() == kSecret);
  EXPECT_TRUE(contains(c.source, "dev")) << c.source;

  o.profile = "prod";
  auto missing = resolve(o);
  bool failed = !missing.ok() || !missing->provider->get().ok();
  EXPECT_TRUE(failed) << "an unknown profile must not fall back to other credentials";
}

TEST_F(CredentialOptionsTest, DefaultChainTakesTheEnvironment) {
  env.set("AWS_ACCESS_KEY_ID", kKeyId);
  env.set("AWS_SECRET_ACCESS_KEY", kSecret);
  auto c = credentials(CredentialOptions{});
  EXPECT_EQ(c.access_key_id, kKeyId);
}

// Region: --region > the paste's > AWS_REGION > AWS_DEFAULT_REGION > the profile's > us-east-1.
TEST_F(CredentialOptionsTest, RegionPrecedence) {
  home.write(".aws/config", "[default]\nregion = eu-central-1\n[profile dev]\nregion = ap-southeast-2\n");
  home.write(".aws/credentials", "[default]\naws_access_key_id = " + std::string(kKeyId) +
                                     "\naws_secret_access_key = " + kSecret + "\n[dev]\naws_access_key_id = " +
                                     kKeyId + "\naws_secret_access_key = " + kSecret + "\n");
  CredentialOptions chain;
  EXPECT_EQ(region(chain), "eu-central-1");
  CredentialOptions dev;
  dev.profile = "dev";
  EXPECT_EQ(region(dev), "ap-southeast-2");
  env.set("AWS_PROFILE", "dev");
  EXPECT_EQ(region(chain), "ap-southeast-2");
  env.unset("AWS_PROFILE");
  env.set("AWS_DEFAULT_PROFILE", "dev");
  EXPECT_EQ(region(chain), "ap-southeast-2") << "the region of the profile the credentials come from";

  env.set("AWS_DEFAULT_REGION", "us-west-1");
  EXPECT_EQ(region(dev), "us-west-1");
  env.set("AWS_REGION", "us-west-2");
  EXPECT_EQ(region(dev), "us-west-2");

  CredentialOptions pasted;
  pasted.credentials_stdin = true;
  EXPECT_EQ(region(pasted, bash_paste("export AWS_REGION=\"sa-east-1\"\n")), "sa-east-1");
  pasted.region = "ca-central-1";
  EXPECT_EQ(region(pasted, bash_paste("export AWS_REGION=\"sa-east-1\"\n")), "ca-central-1");
  dev.region = "ca-central-1";
  EXPECT_EQ(region(dev), "ca-central-1");
}

TEST_F(CredentialOptionsTest, RegionDefaultsToUsEast1) {
  EXPECT_EQ(region(static_keys()), "us-east-1");
  CredentialOptions pasted;
  pasted.credentials_stdin = true;
  EXPECT_EQ(region(pasted, bash_paste()), "us-east-1");
}

// Explicit credentials are not the profile's, so the profile's region is not theirs either.
TEST_F(CredentialOptionsTest, ExplicitCredentialsIgnoreTheProfilesRegion) {
  home.write(".aws/config", "[default]\nregion = eu-central-1\n");
  EXPECT_EQ(region(static_keys()), "us-east-1");
  env.set("AWS_DEFAULT_REGION", "us-west-1");
  EXPECT_EQ(region(static_keys()), "us-west-1");
}

}  // namespace
}  // namespace cloudpeek::cli
