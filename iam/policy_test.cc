// Policy grammar, wildcards, policy variables and principal matching, with
// examples from the IAM User Guide pages named at each test.
#include "iam/policy.h"

#include <gtest/gtest.h>

#include "iam/match.h"
#include "iam/principal.h"

namespace cloudpeek::iam {
namespace {

Pattern resource(std::string_view text, bool variables = true) { return Pattern::compile(text, {true, variables, false}); }
Pattern action(std::string_view text) { return Pattern::compile(text, {true, false, true}); }

Policy must_parse(std::string_view text) {
  auto p = parse_policy_text(text, "test");
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().describe());
  return p.ok() ? std::move(*p) : Policy{};
}

std::string parse_error(std::string_view text) {
  auto p = parse_policy_text(text);
  return p.ok() ? "(parsed)" : p.error().describe();
}

// ---- wildcards ---------------------------------------------------------------

TEST(Glob, StarAndQuestionMark) {
  auto g = [](std::string_view pat, std::string_view text) { return glob_match(resource(pat, false).compiled(), text); };
  EXPECT_TRUE(g("*", ""));
  EXPECT_TRUE(g("*", "anything/at:all"));
  EXPECT_TRUE(g("a*c", "abbbc"));
  EXPECT_TRUE(g("a*c", "ac"));
  EXPECT_FALSE(g("a*c", "acb"));
  EXPECT_TRUE(g("a?c", "abc"));
  EXPECT_FALSE(g("a?c", "ac"));
  EXPECT_TRUE(g("*a*b*", "xxaxxbxx"));
  EXPECT_FALSE(g("*a*b*", "xxbxxaxx"));
  EXPECT_TRUE(g("a**?", "ab"));
  EXPECT_FALSE(g("abc", "abcd"));
}

// IAM JSON policy elements: Action — "action names are not case sensitive".
TEST(ActionMatch, CaseInsensitiveWithWildcards) {
  EXPECT_TRUE(match_action(action("s3:GetObject"), "s3:getobject"));
  EXPECT_TRUE(match_action(action("S3:GET*"), "s3:GetObjectAcl"));
  EXPECT_TRUE(match_action(action("iam:*AccessKey*"), "iam:CreateAccessKey"));
  EXPECT_TRUE(match_action(action("s3:?etObject"), "s3:GetObject"));
  EXPECT_TRUE(match_action(action("*"), "kms:Decrypt"));
  EXPECT_FALSE(match_action(action("s3:Get*"), "s3:PutObject"));
  EXPECT_FALSE(match_action(action("s3:Get*"), "s3express:GetObject"));
  EXPECT_FALSE(match_action(action("iam:Pass"), "iam:PassRole"));
}

// IAM JSON policy elements: Resource — "In the Resource element, the IAM user
// name is case sensitive"; `*` replaces everything in a segment, `/` included;
// a `*` ending a segment may expand beyond the colons.
TEST(ResourceMatch, DocumentExamples) {
  auto m = [](std::string_view pat, std::string_view arn) { return arn_match(resource(pat).compiled(), arn, true); };
  EXPECT_TRUE(m("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/Bob"));
  EXPECT_FALSE(m("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/bob"));
  EXPECT_TRUE(m("arn:aws:iam::123456789012:user/accounting/*", "arn:aws:iam::123456789012:user/accounting/alice"));
  EXPECT_FALSE(m("arn:aws:iam::123456789012:user/accounting/*", "arn:aws:iam::123456789012:user/sales/alice"));
  EXPECT_TRUE(m("arn:aws:s3:::amzn-s3-demo-bucket/*", "arn:aws:s3:::amzn-s3-demo-bucket/a/b/c.txt"));
  EXPECT_FALSE(m("arn:aws:s3:::amzn-s3-demo-bucket/*", "arn:aws:s3:::amzn-s3-demo-bucket"));
  EXPECT_FALSE(m("arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/key"));
  EXPECT_TRUE(m("arn:aws:s3:::amzn-s3-demo-bucket/*/test/*", "arn:aws:s3:::amzn-s3-demo-bucket/1/test/object.jpg"));
  EXPECT_TRUE(m("arn:aws:ec2:us-east-1:*:instance/*", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"));
  EXPECT_FALSE(m("arn:aws:ec2:us-east-1:*:instance/*", "arn:aws:ec2:us-west-2:123456789012:instance/i-0abc"));
  EXPECT_TRUE(m("*", "arn:aws:kms:us-east-1:123456789012:key/k"));
  // Trailing `*` expands across the remaining segments.
  EXPECT_TRUE(m("arn:aws:ec2:*", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"));
  EXPECT_TRUE(m("arn:aws:iam::123456789012:*", "arn:aws:iam::123456789012:role/admin"));
  EXPECT_FALSE(m("arn:aws:iam::123456789012:*", "arn:aws:iam::210987654321:role/admin"));
  // The resource segment keeps its own colons.
  EXPECT_TRUE(m("arn:aws:lambda:us-east-1:123456789012:function:f:*", "arn:aws:lambda:us-east-1:123456789012:function:f:prod"));
  EXPECT_FALSE(m("arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:lambda:us-east-1:123456789012:function:f:prod"));
  // A non-final segment's `*` does not swallow a colon.
  EXPECT_FALSE(m("arn:aws:s3:*:bucket", "arn:aws:s3:::bucket"));
}

// Condition operators, ARN operators: each of the six segments separately, so
// no trailing expansion.
TEST(ArnConditionMatch, SixSegmentsSeparately) {
  auto m = [](std::string_view pat, std::string_view arn) { return arn_match(resource(pat).compiled(), arn, false); };
  EXPECT_TRUE(m("arn:aws:iam::*:role/Admin*", "arn:aws:iam::123456789012:role/AdminRole"));
  EXPECT_FALSE(m("arn:aws:ec2:*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1"));
  EXPECT_TRUE(m("arn:aws:ec2:*:*:*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1"));
  EXPECT_FALSE(m("arn:aws:iam::123456789012:role/Admin", "not-an-arn"));
}

// ---- policy variables (IAM policy elements: Variables and tags) ----------------

TEST(Variables, SubstitutedFromTheContext) {
  Context ctx;
  ctx.set("aws:username", "alice");
  ctx.set("aws:PrincipalTag/team", "red");
  Lookup l(&ctx);
  Pattern home = resource("arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*");
  EXPECT_TRUE(home.has_variables());
  EXPECT_EQ(match_resource(home, "arn:aws:s3:::amzn-s3-demo-bucket/home/alice/notes.txt", l), Tri::kTrue);
  EXPECT_EQ(match_resource(home, "arn:aws:s3:::amzn-s3-demo-bucket/home/bob/notes.txt", l), Tri::kFalse);
  // Key names in variables are case-insensitive, tag keys too.
  EXPECT_EQ(match_resource(resource("arn:aws:s3:::b/${AWS:PrincipalTag/TEAM}"), "arn:aws:s3:::b/red", l), Tri::kTrue);
}

TEST(Variables, SpecialCharactersAreLiteral) {
  Lookup l;
  // ${*} is a literal star, not a wildcard.
  Pattern p = resource("arn:aws:s3:::b/${*}");
  EXPECT_EQ(match_resource(p, "arn:aws:s3:::b/*", l), Tri::kTrue);
  EXPECT_EQ(match_resource(p, "arn:aws:s3:::b/anything", l), Tri::kFalse);
  EXPECT_EQ(match_resource(resource("arn:aws:s3:::b/${?}${$}"), "arn:aws:s3:::b/?$", l), Tri::kTrue);
}

TEST(Variables, DefaultValueWhenTheKeyIsAbsent) {
  Context ctx;
  Lookup l(&ctx);
  Pattern p = resource("arn:aws:s3:::b/${aws:username, 'nobody'}/*");
  EXPECT_EQ(match_resource(p, "arn:aws:s3:::b/nobody/x", l), Tri::kTrue);
  ctx.set("aws:username", "carol");
  EXPECT_EQ(match_resource(p, "arn:aws:s3:::b/nobody/x", l), Tri::kFalse);
  EXPECT_EQ(match_resource(p, "arn:aws:s3:::b/carol/x", l), Tri::kTrue);
  // '' inside the default is one quote.
  Context empty;
  EXPECT_EQ(match_resource(resource("arn:aws:s3:::b/${aws:username,'o''brien'}"), "arn:aws:s3:::b/o'brien", Lookup(&empty)),
            Tri::kTrue);
}

TEST(Variables, AbsentOrMultivaluedNeverMatchUnknownIsConditional) {
  Context ctx;
  ctx.set_list("aws:TagKeys", {"a", "b"});
  ctx.set_unknown("aws:SourceIdentity");
  Lookup l(&ctx);
  // A role session has no aws:username: "policy variables with no value" do not match.
  EXPECT_EQ(match_resource(resource("arn:aws:s3:::b/${aws:username}/*"), "arn:aws:s3:::b/x/y", l), Tri::kFalse);
  // Multivalued keys cannot be variables.
  EXPECT_EQ(match_resource(resource("arn:aws:s3:::b/${aws:TagKeys}"), "arn:aws:s3:::b/a", l), Tri::kFalse);
  // Unknown: could match, cannot say it does.
  EXPECT_EQ(match_resource(resource("arn:aws:s3:::b/${aws:SourceIdentity}/*"), "arn:aws:s3:::b/x/y", l), Tri::kUnknown);
  // ... but not when the rest of the ARN already rules it out.
  EXPECT_EQ(match_resource(resource("arn:aws:s3:::b/${aws:SourceIdentity}/*"), "arn:aws:s3:::other/x/y", l), Tri::kFalse);
  // A controlled key matches, and says so.
  ctx.set_controlled("aws:SourceIdentity");
  bool controlled = false;
  EXPECT_EQ(match_resource(resource("arn:aws:s3:::b/${aws:SourceIdentity}/*"), "arn:aws:s3:::b/x/y", l, &controlled),
            Tri::kTrue);
  EXPECT_TRUE(controlled);
}

TEST(Variables, Version2008TakesThemLiterally) {
  Policy v2008 = must_parse(R"({"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject",
      "Resource":"arn:aws:s3:::b/${aws:username}/*"}})");
  Policy none = must_parse(R"({"Statement":{"Effect":"Allow","Action":"s3:GetObject",
      "Resource":"arn:aws:s3:::b/${aws:username}/*"}})");
  Policy v2012 = must_parse(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject",
      "Resource":"arn:aws:s3:::b/${aws:username}/*"}})");
  Context ctx;
  ctx.set("aws:username", "alice");
  Lookup l(&ctx);
  EXPECT_FALSE(v2008.variables);
  EXPECT_FALSE(none.variables);
  EXPECT_EQ(none.version, "2008-10-17");
  EXPECT_TRUE(v2012.variables);
  EXPECT_EQ(match_resource(v2008.statements[0].resources[0], "arn:aws:s3:::b/alice/x", l), Tri::kFalse);
  EXPECT_EQ(match_resource(v2008.statements[0].resources[0], "arn:aws:s3:::b/${aws:username}/x", l), Tri::kTrue);
  EXPECT_EQ(match_resource(v2012.statements[0].resources[0], "arn:aws:s3:::b/alice/x", l), Tri::kTrue);
}

// ---- grammar ---------------------------------------------------------------

TEST(Parse, SingleStatementObjectAndStringOrList) {
  Policy p = must_parse(R"({"Version":"2012-10-17","Id":"doc","Statement":{"Sid":"One","Effect":"Deny",
      "NotAction":"iam:*","NotResource":["arn:aws:s3:::a","arn:aws:s3:::b"]}})");
  ASSERT_EQ(p.statements.size(), 1u);
  const Statement& s = p.statements[0];
  EXPECT_EQ(p.id, "doc");
  EXPECT_EQ(p.name, "test");
  EXPECT_EQ(s.sid, "One");
  EXPECT_EQ(s.effect, Effect::kDeny);
  EXPECT_TRUE(s.not_action);
  EXPECT_TRUE(s.has_resource);
  EXPECT_TRUE(s.not_resource);
  EXPECT_EQ(s.resources.size(), 2u);
  EXPECT_FALSE(s.matches_action("IAM:CreateUser"));
  EXPECT_TRUE(s.matches_action("s3:GetObject"));
}

TEST(Parse, StatementArrayKeepsIndices) {
  Policy p = must_parse(R"({"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"},
      {"Sid":"Second","Effect":"Allow","Action":"ec2:*","Resource":"*"}]})");
  ASSERT_EQ(p.statements.size(), 2u);
  EXPECT_EQ(p.statements[1].index, 1u);
  EXPECT_EQ(p.statements[1].sid, "Second");
  EXPECT_EQ(p.statements[0].actions.size(), 2u);
  EXPECT_TRUE(p.statements[0].matches_action("s3:putobject"));
  EXPECT_FALSE(p.statements[0].matches_action("s3:DeleteObject"));
}

TEST(Parse, DocumentGivenAsAJsonString) {
  auto p = parse_policy(json(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->statements.size(), 1u);
}

TEST(Parse, MalformedInputIsAnErrorNamingTheElement) {
  EXPECT_EQ(parse_error("not json"), "not valid JSON");
  EXPECT_EQ(parse_error("[]"), "a policy document must be a JSON object");
  EXPECT_EQ(parse_error(R"({"Version":"2012-10-17"})"), "has no Statement");
  EXPECT_EQ(parse_error(R"({"Version":"2013-01-01","Statement":[]})"), "Version: must be \"2012-10-17\" or \"2008-10-17\"");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Action":"*","Resource":"*"}]})"), "Statement[0]: has no Effect");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]})"),
            "Statement[0].Effect: must be \"Allow\" or \"Deny\"");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}]})"),
            "Statement[0]: has both Action and NotAction");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"Allow","Resource":"*"}]})"), "Statement[0]: has neither Action nor NotAction");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}]})"),
            "Statement[0]: has both Resource and NotResource");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]})"),
            "Statement[0].Action: \"GetObject\" is not service:action");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"Allow","Action":[1],"Resource":"*"}]})"),
            "Statement[0].Action: must be a string or a list of strings");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"a":"b"}}}]})"),
            "Statement[0].Condition.StringEqualz: unknown condition operator");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"Allow","Action":"*","Principal":{"IAM":"x"}}]})"),
            "Statement[0].Principal.IAM: unknown principal type (AWS, Service, Federated, CanonicalUser)");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"Allow","Action":"*","Principal":"arn:aws:iam::123456789012:root"}]})"),
            "Statement[0].Principal: must be \"*\" or an object such as {\"AWS\": ...}");
  EXPECT_EQ(parse_error(R"({"Statement":[{"Effect":"Allow","Action":"*","Principal":{"AWS":"bob"}}]})"),
            "Statement[0].Principal.AWS: \"bob\" is neither an account id, an ARN nor \"*\"");
  EXPECT_EQ(parse_error(R"({"Statement":"x"})"), "Statement: must be an object or a list of objects");
  EXPECT_EQ(parse_error(R"({"Statement":["x"]})"), "Statement[0]: must be an object");
}

TEST(Parse, UnknownElementsAreWarningsNotErrors) {
  Policy p = must_parse(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Extra":1}})");
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_EQ(p.warnings[0], "Statement[0].Extra: unknown element, ignored");
}

// AWS JSON policy elements: Principal.
TEST(Parse, PrincipalForms) {
  Policy p = must_parse(R"({"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Action":"sts:AssumeRole","Principal":"*"},
      {"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"*"}},
      {"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":["123456789012","arn:aws:iam::210987654321:root",
          "arn:aws:iam::123456789012:role/r","AROAEXAMPLEID"]}},
      {"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["EC2.amazonaws.com"],
          "Federated":"cognito-identity.amazonaws.com","CanonicalUser":"79a59df900b949e55d96a1e698fbace"}}]})");
  EXPECT_TRUE(p.statements[0].principals.any);
  EXPECT_TRUE(p.statements[1].principals.any);
  const PrincipalSet& aws = p.statements[2].principals;
  EXPECT_FALSE(aws.any);
  EXPECT_EQ(aws.accounts, (std::vector<std::string>{"123456789012", "210987654321"}));
  EXPECT_EQ(aws.arns, (std::vector<std::string>{"arn:aws:iam::123456789012:role/r"}));
  EXPECT_EQ(aws.unique_ids, (std::vector<std::string>{"AROAEXAMPLEID"}));
  const PrincipalSet& other = p.statements[3].principals;
  EXPECT_EQ(other.services, (std::vector<std::string>{"ec2.amazonaws.com"}));
  EXPECT_EQ(other.federated, (std::vector<std::string>{"cognito-identity.amazonaws.com"}));
  EXPECT_EQ(other.canonical_users.size(), 1u);
}

// ---- principals --------------------------------------------------------------

PrincipalSet principals(std::string_view principal_json) {
  Policy p = must_parse(std::string(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Principal":)") +
                        std::string(principal_json) + "}}");
  return p.statements.empty() ? PrincipalSet{} : p.statements[0].principals;
}

TEST(PrincipalMatching, HowAPrincipalIsNamed) {
  Principal alice = make_user("arn:aws:iam::123456789012:user/dev/alice", "AIDAALICE");
  Principal session = make_role_session("arn:aws:iam::123456789012:role/ops/Deploy", "ci-run");
  Principal any_session = make_role_session("arn:aws:iam::123456789012:role/ops/Deploy");
  Principal other = make_user("arn:aws:iam::210987654321:user/alice");

  PrincipalSet account = principals(R"({"AWS":"123456789012"})");
  EXPECT_EQ(match_principal(account, alice), PrincipalMatch::kAccount);
  EXPECT_EQ(match_principal(account, session), PrincipalMatch::kAccount);
  EXPECT_EQ(match_principal(account, other), PrincipalMatch::kNone);
  EXPECT_EQ(match_principal(principals(R"({"AWS":"arn:aws:iam::123456789012:root"})"), alice), PrincipalMatch::kAccount);

  EXPECT_EQ(match_principal(principals(R"({"AWS":"arn:aws:iam::123456789012:user/dev/alice"})"), alice), PrincipalMatch::kDirect);
  EXPECT_EQ(match_principal(principals(R"({"AWS":"AIDAALICE"})"), alice), PrincipalMatch::kDirect);
  EXPECT_EQ(match_principal(principals(R"({"AWS":"arn:aws:iam::123456789012:user/alice"})"), alice), PrincipalMatch::kNone);

  PrincipalSet role = principals(R"({"AWS":"arn:aws:iam::123456789012:role/ops/Deploy"})");
  EXPECT_EQ(match_principal(role, session), PrincipalMatch::kRole);
  PrincipalSet sess = principals(R"({"AWS":"arn:aws:sts::123456789012:assumed-role/Deploy/ci-run"})");
  EXPECT_EQ(match_principal(sess, session), PrincipalMatch::kDirect);
  EXPECT_EQ(match_principal(principals(R"({"AWS":"arn:aws:sts::123456789012:assumed-role/Deploy/other"})"), session),
            PrincipalMatch::kNone);
  // With no session name, the one assuming the role may pick the named one.
  EXPECT_EQ(match_principal(sess, any_session), PrincipalMatch::kDirect);

  EXPECT_EQ(match_principal(principals(R"("*")"), other), PrincipalMatch::kDirect);
  EXPECT_EQ(match_principal(principals(R"("*")"), make_anonymous()), PrincipalMatch::kDirect);
  EXPECT_EQ(match_principal(account, make_anonymous()), PrincipalMatch::kNone);
  EXPECT_EQ(match_principal(account, make_root("123456789012")), PrincipalMatch::kDirect);

  PrincipalSet svc = principals(R"({"Service":"lambda.amazonaws.com"})");
  EXPECT_EQ(match_principal(svc, make_service("lambda.amazonaws.com")), PrincipalMatch::kDirect);
  EXPECT_EQ(match_principal(svc, make_service("ec2.amazonaws.com")), PrincipalMatch::kNone);
  EXPECT_EQ(match_principal(svc, alice), PrincipalMatch::kNone);
  PrincipalSet oidc = principals(R"({"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"})");
  EXPECT_EQ(match_principal(oidc, make_federated("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")),
            PrincipalMatch::kDirect);
  EXPECT_EQ(match_principal(oidc, alice), PrincipalMatch::kNone);
}

// NotPrincipal, "Key points": the account, then the role, then the session are
// checked; the statement applies unless all are listed; a Deny with
// NotPrincipal always applies to a principal with a permissions boundary.
TEST(PrincipalMatching, NotPrincipalChecksEveryIdentityInTheChain) {
  Principal bob = make_user("arn:aws:iam::444455556666:user/Bob");
  EXPECT_TRUE(applies_despite_not_principal(principals(R"({"AWS":"arn:aws:iam::444455556666:user/Bob"})"), bob, Effect::kDeny));
  EXPECT_FALSE(applies_despite_not_principal(
      principals(R"({"AWS":["arn:aws:iam::444455556666:user/Bob","arn:aws:iam::444455556666:root"]})"), bob, Effect::kDeny));

  Principal app = make_role_session("arn:aws:iam::444455556666:role/cross-account-read-only-role", "cross-account-audit-app");
  EXPECT_TRUE(applies_despite_not_principal(
      principals(R"({"AWS":["arn:aws:iam::444455556666:role/cross-account-read-only-role","arn:aws:iam::444455556666:root"]})"),
      app, Effect::kDeny));
  PrincipalSet all_three = principals(R"({"AWS":[
      "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app",
      "arn:aws:iam::444455556666:role/cross-account-read-only-role","arn:aws:iam::444455556666:root"]})");
  EXPECT_FALSE(applies_despite_not_principal(all_three, app, Effect::kDeny));

  Policy boundary;
  app.permissions_boundary = &boundary;
  EXPECT_TRUE(applies_despite_not_principal(all_three, app, Effect::kDeny));
  EXPECT_FALSE(applies_despite_not_principal(all_three, app, Effect::kAllow));

  EXPECT_TRUE(applies_despite_not_principal(principals(R"({"AWS":"444455556666"})"), make_anonymous(), Effect::kDeny));
  EXPECT_FALSE(applies_despite_not_principal(principals(R"({"Service":"ec2.amazonaws.com"})"),
                                             make_service("ec2.amazonaws.com"), Effect::kDeny));
}

// AWS global condition context keys set from the principal.
TEST(PrincipalContext, DerivedGlobalKeys) {
  Principal alice = make_user("arn:aws:iam::123456789012:user/dev/alice", "AIDAALICE");
  alice.tags["Team"] = "red";
  derive_context(alice);
  auto value = [](const Principal& p, const char* key) -> std::string {
    const ContextValue* v = p.context.find(lower(key));
    if (!v) return "(absent)";
    if (v->state != KeyState::kKnown) return "(unknown)";
    return v->values.empty() ? "(empty)" : v->values[0];
  };
  EXPECT_EQ(value(alice, "aws:PrincipalArn"), "arn:aws:iam::123456789012:user/dev/alice");
  EXPECT_EQ(value(alice, "aws:PrincipalAccount"), "123456789012");
  EXPECT_EQ(value(alice, "aws:PrincipalType"), "User");
  EXPECT_EQ(value(alice, "aws:username"), "alice");
  EXPECT_EQ(value(alice, "aws:userid"), "AIDAALICE");
  EXPECT_EQ(value(alice, "aws:principaltag/team"), "red");
  EXPECT_EQ(value(alice, "aws:PrincipalIsAWSService"), "false");

  Principal role = make_role_session("arn:aws:iam::123456789012:role/path/Deploy", "s1", "AROADEPLOY");
  EXPECT_EQ(value(role, "aws:PrincipalArn"), "arn:aws:iam::123456789012:role/path/Deploy");
  EXPECT_EQ(value(role, "aws:PrincipalType"), "AssumedRole");
  EXPECT_EQ(value(role, "aws:userid"), "AROADEPLOY:s1");
  EXPECT_EQ(value(role, "aws:username"), "(absent)");
  EXPECT_EQ(role.session_arn(), "arn:aws:sts::123456789012:assumed-role/Deploy/s1");
  EXPECT_EQ(value(make_role_session("arn:aws:iam::123456789012:role/Deploy"), "aws:userid"), "(unknown)");

  Principal root = make_root("123456789012");
  EXPECT_EQ(value(root, "aws:PrincipalArn"), "arn:aws:iam::123456789012:root");
  EXPECT_EQ(value(root, "aws:PrincipalType"), "Account");
  EXPECT_EQ(value(make_service("lambda.amazonaws.com"), "aws:PrincipalServiceName"), "lambda.amazonaws.com");
  EXPECT_EQ(value(make_service("lambda.amazonaws.com"), "aws:PrincipalIsAWSService"), "true");
  EXPECT_EQ(make_role_session("arn:aws-cn:iam::123456789012:role/R").session_arn(),
            "arn:aws-cn:sts::123456789012:assumed-role/R/*");
}

}  // namespace
}  // namespace cloudpeek::iam
