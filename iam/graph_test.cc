// The principal graph on one planted account: every escalation technique once
// (one principal each) and the traps of issue 10 section 5, some that must not
// be reported and some that must. Verdicts are exact for every principal of the
// account: precision and recall 100%.
#include "iam/graph.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "iam/catalogue.h"
#include "iam/condition.h"

namespace cloudpeek::iam {
namespace {

constexpr const char* kAcct = "111122223333";
const std::string kArn = std::string("arn:aws:iam::") + kAcct + ":";
const std::string kAdminPolicy = "arn:aws:iam::aws:policy/AdministratorAccess";

json doc(const json& statements) { return {{"Version", "2012-10-17"}, {"Statement", statements}}; }
json allow(const json& actions, const json& resources = "*", const json& condition = nullptr) {
  json s = {{"Effect", "Allow"}, {"Action", actions}, {"Resource", resources}};
  if (!condition.is_null()) s["Condition"] = condition;
  return s;
}
json deny(const json& actions, const json& resources = "*") {
  return {{"Effect", "Deny"}, {"Action", actions}, {"Resource", resources}};
}
json trust(const json& principal, const json& action = "sts:AssumeRole", const json& condition = nullptr) {
  json s = {{"Effect", "Allow"}, {"Principal", principal}, {"Action", action}};
  if (!condition.is_null()) s["Condition"] = condition;
  return doc(json::array({s}));
}
const json kAccountTrust = trust({{"AWS", kArn + "root"}});

const char* kServices[] = {"lambda.amazonaws.com",     "ec2.amazonaws.com",       "cloudformation.amazonaws.com",
                           "glue.amazonaws.com",       "sagemaker.amazonaws.com", "codebuild.amazonaws.com",
                           "datapipeline.amazonaws.com", "ecs-tasks.amazonaws.com", "tasks.apprunner.amazonaws.com"};

class Scenario {
 public:
  std::vector<Resource> resources;

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
    resources.push_back(std::move(r));
  }
  static json attached(const std::vector<std::string>& arns) {
    json a = json::array();
    for (const auto& arn : arns) a.push_back({{"name", arn.substr(arn.rfind('/') + 1)}, {"arn", arn}});
    return a;
  }
  void inlines(const std::string& type, const std::string& owner_name, const std::string& owner_arn,
               const std::vector<json>& docs, json& names) {
    int i = 0;
    for (const json& d : docs) {
      std::string pname = "inline" + std::to_string(i++);
      names.push_back(pname);
      Resource r = base("AWS::IAM::InlinePolicy", owner_arn + "/inline-policy/" + pname, pname);
      r.props = {{"policy_name", pname}, {"principal_type", type}, {"principal_name", owner_name},
                 {"principal_arn", owner_arn}, {"document", d}};
      resources.push_back(std::move(r));
    }
  }
  void user(const std::string& name, const std::vector<json>& docs, const std::vector<std::string>& managed_arns = {},
            const std::vector<std::string>& groups = {}, const std::string& boundary = {}) {
    Resource r = base("AWS::IAM::User", kArn + "user/" + name, name);
    json names = json::array();
    inlines("user", name, r.arn, docs, names);
    r.props = {{"user_name", name}, {"user_id", "AIDA" + name}, {"path", "/"}, {"groups", groups},
               {"attached_policies", attached(managed_arns)}, {"inline_policies", names}};
    // As GetAccountAuthorizationDetails returns it (the collector keeps it in raw only).
    if (!boundary.empty()) r.raw["PermissionsBoundary"] = {{"PermissionsBoundaryArn", boundary}};
    resources.push_back(std::move(r));
  }
  void role(const std::string& name, const json& trust_policy, const std::vector<json>& docs,
            const std::vector<std::string>& managed_arns = {}, const std::string& boundary = {},
            bool instance_profile = false) {
    Resource r = base("AWS::IAM::Role", kArn + "role/" + name, name);
    r.id = "AROA" + name;
    json names = json::array();
    inlines("role", name, r.arn, docs, names);
    r.props = {{"role_name", name}, {"path", "/"}, {"trust_policy", trust_policy},
               {"attached_policies", attached(managed_arns)}, {"inline_policies", names}};
    if (!boundary.empty()) r.raw["PermissionsBoundary"] = {{"PermissionsBoundaryArn", boundary}};
    if (instance_profile) r.raw["InstanceProfileList"] = json::array({{{"Arn", kArn + "instance-profile/" + name}}});
    resources.push_back(std::move(r));
  }
  void group(const std::string& name, const std::vector<json>& docs, const std::vector<std::string>& managed_arns = {}) {
    Resource r = base("AWS::IAM::Group", kArn + "group/" + name, name);
    json names = json::array();
    inlines("group", name, r.arn, docs, names);
    r.props = {{"group_name", name}, {"attached_policies", attached(managed_arns)}, {"inline_policies", names}};
    resources.push_back(std::move(r));
  }
  void provider(const char* type, const std::string& arn, const std::string& name) {
    resources.push_back(base(type, arn, name));
  }
};

// One principal per technique: its policies allow exactly that technique.
struct Planted {
  std::string principal;
  std::string verdict;    // "admin", "escalates", "conditional", "none"
  std::string technique;  // a rule id (or "sts:AssumeRole") on one of its paths; "" for admin/none
};

std::string lambda_fn() { return std::string("arn:aws:lambda:*:") + kAcct + ":function:*"; }

class GraphTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Scenario s;
    const std::string service_admin = kArn + "role/ServiceAdmin";
    const std::string me = kArn + "user/${aws:username}";
    s.managed("AdministratorAccess", doc(json::array({allow("*")})), true);

    // Targets: administrators and roles to reach.
    json services = json::array();
    for (const char* svc : kServices) services.push_back(svc);
    s.role("Admin", kAccountTrust, {}, {kAdminPolicy});
    s.role("ServiceAdmin", trust({{"Service", services}}), {}, {kAdminPolicy}, {}, true);
    s.role("Harmless", trust({{"Service", services}}), {doc(json::array({allow("s3:ListAllMyBuckets")}))});
    s.role("Dev", kAccountTrust, {});
    s.user("admin-user", {}, {kAdminPolicy});
    s.group("Admins", {}, {kAdminPolicy});
    s.user("breakglass", {});  // named in AdminStrict's trust policy: no identity policy needed
    s.role("AdminStrict", trust({{"AWS", kArn + "user/breakglass"}}), {}, {kAdminPolicy});

    // Workloads CloudPeek lists: a function and an instance running as ServiceAdmin.
    Resource fn = s.base("AWS::Lambda::Function", std::string("arn:aws:lambda:us-east-1:") + kAcct + ":function:fn-admin",
                         "fn-admin");
    fn.region = "us-east-1";
    fn.props = {{"runtime", "python3.12"}, {"package_type", "Zip"}};
    fn.raw = {{"FunctionName", "fn-admin"}, {"Role", service_admin}};
    s.resources.push_back(fn);
    Resource vm = s.base("AWS::EC2::Instance", std::string("arn:aws:ec2:us-east-1:") + kAcct + ":instance/i-0admin",
                         "i-0admin");
    vm.region = "us-east-1";
    vm.props = {{"state", "running"}, {"iam_instance_profile", kArn + "instance-profile/ServiceAdmin"}};
    s.resources.push_back(vm);

    auto esc = [&](const std::string& technique, const json& statements) {
      s.user("esc-" + technique, {doc(statements)});
    };
    auto passrole = [&](const std::string& technique, const json& more) {
      json st = json::array({allow("iam:PassRole", service_admin)});
      for (const auto& m : more) st.push_back(m);
      esc(technique, st);
    };

    // ---- IAM techniques
    s.managed("esc-cpv-policy", doc(json::array({allow("iam:CreatePolicyVersion", kArn + "policy/esc-cpv-policy")})));
    s.user("esc-iam-create-policy-version", {}, {kArn + "policy/esc-cpv-policy"});
    s.managed("esc-sdpv-policy",
              doc(json::array({allow("iam:SetDefaultPolicyVersion", kArn + "policy/esc-sdpv-policy")})));
    s.user("esc-iam-set-default-policy-version", {}, {kArn + "policy/esc-sdpv-policy"});
    esc("iam-attach-user-policy", json::array({allow("iam:AttachUserPolicy", me)}));
    s.group("esc-agp-group", {});
    s.user("esc-iam-attach-group-policy", {doc(json::array({allow("iam:AttachGroupPolicy", kArn + "group/esc-agp-group")}))},
           {}, {"esc-agp-group"});
    esc("iam-attach-role-policy",
        json::array({allow("iam:AttachRolePolicy", kArn + "role/Dev"), allow("sts:AssumeRole", kArn + "role/Dev")}));
    esc("iam-put-user-policy", json::array({allow("iam:PutUserPolicy", me)}));
    s.group("esc-pgp-group", {});
    s.user("esc-iam-put-group-policy", {doc(json::array({allow("iam:PutGroupPolicy", kArn + "group/esc-pgp-group")}))}, {},
           {"esc-pgp-group"});
    esc("iam-put-role-policy",
        json::array({allow("iam:PutRolePolicy", kArn + "role/Dev"), allow("sts:AssumeRole", kArn + "role/Dev")}));
    esc("iam-create-access-key", json::array({allow("iam:CreateAccessKey", kArn + "user/admin-user")}));
    esc("iam-create-login-profile", json::array({allow("iam:CreateLoginProfile", kArn + "user/admin-user")}));
    esc("iam-update-login-profile", json::array({allow("iam:UpdateLoginProfile", kArn + "user/admin-user")}));
    esc("iam-add-user-to-group", json::array({allow("iam:AddUserToGroup", kArn + "group/Admins")}));
    esc("iam-update-assume-role-policy", json::array({allow("iam:UpdateAssumeRolePolicy", kArn + "role/Admin")}));
    // Everything, limited by a boundary it may remove.
    s.managed("boundary-s3-and-delete",
              doc(json::array({allow({"s3:*", "iam:DeleteUserPermissionsBoundary", "iam:DeleteRolePermissionsBoundary"})})));
    s.user("esc-iam-delete-user-permissions-boundary", {doc(json::array({allow("*")}))}, {}, {},
           kArn + "policy/boundary-s3-and-delete");
    s.role("esc-iam-delete-role-permissions-boundary", kAccountTrust, {doc(json::array({allow("*")}))}, {},
           kArn + "policy/boundary-s3-and-delete");

    // ---- PassRole techniques
    passrole("passrole-lambda-invoke", json::array({allow({"lambda:CreateFunction", "lambda:InvokeFunction"}, lambda_fn())}));
    passrole("passrole-lambda-event-source",
             json::array({allow("lambda:CreateFunction", lambda_fn()), allow("lambda:CreateEventSourceMapping")}));
    passrole("passrole-lambda-add-permission",
             json::array({allow({"lambda:CreateFunction", "lambda:AddPermission"}, lambda_fn())}));
    passrole("passrole-ec2-run-instances", json::array({allow("ec2:RunInstances")}));
    passrole("passrole-ec2-spot-instances", json::array({allow("ec2:RequestSpotInstances")}));
    passrole("passrole-autoscaling-launch-configuration",
             json::array({allow({"autoscaling:CreateLaunchConfiguration", "autoscaling:CreateAutoScalingGroup"})}));
    passrole("passrole-autoscaling-launch-template",
             json::array({allow({"ec2:CreateLaunchTemplate", "autoscaling:CreateAutoScalingGroup"})}));
    passrole("passrole-cloudformation-create-stack", json::array({allow("cloudformation:CreateStack")}));
    passrole("passrole-cloudformation-change-set",
             json::array({allow({"cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"},
                                std::string("arn:aws:cloudformation:*:") + kAcct + ":stack/sandbox-*/*")}));
    passrole("passrole-glue-dev-endpoint", json::array({allow("glue:CreateDevEndpoint")}));
    passrole("passrole-glue-job", json::array({allow({"glue:CreateJob", "glue:StartJobRun"})}));
    passrole("passrole-sagemaker-notebook",
             json::array({allow({"sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"})}));
    passrole("passrole-sagemaker-training-job", json::array({allow("sagemaker:CreateTrainingJob")}));
    passrole("passrole-sagemaker-processing-job", json::array({allow("sagemaker:CreateProcessingJob")}));
    passrole("passrole-codebuild", json::array({allow({"codebuild:CreateProject", "codebuild:StartBuild"})}));
    passrole("passrole-datapipeline",
             json::array({allow({"datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition",
                                 "datapipeline:ActivatePipeline"})}));
    passrole("passrole-ecs-run-task", json::array({allow({"ecs:RegisterTaskDefinition", "ecs:RunTask"})}));
    passrole("passrole-ecs-service", json::array({allow({"ecs:RegisterTaskDefinition", "ecs:CreateService"})}));
    passrole("passrole-apprunner", json::array({allow("apprunner:CreateService")}));

    // ---- Access to what already runs as a role
    esc("lambda-update-function-code", json::array({allow("lambda:UpdateFunctionCode", lambda_fn())}));
    const std::string instances = std::string("arn:aws:ec2:*:") + kAcct + ":instance/*";
    esc("ssm-send-command",
        json::array({allow("ssm:SendCommand", json::array({instances, "arn:aws:ssm:*::document/AWS-RunShellScript"}))}));
    esc("ssm-start-session", json::array({allow("ssm:StartSession", instances)}));
    esc("ec2-instance-connect", json::array({allow("ec2-instance-connect:SendSSHPublicKey", instances)}));
    esc("ec2-modify-user-data",
        json::array({allow({"ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"}, instances)}));
    esc("sagemaker-presigned-notebook-url", json::array({allow("sagemaker:CreatePresignedNotebookInstanceUrl")}));
    esc("glue-update-dev-endpoint", json::array({allow("glue:UpdateDevEndpoint")}));
    esc("cloudformation-update-stack", json::array({allow("cloudformation:UpdateStack")}));
    esc("cloudformation-change-set-existing-stack",
        json::array({allow({"cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"})}));
    esc("codebuild-start-build-override", json::array({allow("codebuild:StartBuild")}));
    esc("ecs-execute-command", json::array({allow("ecs:ExecuteCommand")}));

    // ---- Multi-step: user -> assume Dev2 -> pass ServiceAdmin to a new Lambda function -> admin.
    s.role("Dev2", kAccountTrust,
           {doc(json::array({allow("iam:PassRole", service_admin),
                             allow({"lambda:CreateFunction", "lambda:InvokeFunction"}, lambda_fn())}))});
    s.user("multi-step", {doc(json::array({allow("sts:AssumeRole", kArn + "role/Dev2")}))});

    // ---- Traps that must NOT be reported
    s.user("trap-allow-and-deny-one-policy",
           {doc(json::array({allow("iam:PutUserPolicy", me), deny("iam:PutUserPolicy")}))});
    s.managed("deny-access-keys", doc(json::array({deny("iam:CreateAccessKey")})));
    s.user("trap-deny-in-another-policy", {doc(json::array({allow("iam:CreateAccessKey", kArn + "user/admin-user")}))},
           {kArn + "policy/deny-access-keys"});
    s.managed("boundary-s3-only", doc(json::array({allow("s3:*")})));
    s.user("trap-boundary-removes-action", {doc(json::array({allow({"iam:AttachUserPolicy", "iam:PutUserPolicy"}, me)}))},
           {}, {}, kArn + "policy/boundary-s3-only");
    s.user("trap-passrole-harmless-role",
           {doc(json::array({allow("iam:PassRole", kArn + "role/Harmless"),
                             allow({"lambda:CreateFunction", "lambda:InvokeFunction"}, lambda_fn())}))});
    s.user("trap-condition-never-holds",
           {doc(json::array({allow("iam:PutUserPolicy", me,
                                   {{"DateLessThan", {{"aws:TokenIssueTime", "2015-01-01T00:00:00Z"}}}})}))});
    s.user("trap-passrole-to-another-service",
           {doc(json::array({allow("iam:PassRole", "*", {{"StringEquals", {{"iam:PassedToService", "ec2.amazonaws.com"}}}}),
                             allow({"lambda:CreateFunction", "lambda:InvokeFunction"}, lambda_fn())}))});
    s.user("trap-attach-read-only-only",
           {doc(json::array({allow("iam:AttachUserPolicy", me,
                                   {{"ArnEquals", {{"iam:PolicyARN", "arn:aws:iam::aws:policy/ReadOnlyAccess"}}}})}))});
    s.user("trap-access-key-for-itself", {doc(json::array({allow("iam:CreateAccessKey", me)}))});
    s.user("trap-assume-untrusting-role", {doc(json::array({allow("sts:AssumeRole", kArn + "role/AdminStrict")}))});
    s.user("trap-aws-managed-policy-version", {doc(json::array({allow("iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/*")}))},
           {kAdminPolicy.substr(0, 0) + kArn + "policy/esc-none"});
    s.user("trap-lambda-code-of-other-function",
           {doc(json::array({allow("lambda:UpdateFunctionCode",
                                   std::string("arn:aws:lambda:*:") + kAcct + ":function:not-fn-admin")}))});

    // ---- Traps that MUST be reported
    s.managed("split-passrole", doc(json::array({allow("iam:PassRole", service_admin)})));
    s.group("split-group", {doc(json::array({allow("lambda:InvokeFunction", lambda_fn())}))});
    s.user("must-actions-split-over-policies", {doc(json::array({allow("lambda:CreateFunction", lambda_fn())}))},
           {kArn + "policy/split-passrole"}, {"split-group"});
    s.user("must-notaction-grants-iam", {doc(json::array({{{"Effect", "Allow"}, {"NotAction", {"s3:*", "ec2:*"}},
                                                          {"Resource", "*"}}}))});
    s.user("must-resource-constraint-reaches-admin-policy",
           {doc(json::array({allow("iam:AttachUserPolicy", me,
                                   {{"ArnLike", {{"iam:PolicyARN", "arn:aws:iam::aws:policy/Admin*"}}}})}))});
    s.user("must-passrole-pattern-reaches-admin-role",
           {doc(json::array({allow("iam:PassRole", kArn + "role/Service*"), allow("ec2:RunInstances")}))});
    s.user("must-condition-attacker-controls",
           {doc(json::array({allow("iam:PassRole", service_admin),
                             allow("lambda:CreateFunction", lambda_fn(),
                                   {{"StringEquals", {{"aws:RequestTag/owner", "${aws:username}"}}}}),
                             allow("lambda:InvokeFunction", lambda_fn())}))});
    // Conditional: depends on MFA, which CloudPeek cannot know.
    s.user("conditional-on-mfa",
           {doc(json::array({allow("iam:PutUserPolicy", me, {{"Bool", {{"aws:MultiFactorAuthPresent", "true"}}}})}))});

    // ---- Identity providers, IAM Identity Center, outsiders
    const std::string saml = kArn + "saml-provider/AWSSSO_0123abcd_DO_NOT_DELETE";
    const std::string github = kArn + "oidc-provider/token.actions.githubusercontent.com";
    s.provider("AWS::IAM::SAMLProvider", saml, "AWSSSO_0123abcd_DO_NOT_DELETE");
    s.provider("AWS::IAM::OIDCProvider", github, "token.actions.githubusercontent.com");
    s.role("AWSReservedSSO_AdministratorAccess_0123456789abcdef",
           trust({{"Federated", saml}}, json::array({"sts:AssumeRoleWithSAML", "sts:TagSession"}),
                 {{"StringEquals", {{"SAML:aud", "https://signin.aws.amazon.com/saml"}}}}),
           {}, {kAdminPolicy});
    s.role("GithubAnyRepo", trust({{"Federated", github}}, "sts:AssumeRoleWithWebIdentity",
                                  {{"StringEquals", {{"token.actions.githubusercontent.com:aud", "sts.amazonaws.com"}}}}),
           {doc(json::array({allow("s3:GetObject")}))});
    s.role("GithubOneRepo", trust({{"Federated", github}}, "sts:AssumeRoleWithWebIdentity",
                                  json::object({{"StringEquals", {{"token.actions.githubusercontent.com:aud", "sts.amazonaws.com"}}},
                                                {"StringLike", {{"token.actions.githubusercontent.com:sub", "repo:acme/app:*"}}}})),
           {}, {kAdminPolicy});
    s.role("VendorAudit", trust({{"AWS", "arn:aws:iam::444455556666:root"}}, "sts:AssumeRole",
                                {{"StringEquals", {{"sts:ExternalId", "acme-7f3a"}}}}),
           {doc(json::array({allow("s3:GetObject")}))});
    s.role("PublicRole", trust({{"AWS", "*"}}), {doc(json::array({allow("s3:ListAllMyBuckets")}))});

    BuildOptions options;
    options.now = *parse_date("2025-06-01T00:00:00Z");
    options.workloads_listed = true;
    data_ = new AuthorizationData(AuthorizationData::build(kAcct, s.resources, options));
    graph_ = Graph::build(*data_).release();
  }
  static void TearDownTestSuite() {
    delete graph_;
    delete data_;
  }

  static std::size_t node(const std::string& name) {
    auto n = data_->find(name);
    EXPECT_TRUE(n.has_value()) << name;
    return n.value_or(0);
  }
  static std::string verdict(std::size_t n, std::set<std::string>* techniques = nullptr) {
    auto ps = paths(*graph_, n, kAdmin, 50);
    if (ps.empty()) return "none";
    if (ps[0].steps.empty()) return ps[0].conditional ? "conditional" : "admin";
    std::string v = ps[0].conditional ? "conditional" : "escalates";
    if (techniques) {
      for (const Path& p : ps) {  // the shortest ones
        if (p.conditional != ps[0].conditional || p.steps.size() != ps[0].steps.size()) continue;
        for (const Edge* e : p.steps) techniques->insert(e->rule ? std::string(e->rule->id) : std::string(to_string(e->kind)));
      }
    }
    return v;
  }

  static AuthorizationData* data_;
  static Graph* graph_;
};
AuthorizationData* GraphTest::data_ = nullptr;
Graph* GraphTest::graph_ = nullptr;

TEST(EscalationRules, AtLeastThirtyAndEveryActionInTheCatalogue) {
  const auto& rules = escalation_rules();
  EXPECT_GE(rules.size(), 30u);
  std::set<std::string_view> ids;
  for (const EscalationRule& r : rules) {
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
    EXPECT_FALSE(r.steps.empty()) << r.id;
    EXPECT_FALSE(r.description.empty()) << r.id;
    EXPECT_FALSE(r.reference.empty()) << r.id;
    for (const Step& s : r.steps) {
      EXPECT_TRUE(Catalogue::get().find_action(s.action).has_value()) << r.id << ": " << s.action;
      if (!s.resource_type.empty()) {
        std::string service(s.action.substr(0, s.action.find(':')));
        EXPECT_TRUE(Catalogue::get().arn_format(service, s.resource_type).has_value())
            << r.id << ": " << service << " " << s.resource_type;
      }
    }
  }
  EXPECT_EQ(find_rule("iam-create-policy-version")->name, "iam:CreatePolicyVersion");
  EXPECT_EQ(find_rule("nope"), nullptr);
}

TEST_F(GraphTest, NodesFromTheInventory) {
  EXPECT_TRUE(data_->warnings().empty()) << data_->warnings().front();
  const Node& sso = data_->node(node("AWSReservedSSO_AdministratorAccess_0123456789abcdef"));
  EXPECT_EQ(sso.permission_set, "AdministratorAccess");
  EXPECT_EQ(data_->find("AdministratorAccess"), data_->find(sso.arn));
  EXPECT_EQ(permission_set_of("AWSReservedSSO_Read_Only_abc123"), "Read_Only");
  EXPECT_EQ(permission_set_of("AWSReservedSSO_nohash"), std::nullopt);
  EXPECT_EQ(data_->node(node("root")).kind, NodeKind::kRoot);
  EXPECT_EQ(data_->node(node("arn:aws:iam::444455556666:root")).kind, NodeKind::kExternalAccount);
  EXPECT_EQ(data_->node(node("*")).kind, NodeKind::kAnyone);
  EXPECT_EQ(data_->node(node(kArn + "saml-provider/AWSSSO_0123abcd_DO_NOT_DELETE")).kind, NodeKind::kSamlProvider);
  // Group policies are the user's; the boundary read from GetAccountAuthorizationDetails' answer.
  const Node& split = data_->node(node("must-actions-split-over-policies"));
  EXPECT_EQ(split.principal.identity_policies.size(), 3u);
  EXPECT_NE(data_->node(node("trap-boundary-removes-action")).principal.permissions_boundary, nullptr);
  EXPECT_EQ(data_->node(node("ServiceAdmin")).instance_profiles.size(), 1u);
  ASSERT_EQ(data_->workloads().size(), 2u);
  EXPECT_EQ(data_->workloads()[0].role_arn, kArn + "role/ServiceAdmin");
  EXPECT_EQ(data_->workloads()[1].role_arn, kArn + "role/ServiceAdmin");
}

// The verdict table: every principal of the account, expected against found.
TEST_F(GraphTest, VerdictTable) {
  std::vector<Planted> expected = {
      {"root", "admin", ""},
      {"admin-user", "admin", ""},
      {"Admin", "admin", ""},
      {"ServiceAdmin", "admin", ""},
      {"AdminStrict", "admin", ""},
      {"AWSReservedSSO_AdministratorAccess_0123456789abcdef", "admin", ""},
      {"GithubOneRepo", "admin", ""},
      {"Harmless", "none", ""},
      {"Dev", "none", ""},
      {"GithubAnyRepo", "none", ""},
      {"VendorAudit", "none", ""},
      {"PublicRole", "none", ""},
      {"breakglass", "escalates", "sts:AssumeRole"},
      {"multi-step", "escalates", "passrole-lambda-invoke"},
      {"Dev2", "escalates", "passrole-lambda-invoke"},
      {"esc-iam-delete-role-permissions-boundary", "escalates", "iam-delete-role-permissions-boundary"},
      {"trap-allow-and-deny-one-policy", "none", ""},
      {"trap-deny-in-another-policy", "none", ""},
      {"trap-boundary-removes-action", "none", ""},
      {"trap-passrole-harmless-role", "none", ""},
      {"trap-condition-never-holds", "none", ""},
      {"trap-passrole-to-another-service", "none", ""},
      {"trap-attach-read-only-only", "none", ""},
      {"trap-access-key-for-itself", "none", ""},
      {"trap-assume-untrusting-role", "none", ""},
      {"trap-aws-managed-policy-version", "none", ""},
      {"trap-lambda-code-of-other-function", "none", ""},
      {"must-actions-split-over-policies", "escalates", "passrole-lambda-invoke"},
      {"must-notaction-grants-iam", "escalates", "iam-put-user-policy"},
      {"must-resource-constraint-reaches-admin-policy", "escalates", "iam-attach-user-policy"},
      {"must-passrole-pattern-reaches-admin-role", "escalates", "passrole-ec2-run-instances"},
      {"must-condition-attacker-controls", "escalates", "passrole-lambda-invoke"},
      {"conditional-on-mfa", "conditional", "iam-put-user-policy"},
  };
  // One principal per technique.
  for (const EscalationRule& r : escalation_rules()) {
    if (r.id == "iam-delete-role-permissions-boundary") continue;  // a role, listed above
    expected.push_back({"esc-" + std::string(r.id), "escalates", std::string(r.id)});
  }

  std::map<std::string, const Planted*> by_name;
  for (const Planted& p : expected) by_name[p.principal] = &p;
  int true_pos = 0, false_pos = 0, false_neg = 0, mismatched = 0;
  std::string table;
  for (std::size_t n = 0; n < data_->nodes().size(); ++n) {
    const Node& node = data_->node(n);
    if (!node.internal) continue;
    auto it = by_name.find(node.kind == NodeKind::kRoot ? "root" : node.name);
    ASSERT_NE(it, by_name.end()) << "no expected verdict for " << node.name;
    const Planted& want = *it->second;
    std::set<std::string> techniques;
    std::string found = verdict(n, &techniques);
    bool technique_ok = want.technique.empty() || techniques.count(want.technique);
    bool ok = found == want.verdict && technique_ok;
    bool want_reported = want.verdict != "none";
    bool reported = found != "none";
    if (want_reported && reported && want.verdict != "admin") ++true_pos;
    if (!want_reported && reported) ++false_pos;
    if (want_reported && !reported) ++false_neg;
    if (!ok) ++mismatched;
    std::string via;
    for (const auto& t : techniques) via += (via.empty() ? "" : ",") + t;
    table += (ok ? "  ok  " : "  !!  ") + want.principal + ": expected " + want.verdict +
             (want.technique.empty() ? "" : " via " + want.technique) + ", found " + found +
             (via.empty() ? "" : " via {" + via + "}") + "\n";
    EXPECT_EQ(found, want.verdict) << want.principal;
    EXPECT_TRUE(technique_ok) << want.principal << ": " << want.technique << " not among {" << via << "}";
    by_name.erase(it);
  }
  for (const auto& [name, _] : by_name) ADD_FAILURE() << "planted principal missing from the graph: " << name;
  EXPECT_EQ(false_pos, 0);
  EXPECT_EQ(false_neg, 0);
  EXPECT_EQ(mismatched, 0);
  EXPECT_GE(true_pos, 30 + 7);
  std::cout << "verdicts (" << true_pos << " reported as expected, " << false_pos << " false positives, " << false_neg
            << " false negatives):\n"
            << table;
}

TEST_F(GraphTest, MultiStepPathStepByStep) {
  auto ps = paths(*graph_, node("multi-step"));
  ASSERT_FALSE(ps.empty());
  const Path& p = ps[0];
  ASSERT_EQ(p.steps.size(), 2u);
  EXPECT_EQ(p.steps[0]->kind, EdgeKind::kAssumeRole);
  EXPECT_EQ(data_->node(p.steps[0]->to).name, "Dev2");
  EXPECT_EQ(p.steps[1]->rule->id, "passrole-lambda-invoke");
  EXPECT_EQ(data_->node(p.steps[1]->to).name, "ServiceAdmin");
  EXPECT_FALSE(p.conditional);
  EXPECT_EQ(p.summary, "user multi-step -> sts:AssumeRole -> role Dev2 -> passrole-lambda-invoke -> role ServiceAdmin");
  // Each step with its statements: the identity policy and the trust policy for the assume step.
  ASSERT_EQ(p.steps[0]->grants.size(), 1u);
  EXPECT_EQ(p.steps[0]->grants[0].statements.size(), 2u);
  const Edge& lambda = *p.steps[1];
  ASSERT_EQ(lambda.grants.size(), 4u);  // PassRole, CreateFunction, InvokeFunction, the service's trust
  EXPECT_EQ(lambda.grants[0].action, "iam:PassRole");
  EXPECT_EQ(lambda.grants[0].resource, kArn + "role/ServiceAdmin");
  EXPECT_EQ(lambda.grants[1].action, "lambda:CreateFunction");
  EXPECT_EQ(lambda.grants[1].resource, lambda.grants[2].resource);  // the function it creates is the one it invokes
  std::string text = describe(*graph_, p);
  EXPECT_NE(text.find("allowed by identity-based policy role/Dev2 inline inline0"), std::string::npos) << text;
  EXPECT_NE(text.find("role ServiceAdmin is allowed everything"), std::string::npos) << text;
}

TEST_F(GraphTest, EmpowerThenReach) {
  // AttachRolePolicy on Dev, then assume Dev.
  auto ps = paths(*graph_, node("esc-iam-attach-role-policy"));
  ASSERT_FALSE(ps.empty());
  ASSERT_EQ(ps[0].steps.size(), 2u);
  EXPECT_TRUE(ps[0].steps[0]->empowers);
  EXPECT_EQ(ps[0].steps[1]->kind, EdgeKind::kAssumeRole);
  EXPECT_EQ(data_->node(ps[0].end).name, "Dev");
  // The attach is allowed, by the statement that grants it.
  EXPECT_EQ(ps[0].steps[0]->grants[0].decision, Decision::kAllowed);
  EXPECT_FALSE(ps[0].steps[0]->grants[0].statements.empty());
}

TEST_F(GraphTest, AdminStatus) {
  EXPECT_EQ(is_admin(*graph_, node("admin-user")).level, AdminLevel::kFullAccess);
  AdminStatus self = is_admin(*graph_, node("esc-iam-put-user-policy"));
  EXPECT_EQ(self.level, AdminLevel::kGrantsItself);
  ASSERT_NE(self.self_grant, nullptr);
  EXPECT_EQ(self.self_grant->rule->id, "iam-put-user-policy");
  AdminStatus mfa = is_admin(*graph_, node("conditional-on-mfa"));
  EXPECT_EQ(mfa.level, AdminLevel::kGrantsItself);
  EXPECT_TRUE(mfa.conditional);
  ASSERT_EQ(mfa.self_grant->grants.size(), 1u);
  ASSERT_EQ(mfa.self_grant->grants[0].conditions.size(), 1u);
  EXPECT_NE(mfa.self_grant->grants[0].conditions[0].find("Bool aws:MultiFactorAuthPresent"), std::string::npos);
  EXPECT_EQ(is_admin(*graph_, node("multi-step")).level, AdminLevel::kNo);
  EXPECT_EQ(is_admin(*graph_, node("trap-condition-never-holds")).level, AdminLevel::kNo);
}

TEST_F(GraphTest, AttackerControlledConditionIsReportedWithIt) {
  auto ps = paths(*graph_, node("must-condition-attacker-controls"));
  ASSERT_FALSE(ps.empty());
  const Edge& e = *ps[0].steps[0];
  ASSERT_GE(e.grants.size(), 2u);
  EXPECT_EQ(e.grants[1].action, "lambda:CreateFunction");
  ASSERT_EQ(e.grants[1].controlled.size(), 1u);
  EXPECT_NE(e.grants[1].controlled[0].find("aws:RequestTag/owner"), std::string::npos);
}

TEST_F(GraphTest, AssumptionsAreSaid) {
  auto ps = paths(*graph_, node("esc-sagemaker-presigned-notebook-url"));
  ASSERT_FALSE(ps.empty());
  ASSERT_FALSE(ps[0].steps[0]->assumptions.empty());
  EXPECT_NE(ps[0].steps[0]->assumptions[0].find("assumes a sagemaker-notebook running as role ServiceAdmin exists"),
            std::string::npos);
  // Listed workloads: the function's own role, no assumption.
  auto fn = paths(*graph_, node("esc-lambda-update-function-code"));
  ASSERT_FALSE(fn.empty());
  EXPECT_TRUE(fn[0].steps[0]->assumptions.empty());
  EXPECT_NE(fn[0].steps[0]->detail.find("function:fn-admin"), std::string::npos);
}

TEST_F(GraphTest, ProvidersAndOutsiders) {
  std::size_t saml = node(kArn + "saml-provider/AWSSSO_0123abcd_DO_NOT_DELETE");
  auto ps = paths(*graph_, saml);
  ASSERT_FALSE(ps.empty());
  EXPECT_EQ(ps[0].steps[0]->kind, EdgeKind::kAssumeRoleWithSaml);
  EXPECT_FALSE(ps[0].conditional);
  // GitHub: any repository may assume GithubAnyRepo; only acme/app GithubOneRepo (conditional on sub).
  std::size_t github = node(kArn + "oidc-provider/token.actions.githubusercontent.com");
  auto any_repo = paths(*graph_, github, node("GithubAnyRepo"));
  ASSERT_FALSE(any_repo.empty());
  EXPECT_FALSE(any_repo[0].conditional);
  EXPECT_EQ(any_repo[0].steps.size(), 1u);
  EXPECT_EQ(any_repo.size(), 1u);
  auto one_repo = paths(*graph_, github, node("GithubOneRepo"));
  ASSERT_FALSE(one_repo.empty());
  EXPECT_TRUE(one_repo[0].conditional);
  ASSERT_EQ(one_repo[0].steps[0]->grants[0].conditions.size(), 1u);
  EXPECT_NE(one_repo[0].steps[0]->grants[0].conditions[0].find("token.actions.githubusercontent.com:sub"),
            std::string::npos);
  // Outsiders: the vendor account with its ExternalId, anyone into PublicRole; neither reaches an administrator.
  auto vendor = paths(*graph_, node("arn:aws:iam::444455556666:root"), node("VendorAudit"));
  ASSERT_EQ(vendor.size(), 1u);
  EXPECT_FALSE(vendor[0].conditional);
  EXPECT_EQ(paths(*graph_, node("*"), node("PublicRole")).size(), 1u);
  EXPECT_TRUE(paths(*graph_, node("*")).empty());
  EXPECT_TRUE(paths(*graph_, node("arn:aws:iam::444455556666:root")).empty());
  EXPECT_TRUE(paths(*graph_, node("*"), node("Admin")).empty());
}

TEST_F(GraphTest, WhoCan) {
  auto result = who_can(*graph_, "iam:CreateAccessKey", kArn + "user/admin-user");
  std::map<std::string, Decision> by;
  for (const WhoCan& w : result) by[data_->node(w.node).name] = w.decision;
  EXPECT_EQ(by["esc-iam-create-access-key"], Decision::kAllowed);
  EXPECT_EQ(by["admin-user"], Decision::kAllowed);
  EXPECT_EQ(by["trap-deny-in-another-policy"], Decision::kExplicitDeny);
  EXPECT_EQ(by["multi-step"], Decision::kImplicitDeny);
  for (const WhoCan& w : result) {
    if (data_->node(w.node).name == "trap-deny-in-another-policy") {
      ASSERT_EQ(w.statements.size(), 1u);
      EXPECT_EQ(w.statements[0].policy->name, kArn + "policy/deny-access-keys");
    }
  }
  // A role's trust policy is the resource policy of sts:AssumeRole.
  auto assume = who_can(*graph_, "sts:AssumeRole", kArn + "role/AdminStrict");
  std::map<std::string, Decision> a;
  for (const WhoCan& w : assume) a[data_->node(w.node).name] = w.decision;
  EXPECT_EQ(a["breakglass"], Decision::kAllowed);
  EXPECT_EQ(a["trap-assume-untrusting-role"], Decision::kImplicitDeny);
  EXPECT_EQ(a["admin-user"], Decision::kImplicitDeny);  // the trust policy names only breakglass
  // Conditional with the condition.
  auto put = who_can(*graph_, "iam:PutUserPolicy", kArn + "user/conditional-on-mfa");
  for (const WhoCan& w : put) {
    if (data_->node(w.node).name != "conditional-on-mfa") continue;
    EXPECT_EQ(w.decision, Decision::kConditional);
    ASSERT_EQ(w.conditions.size(), 1u);
  }
}

// From an Inventory: Lambda functions not collected, so any role Lambda may
// assume could run one (said in the edge); a boundary whose document was not
// collected is ignored and said so.
TEST(GraphFromInventory, UnlistedWorkloadsAndMissingBoundaryAreAssumptionsSaid) {
  Scenario s;
  s.managed("AdministratorAccess", doc(json::array({allow("*")})), true);
  s.role("FnAdmin", trust({{"Service", "lambda.amazonaws.com"}}), {}, {kAdminPolicy});
  s.user("coder", {doc(json::array({allow("lambda:UpdateFunctionCode")}))}, {}, {}, kArn + "policy/not-collected");
  Inventory inv;
  inv.account = kAcct;
  for (Resource& r : s.resources) inv.add(r);
  AuthorizationData d = AuthorizationData::build(inv, BuildOptions{.now = *parse_date("2025-06-01")});
  EXPECT_FALSE(d.functions_listed());
  const Node& coder = d.node(*d.find("coder"));
  EXPECT_EQ(coder.principal.permissions_boundary, nullptr);
  ASSERT_EQ(coder.notes.size(), 1u);
  EXPECT_NE(coder.notes[0].find("permissions boundary"), std::string::npos);
  auto g = Graph::build(d);
  auto ps = paths(*g, *d.find("coder"));
  ASSERT_EQ(ps.size(), 1u);
  ASSERT_EQ(ps[0].steps.size(), 1u);
  EXPECT_EQ(ps[0].steps[0]->rule->id, "lambda-update-function-code");
  ASSERT_FALSE(ps[0].steps[0]->assumptions.empty());
  EXPECT_NE(ps[0].steps[0]->assumptions[0].find("assumes a lambda running as role FnAdmin exists"), std::string::npos);
  EXPECT_NE(describe(*g, ps[0]).find("role FnAdmin is allowed everything"), std::string::npos);
}

}  // namespace
}  // namespace cloudpeek::iam

namespace cloudpeek::iam {
namespace {

// A permissions boundary stays when permissions are given to a principal: its
// effective permissions are the intersection of its identity policies and the
// boundary (AWS, "Permissions boundaries for IAM entities"). Writing a policy
// into a bounded principal, attaching one to it or rewriting a policy it holds
// makes it an administrator only when the boundary admits everything or lets it
// remove or replace the boundary.
TEST(GraphBoundaries, EmpoweringABoundedPrincipalLeavesItCapped) {
  Scenario s;
  s.managed("AdministratorAccess", doc(json::array({allow("*")})), true);
  s.managed("writes-and-s3", doc(json::array({allow(json::array({"iam:PutUserPolicy", "iam:AttachUserPolicy",
                                                                     "iam:CreatePolicyVersion", "s3:*"}))})));
  s.managed("s3-only", doc(json::array({allow("s3:*")})));
  s.managed("can-drop", doc(json::array({allow(json::array({"s3:*", "iam:DeleteRolePermissionsBoundary"}))})));
  s.managed("mine", doc(json::array({allow("iam:CreatePolicyVersion", kArn + "policy/mine")})));
  // Writes policies into itself; its boundary allows the writes, not what they would grant.
  s.user("writer", {doc(json::array({allow(json::array({"iam:PutUserPolicy", "iam:AttachUserPolicy"}),
                                           kArn + "user/writer")}))},
         {}, {}, kArn + "policy/writes-and-s3");
  // Rewrites a policy it holds, under the same boundary.
  s.user("versioner", {}, {kArn + "policy/mine"}, {}, kArn + "policy/writes-and-s3");
  // Empowers a role it may assume; the role's boundary caps it.
  s.role("Capped", kAccountTrust, {}, {}, kArn + "policy/s3-only");
  s.user("empowerer", {doc(json::array({allow(json::array({"iam:AttachRolePolicy", "iam:PutRolePolicy"}),
                                              kArn + "role/Capped"),
                                        allow("sts:AssumeRole", kArn + "role/Capped")}))});
  // The same, but this role's boundary lets an administrator policy remove the boundary.
  s.role("Droppable", kAccountTrust, {}, {}, kArn + "policy/can-drop");
  s.user("empowerer-droppable", {doc(json::array({allow("iam:AttachRolePolicy", kArn + "role/Droppable"),
                                                  allow("sts:AssumeRole", kArn + "role/Droppable")}))});
  AuthorizationData d = AuthorizationData::build(kAcct, s.resources, BuildOptions{.now = *parse_date("2025-06-01"),
                                                                                    .workloads_listed = true});
  auto g = Graph::build(d);
  for (const char* capped : {"writer", "versioner", "empowerer", "Capped"}) {
    EXPECT_TRUE(paths(*g, *d.find(capped)).empty()) << capped << ": " << paths(*g, *d.find(capped))[0].summary;
    EXPECT_EQ(is_admin(*g, *d.find(capped)).level, AdminLevel::kNo) << capped;
  }
  auto ps = paths(*g, *d.find("empowerer-droppable"));
  ASSERT_FALSE(ps.empty());
  EXPECT_EQ(ps[0].steps[0]->rule->id, "iam-attach-role-policy");
  EXPECT_EQ(ps[0].end, *d.find("Droppable"));
}


// Joining a group (or removing one's boundary) that is not itself a way to
// administrator still is one when the principal it makes can go on: the group's
// policies pass an administrator role to a new Lambda function (Rhino Security
// Labs: AddUserToGroup gains "the privileges of whatever group"; the rest of the
// path is the group's).
TEST(GraphChangedPrincipal, JoiningAGroupOrDroppingABoundaryThenEscalating) {
  Scenario s;
  s.managed("AdministratorAccess", doc(json::array({allow("*")})), true);
  s.managed("only-drop", doc(json::array({allow("iam:DeleteUserPermissionsBoundary")})));
  s.role("FnAdmin", trust({{"Service", "lambda.amazonaws.com"}}), {}, {kAdminPolicy});
  const json deploy = doc(json::array({allow("iam:PassRole", kArn + "role/FnAdmin"),
                                       allow(json::array({"lambda:CreateFunction", "lambda:InvokeFunction"}))}));
  s.group("deployers", {deploy});
  s.group("readers", {doc(json::array({allow("s3:GetObject")}))});
  s.user("joiner", {doc(json::array({allow("iam:AddUserToGroup", kArn + "group/deployers")}))});
  s.user("joiner-readers", {doc(json::array({allow("iam:AddUserToGroup", kArn + "group/readers")}))});
  s.user("unbinder", {deploy, doc(json::array({allow("iam:DeleteUserPermissionsBoundary", kArn + "user/unbinder")}))}, {},
         {}, kArn + "policy/only-drop");
  AuthorizationData d = AuthorizationData::build(kAcct, s.resources, BuildOptions{.now = *parse_date("2025-06-01"),
                                                                                    .workloads_listed = true});
  auto g = Graph::build(d);
  auto joiner = paths(*g, *d.find("joiner"));
  ASSERT_FALSE(joiner.empty());
  ASSERT_EQ(joiner[0].steps.size(), 1u);
  EXPECT_EQ(joiner[0].steps[0]->rule->id, "iam-add-user-to-group");
  EXPECT_EQ(joiner[0].end, *d.find("FnAdmin"));
  EXPECT_FALSE(joiner[0].conditional);
  EXPECT_NE(joiner[0].steps[0]->detail.find("into group deployers, then"), std::string::npos) << joiner[0].steps[0]->detail;
  // Both steps' requests are on the edge: the AddUserToGroup and the PassRole.
  std::set<std::string> actions;
  for (const Grant& gr : joiner[0].steps[0]->grants) actions.insert(gr.action);
  EXPECT_TRUE(actions.count("iam:AddUserToGroup") && actions.count("iam:PassRole"));
  EXPECT_TRUE(paths(*g, *d.find("joiner-readers")).empty());
  auto unbinder = paths(*g, *d.find("unbinder"));
  ASSERT_FALSE(unbinder.empty());
  EXPECT_EQ(unbinder[0].steps[0]->rule->id, "iam-delete-user-permissions-boundary");
  EXPECT_EQ(unbinder[0].end, *d.find("FnAdmin"));
}


// Attaching a managed policy makes a principal an administrator when the policy
// lets it write itself any policy, not only when it allows everything:
// IAMFullAccess (in every account, listed or not) and a customer policy with
// iam:* on *. An iam:PolicyARN condition that excludes only AdministratorAccess
// does not stop the escalation.
TEST(GraphAdminPolicies, SelfGrantingPoliciesCountAsAdministratorPolicies) {
  Scenario s;
  s.managed("AdministratorAccess", doc(json::array({allow("*")})), true);
  s.managed("iam-all", doc(json::array({allow("iam:*")})));
  s.managed("ReadOnlyAccess", doc(json::array({allow(json::array({"s3:Get*", "iam:Get*"}))})), true);
  auto attach_if = [&](const char* name, const char* op, const std::string& policy) {
    s.user(name, {doc(json::array({allow("iam:AttachUserPolicy", kArn + "user/" + name,
                                         {{op, {{"iam:PolicyARN", policy}}}})}))});
  };
  attach_if("all-but-admin", "ArnNotEquals", kAdminPolicy);
  attach_if("only-custom-iam", "ArnEquals", kArn + "policy/iam-all");
  attach_if("only-readonly", "ArnEquals", "arn:aws:iam::aws:policy/ReadOnlyAccess");
  AuthorizationData d = AuthorizationData::build(kAcct, s.resources, BuildOptions{.now = *parse_date("2025-06-01"),
                                                                                    .workloads_listed = true});
  auto g = Graph::build(d);
  for (const char* escalates : {"all-but-admin", "only-custom-iam"}) {
    auto ps = paths(*g, *d.find(escalates));
    ASSERT_FALSE(ps.empty()) << escalates;
    EXPECT_EQ(ps[0].steps[0]->rule->id, "iam-attach-user-policy") << escalates;
    EXPECT_FALSE(ps[0].conditional) << escalates;
  }
  EXPECT_TRUE(paths(*g, *d.find("only-readonly")).empty());
}

}  // namespace
}  // namespace cloudpeek::iam
