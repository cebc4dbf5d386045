// The paste parser over every format people paste, and its errors. Secrets
// are checked with EXPECT_TRUE(... == ...) so a failure never prints them.
#include "aws/credentials/paste.h"

#include <gtest/gtest.h>

#include "aws/core/time_format.h"

namespace cloudpeek {
namespace {

const std::string kKey = "ASIAFAKEKEY0000TEST";
const std::string kLongKey = "AKIAFAKEKEY0000TEST";
const std::string kSecret = "fakeSecret/fakeSecret+fakeSecret0000TEST";
const std::string kToken = "FakeSessionToken//FakeSessionToken+FakeSessionToken==";
const Clock::time_point kNow = *parse_iso8601("2026-01-01T00:00:00Z");

void expect_full(const Result<PastedCredentials>& r, const std::string& key = kKey) {
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->access_key_id, key);
  EXPECT_TRUE(r->secret_access_key.reveal() == kSecret);
  if (key == kKey) EXPECT_TRUE(r->session_token.reveal() == kToken);
}

void expect_no_secret(const Error& e) {
  EXPECT_EQ(e.describe().find(kSecret), std::string::npos);
  EXPECT_EQ(e.describe().find(kToken), std::string::npos);
}

TEST(Paste, BashExportAllQuoteStyles) {
  for (std::string q : {"\"", "'", ""}) {
    std::string text = "export AWS_ACCESS_KEY_ID=" + q + kKey + q + "\nexport AWS_SECRET_ACCESS_KEY=" + q + kSecret +
                       q + "\nexport AWS_SESSION_TOKEN=" + q + kToken + q + "\n";
    auto r = parse_pasted_credentials(text, kNow);
    expect_full(r);
    if (r.ok()) EXPECT_EQ(r->format, "bash");
  }
}

TEST(Paste, CrlfBlankLinesCommentsAndSurroundingText) {
  std::string text = "Option 1: Set AWS environment variables\r\n\r\n# copied\r\nexport AWS_ACCESS_KEY_ID=\"" + kKey +
                     "\"\r\nexport AWS_SECRET_ACCESS_KEY=\"" + kSecret + "\"\r\n\r\nexport AWS_SESSION_TOKEN=\"" +
                     kToken + "\"\r\nexport AWS_REGION=eu-west-1 # home\r\nthanks!\r\n";
  auto r = parse_pasted_credentials(text, kNow);
  expect_full(r);
  if (r.ok()) EXPECT_EQ(r->region, "eu-west-1");
}

TEST(Paste, PowerShell) {
  std::string text = "$Env:AWS_ACCESS_KEY_ID=\"" + kKey + "\"\n$env:AWS_SECRET_ACCESS_KEY = \"" + kSecret +
                     "\"\n$ENV:AWS_SESSION_TOKEN=\"" + kToken + "\"\n";
  auto r = parse_pasted_credentials(text, kNow);
  expect_full(r);
  if (r.ok()) EXPECT_EQ(r->format, "powershell");
}

TEST(Paste, WindowsSet) {
  std::string text = "set AWS_ACCESS_KEY_ID=" + kKey + "\r\nSET AWS_SECRET_ACCESS_KEY=" + kSecret +
                     "\r\nset \"AWS_SESSION_TOKEN=" + kToken + "\"\r\n";
  auto r = parse_pasted_credentials(text, kNow);
  expect_full(r);
  if (r.ok()) EXPECT_EQ(r->format, "windows");
}

TEST(Paste, CredentialsFileBlock) {
  std::string text = "[123456789012_AdministratorAccess]\naws_access_key_id=" + kKey +
                     "\naws_secret_access_key = " + kSecret + "\naws_session_token=" + kToken + "\n";
  auto r = parse_pasted_credentials(text, kNow);
  expect_full(r);
  if (r.ok()) EXPECT_EQ(r->format, "credentials file");
}

TEST(Paste, StsJsonWithExpiration) {
  std::string text = "$ aws sts get-session-token\n{\n  \"Credentials\": {\n    \"AccessKeyId\": \"" + kKey +
                     "\",\n    \"SecretAccessKey\": \"" + kSecret + "\",\n    \"SessionToken\": \"" + kToken +
                     "\",\n    \"Expiration\": \"2026-01-01T12:00:00+00:00\"\n  },\n  \"AssumedRoleUser\": {}\n}\n";
  auto r = parse_pasted_credentials(text, kNow);
  expect_full(r);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->expiration.has_value());
  EXPECT_EQ(format_iso8601(*r->expiration), "2026-01-01T12:00:00Z");
  EXPECT_EQ(r->format, "json");
}

TEST(Paste, ExportCredentialsJson) {
  std::string text = "{\"Version\": 1, \"AccessKeyId\": \"" + kKey + "\", \"SecretAccessKey\": \"" + kSecret +
                     "\", \"SessionToken\": \"" + kToken + "\", \"Expiration\": \"2026-01-01T01:00:00Z\"}";
  auto r = parse_pasted_credentials(text, kNow);
  expect_full(r);
  ASSERT_TRUE(r.ok() && r->expiration);
  EXPECT_EQ(*r->expiration - kNow, std::chrono::hours(1));
}

TEST(Paste, LongTermKeysWithoutToken) {
  auto r = parse_pasted_credentials("AWS_ACCESS_KEY_ID=" + kLongKey + "\nAWS_SECRET_ACCESS_KEY=" + kSecret, kNow);
  expect_full(r, kLongKey);
  if (r.ok()) EXPECT_TRUE(r->session_token.empty());
}

TEST(Paste, MissingSecretNamed) {
  auto r = parse_pasted_credentials("export AWS_ACCESS_KEY_ID=" + kKey + "\nexport AWS_SESSION_TOKEN=" + kToken, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "Found AWS_ACCESS_KEY_ID and AWS_SESSION_TOKEN but no AWS_SECRET_ACCESS_KEY.");
  expect_no_secret(r.error());
}

TEST(Paste, NothingFound) {
  auto r = parse_pasted_credentials("hello world\n", kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(r.error().message.find("No AWS credentials"), std::string::npos);
}

TEST(Paste, BadKeyIdShownOnlyWhenItLooksLikeOne) {
  auto r = parse_pasted_credentials("AWS_ACCESS_KEY_ID=XYZ\nAWS_SECRET_ACCESS_KEY=" + kSecret, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'XYZ' is not 16-128"), std::string::npos) << r.error().message;
  // The secret pasted as the key id is never echoed.
  r = parse_pasted_credentials("AWS_ACCESS_KEY_ID=" + kSecret + "\nAWS_SECRET_ACCESS_KEY=" + kSecret, kNow);
  ASSERT_FALSE(r.ok());
  expect_no_secret(r.error());
}

TEST(Paste, TokenWithLongTermKey) {
  auto r = parse_pasted_credentials(
      "AWS_ACCESS_KEY_ID=" + kLongKey + "\nAWS_SECRET_ACCESS_KEY=" + kSecret + "\nAWS_SESSION_TOKEN=" + kToken, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("session token was pasted with the long-term"), std::string::npos);
  expect_no_secret(r.error());
}

TEST(Paste, TemporaryKeyWithoutToken) {
  auto r = parse_pasted_credentials("AWS_ACCESS_KEY_ID=" + kKey + "\nAWS_SECRET_ACCESS_KEY=" + kSecret, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("no AWS_SESSION_TOKEN"), std::string::npos);
}

TEST(Paste, ConflictingDuplicatesButSameValueTwiceIsFine) {
  std::string base = "export AWS_ACCESS_KEY_ID=" + kKey + "\nexport AWS_SECRET_ACCESS_KEY=" + kSecret +
                     "\nexport AWS_SESSION_TOKEN=" + kToken + "\n";
  expect_full(parse_pasted_credentials(base + "$Env:AWS_ACCESS_KEY_ID=\"" + kKey + "\"\n", kNow));
  auto r = parse_pasted_credentials(base + "export AWS_SECRET_ACCESS_KEY=otherFakeSecret0000000000000000000000000\n", kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("two different values for AWS_SECRET_ACCESS_KEY, on line 2 and line 4"),
            std::string::npos) << r.error().message;
  expect_no_secret(r.error());
  EXPECT_EQ(r.error().message.find("otherFakeSecret"), std::string::npos);
}

TEST(Paste, UnclosedQuoteAndSpaces) {
  auto r = parse_pasted_credentials("export AWS_SECRET_ACCESS_KEY=\"" + kSecret + "\nexport AWS_ACCESS_KEY_ID=" + kKey, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not closed"), std::string::npos);
  expect_no_secret(r.error());
}

TEST(Paste, ExpiredAndBadExpiration) {
  std::string base = "AWS_ACCESS_KEY_ID=" + kKey + "\nAWS_SECRET_ACCESS_KEY=" + kSecret + "\nAWS_SESSION_TOKEN=" + kToken;
  auto r = parse_pasted_credentials(base + "\nAWS_CREDENTIAL_EXPIRATION=2025-12-31T23:00:00Z", kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kExpiredToken);
  r = parse_pasted_credentials(base + "\nAWS_CREDENTIAL_EXPIRATION=tomorrow", kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'tomorrow' is not an ISO 8601"), std::string::npos);
}

TEST(Paste, BrokenJson) {
  auto r = parse_pasted_credentials("{\"Credentials\": {\"AccessKeyId\": \"" + kKey + "\", \"SecretAccessKey\": \"" +
                                        kSecret + "\" }", kNow);
  ASSERT_FALSE(r.ok());
  expect_no_secret(r.error());
}

TEST(Paste, ArbitraryBytesDoNotCrash) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) & 0xff));
  (void)parse_pasted_credentials(junk, kNow);
  (void)parse_pasted_credentials(std::string(10000, '{'), kNow);
  (void)parse_pasted_credentials(std::string("\0\0=\"", 4), kNow);
  (void)parse_pasted_credentials("", kNow);
  SUCCEED();
}

}  // namespace
}  // namespace cloudpeek
