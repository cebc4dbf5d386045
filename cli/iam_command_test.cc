// `cloudpeek iam`: the three queries over an account built here (no network),
// the errors a person gets for a name that is not there, the scan's saved
// inventory read back, and the real binary against fakeaws' insecure scenario
// (live and --from-scan).
#include "cli/iam_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include "cli/resources_file.h"
#include "tests/cli/cloudpeek_cli.h"
#include "tests/integration/fakeaws_process.h"

namespace cloudpeek::cli {
namespace {

using json = nlohmann::json;

constexpr const char* kAcct = "111122223333";
const std::string kArn = std::string("arn:aws:iam::") + kAcct + ":";
const std::string kAdminPolicy = "arn:aws:iam::aws:policy/AdministratorAccess";

json doc(const json& statements) { return {{"Version", "2012-10-17"}, {"Statement", statements}}; }
json allow(const json& actions, const json& resources = "*", const json& condition = nullptr) {
  json s = {{"Effect", "Allow"}, {"Action", actions}, {"Resource", resources}};
  if (!condition.is_null()) s["Condition"] = condition;
  return s;
}
json trust(const json& principal, const json& action = "sts:AssumeRole") {
  return doc(json::array({{{"Effect", "Allow"}, {"Principal", principal}, {"Action", action}}}));
}

// An account shaped as the IAM collector emits it (collect/iam.h).
class Account {
 public:
  Inventory inv;
  Account() { inv.account = kAcct; }

  Resource base(const char* type, std::string arn, std::string name) {
    Resource r;
    r.type = type;
    r.arn = std::move(arn);
    r.account = kAcct;
    r.region = "global";
    r.id = name;
    r.name = std::move(name);
    return r;
  }
  void managed(const std::string& name, const json& document, bool aws = false) {
    std::string arn = aws ? "arn:aws:iam::aws:policy/" + name : kArn + "policy/" + name;
    Resource r = base("AWS::IAM::Policy", arn, name);
    r.props = {{"policy_name", name}, {"aws_managed", aws}, {"document", document}};
    inv.add(std::move(r));
  }
  json inlines(const std::string& type, const std::string& owner, const std::string& owner_arn,
               const std::vector<json>& docs) {
    json names = json::array();
    int i = 0;
    for (const json& d : docs) {
      std::string pname = owner + "-inline" + std::to_string(i++);
      names.push_back(pname);
      Resource r = base("AWS::IAM::InlinePolicy", owner_arn + "/inline-policy/" + pname, pname);
      r.props = {{"policy_name", pname}, {"principal_type", type}, {"principal_name", owner},
                 {"principal_arn", owner_arn}, {"document", d}};
      inv.add(std::move(r));
    }
    return names;
  }
  static json attached(const std::vector<std::string>& arns) {
    json a = json::array();
    for (const auto& arn : arns) a.push_back({{"name", arn.substr(arn.rfind('/') + 1)}, {"arn", arn}});
    return a;
  }
  void user(const std::string& name, const std::vector<json>& docs, const std::vector<std::string>& managed_arns = {}) {
    Resource r = base("AWS::IAM::User", kArn + "user/" + name, name);
    r.props = {{"user_name", name}, {"user_id", "AIDA" + name}, {"path", "/"}, {"groups", json::array()},
               {"attached_policies", attached(managed_arns)}, {"inline_policies", inlines("user", name, r.arn, docs)}};
    inv.add(std::move(r));
  }
  void role(const std::string& name, const json& trust_policy, const std::vector<json>& docs,
            const std::vector<std::string>& managed_arns = {}, const std::string& path = "/") {
    Resource r = base("AWS::IAM::Role", kArn + "role" + path + name, name);
    r.id = "AROA" + name;
    r.props = {{"role_name", name}, {"path", path}, {"trust_policy", trust_policy},
               {"attached_policies", attached(managed_arns)}, {"inline_policies", inlines("role", name, r.arn, docs)}};
    inv.add(std::move(r));
  }
};

const std::string kSso = "AWSReservedSSO_PowerUser_0123456789abcdef";
const std::string kSaml = kArn + "saml-provider/AWSSSO_1234_DO_NOT_DELETE";

// alice may assume Admin; bob may attach any policy to himself; carol is
// denied iam:PassRole; dave may read S3 from one network only; the
// PowerUser permission set comes through SAML; Vendor trusts another account.
Inventory planted() {
  Account a;
  a.managed("AdministratorAccess", doc(json::array({allow("*")})), true);
  a.role("Admin", trust({{"AWS", kArn + "root"}}), {}, {kAdminPolicy});
  a.role("Vendor", trust({{"AWS", "arn:aws:iam::999988887777:root"}}), {doc(json::array({allow("s3:ListAllMyBuckets")}))});
  a.role(kSso, trust({{"Federated", kSaml}}, json::array({"sts:AssumeRoleWithSAML", "sts:TagSession"})),
         {doc(json::array({allow("ec2:*")}))}, {}, "/aws-reserved/sso.amazonaws.com/");
  a.inv.add(a.base("AWS::IAM::SAMLProvider", kSaml, "AWSSSO_1234_DO_NOT_DELETE"));
  a.user("alice", {doc(json::array({allow("sts:AssumeRole", kArn + "role/Admin")}))});
  a.user("bob", {doc(json::array({allow("iam:AttachUserPolicy", kArn + "user/bob")}))});
  a.user("carol", {doc(json::array({allow("iam:PassRole"),
                                     {{"Effect", "Deny"}, {"Sid", "NoPassing"}, {"Action", "iam:PassRole"}, {"Resource", "*"}}}))});
  a.user("dave", {doc(json::array({allow("s3:GetObject", "*", {{"IpAddress", {{"aws:SourceIp", "203.0.113.0/24"}}}})}))});
  return std::move(a.inv);
}

struct Run {
  int code;
  std::string out, err;
};

Run query(const Inventory& inv, IamCommandOptions o) {
  std::ostringstream out, err;
  int code = run_iam_query(inv, o, out, err);
  return {code, out.str(), err.str()};
}

IamCommandOptions who(std::string action, std::string output = "text", bool all = false) {
  IamCommandOptions o;
  o.query = "who-can";
  o.action = std::move(action);
  o.output = std::move(output);
  o.all = all;
  return o;
}

IamCommandOptions of(std::string q, std::string principal, std::string output = "text") {
  IamCommandOptions o;
  o.query = std::move(q);
  o.principal = std::move(principal);
  o.output = std::move(output);
  return o;
}

std::vector<std::string> names(const json& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(e["principal"]["name"]);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

class IamCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { inv_ = new Inventory(planted()); }
  static void TearDownTestSuite() { delete inv_; }
  static Inventory* inv_;
};
Inventory* IamCommand::inv_ = nullptr;

TEST_F(IamCommand, WhoCanGroupsAllowedConditionalDenied) {
  auto r = query(*inv_, who("iam:PassRole", "json"));
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["action"], "iam:PassRole");
  EXPECT_TRUE(has(names(j["allowed"]), "Admin")) << r.out;
  EXPECT_FALSE(has(names(j["allowed"]), "carol")) << r.out;
  // Carol's Deny names its statement.
  bool carol = false;
  for (const auto& e : j["denied"]) {
    if (e["principal"]["name"] != "carol") continue;
    carol = true;
    EXPECT_EQ(e["decision"], "explicit_deny");
    ASSERT_EQ(e["statements"].size(), 1u);
    EXPECT_EQ(e["statements"][0]["sid"], "NoPassing");
  }
  EXPECT_TRUE(carol) << r.out;

  auto c = query(*inv_, who("s3:GetObject", "json"));
  json k = json::parse(c.out);
  ASSERT_TRUE(has(names(k["conditional"]), "dave")) << c.out;
  for (const auto& e : k["conditional"])
    if (e["principal"]["name"] == "dave") EXPECT_NE(e["conditions"].dump().find("aws:SourceIp"), std::string::npos);

  // Text: the denied are counted, and listed with what denies them only on --all.
  auto t = query(*inv_, who("iam:PassRole"));
  EXPECT_NE(t.out.find("Allowed ("), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("--all lists them"), std::string::npos) << t.out;
  EXPECT_EQ(t.out.find("user carol"), std::string::npos) << t.out;
  auto all = query(*inv_, who("iam:PassRole", "text", true));
  EXPECT_NE(all.out.find("user carol: explicit deny"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("denied by identity-based policy"), std::string::npos) << all.out;
  auto cond = query(*inv_, who("s3:GetObject"));
  EXPECT_NE(cond.out.find("only if IpAddress aws:SourceIp"), std::string::npos) << cond.out;
  EXPECT_NE(cond.out.find("Service control policies"), std::string::npos) << "SCPs not considered, and said so";
}

TEST_F(IamCommand, WhoCanOnARoleUsesItsTrustPolicy) {
  IamCommandOptions o = who("sts:AssumeRole", "json");
  o.resource = kArn + "role/Vendor";
  auto r = query(*inv_, o);
  json j = json::parse(r.out);
  bool outsider = false;
  for (const auto& e : j["allowed"]) outsider |= e["principal"]["type"] == "external_account";
  EXPECT_TRUE(outsider) << r.out;
  EXPECT_FALSE(has(names(j["allowed"]), "alice")) << "the trust policy names only 999988887777";
}

TEST_F(IamCommand, WhoCanOnAResourceCountsItsPolicy) {
  Inventory inv = planted();
  Resource b;
  b.type = "AWS::S3::Bucket";
  b.arn = "arn:aws:s3:::shared";
  b.account = kAcct;
  b.region = "us-east-1";
  b.id = b.name = "shared";
  b.props["policy"] = doc(json::array({{{"Sid", "CarolReads"}, {"Effect", "Allow"},
                                        {"Principal", {{"AWS", kArn + "user/carol"}}},
                                        {"Action", "s3:GetObject"}, {"Resource", "arn:aws:s3:::shared/*"}}}));
  inv.add(b);
  IamCommandOptions o = who("s3:GetObject", "json");
  o.resource = "arn:aws:s3:::shared/report.csv";  // an object: its bucket's policy
  json j = json::parse(query(inv, o).out);
  EXPECT_EQ(j["resource_policy"], "arn:aws:s3:::shared");
  bool carol = false;
  for (const auto& e : j["allowed"])
    if (e["principal"]["name"] == "carol") carol = e["statements"].dump().find("CarolReads") != std::string::npos;
  EXPECT_TRUE(carol) << j.dump(1);
  o.resource = "arn:aws:s3:::elsewhere/x";
  json k = json::parse(query(inv, o).out);
  EXPECT_NE(k["notes"].dump().find("No resource arn:aws:s3:::elsewhere/x in the inventory"), std::string::npos);
}

TEST_F(IamCommand, UnknownActionIsNamedWithSuggestions) {
  auto r = query(*inv_, who("iam:PassRol"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("Unknown action \"iam:PassRol\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("iam:PassRole"), std::string::npos) << r.err;
  auto s = query(*inv_, who("iamm:PassRole"));
  EXPECT_EQ(s.code, 1);
  EXPECT_NE(s.err.find("iam:PassRole"), std::string::npos) << s.err;
  EXPECT_EQ(query(*inv_, who("iam:*")).code, 1);
  EXPECT_EQ(query(*inv_, who("PassRole")).code, 1);
  EXPECT_TRUE(r.out.empty());
}

TEST_F(IamCommand, PathsStepByStepWithStatementsAndRules) {
  auto r = query(*inv_, of("paths", "alice"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1. user alice -> role Admin"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rule: sts:AssumeRole"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("granted by identity-based policy user/alice inline alice-inline0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("role Admin is allowed everything"), std::string::npos) << r.out;

  auto b = query(*inv_, of("paths", "bob", "json"));
  json j = json::parse(b.out);
  ASSERT_EQ(j["principals"].size(), 1u);
  const json& steps = j["principals"][0]["paths"][0]["steps"];
  ASSERT_EQ(steps.size(), 1u) << b.out;
  EXPECT_EQ(steps[0]["kind"], "escalation");
  EXPECT_TRUE(steps[0]["empowers"].get<bool>());
  EXPECT_FALSE(steps[0]["rule"]["id"].get<std::string>().empty());
  EXPECT_EQ(steps[0]["grants"][0]["action"], "iam:AttachUserPolicy");

  // Every principal: administrators apart, those with a path, those without left out.
  auto all = query(*inv_, of("paths", "", "json"));
  json k = json::parse(all.out);
  EXPECT_TRUE(has([&] {
    std::vector<std::string> v;
    for (const auto& a : k["administrators"]) v.push_back(a["name"]);
    return v;
  }(), "Admin")) << all.out;
  auto with_path = names(k["principals"]);
  EXPECT_TRUE(has(with_path, "alice") && has(with_path, "bob")) << all.out;
  EXPECT_FALSE(has(with_path, "dave")) << all.out;

  // --to a role.
  IamCommandOptions to = of("paths", "", "json");
  to.to = "Admin";
  json t = json::parse(query(*inv_, to).out);
  EXPECT_EQ(t["to"]["name"], "Admin");
  EXPECT_TRUE(has(names(t["principals"]), "alice"));
  EXPECT_FALSE(has(names(t["principals"]), "dave"));
}

TEST_F(IamCommand, ExplainByPermissionSetName) {
  auto r = query(*inv_, of("explain", "PowerUser"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("role " + kSso + " (permission set PowerUser)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Administrator: no"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("SAML provider AWSSSO_1234_DO_NOT_DELETE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Trust policy"), std::string::npos) << r.out;
  // ec2:* includes ec2:RunInstances, a step of the PassRole techniques: marked.
  EXPECT_NE(r.out.find("! statement 0: Allow ec2:*"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("risky: allows escalation actions"), std::string::npos) << r.out;
}

TEST_F(IamCommand, ExplainJsonOfAnExternallyTrustedRoleAndAnAdmin) {
  json v = json::parse(query(*inv_, of("explain", kArn + "role/Vendor", "json")).out);
  EXPECT_EQ(v["principal"]["type"], "role");
  EXPECT_EQ(v["admin"]["level"], "no");
  bool outside = false;
  for (const auto& e : v["can_become_it"]) outside |= e["from"]["type"] == "external_account";
  EXPECT_TRUE(outside) << v.dump(1);

  // An assumed-role session ARN names its role.
  json a = json::parse(
      query(*inv_, of("explain", std::string("arn:aws:sts::") + kAcct + ":assumed-role/Admin/someone", "json")).out);
  EXPECT_EQ(a["principal"]["name"], "Admin");
  EXPECT_EQ(a["admin"]["level"], "full_access");
  EXPECT_TRUE(a["escalation_paths"].empty());
  ASSERT_FALSE(a["policies"].empty());
  EXPECT_EQ(a["policies"][0]["origin"], "AWS managed");
  EXPECT_TRUE(a["policies"][0]["statements"][0]["risky"].get<bool>());
  bool alice = false;
  for (const auto& e : a["can_become_it"]) alice |= e["from"]["name"] == "alice";
  EXPECT_TRUE(alice) << a.dump(1);
}

TEST_F(IamCommand, UnknownPrincipalListsCloseMatches) {
  auto r = query(*inv_, of("explain", "alcie"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("No principal \"alcie\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("alice  (user alice, " + kArn + "user/alice)"), std::string::npos) << r.err;
  auto p = query(*inv_, of("paths", "PowerUsr"));
  EXPECT_EQ(p.code, 1);
  EXPECT_NE(p.err.find("PowerUser"), std::string::npos) << p.err;
  IamCommandOptions to = of("paths", "alice");
  to.to = "Admn";
  auto t = query(*inv_, to);
  EXPECT_EQ(t.code, 1);
  EXPECT_NE(t.err.find("Admin"), std::string::npos) << t.err;
  // Names are case-insensitive in IAM.
  EXPECT_EQ(query(*inv_, of("explain", "ALICE")).code, 0);
}

TEST(IamCommandScanOutput, ResourcesFileRoundTrip) {
  auto dir = std::filesystem::temp_directory_path() / ("iam_command_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  Inventory inv = planted();
  {
    auto f = ResourcesFile::open((dir / kResourcesFileName).string());
    ASSERT_TRUE(f);
    for (const auto& t : inv.types())
      for (const auto& r : inv.of_type(t)) (*f)->on_resource(r);
    ASSERT_TRUE((*f)->close());
    scan::ScanResult result;
    result.account = kAcct;
    CoverageGap g;
    g.service = "lambda";
    g.region = "us-east-1";
    g.action = "lambda:ListFunctions";
    g.error_kind = "access_denied";
    g.resource_types = {"AWS::Lambda::Function"};
    result.gaps.push_back(g);
    ASSERT_TRUE(write_coverage_file(result, (dir / kCoverageFileName).string()));
  }
  auto back = load_scan_inventory(dir.string());
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_EQ(back->account, kAcct);
  EXPECT_EQ(back->size(), inv.size());
  EXPECT_TRUE(back->gap("AWS::Lambda::Function", "us-east-1"));
  auto r = query(*back, of("paths", "alice"));
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Lambda functions were not listed"), std::string::npos) << r.out;

  auto missing = load_scan_inventory((dir / "nope").string());
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().describe().find("cloudpeek scan --output-dir"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// ---- the binary against fakeaws' insecure scenario ---------------------------------------

const std::vector<std::string> kAuditorEnv = {"AWS_ACCESS_KEY_ID=AKIAFAKEAUDITOR00001",
                                              "AWS_SECRET_ACCESS_KEY=fakeSecretAuditor/000000000000000000000001",
                                              "AWS_REGION=us-east-1", "NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1"};

std::string shown(const cloudpeek::testing::ProcessResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

TEST(IamCommandFakeAws, LiveAndFromScanAgainstTheInsecureScenario) {
  cloudpeek::testing::FakeAws fake(cloudpeek::testing::FakeAws::directory() + "/scenarios/insecure");
  cloudpeek::testing::CloudpeekCli cli(fake.url());

  // Live: explain, as a user would.
  auto e = cli.run({"iam", "explain", "vendor-role", "--regions", "us-east-1"}, "", kAuditorEnv);
  ASSERT_EQ(e.exit_code, 0) << shown(e);
  EXPECT_NE(e.out.find("role vendor-role"), std::string::npos) << shown(e);
  EXPECT_NE(e.out.find("external account 999988887777"), std::string::npos) << shown(e);
  EXPECT_NE(e.err.find("Collecting IAM"), std::string::npos) << shown(e);

  auto w = cli.run({"iam", "who-can", "iam:PassRole", "--regions", "us-east-1", "--output", "json"}, "", kAuditorEnv);
  ASSERT_EQ(w.exit_code, 0) << shown(w);
  json j = json::parse(w.out);
  EXPECT_TRUE(has(names(j["allowed"]), "bob")) << w.out;  // AdministratorAccess

  auto u = cli.run({"iam", "explain", "bobb", "--regions", "us-east-1"}, "", kAuditorEnv);
  EXPECT_EQ(u.exit_code, 1) << shown(u);
  EXPECT_NE(u.err.find("bob"), std::string::npos) << shown(u);

  // From a scan's saved inventory: no AWS call.
  std::string out_dir = cli.home() + "/out";
  auto s = cli.run({"scan", "--regions", "us-east-1", "--services", "iam,lambda", "--output-dir", out_dir}, "",
                   kAuditorEnv);
  ASSERT_TRUE(s.exit_code == 0 || s.exit_code == 4) << shown(s);
  ASSERT_TRUE(std::filesystem::exists(out_dir + "/resources.json"));
  fake.reset();
  auto p = cli.run({"iam", "paths", "--from-scan", out_dir, "--output", "json"}, "", {});
  ASSERT_EQ(p.exit_code, 0) << shown(p);
  json k = json::parse(p.out);
  std::vector<std::string> admins;
  for (const auto& a : k["administrators"]) admins.push_back(a["name"]);
  EXPECT_TRUE(has(admins, "bob")) << p.out;
  // A user's ways in, from the scan's credential report: bob has a console password, no MFA, two active keys.
  auto b = cli.run({"iam", "explain", "bob", "--from-scan", out_dir}, "", {});
  ASSERT_EQ(b.exit_code, 0) << shown(b);
  EXPECT_NE(b.out.find("  Ways in:       console password yes, MFA no, active access keys 2\n"), std::string::npos) << shown(b);
  auto bj = json::parse(cli.run({"iam", "explain", "bob", "--from-scan", out_dir, "--output", "json"}, "", {}).out);
  EXPECT_EQ(bj["entry_points"], json({{"console_password", true}, {"mfa", false}, {"active_access_keys", 2}})) << bj.dump();
  EXPECT_EQ(json::parse(fake.requests())["requests"].size(), 0u) << "--from-scan calls no AWS";

  // No secret anywhere.
  for (const auto* r : {&e, &w, &u, &s, &p}) {
    EXPECT_EQ(r->out.find("fakeSecretAuditor"), std::string::npos);
    EXPECT_EQ(r->err.find("fakeSecretAuditor"), std::string::npos);
  }
}

}  // namespace
}  // namespace cloudpeek::cli
