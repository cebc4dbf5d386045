// `cloudpeek scan` and `cloudpeek checks`, the real binary, against fakeaws
// (scenarios/basic.json): exit codes, --fail-on, the findings file, the
// credentials diagnosis, and the checks catalogue as JSON.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "tests/cli/cloudpeek_cli.h"
#include "tests/integration/fakeaws_process.h"

namespace cloudpeek::testing {
namespace {

using json = nlohmann::json;

// scenarios/basic.json's alice (fake secret).
const std::vector<std::string> kAliceEnv = {"AWS_ACCESS_KEY_ID=AKIAFAKEALICE0000001",
                                            "AWS_SECRET_ACCESS_KEY=fakeSecretAlice/0000000000000000000000001",
                                            "AWS_REGION=us-east-1", "NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1"};

std::string shown(const ProcessResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

int severity_rank(const std::string& s) {
  for (int i = 0; const char* name : {"informational", "low", "medium", "high", "critical"}) {
    if (s == name) return i;
    ++i;
  }
  return -1;
}

class ScanProcess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = std::make_unique<FakeAws>(); }
  static void TearDownTestSuite() { fake_.reset(); }
  void SetUp() override { fake_->reset(); }

  ProcessResult run(std::vector<std::string> args, std::vector<std::string> env = kAliceEnv) {
    auto r = cli.run(args, "", env);
    EXPECT_FALSE(r.timed_out) << shown(r);
    return r;
  }
  // A scan of EC2 instances in us-east-1, whose metadata options basic.json sets
  // both ways (HttpTokens required and optional).
  std::vector<std::string> imds_scan(std::vector<std::string> extra = {}) {
    std::vector<std::string> a = {"scan", "--regions", "us-east-1", "--checks", "ec2_instance_imdsv2_enabled",
                                  "--output-dir", out_dir()};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
  std::string out_dir() const { return cli.home() + "/out"; }
  std::vector<json> findings() const {
    std::ifstream in(out_dir() + "/findings.json");
    std::vector<json> out;
    for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
    return out;
  }

  static std::unique_ptr<FakeAws> fake_;
  CloudpeekCli cli{fake_->url()};
};

std::unique_ptr<FakeAws> ScanProcess::fake_;

TEST_F(ScanProcess, WritesFindingsAndSummary) {
  auto r = run(imds_scan());
  ASSERT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_NE(r.out.find("Findings by severity"), std::string::npos) << shown(r);
  EXPECT_NE(r.err.find("Scanning account 111122223333"), std::string::npos) << shown(r);
  auto f = findings();
  size_t fails = 0, passes = 0;
  for (const auto& x : f) {
    EXPECT_EQ(x["check_id"], "ec2_instance_imdsv2_enabled");
    fails += x["status"] == "FAIL";
    passes += x["status"] == "PASS";
  }
  EXPECT_GE(fails, 1u) << shown(r);
  EXPECT_GE(passes, 1u) << shown(r);
  // Progress lines, not a bar: stderr is not a terminal.
  EXPECT_EQ(r.err.find("\x1b["), std::string::npos);
}

TEST_F(ScanProcess, FailOnSetsExitCodeThree) {
  auto r = run(imds_scan({"--fail-on", "informational"}));
  EXPECT_EQ(r.exit_code, 3) << shown(r);
  EXPECT_NE(r.err.find("--fail-on informational"), std::string::npos);

  // A threshold above every FAIL's severity passes.
  int worst = -1;
  for (const auto& x : findings())
    if (x["status"] == "FAIL") worst = std::max(worst, severity_rank(x["severity"]));
  ASSERT_GE(worst, 0);
  if (worst < 4) {
    const char* above[] = {"low", "medium", "high", "critical"};
    auto ok = run(imds_scan({"--fail-on", above[worst]}));
    EXPECT_EQ(ok.exit_code, 0) << shown(ok);
  }
  auto at = run(imds_scan({"--fail-on", findings().empty() ? "low" : std::string(
      std::array{"informational", "low", "medium", "high", "critical"}[worst])}));
  EXPECT_EQ(at.exit_code, 3) << shown(at);
}

TEST_F(ScanProcess, UsageErrorsExitOneBeforeAnyCall) {
  auto r = run({"scan", "--checks", "no_such_check"});
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_NE(r.err.find("no_such_check"), std::string::npos);
  EXPECT_EQ(run({"scan", "--fail-on", "severe"}).exit_code, 1);
  EXPECT_EQ(run({"scan", "--compliance", "pci"}).exit_code, 1);
  EXPECT_EQ(run({"scan", "--no-such-flag"}).exit_code, 1);
  EXPECT_EQ(json::parse(fake_->requests())["requests"].size(), 0u);
}

TEST_F(ScanProcess, BadCredentialsGetTheAuthCheckDiagnosis) {
  auto env = kAliceEnv;
  env[1] = "AWS_SECRET_ACCESS_KEY=fakeSecretAlice/0000000000000000000000009";
  auto r = run(imds_scan(), env);
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_NE(r.err.find("SignatureDoesNotMatch"), std::string::npos) << shown(r);
  EXPECT_EQ(r.err.find("0000000000000000000000009"), std::string::npos);  // never the secret
}

// Issue 8: a scan that could read almost nothing reported "succeeded". The
// exit code and stderr now tell: 4 partial (with the share assessed and the
// causes), 2 when nothing could be assessed.
TEST_F(ScanProcess, OutcomeIsPartialOrFailedWhenCallsFail) {
  fake_->set_faults(R"({"deny": ["s3:GetBucketPolicy"]})");
  auto partial = run({"scan", "--services", "s3", "--regions", "us-east-1", "--output-dir", out_dir()});
  EXPECT_EQ(partial.exit_code, 4) << shown(partial);
  EXPECT_TRUE(std::regex_search(partial.err, std::regex(R"(Scan partial: \d+\.\d% of check results assessed; \d+ AWS calls? failed \(.*access_denied \d+.*\))")))
      << shown(partial);
  // Findings still written, FAILs kept.
  size_t fails = 0;
  for (const auto& f : findings()) fails += f["status"] == "FAIL";
  EXPECT_GT(fails, 0u);

  fake_->set_faults(R"({"deny": ["ec2:DescribeInstances"]})");
  auto failed = run(imds_scan());
  EXPECT_EQ(failed.exit_code, 2) << shown(failed);
  EXPECT_NE(failed.err.find("Scan failed: nothing could be assessed; 1 AWS call failed (access_denied 1)"),
            std::string::npos)
      << shown(failed);
  // --fail-on still says 3 when FAILs reach it, whatever else was lost.
  fake_->set_faults(R"({"deny": ["s3:GetBucketPolicy"]})");
  auto both = run({"scan", "--services", "s3", "--regions", "us-east-1", "--fail-on", "informational"});
  EXPECT_EQ(both.exit_code, 3) << shown(both);
}

TEST_F(ScanProcess, ExplicitDisabledRegionIsAGapNotACall) {
  auto r = run({"scan", "--regions", "us-east-1,ap-east-1", "--checks", "ec2_instance_imdsv2_enabled"});
  ASSERT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_NE(r.out.find("region ap-east-1 not enabled"), std::string::npos) << shown(r);
  for (const auto& req : json::parse(fake_->requests())["requests"]) EXPECT_NE(req.value("region", ""), "ap-east-1");
}

// Issue 8: a bucket policy nested 100,000 levels deep (accepted by
// S3-compatible endpoints) crashed `cloudpeek scan --services s3` with a stack
// overflow. The scan must finish, and the checks that read that policy say
// NOT_ASSESSED with the reason, never PASS.
TEST(ScanHostileData, DeeplyNestedBucketPolicyIsMissingNotACrash) {
  json scenario;
  {
    std::ifstream in(FakeAws::default_scenario());
    scenario = json::parse(in);
  }
  const int depth = 100000;
  std::string deep = "{\"Version\": \"2012-10-17\", \"Statement\": " + std::string(depth, '[') +
                     std::string(depth, ']') + "}";
  bool planted = false;
  for (auto& c : scenario["accounts"]["111122223333"]["services"]["s3"]["*"]["GetBucketPolicy"]["cases"])
    if (c["input"]["Bucket"] == "cloudpeek-public") c["output"]["Policy"] = deep, planted = true;
  ASSERT_TRUE(planted) << "basic.json no longer has cloudpeek-public's policy where this test plants it";
  std::string dir = ::testing::TempDir() + "/deep-policy";
  std::filesystem::create_directories(dir);
  std::string path = dir + "/scenario.json";
  std::ofstream(path) << scenario.dump();
  FakeAws fake(path);
  CloudpeekCli cli(fake.url());
  std::string out = cli.home() + "/out";
  auto r = cli.run({"scan", "--services", "s3", "--regions", "us-east-1", "--output-dir", out}, "", kAliceEnv);
  ASSERT_FALSE(r.timed_out) << shown(r);
  ASSERT_EQ(r.exit_code, 4) << "partial: that one policy could not be read\n" << shown(r);
  EXPECT_NE(r.out.find("nested deeper than 32 levels"), std::string::npos) << shown(r);  // the coverage gap
  std::ifstream in(out + "/findings.json");
  int public_policy_results = 0;
  for (std::string line; std::getline(in, line);) {
    json f = json::parse(line);
    if (f.value("resource_name", "") != "cloudpeek-public" ||
        (f["check_id"] != "s3_bucket_public_read_prohibited" && f["check_id"] != "s3_bucket_secure_transport_policy"))
      continue;
    ++public_policy_results;
    EXPECT_EQ(f["status"], "NOT_ASSESSED") << line;
    if (f["check_id"] == "s3_bucket_secure_transport_policy")
      EXPECT_NE(f.value("detail", "").find("bucket policy of cloudpeek-public is nested deeper than 32 levels"),
                std::string::npos)
          << line;
  }
  EXPECT_EQ(public_policy_results, 2) << shown(r);
}

TEST_F(ScanProcess, ChecksListAndShowAsJson) {
  auto r = run({"checks", "list", "--output", "json"}, {});
  ASSERT_EQ(r.exit_code, 0) << shown(r);
  json all = json::parse(r.out);
  ASSERT_TRUE(all.is_array());
  ASSERT_FALSE(all.empty());
  for (const auto& c : all) {
    EXPECT_FALSE(c.value("id", "").empty());
    EXPECT_GE(severity_rank(c.value("severity", "")), 0) << c["id"];
    EXPECT_TRUE(c.contains("remediation") && c["remediation"].contains("terraform")) << c["id"];
  }

  auto cis = run({"checks", "list", "--output", "json", "--compliance", "cis-3.0"}, {});
  ASSERT_EQ(cis.exit_code, 0);
  json cis_list = json::parse(cis.out);
  EXPECT_LE(cis_list.size(), all.size());
  for (const auto& c : cis_list) EXPECT_FALSE(c["compliance"]["cis-3.0"].empty()) << c["id"];

  auto ec2 = run({"checks", "list", "--output", "json", "--service", "ec2"}, {});
  for (const auto& c : json::parse(ec2.out)) EXPECT_EQ(c["service"], "ec2");

  std::string id = all[0]["id"];
  auto show = run({"checks", "show", id, "--output", "json"}, {});
  ASSERT_EQ(show.exit_code, 0) << shown(show);
  EXPECT_EQ(json::parse(show.out), all[0]);
  auto text = run({"checks", "show", id}, {});
  EXPECT_NE(text.out.find("Remediation"), std::string::npos);
  EXPECT_EQ(run({"checks", "show", "no_such_check"}, {}).exit_code, 1);
}


// Issue 11 §3: `cloudpeek scan --sso-start-url/--sso-region/--sso-account/--sso-role`
// through fakeaws's access portal, with the sign-in the AWS CLI cached
// (~/.aws/sso/cache): GetRoleCredentials for that permission set's role, then
// the scan signed with the role's keys — no key in the environment, no
// question asked, and neither the portal token nor the role's keys printed.
std::string iso_in(std::chrono::seconds from_now) {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + from_now);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

const std::vector<std::string> kNoKeysEnv = {"AWS_REGION=us-east-1", "NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1"};

std::vector<std::string> sso_flags(const std::string& role = "SecurityAuditor") {
  return {"--sso-start-url", "https://d-1234567890.awsapps.com/start/#/", "--sso-region", "us-east-1",
          "--sso-account", "111122223333", "--sso-role", role};
}

void cache_sso_token(const CloudpeekCli& cli, const std::string& token) {
  cli.write_file(".aws/sso/cache/my-sso.json",
                 json{{"startUrl", "https://d-1234567890.awsapps.com/start"}, {"region", "us-east-1"},
                      {"accessToken", token}, {"expiresAt", iso_in(std::chrono::hours(4))}, {"clientId", "cid"}}
                     .dump());
}

TEST_F(ScanProcess, SsoOptionsScanWithThePermissionSetsRoleFromTheAwsCliSignIn) {
  cache_sso_token(cli, "fakeSsoAccessToken-valid");
  auto args = imds_scan(sso_flags());
  auto r = run(args, kNoKeysEnv);
  ASSERT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_NE(r.err.find("Using the IAM Identity Center sign-in cached in"), std::string::npos) << shown(r);
  EXPECT_NE(r.err.find("Scanning account 111122223333"), std::string::npos) << shown(r);
  EXPECT_FALSE(findings().empty()) << shown(r);
  EXPECT_EQ(r.err.find("fakeSsoAccessToken"), std::string::npos) << "the portal token was printed";
  EXPECT_EQ(r.out.find("fakeSsoAccessToken"), std::string::npos) << "the portal token was printed";

  // One GetRoleCredentials at the portal; the EC2 calls signed with the keys it gave (ASIA…).
  json requests = json::parse(fake_->requests())["requests"];
  int role_calls = 0, ec2_calls = 0;
  std::string role_key;
  for (const auto& q : requests) {
    if (q.value("action", "") == "GetRoleCredentials") ++role_calls;
    if (q.value("service", "") == "ec2") {
      ++ec2_calls;
      role_key = q.value("access_key_id", "");
    }
  }
  EXPECT_EQ(role_calls, 1) << requests.dump();
  EXPECT_GT(ec2_calls, 0) << requests.dump();
  EXPECT_EQ(role_key.rfind("ASIA", 0), 0u) << role_key;
  EXPECT_EQ(r.err.find(role_key), std::string::npos) << "the role's key id was printed";
}

TEST_F(ScanProcess, SsoOptionsWithAnEndedSignInOrAnUnassignedRoleSayWhatToDoAndCallNothingElse) {
  // The portal no longer honours the cached token (signed out, session ended at AWS).
  cache_sso_token(cli, "fakeSsoAccessToken-expired");
  auto ended = run(imds_scan(sso_flags()), kNoKeysEnv);
  EXPECT_NE(ended.exit_code, 0) << shown(ended);
  EXPECT_NE(ended.err.find("sign in"), std::string::npos) << shown(ended);
  EXPECT_EQ(ended.err.find("fakeSsoAccessToken"), std::string::npos) << shown(ended);

  // A role the user is not assigned in that account: the portal's ForbiddenException, named.
  fake_->reset();
  cache_sso_token(cli, "fakeSsoAccessToken-valid");
  auto forbidden = run(imds_scan(sso_flags("AdministratorAccess")), kNoKeysEnv);
  EXPECT_NE(forbidden.exit_code, 0) << shown(forbidden);
  EXPECT_NE(forbidden.err.find("AdministratorAccess"), std::string::npos) << shown(forbidden);
  for (const auto& q : json::parse(fake_->requests())["requests"])
    EXPECT_NE(q.value("service", ""), "ec2") << "scanned without credentials: " << q.dump();
}

}  // namespace
}  // namespace cloudpeek::testing
