// `cloudpeek scan --organization` and `cloudpeek organization accounts|template`
// as a user runs them, against fakeaws' organization scenario
// (tests/fakeaws/scenarios/organization.json: 21 accounts, sandbox-bob
// 222200000016 without the role, dev-data 222200000012 trusting another
// ExternalId, legacy-closed 222200000019 SUSPENDED).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "tests/cli/cloudpeek_cli.h"
#include "tests/integration/fakeaws_process.h"

namespace {

using json = nlohmann::json;
using cloudpeek::testing::CloudpeekCli;
using cloudpeek::testing::FakeAws;
using cloudpeek::testing::ProcessResult;

const std::vector<std::string> kOrgAdminEnv = {"AWS_ACCESS_KEY_ID=AKIAFAKEORGADMIN0001",
                                               "AWS_SECRET_ACCESS_KEY=fakeSecretOrgAdmin/000000000000000000000001",
                                               "AWS_REGION=us-east-1", "NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1"};
const std::vector<std::string> kLogReaderEnv = {"AWS_ACCESS_KEY_ID=AKIAFAKELOGREADER001",
                                                "AWS_SECRET_ACCESS_KEY=fakeSecretLogReader/00000000000000000000001",
                                                "AWS_REGION=us-east-1", "NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1"};
constexpr const char* kExternalId = "cloudpeek-ext-7f3a9c2e";

std::string shown(const ProcessResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

std::string scenario() { return FakeAws::directory() + "/scenarios/organization.json"; }

class OrganizationCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = new FakeAws(scenario()); }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }
  static FakeAws* fake_;
};
FakeAws* OrganizationCli::fake_ = nullptr;

TEST_F(OrganizationCli, ScansEveryReachableAccountAndShowsTheGaps) {
  CloudpeekCli cli(fake_->url());
  std::string out_dir = cli.home() + "/org";
  auto r = cli.run({"scan", "--organization", "--external-id", kExternalId, "--services", "s3,organizations-admin",
                    "--regions", "us-east-1", "--concurrency", "3", "--output", "json", "--output-dir", out_dir},
                   "", kOrgAdminEnv);
  // Two members could not be reached: a gap, exit code 5; the others were scanned.
  ASSERT_EQ(r.exit_code, 5) << shown(r);
  json doc = json::parse(r.out);
  EXPECT_EQ(doc["organization"]["id"], "o-a1b2c3d4e5");
  EXPECT_EQ(doc["organization"]["caller_is_management"], true);
  ASSERT_EQ(doc["accounts"].size(), 21u);
  std::map<std::string, json> by_id;
  for (const auto& a : doc["accounts"]) by_id[a["id"]] = a;

  for (const char* denied : {"222200000016", "222200000012"}) {
    const json& a = by_id[denied];
    EXPECT_EQ(a["reach"], "role_denied") << a.dump();
    EXPECT_TRUE(a["scan"].is_null()) << "never a PASS for an account not reached: " << a.dump();
    EXPECT_NE(a["message"].get<std::string>().find("is not authorized to perform: sts:AssumeRole on resource: "
                                                   "arn:aws:iam::" + std::string(denied) + ":role/CloudPeekAudit"),
              std::string::npos);
    EXPECT_NE(a["advice"].get<std::string>().find("cloudpeek organization template"), std::string::npos);
  }
  EXPECT_EQ(by_id["222200000019"]["reach"], "suspended");
  EXPECT_TRUE(by_id["222200000019"]["scan"].is_null());
  EXPECT_EQ(by_id["111111111111"]["reach"], "caller_account");

  int scanned = 0;
  for (const auto& [id, a] : by_id) {
    if (a["scan"].is_null()) continue;
    ++scanned;
    EXPECT_EQ(a["scan"]["outcome"], "succeeded") << a.dump();
    // Each account's own bucket, found with its own credentials: s3 checks judged it.
    EXPECT_GT(a["scan"]["fail"].get<int>() + a["scan"]["pass"].get<int>(), 0) << a.dump();
    EXPECT_TRUE(std::filesystem::exists(out_dir + "/" + id + "/findings.json")) << id;
  }
  EXPECT_EQ(scanned, 18);
  EXPECT_EQ(doc["summary"]["not_reached"], 2);
  EXPECT_EQ(doc["summary"]["suspended"], 1);
  EXPECT_EQ(doc["summary"]["scanned"], 18);

  // Each member's findings are its own, with its bucket's ARN.
  std::ifstream f(out_dir + "/222200000007/findings.json");
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("arn:aws:s3:::prod-api-logs-222200000007"), std::string::npos);
  EXPECT_EQ(text.find("222200000005"), std::string::npos);
  // The organization-level checks ran in the management account's scan.
  std::ifstream m(out_dir + "/111111111111/findings.json");
  std::string mtext((std::istreambuf_iterator<char>(m)), std::istreambuf_iterator<char>());
  EXPECT_NE(mtext.find("organizations_config_delegated_admin"), std::string::npos);

  // No secret in what the user sees.
  for (const auto& s : {"fakeSecretOrgAdmin/000000000000000000000001"}) {
    EXPECT_EQ(r.out.find(s), std::string::npos);
    EXPECT_EQ(r.err.find(s), std::string::npos);
  }
}

TEST_F(OrganizationCli, TextTableAndAccountsFilter) {
  CloudpeekCli cli(fake_->url());
  auto r = cli.run({"scan", "--organization", "--external-id", kExternalId, "--services", "s3", "--regions", "us-east-1",
                    "--accounts", "222200000005,222200000006"},
                   "", kOrgAdminEnv);
  ASSERT_EQ(r.exit_code, 0) << shown(r);
  EXPECT_NE(r.out.find("222200000005  prod-payments  Root/Workloads/Prod"), std::string::npos) << shown(r);
  EXPECT_NE(r.out.find("2 of 2 accounts scanned"), std::string::npos) << shown(r);
  EXPECT_EQ(r.out.find("222200000007"), std::string::npos) << shown(r);

  auto bad = cli.run({"scan", "--organization", "--accounts", "999999999999", "--services", "s3"}, "", kOrgAdminEnv);
  EXPECT_EQ(bad.exit_code, 1) << shown(bad);
  EXPECT_NE(bad.err.find("account 999999999999 is not in organization o-a1b2c3d4e5"), std::string::npos) << shown(bad);
  auto role = cli.run({"scan", "--organization", "--role-name", "bad role"}, "", kOrgAdminEnv);
  EXPECT_EQ(role.exit_code, 1) << shown(role);
  EXPECT_NE(role.err.find("\"bad role\""), std::string::npos) << shown(role);
  auto single = cli.run({"scan", "--accounts", "222200000005"}, "", kOrgAdminEnv);
  EXPECT_EQ(single.exit_code, 1) << shown(single);
  EXPECT_NE(single.err.find("--accounts is for --organization scans"), std::string::npos) << shown(single);
}

// `--compliance NAME` with `--organization`: each member's HTML report rolls up
// that framework, as a single account's does (it rolled up CIS v3.0.0 whatever
// the user asked for).
TEST_F(OrganizationCli, EachMembersReportRollsUpTheChosenFramework) {
  CloudpeekCli cli(fake_->url());
  std::string out_dir = cli.home() + "/org-fsbp";
  auto r = cli.run({"scan", "--organization", "--external-id", kExternalId, "--services", "s3", "--regions",
                    "us-east-1", "--accounts", "222200000005", "--compliance", "aws-fsbp", "--output-formats", "html",
                    "--output-dir", out_dir},
                   "", kOrgAdminEnv);
  ASSERT_EQ(r.exit_code, 0) << shown(r);
  std::filesystem::path html;
  for (const auto& e : std::filesystem::directory_iterator(out_dir + "/222200000005"))
    if (e.path().extension() == ".html") html = e.path();
  ASSERT_FALSE(html.empty()) << "no HTML report in " << out_dir << "/222200000005\n" << shown(r);
  std::ifstream f(html);
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("AWS Foundational Security Best Practices"), std::string::npos);
  EXPECT_EQ(text.find("CIS Amazon Web Services Foundations"), std::string::npos);
}

TEST_F(OrganizationCli, APlainMemberIsToldWhyItCannotDiscover) {
  CloudpeekCli cli(fake_->url());
  auto r = cli.run({"scan", "--organization", "--services", "s3"}, "", kLogReaderEnv);
  EXPECT_EQ(r.exit_code, 1) << shown(r);
  EXPECT_NE(r.err.find("Account 222200000002 may not list the accounts of organization o-a1b2c3d4e5"),
            std::string::npos)
      << shown(r);
  EXPECT_NE(r.err.find("management account"), std::string::npos) << shown(r);
}

TEST_F(OrganizationCli, AccountsSaysWhereTheRoleWorks) {
  CloudpeekCli cli(fake_->url());
  auto r = cli.run({"organization", "accounts", "--external-id", kExternalId}, "", kOrgAdminEnv);
  EXPECT_EQ(r.exit_code, 5) << shown(r);
  EXPECT_NE(r.out.find("222200000016  sandbox-bob"), std::string::npos) << shown(r);
  EXPECT_NE(r.out.find("ROLE DENIED"), std::string::npos) << shown(r);
  EXPECT_NE(r.out.find("role ok"), std::string::npos) << shown(r);
  EXPECT_NE(r.out.find("suspended"), std::string::npos) << shown(r);
}

TEST_F(OrganizationCli, TemplateTrustsTheCredentialsAccount) {
  CloudpeekCli cli(fake_->url());
  auto cfn = cli.run({"organization", "template", "--external-id", kExternalId}, "", kOrgAdminEnv);
  ASSERT_EQ(cfn.exit_code, 0) << shown(cfn);
  EXPECT_NE(cfn.out.find("Default: \"111111111111\""), std::string::npos) << shown(cfn);
  EXPECT_NE(cfn.out.find("Default: \"CloudPeekAudit\""), std::string::npos) << shown(cfn);
  EXPECT_NE(cfn.out.find("iam::aws:policy/SecurityAudit"), std::string::npos) << shown(cfn);
  auto tf = cli.run({"organization", "template", "--external-id", kExternalId, "--role-name", "Auditor", "--format",
                     "terraform", "--trusted-account", "123456789012"},
                    "", {});  // no credentials needed with --trusted-account
  ASSERT_EQ(tf.exit_code, 0) << shown(tf);
  EXPECT_NE(tf.out.find("default = \"123456789012\""), std::string::npos) << shown(tf);
  EXPECT_NE(tf.out.find("resource \"aws_iam_role_policy_attachment\""), std::string::npos) << shown(tf);
  auto bad = cli.run({"organization", "template", "--external-id", kExternalId, "--format", "pulumi",
                      "--trusted-account", "123456789012"},
                     "", {});
  EXPECT_EQ(bad.exit_code, 1) << shown(bad);
  EXPECT_NE(bad.err.find("Use cloudformation or terraform"), std::string::npos) << shown(bad);
  auto none = cli.run({"organization", "template", "--trusted-account", "123456789012"}, "", {});
  EXPECT_EQ(none.exit_code, 1) << shown(none);  // --external-id is required
}

}  // namespace
