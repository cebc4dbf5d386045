#include "aws/sigv4/signer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aws/core/encoding.h"
#include "aws/core/time_format.h"

namespace cloudpeek {
namespace {

namespace fs = std::filesystem;

const fs::path kSuiteDir = fs::path(CLOUDPEEK_SHARED_TESTDATA) / "sigv4";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The folders of the AWS suite, found when the test runs, not listed by hand.
std::vector<std::string> suite_cases() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(kSuiteDir, ec))
    if (e.is_directory() && fs::exists(e.path() / "context.json")) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// request.txt: "METHOD target HTTP/1.1", "Name:value" lines (a line starting
// with whitespace continues the previous value), a blank line, the body.
// Values and the target are kept raw so the signed request can be rebuilt byte
// for byte; the target is the path as it goes on the wire.
struct RawRequest {
  HttpRequest request;
  std::string target;
};

RawRequest parse_request(const std::string& text) {
  RawRequest raw;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  size_t sp1 = line.find(' ');
  size_t sp2 = line.rfind(' ');
  raw.request.method = line.substr(0, sp1);
  raw.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  while (std::getline(in, line) && !line.empty()) {
    if (line[0] == ' ' || line[0] == '\t') {
      raw.request.headers.back().second += '\n' + line;
    } else {
      size_t colon = line.find(':');
      raw.request.headers.emplace_back(line.substr(0, colon), line.substr(colon + 1));
    }
  }
  std::ostringstream body;
  body << in.rdbuf();
  raw.request.body = body.str();
  raw.request.url = "https://" + find_header(raw.request.headers, "Host").value() + raw.target;
  return raw;
}

std::string serialize(const HttpRequest& r) {
  size_t authority = r.url.find("://") + 3;
  std::string out = r.method + ' ' + r.url.substr(r.url.find_first_of("/?", authority)) + " HTTP/1.1\n";
  for (const auto& [k, v] : r.headers) out += k + ':' + v + '\n';
  return out + '\n' + r.body;
}

struct SuiteCase {
  RawRequest raw;
  SigningParams params;
  std::chrono::seconds expires{0};
};

SuiteCase load_case(const std::string& name) {
  fs::path dir = kSuiteDir / name;
  auto ctx = nlohmann::json::parse(read_file(dir / "context.json"));
  SuiteCase c;
  c.raw = parse_request(read_file(dir / "request.txt"));
  Credentials creds;
  creds.access_key_id = ctx["credentials"]["access_key_id"];
  creds.secret_access_key = Secret(ctx["credentials"]["secret_access_key"].get<std::string>());
  if (ctx["credentials"].contains("token")) creds.session_token = Secret(ctx["credentials"]["token"].get<std::string>());
  c.params = signing_params(creds, ctx["region"], ctx["service"], parse_iso8601(ctx["timestamp"].get<std::string>()).value());
  c.params.normalize_path = ctx.value("normalize", true);
  c.params.content_sha256_header = ctx.value("sign_body", false);
  c.params.omit_session_token = ctx.value("omit_session_token", false);
  c.expires = std::chrono::seconds(ctx["expiration_in_seconds"].get<int>());
  return c;
}

TEST(Sigv4Suite, AllCasesFound) {
  // An empty or moved test-data folder must fail loudly, not pass with zero cases.
  EXPECT_EQ(suite_cases().size(), 38u) << "looked in " << kSuiteDir;
}

class Sigv4SuiteCase : public ::testing::TestWithParam<std::string> {};

TEST_P(Sigv4SuiteCase, HeaderVariant) {
  fs::path dir = kSuiteDir / GetParam();
  SuiteCase c = load_case(GetParam());
  SigningResult r = sign_request(c.raw.request, c.params);
  EXPECT_EQ(r.canonical_request, read_file(dir / "header-canonical-request.txt"));
  EXPECT_EQ(r.string_to_sign, read_file(dir / "header-string-to-sign.txt"));
  EXPECT_EQ(r.signature, read_file(dir / "header-signature.txt"));
  EXPECT_EQ(serialize(c.raw.request), read_file(dir / "header-signed-request.txt"));
}

TEST_P(Sigv4SuiteCase, QueryVariant) {
  fs::path dir = kSuiteDir / GetParam();
  SuiteCase c = load_case(GetParam());
  // Presigning never adds the payload-hash header; sign_body is a header-variant flag.
  c.params.content_sha256_header = false;
  SigningResult r = presign_request(c.raw.request, c.params, c.expires);
  EXPECT_EQ(r.canonical_request, read_file(dir / "query-canonical-request.txt"));
  EXPECT_EQ(r.string_to_sign, read_file(dir / "query-string-to-sign.txt"));
  EXPECT_EQ(r.signature, read_file(dir / "query-signature.txt"));
  EXPECT_EQ(serialize(c.raw.request), read_file(dir / "query-signed-request.txt"));
}

INSTANTIATE_TEST_SUITE_P(Aws, Sigv4SuiteCase, ::testing::ValuesIn(suite_cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// --- behaviour beyond the suite ---

SigningParams params_for(std::string service, std::string token = "") {
  Credentials creds;
  creds.access_key_id = "AKIDEXAMPLE";
  creds.secret_access_key = Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  creds.session_token = Secret(std::move(token));
  return signing_params(creds, "us-east-1", std::move(service), parse_iso8601("2015-08-30T12:36:00Z").value());
}

TEST(Signer, SessionTokenIsSentAndSigned) {
  HttpRequest req{"POST", "https://sts.us-east-1.amazonaws.com/", {}, "Action=GetCallerIdentity&Version=2011-06-15"};
  SigningResult r = sign_request(req, params_for("sts", "TOKEN/with+chars=="));
  EXPECT_EQ(find_header(req.headers, "X-Amz-Security-Token"), "TOKEN/with+chars==");
  EXPECT_NE(r.canonical_request.find("x-amz-security-token:TOKEN/with+chars==\n"), std::string::npos);
  EXPECT_NE(find_header(req.headers, "Authorization")->find("SignedHeaders=host;x-amz-date;x-amz-security-token,"),
            std::string::npos);
}

TEST(Signer, NoTokenHeaderForLongTermKeys) {
  HttpRequest req{"GET", "https://iam.amazonaws.com/?Action=ListUsers", {}, ""};
  sign_request(req, params_for("iam"));
  EXPECT_FALSE(find_header(req.headers, "X-Amz-Security-Token"));
}

TEST(Signer, HostComesFromUrlWhenNoHeaderAndDefaultPortDropped) {
  HttpRequest a{"GET", "https://example.amazonaws.com:443/", {}, ""};
  HttpRequest b{"GET", "http://127.0.0.1:4566/", {}, ""};
  EXPECT_NE(sign_request(a, params_for("service")).canonical_request.find("host:example.amazonaws.com\n"),
            std::string::npos);
  EXPECT_NE(sign_request(b, params_for("service")).canonical_request.find("host:127.0.0.1:4566\n"),
            std::string::npos);
}

TEST(Signer, S3SignsPathAsSentWithPayloadHash) {
  HttpRequest req{"GET", "https://bucket.s3.amazonaws.com/a//b/../my%20key", {}, ""};
  SigningResult r = sign_request(req, params_for("s3"));
  EXPECT_TRUE(r.canonical_request.starts_with("GET\n/a//b/../my%20key\n"));
  EXPECT_EQ(find_header(req.headers, "x-amz-content-sha256"),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_NE(r.canonical_request.find("x-amz-content-sha256:e3b0"), std::string::npos);
}

TEST(Signer, OtherServicesEncodeThePathOnceMore) {
  // A label sent as %3A is signed as %253A: SigV4's double encoding outside S3.
  HttpRequest req{"GET", "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn%3Aaws/policy", {}, ""};
  SigningResult r = sign_request(req, params_for("lambda"));
  EXPECT_TRUE(r.canonical_request.starts_with("GET\n/2015-03-31/functions/arn%253Aaws/policy\n"));
}

TEST(Signer, CallerChosenPayloadHashIsKept) {
  HttpRequest req{"PUT", "https://bucket.s3.amazonaws.com/key", {{"x-amz-content-sha256", "UNSIGNED-PAYLOAD"}}, "x"};
  SigningResult r = sign_request(req, params_for("s3"));
  EXPECT_TRUE(r.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
}

TEST(Signer, ResigningReplacesPreviousAuthHeaders) {
  HttpRequest req{"GET", "https://sts.amazonaws.com/", {}, ""};
  SigningParams p = params_for("sts", "tok");
  SigningResult first = sign_request(req, p);
  p.time += std::chrono::minutes(5);
  SigningResult second = sign_request(req, p);
  EXPECT_EQ(first.canonical_request.find("authorization"), std::string::npos);
  EXPECT_EQ(second.canonical_request.find("authorization"), std::string::npos);
  EXPECT_NE(first.signature, second.signature);
  int auth = 0, date = 0;
  for (const auto& [k, v] : req.headers) auth += k == "Authorization", date += k == "X-Amz-Date";
  EXPECT_EQ(auth, 1);
  EXPECT_EQ(date, 1);
}

TEST(Signer, UserAgentIsNotSigned) {
  HttpRequest req{"GET", "https://sts.amazonaws.com/", {{"User-Agent", "cloudpeek/0.1"}}, ""};
  EXPECT_EQ(sign_request(req, params_for("sts")).canonical_request.find("user-agent"), std::string::npos);
}

TEST(Signer, SecretNeverInResult) {
  const std::string secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  for (bool presign : {false, true}) {
    HttpRequest req{"GET", "https://sts.amazonaws.com/?Action=GetCallerIdentity", {}, ""};
    SigningParams p = params_for("sts", "tok");
    SigningResult r = presign ? presign_request(req, p, std::chrono::seconds(60)) : sign_request(req, p);
    for (const std::string* s : {&r.canonical_request, &r.string_to_sign, &r.signature, &req.url}) {
      EXPECT_EQ(s->find(secret), std::string::npos);
      EXPECT_EQ(s->find(uri_encode(secret)), std::string::npos);
    }
    for (const auto& [k, v] : req.headers) EXPECT_EQ(v.find(secret), std::string::npos) << k;
  }
}

TEST(Signer, SessionTokenOnlyInCanonicalRequestAndRedactable) {
  HttpRequest req{"GET", "https://sts.amazonaws.com/", {}, ""};
  SigningParams p = params_for("sts", "SESSIONTOKENVALUE");
  SigningResult r = sign_request(req, p);
  EXPECT_EQ(r.string_to_sign.find("SESSIONTOKENVALUE"), std::string::npos);
  EXPECT_EQ(redact(r.canonical_request, p.secret_access_key, p.session_token).find("SESSIONTOKENVALUE"),
            std::string::npos);
}

TEST(Signer, PresignKeepsExistingQueryAndFragment) {
  HttpRequest req{"GET", "https://example.amazonaws.com/p?a=1#frag", {}, ""};
  presign_request(req, params_for("service"), std::chrono::seconds(60));
  EXPECT_TRUE(req.url.starts_with("https://example.amazonaws.com/p?a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&"));
  EXPECT_TRUE(req.url.ends_with("#frag"));
  EXPECT_NE(req.url.find("X-Amz-Expires=60&"), std::string::npos);
}

}  // namespace
}  // namespace cloudpeek
