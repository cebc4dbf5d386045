// AWS's evaluation order, from "Policy evaluation logic", "Policy evaluation
// for requests within a single account", "Cross-account policy evaluation
// logic", "Permissions boundaries for IAM entities" (evaluation with
// resource-based policies) and "Service control policies" (IAM User Guide /
// AWS Organizations User Guide).
#include "iam/evaluate.h"

#include <gtest/gtest.h>

#include <deque>

namespace cloudpeek::iam {
namespace {

constexpr const char* kAcct = "111122223333";
constexpr const char* kOther = "444455556666";

class Eval : public ::testing::Test {
 protected:
  const Policy* policy(std::string_view text, std::string name = "p") {
    auto p = parse_policy_text(text, std::move(name));
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().describe());
    policies_.push_back(p.ok() ? std::move(*p) : Policy{});
    return &policies_.back();
  }
  // {"Version":"2012-10-17","Statement":[...]} from the statements alone.
  const Policy* stmts(std::string_view statements, std::string name = "p") {
    return policy(std::string(R"({"Version":"2012-10-17","Statement":)") + std::string(statements) + "}", std::move(name));
  }
  Evaluation run(const Principal& who, std::string_view action, std::string_view resource = "*",
                 const Policy* resource_policy = nullptr, std::string_view resource_account = {},
                 ResourcePolicyRule rule = ResourcePolicyRule::kOptional) {
    Request r;
    r.principal = &who;
    r.action = action;
    r.resource = resource;
    r.resource_policy = resource_policy;
    r.resource_account = resource_account;
    r.resource_rule = rule;
    r.context = &context_;
    r.scps = scps_.levels.empty() ? nullptr : &scps_;
    r.rcps = rcps_.levels.empty() ? nullptr : &rcps_;
    return evaluate(r);
  }
  std::deque<Policy> policies_;
  Context context_;
  OrgPolicies scps_, rcps_;
};

Principal user(const char* name, const char* account = kAcct) {
  return make_user(std::string("arn:aws:iam::") + account + ":user/" + name);
}
Principal role(const char* name, const char* session = "s", const char* account = kAcct) {
  return make_role_session(std::string("arn:aws:iam::") + account + ":role/" + name, session);
}

// ---- identity policies ------------------------------------------------------

TEST_F(Eval, ImplicitDenyByDefaultAllowFromAnIdentityPolicy) {
  Principal alice = user("alice");
  EXPECT_EQ(run(alice, "s3:GetObject", "arn:aws:s3:::b/k").decision, Decision::kImplicitDeny);
  alice.identity_policies.push_back(
      stmts(R"([{"Sid":"Read","Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::b/*"}])", "ReadB"));
  Evaluation e = run(alice, "S3:GETOBJECT", "arn:aws:s3:::b/k");
  EXPECT_EQ(e.decision, Decision::kAllowed);
  ASSERT_EQ(e.statements.size(), 1u);
  EXPECT_EQ(e.statements[0].policy->name, "ReadB");
  EXPECT_EQ(e.statements[0].statement->sid, "Read");
  EXPECT_EQ(describe(e.statements[0]), "identity-based policy ReadB, statement 0 (Sid Read)");
  EXPECT_EQ(e.statements[0].kind, PolicyKind::kIdentity);
  EXPECT_EQ(run(alice, "s3:GetObject", "arn:aws:s3:::other/k").decision, Decision::kImplicitDeny);
  EXPECT_EQ(run(alice, "s3:PutObject", "arn:aws:s3:::b/k").reason, "no identity-based or resource-based policy allows it");
}

// "An explicit deny in any of these policies overrides the allow", the Deny
// being in the same policy or another one (a group's).
TEST_F(Eval, ExplicitDenyWinsWhereverItIs) {
  Principal bob = user("bob");
  bob.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"*","Resource":"*"}])", "Admin"));
  bob.identity_policies.push_back(
      stmts(R"([{"Sid":"NoIam","Effect":"Deny","Action":"iam:*","Resource":"*"}])", "group/devs NoIam"));
  Evaluation e = run(bob, "iam:CreateAccessKey", "arn:aws:iam::111122223333:user/bob");
  EXPECT_EQ(e.decision, Decision::kExplicitDeny);
  ASSERT_EQ(e.statements.size(), 1u);
  EXPECT_EQ(e.statements[0].policy->name, "group/devs NoIam");
  EXPECT_EQ(e.statements[0].statement->index, 0u);
  EXPECT_EQ(run(bob, "ec2:RunInstances").decision, Decision::kAllowed);
  Principal carol = user("carol");
  carol.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"s3:*","Resource":"*"},
      {"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}])"));
  EXPECT_EQ(run(carol, "s3:DeleteBucket", "arn:aws:s3:::b").decision, Decision::kExplicitDeny);
  EXPECT_EQ(run(carol, "s3:ListBucket", "arn:aws:s3:::b").decision, Decision::kAllowed);
}

// IAM JSON policy elements: NotAction / NotResource.
TEST_F(Eval, NotActionAndNotResource) {
  Principal dave = user("dave");
  dave.identity_policies.push_back(stmts(R"([{"Effect":"Allow","NotAction":"iam:*","Resource":"*"},
      {"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::allowed","arn:aws:s3:::allowed/*"]}])"));
  EXPECT_EQ(run(dave, "ec2:TerminateInstances").decision, Decision::kAllowed);
  EXPECT_EQ(run(dave, "iam:CreateUser").decision, Decision::kImplicitDeny);
  EXPECT_EQ(run(dave, "s3:GetObject", "arn:aws:s3:::allowed/x").decision, Decision::kAllowed);
  EXPECT_EQ(run(dave, "s3:GetObject", "arn:aws:s3:::secret/x").decision, Decision::kExplicitDeny);
  // NotAction that leaves iam:* in: the trap that grants administrator.
  Principal eve = user("eve");
  eve.identity_policies.push_back(stmts(R"([{"Effect":"Allow","NotAction":["s3:*","ec2:*"],"Resource":"*"}])"));
  EXPECT_EQ(run(eve, "iam:AttachUserPolicy", "arn:aws:iam::111122223333:user/eve").decision, Decision::kAllowed);
}

// ---- permissions boundaries and session policies ----------------------------

// Permissions boundaries: "the effective permissions are the intersection";
// a Deny in the boundary is an explicit deny.
TEST_F(Eval, PermissionsBoundaryIntersects) {
  Principal dev = role("Developer");
  dev.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":["s3:*","iam:*"],"Resource":"*"}])"));
  dev.permissions_boundary = stmts(R"([{"Effect":"Allow","Action":["s3:*","cloudwatch:*"],"Resource":"*"},
      {"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}])", "Boundary");
  EXPECT_EQ(run(dev, "s3:GetObject", "arn:aws:s3:::b/k").decision, Decision::kAllowed);
  Evaluation e = run(dev, "iam:CreateUser");
  EXPECT_EQ(e.decision, Decision::kImplicitDeny);
  EXPECT_EQ(e.reason, "the permissions boundary does not allow it");
  // The boundary alone grants nothing.
  EXPECT_EQ(run(dev, "cloudwatch:PutMetricData").decision, Decision::kImplicitDeny);
  Evaluation d = run(dev, "s3:DeleteBucket", "arn:aws:s3:::b");
  EXPECT_EQ(d.decision, Decision::kExplicitDeny);
  EXPECT_EQ(d.statements[0].kind, PolicyKind::kPermissionsBoundary);
}

// Session policies: "the resulting session's permissions are the intersection
// of the identity-based policies and the session policies".
TEST_F(Eval, SessionPoliciesIntersect) {
  Principal s = role("Broad");
  s.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"*","Resource":"*"}])"));
  s.session_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}])"));
  EXPECT_EQ(run(s, "s3:GetObject", "arn:aws:s3:::b/k").decision, Decision::kAllowed);
  Evaluation e = run(s, "s3:PutObject", "arn:aws:s3:::b/k");
  EXPECT_EQ(e.decision, Decision::kImplicitDeny);
  EXPECT_EQ(e.reason, "no session policy allows it");
}

// ---- resource-based policies, same account ------------------------------------

// "If either the identity-based policy or the resource-based policy within the
// same account allows the request and the other doesn't, the request is still
// allowed." (Carlos and the amzn-s3-demo-bucket-carlossalazar-logs example.)
TEST_F(Eval, SameAccountEitherSideSuffices) {
  Principal carlos = user("carlossalazar");
  const Policy* bucket = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/carlossalazar"},
      "Action":"s3:PutObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar-logs/*"}])", "bucket policy");
  Evaluation e = run(carlos, "s3:PutObject", "arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar-logs/log.txt", bucket, kAcct);
  EXPECT_EQ(e.decision, Decision::kAllowed);
  ASSERT_EQ(e.statements.size(), 1u);
  EXPECT_EQ(e.statements[0].kind, PolicyKind::kResource);
  // A resource policy Deny wins over an identity allow.
  Principal other = user("other");
  other.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"s3:*","Resource":"*"}])"));
  const Policy* deny = stmts(R"([{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*",
      "Condition":{"Bool":{"aws:SecureTransport":"false"}}}])");
  context_.set("aws:SecureTransport", "false");
  EXPECT_EQ(run(other, "s3:GetObject", "arn:aws:s3:::b/k", deny, kAcct).decision, Decision::kExplicitDeny);
  context_.set("aws:SecureTransport", "true");
  EXPECT_EQ(run(other, "s3:GetObject", "arn:aws:s3:::b/k", deny, kAcct).decision, Decision::kAllowed);
}

// "Within an account, an implicit deny in a permissions boundary does not limit
// the permissions granted to an IAM user [ARN] by a resource-based policy"; a
// grant to a role ARN is limited by the boundary, one to the role session ARN
// is not; one to the account delegates to identity policies.
TEST_F(Eval, SameAccountResourcePolicyAndBoundariesByPrincipalKind) {
  const Policy* boundary = stmts(R"([{"Effect":"Allow","Action":"ec2:*","Resource":"*"}])", "Boundary");
  const char* obj = "arn:aws:s3:::b/k";

  Principal u = user("u");
  u.permissions_boundary = boundary;
  const Policy* to_user = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/u"},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}])");
  EXPECT_EQ(run(u, "s3:GetObject", obj, to_user, kAcct).decision, Decision::kAllowed);

  Principal r = role("R", "sess");
  r.permissions_boundary = boundary;
  const Policy* to_role = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/R"},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}])");
  Evaluation limited = run(r, "s3:GetObject", obj, to_role, kAcct);
  EXPECT_EQ(limited.decision, Decision::kImplicitDeny);
  EXPECT_EQ(limited.reason, "the permissions boundary does not allow it");
  const Policy* to_session = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::111122223333:assumed-role/R/sess"},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}])");
  EXPECT_EQ(run(r, "s3:GetObject", obj, to_session, kAcct).decision, Decision::kAllowed);
  // Without a boundary, a grant to the role ARN needs no identity policy.
  Principal plain = role("R", "sess");
  EXPECT_EQ(run(plain, "s3:GetObject", obj, to_role, kAcct).decision, Decision::kAllowed);
  // ... but a session policy still limits it.
  plain.session_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"ec2:*","Resource":"*"}])"));
  EXPECT_EQ(run(plain, "s3:GetObject", obj, to_role, kAcct).decision, Decision::kImplicitDeny);
  EXPECT_EQ(run(plain, "s3:GetObject", obj, to_session, kAcct).decision, Decision::kAllowed);

  const Policy* to_account = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"111122223333"},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}])");
  Principal v = user("v");
  EXPECT_EQ(run(v, "s3:GetObject", obj, to_account, kAcct).decision, Decision::kImplicitDeny);
  v.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}])"));
  EXPECT_EQ(run(v, "s3:GetObject", obj, to_account, kAcct).decision, Decision::kAllowed);
}

// IAM role trust policies and KMS key policies "must explicitly allow access".
TEST_F(Eval, TrustPoliciesAndKeyPoliciesMustAllow) {
  const char* target = "arn:aws:iam::111122223333:role/Target";
  Principal alice = user("alice");
  alice.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}])"));
  const Policy* trusts_ec2 = stmts(R"([{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}])");
  Evaluation e = run(alice, "sts:AssumeRole", target, trusts_ec2, kAcct, ResourcePolicyRule::kRequired);
  EXPECT_EQ(e.decision, Decision::kImplicitDeny);
  EXPECT_EQ(e.reason, "the role trust policy or key policy does not allow the principal, and it must");
  EXPECT_EQ(run(make_service("ec2.amazonaws.com"), "sts:AssumeRole", target, trusts_ec2, kAcct, ResourcePolicyRule::kRequired)
                .decision,
            Decision::kAllowed);

  // Trust naming the account: the identity policy must allow too.
  const Policy* trusts_account = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}])");
  EXPECT_EQ(run(alice, "sts:AssumeRole", target, trusts_account, kAcct, ResourcePolicyRule::kRequired).decision,
            Decision::kAllowed);
  Principal bob = user("bob");
  EXPECT_EQ(run(bob, "sts:AssumeRole", target, trusts_account, kAcct, ResourcePolicyRule::kRequired).decision,
            Decision::kImplicitDeny);
  // Trust naming the user itself: no identity policy needed in the same account.
  const Policy* trusts_bob = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"sts:AssumeRole"}])");
  EXPECT_EQ(run(bob, "sts:AssumeRole", target, trusts_bob, kAcct, ResourcePolicyRule::kRequired).decision, Decision::kAllowed);
  // No trust / key policy at all: never.
  EXPECT_EQ(run(alice, "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k", nullptr, kAcct,
                ResourcePolicyRule::kRequired).decision,
            Decision::kImplicitDeny);
}

// ---- cross-account ---------------------------------------------------------------

// "Cross-account policy evaluation logic": both the principal's identity-based
// policy and the resource-based policy must allow.
TEST_F(Eval, CrossAccountNeedsBothSides) {
  const char* queue = "arn:aws:sqs:us-east-1:444455556666:q";
  Principal alice = user("alice");
  const Policy* queue_policy = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sqs:SendMessage","Resource":"*"}])");
  Evaluation e = run(alice, "sqs:SendMessage", queue, queue_policy, kOther);
  EXPECT_EQ(e.decision, Decision::kImplicitDeny);
  EXPECT_EQ(e.reason, "cross-account: no identity-based policy of the principal allows it (both sides must)");
  alice.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}])"));
  Evaluation ok = run(alice, "sqs:SendMessage", queue, queue_policy, kOther);
  EXPECT_EQ(ok.decision, Decision::kAllowed);
  EXPECT_EQ(ok.statements.size(), 2u);
  Evaluation no_policy = run(alice, "sqs:SendMessage", queue, nullptr, kOther);
  EXPECT_EQ(no_policy.decision, Decision::kImplicitDeny);
  EXPECT_EQ(no_policy.reason, "cross-account: no resource-based policy allows the principal (both sides must)");
  // Even a grant to the user itself does not bypass the identity side across accounts.
  Principal bob = user("bob");
  const Policy* to_bob = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"sqs:*","Resource":"*"}])");
  EXPECT_EQ(run(bob, "sqs:SendMessage", queue, to_bob, kOther).decision, Decision::kImplicitDeny);
  // A boundary limits the identity side.
  alice.permissions_boundary = stmts(R"([{"Effect":"Allow","Action":"s3:*","Resource":"*"}])");
  EXPECT_EQ(run(alice, "sqs:SendMessage", queue, queue_policy, kOther).decision, Decision::kImplicitDeny);
  // A role assumed across accounts: its trust policy names the other account's root.
  Principal ext = user("ext", kOther);
  ext.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/Audit"}])"));
  const Policy* trust = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole",
      "Condition":{"StringEquals":{"sts:ExternalId":"Unique"}}}])");
  context_.set("sts:ExternalId", "Unique");
  EXPECT_EQ(run(ext, "sts:AssumeRole", "arn:aws:iam::111122223333:role/Audit", trust, kAcct, ResourcePolicyRule::kRequired).decision,
            Decision::kAllowed);
  context_.set("sts:ExternalId", "Wrong");
  EXPECT_EQ(run(ext, "sts:AssumeRole", "arn:aws:iam::111122223333:role/Audit", trust, kAcct, ResourcePolicyRule::kRequired).decision,
            Decision::kImplicitDeny);
}

// ---- organizations -----------------------------------------------------------------

// SCPs: "an explicit Allow at every level from the root through each OU to the account".
TEST_F(Eval, ServiceControlPoliciesEveryLevelMustAllow) {
  Principal admin = role("Admin");
  admin.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"*","Resource":"*"}])"));
  EXPECT_FALSE(run(admin, "s3:GetObject").scps_considered);
  const Policy* full = stmts(R"([{"Effect":"Allow","Action":"*","Resource":"*"}])", "FullAWSAccess");
  const Policy* only_s3 = stmts(R"([{"Effect":"Allow","Action":"s3:*","Resource":"*"}])", "OnlyS3");
  const Policy* no_leave = stmts(R"([{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}])", "NoLeave");
  scps_.levels = {{full, no_leave}, {only_s3}};
  Evaluation e = run(admin, "s3:GetObject");
  EXPECT_TRUE(e.scps_considered);
  EXPECT_EQ(e.decision, Decision::kAllowed);
  Evaluation ec2 = run(admin, "ec2:RunInstances");
  EXPECT_EQ(ec2.decision, Decision::kImplicitDeny);
  EXPECT_EQ(ec2.reason, "no service control policy (SCP) of one organization level allows it");
  scps_.levels = {{full, no_leave}};
  Evaluation leave = run(admin, "organizations:LeaveOrganization");
  EXPECT_EQ(leave.decision, Decision::kExplicitDeny);
  EXPECT_EQ(leave.statements[0].kind, PolicyKind::kScp);
  // SCPs reach the root user of a member account, not service principals.
  EXPECT_EQ(run(make_root(kAcct), "organizations:LeaveOrganization").decision, Decision::kExplicitDeny);
  scps_.levels = {{only_s3}};
  const Policy* trust = stmts(R"([{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}])");
  EXPECT_EQ(run(make_service("lambda.amazonaws.com"), "sts:AssumeRole", "arn:aws:iam::111122223333:role/F", trust, kAcct,
                ResourcePolicyRule::kRequired).decision,
            Decision::kAllowed);
}

TEST_F(Eval, ResourceControlPolicies) {
  Principal ext = user("ext", kOther);
  ext.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"s3:*","Resource":"*"}])"));
  const Policy* bucket = stmts(R"([{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}])");
  EXPECT_EQ(run(ext, "s3:GetObject", "arn:aws:s3:::b/k", bucket, kAcct).decision, Decision::kAllowed);
  const Policy* rcp_full = stmts(R"([{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}])", "RCPFullAWSAccess");
  const Policy* perimeter = stmts(R"([{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
      "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalAccount":"111122223333"}}}])", "DataPerimeter");
  rcps_.levels = {{rcp_full, perimeter}};
  Evaluation e = run(ext, "s3:GetObject", "arn:aws:s3:::b/k", bucket, kAcct);
  EXPECT_TRUE(e.rcps_considered);
  EXPECT_EQ(e.decision, Decision::kExplicitDeny);
  EXPECT_EQ(e.statements[0].policy->name, "DataPerimeter");
  Principal insider = user("in");
  EXPECT_EQ(run(insider, "s3:GetObject", "arn:aws:s3:::b/k", bucket, kAcct).decision, Decision::kAllowed);
}

// AWS Organizations User Guide, "Resource control policy examples": restrict
// access to an organization's roles to its own principals (sts:AssumeRole unless
// aws:PrincipalOrgID), and require HTTPS to S3.
TEST_F(Eval, ResourceControlPolicyExamplesFromAwsDocumentation) {
  const Policy* rcp_full = stmts(R"([{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}])", "RCPFullAWSAccess");
  const Policy* org_only = stmts(R"([{"Sid":"EnforceOrgIdentities","Effect":"Deny","Principal":"*",
      "Action":"sts:AssumeRole","Resource":"*",
      "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-exampleorg1"},
                   "BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}])", "DenyOutsideOrg");
  const Policy* https_only = stmts(R"([{"Sid":"EnforceSecureTransport","Effect":"Deny","Principal":"*",
      "Action":["s3:*","sqs:*","kms:*","secretsmanager:*","sts:*"],"Resource":"*",
      "Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}])", "HttpsOnly");
  const std::string role_arn = "arn:aws:iam::111122223333:role/Deploy";
  const Policy* trust = stmts(R"([{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"},
      {"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}])", "trust");
  Principal outsider = user("vendor", kOther);
  outsider.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}])"));
  auto assume = [&](const Principal& who) {
    return run(who, "sts:AssumeRole", role_arn, trust, kAcct, ResourcePolicyRule::kRequired);
  };
  // Without RCPs the trust policy lets the other account in.
  EXPECT_EQ(assume(outsider).decision, Decision::kAllowed);
  rcps_.levels = {{rcp_full}, {rcp_full, org_only}};
  // Another organization's principal: denied, and the answer names the RCP statement.
  outsider.context.set("aws:PrincipalOrgID", "o-otherorg99");
  Evaluation denied = assume(outsider);
  EXPECT_TRUE(denied.rcps_considered);
  EXPECT_EQ(denied.decision, Decision::kExplicitDeny);
  ASSERT_EQ(denied.statements.size(), 1u);
  EXPECT_EQ(denied.statements[0].kind, PolicyKind::kRcp);
  EXPECT_EQ(denied.statements[0].policy->name, "DenyOutsideOrg");
  EXPECT_NE(describe(denied).find("denied by resource control policy DenyOutsideOrg, statement 0 (Sid EnforceOrgIdentities)"),
            std::string::npos)
      << describe(denied);
  // Its organization unknown: conditional on that key, never silently allowed.
  outsider.context.set_unknown("aws:PrincipalOrgID");
  Evaluation maybe = assume(outsider);
  EXPECT_EQ(maybe.decision, Decision::kConditional);
  EXPECT_NE(describe(maybe).find("aws:PrincipalOrgID"), std::string::npos) << describe(maybe);
  // A principal of the organization passes.
  outsider.context.set("aws:PrincipalOrgID", "o-exampleorg1");
  EXPECT_EQ(assume(outsider).decision, Decision::kAllowed);
  // AWS service principals are not restricted by RCPs (even a Deny without the
  // PrincipalIsAWSService exception would not reach them).
  const Policy* deny_all_sts = stmts(R"([{"Effect":"Deny","Principal":"*","Action":"sts:*","Resource":"*"}])", "DenyAllSts");
  rcps_.levels = {{rcp_full, deny_all_sts}};
  EXPECT_EQ(assume(make_service("ec2.amazonaws.com")).decision, Decision::kAllowed);
  // Nor service-linked roles.
  Principal slr = make_role_session("arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport");
  slr.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}])"));
  rcps_.levels = {{rcp_full, https_only}};
  context_.set("aws:SecureTransport", "false");
  EXPECT_EQ(run(slr, "s3:GetObject", "arn:aws:s3:::b/k", nullptr, kAcct).decision, Decision::kAllowed);
  // HTTPS only: a plain HTTP request to S3 is denied, an HTTPS one allowed.
  Principal reader = user("reader");
  reader.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":["s3:GetObject","ec2:DescribeInstances","kms:Decrypt"],"Resource":"*"}])"));
  Evaluation http = run(reader, "s3:GetObject", "arn:aws:s3:::b/k", nullptr, kAcct);
  EXPECT_EQ(http.decision, Decision::kExplicitDeny);
  EXPECT_EQ(http.statements[0].policy->name, "HttpsOnly");
  // RCPs restrict only the services that support them: EC2 is not one.
  EXPECT_EQ(run(reader, "ec2:DescribeInstances").decision, Decision::kAllowed);
  context_.set("aws:SecureTransport", "true");
  EXPECT_EQ(run(reader, "s3:GetObject", "arn:aws:s3:::b/k", nullptr, kAcct).decision, Decision::kAllowed);
  // A level with only a custom Deny (RCPFullAWSAccess detached is impossible, but
  // an RCP level that allows nothing for the action denies it implicitly).
  const Policy* only_s3 = stmts(R"([{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}])", "OnlyS3");
  rcps_.levels = {{only_s3}};
  Evaluation kms = run(reader, "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k", nullptr, kAcct);
  EXPECT_EQ(kms.decision, Decision::kImplicitDeny);
  EXPECT_EQ(kms.reason, "no resource control policy (RCP) of one organization level allows it");
  EXPECT_TRUE(rcp_service("SecretsManager:GetSecretValue"));
  EXPECT_TRUE(rcp_service("logs:GetLogEvents"));
  EXPECT_FALSE(rcp_service("lambda:InvokeFunction"));
}

// ---- other principals ---------------------------------------------------------------

TEST_F(Eval, RootServiceAnonymous) {
  // The root user has full access in its own account, not across accounts.
  Principal root = make_root(kAcct);
  EXPECT_EQ(run(root, "iam:CreateUser").decision, Decision::kAllowed);
  EXPECT_EQ(run(root, "s3:GetObject", "arn:aws:s3:::b/k", nullptr, kOther).decision, Decision::kImplicitDeny);
  const Policy* deny_all = stmts(R"([{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}])");
  EXPECT_EQ(run(root, "s3:GetObject", "arn:aws:s3:::b/k", deny_all, kAcct).decision, Decision::kExplicitDeny);
  // A public bucket policy reaches anonymous callers.
  const Policy* public_read = stmts(R"([{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::web/*"}])");
  EXPECT_EQ(run(make_anonymous(), "s3:GetObject", "arn:aws:s3:::web/index.html", public_read, kAcct).decision,
            Decision::kAllowed);
  EXPECT_EQ(run(make_anonymous(), "s3:PutObject", "arn:aws:s3:::web/index.html", public_read, kAcct).decision,
            Decision::kImplicitDeny);
  Evaluation none = run(make_service("sns.amazonaws.com"), "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q");
  EXPECT_EQ(none.reason, "only a resource-based policy can allow this principal, and there is none");
}

// AWS JSON policy elements: NotPrincipal with Deny.
TEST_F(Eval, NotPrincipalDenyInABucketPolicy) {
  const Policy* bucket = stmts(R"([
      {"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:*","Resource":"*"},
      {"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::444455556666:user/Bob","arn:aws:iam::444455556666:root"]},
       "Action":"s3:*","Resource":"*"}])");
  Principal bob = user("Bob", kOther);
  bob.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"s3:*","Resource":"*"}])"));
  Principal ann = user("Ann", kOther);
  ann.identity_policies = bob.identity_policies;
  EXPECT_EQ(run(bob, "s3:GetObject", "arn:aws:s3:::b/k", bucket, kAcct).decision, Decision::kAllowed);
  EXPECT_EQ(run(ann, "s3:GetObject", "arn:aws:s3:::b/k", bucket, kAcct).decision, Decision::kExplicitDeny);
}

// ---- variables, tags, conditions --------------------------------------------------

// The home-folder example of "IAM policy elements: Variables and tags".
TEST_F(Eval, PolicyVariablesResolvePerPrincipal) {
  const Policy* home = stmts(R"([{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],
      "Resource":"arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*"}])");
  Principal alice = user("alice");
  alice.identity_policies.push_back(home);
  EXPECT_EQ(run(alice, "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/home/alice/a.txt").decision, Decision::kAllowed);
  EXPECT_EQ(run(alice, "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/home/bob/a.txt").decision, Decision::kImplicitDeny);
  // A role session has no aws:username: the statement matches nothing.
  Principal r = role("R");
  r.identity_policies.push_back(home);
  EXPECT_EQ(run(r, "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/home/R/a.txt").decision, Decision::kImplicitDeny);
  // ${aws:PrincipalAccount} and ${aws:userid} come from the principal too.
  Principal id = make_user("arn:aws:iam::111122223333:user/id", "AIDAID");
  id.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"s3:PutObject",
      "Resource":"arn:aws:s3:::logs-${aws:PrincipalAccount}/${aws:userid}/*"}])"));
  EXPECT_EQ(run(id, "s3:PutObject", "arn:aws:s3:::logs-111122223333/AIDAID/x").decision, Decision::kAllowed);
  EXPECT_EQ(run(id, "s3:PutObject", "arn:aws:s3:::logs-444455556666/AIDAID/x").decision, Decision::kImplicitDeny);
  // Principal tags (ABAC).
  Principal tagged = user("t");
  tagged.tags["project"] = "blue";
  derive_context(tagged);
  tagged.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"ec2:StartInstances","Resource":"*",
      "Condition":{"StringEquals":{"aws:ResourceTag/project":"${aws:PrincipalTag/project}"}}}])"));
  context_.set("aws:ResourceTag/project", "blue");
  EXPECT_EQ(run(tagged, "ec2:StartInstances").decision, Decision::kAllowed);
  context_.set("aws:ResourceTag/project", "red");
  EXPECT_EQ(run(tagged, "ec2:StartInstances").decision, Decision::kImplicitDeny);
}

TEST_F(Eval, ConditionalWhenContextIsUnknown) {
  Principal ops = user("ops");
  ops.identity_policies.push_back(stmts(R"([{"Sid":"Office","Effect":"Allow","Action":"ec2:*","Resource":"*",
      "Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}])", "OfficeOnly"));
  context_.set_unknown("aws:SourceIp");
  Evaluation e = run(ops, "ec2:RunInstances");
  EXPECT_EQ(e.decision, Decision::kConditional);
  ASSERT_EQ(e.unresolved.size(), 1u);
  EXPECT_EQ(e.unresolved[0].ref.statement->sid, "Office");
  ASSERT_EQ(e.unresolved[0].conditions.size(), 1u);
  EXPECT_EQ(e.unresolved[0].conditions[0]->text, R"(IpAddress aws:SourceIp "203.0.113.0/24")");
  EXPECT_EQ(describe(e),
            "conditional: allowed only if conditions CloudPeek cannot know hold\n"
            "conditional on: IpAddress aws:SourceIp \"203.0.113.0/24\" (Allow in identity-based policy OfficeOnly, "
            "statement 0 (Sid Office))\n"
            "service control policies not considered");
  context_.set("aws:SourceIp", "203.0.113.5");
  EXPECT_EQ(run(ops, "ec2:RunInstances").decision, Decision::kAllowed);
  context_.set("aws:SourceIp", "198.51.100.5");
  EXPECT_EQ(run(ops, "ec2:RunInstances").decision, Decision::kImplicitDeny);
}

// The documented MFA pattern: Deny everything without MFA (BoolIfExists false).
TEST_F(Eval, UnknownDenyMakesAnAllowConditionalButNotAnImplicitDeny) {
  Principal u = user("u");
  u.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"iam:*","Resource":"*"},
      {"Sid":"DenyAllExceptListedIfNoMFA","Effect":"Deny","NotAction":["iam:ListMFADevices"],"Resource":"*",
       "Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}])"));
  context_.set_unknown("aws:MultiFactorAuthPresent");
  Evaluation e = run(u, "iam:CreateUser");
  EXPECT_EQ(e.decision, Decision::kConditional);
  ASSERT_EQ(e.unresolved.size(), 1u);
  EXPECT_EQ(e.unresolved[0].ref.statement->effect, Effect::kDeny);
  EXPECT_EQ(e.unresolved[0].ref.statement->sid, "DenyAllExceptListedIfNoMFA");
  EXPECT_EQ(run(u, "iam:ListMFADevices").decision, Decision::kAllowed);
  EXPECT_EQ(run(u, "s3:ListBuckets").decision, Decision::kImplicitDeny);
  context_.set("aws:MultiFactorAuthPresent", "true");
  EXPECT_EQ(run(u, "iam:CreateUser").decision, Decision::kAllowed);
}

// An attacker who picks request values (tags on what they create), and a
// condition no future session can meet.
TEST_F(Eval, ControlledAndNeverHoldingConditions) {
  Principal dev = user("dev");
  dev.identity_policies.push_back(stmts(R"([{"Sid":"TagOnCreate","Effect":"Allow","Action":"ec2:RunInstances","Resource":"*",
      "Condition":{"StringEquals":{"aws:RequestTag/owner":"${aws:username}"}}},
      {"Sid":"Old","Effect":"Allow","Action":"iam:*","Resource":"*",
       "Condition":{"DateLessThan":{"aws:TokenIssueTime":"2015-01-01T00:00:00Z"}}},
      {"Sid":"NeedsProject","Effect":"Deny","Action":"ec2:RunInstances","Resource":"*",
       "Condition":{"Null":{"aws:RequestTag/project":"true"}}}])"));
  context_.set_prefix_state("aws:RequestTag/", KeyState::kControlled);
  context_.set_not_before("aws:TokenIssueTime", *parse_date("2025-01-01"), KeyState::kControlled);
  Evaluation e = run(dev, "ec2:RunInstances");
  EXPECT_EQ(e.decision, Decision::kAllowed);
  EXPECT_EQ(e.controlled.size(), 1u);
  EXPECT_EQ(e.controlled[0]->key_name, "aws:RequestTag/owner");
  EXPECT_EQ(run(dev, "iam:CreateUser").decision, Decision::kImplicitDeny);
}

TEST_F(Eval, ResourceVariableUnknownIsConditional) {
  Principal r = role("R");
  r.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:userid}/*"}])"));
  Evaluation e = run(r, "s3:GetObject", "arn:aws:s3:::b/AROAX:s/k");
  EXPECT_EQ(e.decision, Decision::kConditional);
  ASSERT_EQ(e.unresolved.size(), 1u);
  EXPECT_TRUE(e.unresolved[0].resource_unknown);
  EXPECT_EQ(run(r, "s3:GetObject", "arn:aws:s3:::elsewhere/k").decision, Decision::kImplicitDeny);
}

TEST_F(Eval, ExplainOffGivesTheSameDecisionWithoutLists) {
  Principal u = user("u");
  u.identity_policies.push_back(stmts(R"([{"Effect":"Allow","Action":"*","Resource":"*"}])"));
  Request req;
  req.principal = &u;
  req.action = "s3:GetObject";
  req.explain = false;
  Evaluation e = evaluate(req);
  EXPECT_EQ(e.decision, Decision::kAllowed);
  EXPECT_TRUE(e.statements.empty());
}

}  // namespace
}  // namespace cloudpeek::iam
