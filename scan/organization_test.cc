// Organization discovery and reach against fakeaws' organization scenario
// (tests/fakeaws/scenarios/organization.json): 21 accounts in nested OUs, one
// SUSPENDED, one member without the audit role, one whose role wants another
// ExternalId; security-tooling is a delegated administrator.
#include "scan/organization.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "aws/credentials/client_caller.h"
#include "scan/organization_templates.h"
#include "tests/integration/integration_support.h"

namespace cloudpeek::scan {
namespace {

using testing::FakeAws;
using testing::ScenarioKey;

constexpr ScenarioKey kOrgAdmin{"AKIAFAKEORGADMIN0001", "fakeSecretOrgAdmin/000000000000000000000001", ""};
constexpr ScenarioKey kSecAdmin{"AKIAFAKESECADMIN0001", "fakeSecretSecAdmin/000000000000000000000001", ""};
constexpr ScenarioKey kLogReader{"AKIAFAKELOGREADER001", "fakeSecretLogReader/00000000000000000000001", ""};
constexpr ScenarioKey kOutsider{"AKIAFAKEOUTSIDER0001", "fakeSecretOutsider/000000000000000000000001", ""};
constexpr const char* kExternalId = "cloudpeek-ext-7f3a9c2e";

class OrganizationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fake_ = new FakeAws(FakeAws::directory() + "/scenarios/organization.json");
  }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }
  void SetUp() override { fake_->reset(true); }

  AwsCallerPtr caller() {
    return std::make_shared<ClientCaller>(transport_, testing::fake_endpoints(*fake_), RetryConfig{});
  }
  MemberAccess access(std::string external_id = kExternalId) {
    MemberAccess a;
    a.external_id = std::move(external_id);
    return a;
  }

  static FakeAws* fake_;
  testing::CleanEnv env_;
  std::shared_ptr<Transport> transport_ = std::make_shared<Transport>();
};
FakeAws* OrganizationTest::fake_ = nullptr;

std::map<std::string, MemberReach> by_account(std::vector<MemberReach> v) {
  std::map<std::string, MemberReach> out;
  for (auto& m : v) out[m.account_id] = std::move(m);
  return out;
}

TEST_F(OrganizationTest, DiscoversEveryAccountWithItsOuPathFromTheManagementAccount) {
  auto c = caller();
  auto org = discover_organization(*c, testing::static_credentials(kOrgAdmin));
  ASSERT_TRUE(org.ok()) << org.error().describe() << fake_->log();
  EXPECT_EQ(org->id, "o-a1b2c3d4e5");
  EXPECT_EQ(org->management_account_id, "111111111111");
  EXPECT_EQ(org->caller_account, "111111111111");
  EXPECT_TRUE(org->caller_is_management);
  EXPECT_FALSE(org->caller_is_delegated_admin);
  ASSERT_EQ(org->accounts.size(), 21u);  // five pages of ListAccounts (page_size 5)
  const auto* prod_api = org->find("222200000007");
  ASSERT_NE(prod_api, nullptr);
  EXPECT_EQ(prod_api->name, "prod-api");
  EXPECT_EQ(prod_api->email, "aws+prod-api@example.com");
  EXPECT_EQ(prod_api->status, "ACTIVE");
  EXPECT_EQ(prod_api->ou_path, "Root/Workloads/Prod");
  EXPECT_EQ(prod_api->parent_id, "ou-a1b2-prod00001");
  EXPECT_EQ(org->find("222200000012")->ou_path, "Root/Workloads/Dev");
  EXPECT_EQ(org->find("111111111111")->ou_path, "Root");
  EXPECT_TRUE(org->find("111111111111")->management);
  EXPECT_EQ(org->find("222200000019")->status, "SUSPENDED");
  for (const auto& a : org->accounts) EXPECT_FALSE(a.ou_path.empty()) << a.id;
  // Ordered by OU path: the root's own account first.
  EXPECT_EQ(org->accounts.front().id, "111111111111");
  EXPECT_TRUE(org->delegated_admins_readable);
  EXPECT_EQ(org->find("222200000001")->delegated_services,
            (std::vector<std::string>{"guardduty.amazonaws.com", "securityhub.amazonaws.com"}));
  EXPECT_TRUE(org->find("222200000002")->delegated_services.empty());
}

TEST_F(OrganizationTest, ADelegatedAdministratorDiscoversToo) {
  auto c = caller();
  auto org = discover_organization(*c, testing::static_credentials(kSecAdmin));
  ASSERT_TRUE(org.ok()) << org.error().describe();
  EXPECT_FALSE(org->caller_is_management);
  EXPECT_TRUE(org->caller_is_delegated_admin);
  EXPECT_EQ(org->accounts.size(), 21u);
}

TEST_F(OrganizationTest, APlainMemberIsToldToUseTheManagementAccount) {
  auto c = caller();
  auto org = discover_organization(*c, testing::static_credentials(kLogReader));
  ASSERT_FALSE(org.ok());
  EXPECT_EQ(org.error().kind, ErrorKind::kAccessDenied);
  EXPECT_NE(org.error().message.find("Account 222200000002 may not list the accounts of organization o-a1b2c3d4e5"),
            std::string::npos)
      << org.error().message;
  EXPECT_NE(org.error().message.find("You don't have permissions to access this resource."), std::string::npos);
  EXPECT_NE(org.error().advice.find("management account"), std::string::npos);
}

TEST_F(OrganizationTest, AnAccountInNoOrganizationSaysSo) {
  auto c = caller();
  auto org = discover_organization(*c, testing::static_credentials(kOutsider));
  ASSERT_FALSE(org.ok());
  EXPECT_EQ(org.error().code, "AWSOrganizationsNotInUseException");
  EXPECT_NE(org.error().message.find("333333333333 is not in an AWS organization"), std::string::npos);
  EXPECT_NE(org.error().advice.find("without --organization"), std::string::npos);
}

TEST_F(OrganizationTest, ProbeGivesEachAccountItsStatus) {
  auto c = caller();
  auto base = testing::static_credentials(kOrgAdmin);
  auto org = discover_organization(*c, base);
  ASSERT_TRUE(org.ok()) << org.error().describe();
  auto reach = probe_members(*org, access(), base, c, {}, 4);
  ASSERT_EQ(reach.size(), 21u);
  EXPECT_EQ(reach.front().account_id, org->accounts.front().id);  // same order as the organization
  auto m = by_account(reach);

  EXPECT_EQ(m["111111111111"].status, MemberStatus::kCallerAccount);
  EXPECT_EQ(m["111111111111"].credentials, base);

  EXPECT_EQ(m["222200000019"].status, MemberStatus::kSuspended);
  EXPECT_EQ(m["222200000019"].credentials, nullptr);

  for (const char* denied : {"222200000016", "222200000012"}) {
    const auto& r = m[denied];
    EXPECT_EQ(r.status, MemberStatus::kRoleDenied) << denied << " " << r.message;
    EXPECT_EQ(r.error_code, "AccessDenied");
    // AWS's own words, as STS gave them.
    EXPECT_NE(r.message.find("AWS said: User: arn:aws:iam::111111111111:user/org-admin is not authorized to perform: "
                             "sts:AssumeRole on resource: arn:aws:iam::" + std::string(denied) + ":role/CloudPeekAudit"),
              std::string::npos)
        << r.message;
    EXPECT_NE(r.advice.find("cloudpeek organization template --role-name CloudPeekAudit"), std::string::npos);
    EXPECT_FALSE(r.reachable());
    EXPECT_EQ(r.credentials, nullptr);
  }

  int ok = 0;
  for (const auto& r : reach) {
    if (r.status != MemberStatus::kOk) continue;
    ++ok;
    EXPECT_EQ(r.identity_arn, "arn:aws:sts::" + r.account_id + ":assumed-role/CloudPeekAudit/CloudPeek");
    ASSERT_NE(r.credentials, nullptr);
    auto creds = r.credentials->get();
    ASSERT_TRUE(creds.ok());
    EXPECT_TRUE(creds->access_key_id.rfind("ASIA", 0) == 0);
  }
  EXPECT_EQ(ok, 17);  // 20 members less the suspended one, the one without the role and the other ExternalId
  // One AssumeRole per ACTIVE member: none into the suspended account, none into the caller's own.
  EXPECT_EQ(testing::count_requests(testing::logged_requests(*fake_), "AssumeRole"), 19u);
  EXPECT_EQ(testing::count_requests(testing::logged_requests(*fake_), "AssumeRole", "AccessDenied"), 2u);
}

// Probing many members at once spends the caller account's STS budget: an
// AssumeRole AWS still throttles after the client's retries is asked again
// (bench/run-org-bench lost a member as "NOT REACHED ... Rate exceeded" at 8
// at a time), so throttling costs time, never a member.
TEST_F(OrganizationTest, AThrottledAssumeRoleIsAskedAgainNoMemberIsLost) {
  auto c = caller();
  auto base = testing::static_credentials(kOrgAdmin);
  auto org = discover_organization(*c, base);
  ASSERT_TRUE(org.ok()) << org.error().describe();
  fake_->set_faults(R"({"service": "sts", "action": "AssumeRole", "rate_limit_rps": 4, "burst": 1})");
  auto reach = probe_members(*org, access(), base, c, {}, 8);
  int ok = 0;
  for (const auto& r : reach) {
    EXPECT_NE(r.status, MemberStatus::kError) << r.account_id << ": " << r.message;
    ok += r.status == MemberStatus::kOk;
  }
  EXPECT_EQ(ok, 17);
  size_t throttled = 0;
  for (const auto& r : testing::logged_requests(*fake_))
    throttled += r.action == "AssumeRole" && r.fault.find("rate_limited") != std::string::npos;
  EXPECT_GT(throttled, 10u) << "the test's limit should have throttled many AssumeRole calls";
}

TEST_F(OrganizationTest, AWrongExternalIdDeniesEveryMemberButNotTheCallersAccount) {
  auto c = caller();
  auto base = testing::static_credentials(kOrgAdmin);
  auto org = discover_organization(*c, base);
  ASSERT_TRUE(org.ok());
  auto reach = probe_members(*org, access("not-the-right-one"), base, c, {"222200000005", "111111111111"}, 2);
  ASSERT_EQ(reach.size(), 2u);
  auto m = by_account(reach);
  EXPECT_EQ(m["222200000005"].status, MemberStatus::kRoleDenied);
  EXPECT_EQ(m["111111111111"].status, MemberStatus::kCallerAccount);
}

TEST_F(OrganizationTest, ValidateNamesWhatIsWrong) {
  MemberAccess a;
  EXPECT_TRUE(validate(a).ok());
  a.role_name = "bad role";
  ASSERT_FALSE(validate(a).ok());
  EXPECT_NE(validate(a).error().message.find("\"bad role\""), std::string::npos);
  a.role_name = "CloudPeekAudit";
  a.external_id = "x";
  EXPECT_FALSE(validate(a).ok());
  a.external_id = "has space";
  EXPECT_FALSE(validate(a).ok());
  a.external_id = kExternalId;
  EXPECT_TRUE(validate(a).ok());
  EXPECT_EQ(member_role_arn(a, "222200000005"), "arn:aws:iam::222200000005:role/CloudPeekAudit");
}

// --- the member role's templates (organization_templates.h) ------------------

const MemberRoleTemplate kTemplate{"111111111111", "AuditForCloudPeek", "ext-id:42/abc"};

std::string run(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    if (::pclose(p) != 0) out = "FAILED: " + out;
  }
  return out;
}

std::string write_temp(const std::string& stem, const std::string& extension, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / (stem + "-" + std::to_string(::getpid()) + extension);
  std::ofstream(path) << text;
  return path.string();
}

// The CloudFormation template read by a YAML parser (Debian's python3-yaml,
// which the AWS CLI the fakeaws tests use depends on), as JSON.
json parse_yaml(const std::string& yaml) {
  auto path = write_temp("cloudpeek-role", ".yaml", yaml);
  std::string out = run("/usr/bin/python3 -c 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))' " + path);
  std::filesystem::remove(path);
  return json::parse(out);
}

TEST(OrganizationTemplates, CloudFormationCreatesTheRoleWithSecurityAuditTrustAndExternalId) {
  auto yaml = member_role_template(kTemplate, TemplateFormat::kCloudFormation);
  ASSERT_TRUE(yaml.ok()) << yaml.error().describe();
  json t = parse_yaml(*yaml);
  EXPECT_EQ(t["AWSTemplateFormatVersion"], "2010-09-09");
  EXPECT_EQ(t["Parameters"]["RoleName"]["Default"], "AuditForCloudPeek");
  EXPECT_EQ(t["Parameters"]["TrustedAccountId"]["Default"], "111111111111");
  EXPECT_EQ(t["Parameters"]["ExternalId"]["Default"], "ext-id:42/abc");
  const json& role = t["Resources"]["CloudPeekAuditRole"];
  EXPECT_EQ(role["Type"], "AWS::IAM::Role");
  const json& p = role["Properties"];
  EXPECT_EQ(p["RoleName"]["Ref"], "RoleName");
  ASSERT_EQ(p["ManagedPolicyArns"].size(), 1u);
  EXPECT_EQ(p["ManagedPolicyArns"][0]["Fn::Sub"], "arn:${AWS::Partition}:iam::aws:policy/SecurityAudit");
  const json& st = p["AssumeRolePolicyDocument"]["Statement"];
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0]["Effect"], "Allow");
  EXPECT_EQ(st[0]["Action"], "sts:AssumeRole");
  EXPECT_EQ(st[0]["Principal"]["AWS"]["Fn::Sub"], "arn:${AWS::Partition}:iam::${TrustedAccountId}:root");
  EXPECT_EQ(st[0]["Condition"]["StringEquals"]["sts:ExternalId"]["Ref"], "ExternalId");
  EXPECT_NE(yaml->find("--permission-model SERVICE_MANAGED"), std::string::npos);
  EXPECT_NE(yaml->find("--stack-set-name AuditForCloudPeek"), std::string::npos);
}

// HCL without a parser: braces balance outside strings, and the pieces are where they belong.
TEST(OrganizationTemplates, TerraformCreatesTheRoleWithSecurityAuditTrustAndExternalId) {
  auto hcl = member_role_template(kTemplate, TemplateFormat::kTerraform);
  ASSERT_TRUE(hcl.ok()) << hcl.error().describe();
  int depth = 0;
  bool in_string = false, in_comment = false;
  for (char c : *hcl) {
    if (in_comment) { in_comment = c != '\n'; continue; }
    if (!in_string && c == '#') { in_comment = true; continue; }
    if (c == '"') in_string = !in_string;
    if (in_string) continue;
    if (c == '{' || c == '[' || c == '(') ++depth;
    if (c == '}' || c == ']' || c == ')') ASSERT_GE(--depth, 0);
  }
  EXPECT_EQ(depth, 0);
  EXPECT_FALSE(in_string);
  auto has = [&](const std::string& s) { return hcl->find(s) != std::string::npos; };
  EXPECT_TRUE(has("resource \"aws_iam_role\" \"cloudpeek_audit\" {"));
  EXPECT_TRUE(has("resource \"aws_iam_role_policy_attachment\" \"cloudpeek_audit_security_audit\" {"));
  EXPECT_TRUE(has("policy_arn = \"arn:${data.aws_partition.current.partition}:iam::aws:policy/SecurityAudit\""));
  EXPECT_TRUE(has("default = \"AuditForCloudPeek\""));
  EXPECT_TRUE(has("default = \"111111111111\""));
  EXPECT_TRUE(has("default = \"ext-id:42/abc\""));
  EXPECT_TRUE(has("Condition = { StringEquals = { \"sts:ExternalId\" = var.cloudpeek_external_id } }"));
  EXPECT_TRUE(has("iam::${var.cloudpeek_trusted_account_id}:root"));
  // When Terraform is installed, it agrees the snippet is well-formed HCL.
  if (std::filesystem::exists("/usr/local/bin/terraform") || std::filesystem::exists("/usr/bin/terraform")) {
    auto path = write_temp("cloudpeek-role", ".tf", *hcl);
    EXPECT_EQ(run("terraform fmt -check -diff -no-color " + path + " 2>/dev/null && echo formatted"), "formatted\n");
    std::filesystem::remove(path);
  }
}

TEST(OrganizationTemplates, BadInputIsNamed) {
  auto t = kTemplate;
  t.trusted_account = "1111";
  auto r = member_role_template(t, TemplateFormat::kCloudFormation);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("12-digit"), std::string::npos);
  t = kTemplate;
  t.external_id = "";
  r = member_role_template(t, TemplateFormat::kTerraform);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("ExternalId is required"), std::string::npos);
  t = kTemplate;
  t.external_id = "abc\"def";  // would end the string early
  EXPECT_FALSE(member_role_template(t, TemplateFormat::kTerraform).ok());
  t = kTemplate;
  t.role_name = "role\nname";
  EXPECT_FALSE(member_role_template(t, TemplateFormat::kCloudFormation).ok());
  EXPECT_TRUE(parse_template_format("terraform").ok());
  EXPECT_EQ(*parse_template_format("cloudformation"), TemplateFormat::kCloudFormation);
  EXPECT_FALSE(parse_template_format("pulumi").ok());
}

}  // namespace
}  // namespace cloudpeek::scan
