// Condition operators and their combination, from "IAM JSON policy elements:
// Condition operators", "Conditions with multiple context keys or values" and
// "Single-valued vs. multivalued context keys" (IAM User Guide).
#include "iam/condition.h"

#include <gtest/gtest.h>

namespace cloudpeek::iam {
namespace {

Condition cond(std::string_view text, bool variables = true) {
  auto c = parse_condition(json::parse(text), variables);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().describe());
  return c.ok() ? std::move(*c) : Condition{};
}

Tri eval(std::string_view condition_json, const Context& ctx, bool variables = true) {
  Condition c = cond(condition_json, variables);
  return evaluate_condition(c, Lookup(&ctx)).value;
}

Context with(std::initializer_list<std::pair<const char*, const char*>> kv) {
  Context c;
  for (const auto& [k, v] : kv) c.set(k, v);
  return c;
}

// ---- string ------------------------------------------------------------------

TEST(StringOperators, EqualsIsCaseSensitiveIgnoreCaseIsNot) {
  Context ctx = with({{"aws:PrincipalTag/job-category", "iamuser-admin"}});
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:PrincipalTag/job-category":"IAMUser-Admin"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringEqualsIgnoreCase":{"aws:PrincipalTag/job-category":"IAMUser-Admin"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringNotEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/job-category":"IAMUSER-ADMIN"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/job-category":"other"}})", ctx), Tri::kTrue);
  // StringEquals has no wildcards: "*" is a literal star.
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:PrincipalTag/job-category":"*"}})", ctx), Tri::kFalse);
}

TEST(StringOperators, LikeAndNotLike) {
  Context ctx = with({{"s3:prefix", "home/alice/docs"}});
  EXPECT_EQ(eval(R"({"StringLike":{"s3:prefix":"home/*"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringLike":{"s3:prefix":"home/?lice/*"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringLike":{"s3:prefix":"Home/*"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringNotLike":{"s3:prefix":"home/*"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringNotLike":{"s3:prefix":["tmp/*","public/*"]}})", ctx), Tri::kTrue);
}

// "Conditions with multiple context keys or values": values OR, negated NOR,
// keys AND, operators AND.
TEST(Combination, OrAcrossValuesNorForNegatedAndAcrossKeysAndOperators) {
  Context ctx = with({{"aws:PrincipalTag/department", "finance"}, {"aws:PrincipalTag/role", "audit"},
                      {"aws:PrincipalArn", "arn:aws:iam::222222222222:user/Mary"}});
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:PrincipalTag/department":["finance","hr","legal"]}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringNotEquals":{"aws:PrincipalTag/department":["finance","hr"]}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringNotEquals":{"aws:PrincipalTag/department":["hr","legal"]}})", ctx), Tri::kTrue);
  // The example of the user guide: both tags and the ARN must match.
  const char* doc = R"({
      "StringEquals":{"aws:PrincipalTag/department":["finance","hr","legal"],
                      "aws:PrincipalTag/role":["audit","security"]},
      "ArnLike":{"aws:PrincipalArn":["arn:aws:iam::222222222222:user/Ana","arn:aws:iam::222222222222:user/Mary"]}})";
  EXPECT_EQ(eval(doc, ctx), Tri::kTrue);
  ctx.set("aws:PrincipalTag/role", "dev");
  EXPECT_EQ(eval(doc, ctx), Tri::kFalse);
  ctx.set("aws:PrincipalTag/role", "audit");
  ctx.set("aws:PrincipalArn", "arn:aws:iam::222222222222:user/Bob");
  EXPECT_EQ(eval(doc, ctx), Tri::kFalse);
}

TEST(Keys, NamesAreCaseInsensitiveTagKeysToo) {
  Context ctx = with({{"AWS:PrincipalTag/CostCenter", "42"}});
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:principaltag/costcenter":"42"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:PRINCIPALTAG/COSTCENTER":"42"}})", ctx), Tri::kTrue);
}

// "If the key that you specify in a policy condition is not present in the
// request context, the values do not match and the condition is false. If the
// policy condition requires that the key is not matched, such as StringNotLike
// or ArnNotLike, and the right key is not present, the condition is true."
TEST(MissingKey, FalseExceptNegatedIfExistsNullAndForAllValues) {
  Context none;
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:SourceVpc":"vpc-1"}})", none), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringNotEquals":{"aws:SourceVpc":"vpc-1"}})", none), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringNotLike":{"aws:SourceVpc":"vpc-*"}})", none), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:*:*:t"}})", none), Tri::kTrue);
  EXPECT_EQ(eval(R"({"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}})", none), Tri::kFalse);
  EXPECT_EQ(eval(R"({"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}})", none), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringEqualsIfExists":{"ec2:InstanceType":["t2.micro"]}})", none), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}})", none), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ForAnyValue:StringEquals":{"aws:TagKeys":["a"]}})", none), Tri::kFalse);
  EXPECT_EQ(eval(R"({"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":["a"]}})", none), Tri::kTrue);
}

// ...IfExists: "If the condition key is present in the context of the request,
// process the key as specified in the policy."
TEST(IfExists, PresentKeyIsEvaluatedNormally) {
  EXPECT_EQ(eval(R"({"StringLikeIfExists":{"ec2:InstanceType":["t1.*","t2.*","m3.*"]}})", with({{"ec2:InstanceType", "t2.micro"}})),
            Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringLikeIfExists":{"ec2:InstanceType":["t1.*","t2.*","m3.*"]}})", with({{"ec2:InstanceType", "p4d.24xlarge"}})),
            Tri::kFalse);
  // The MFA example: BoolIfExists aws:MultiFactorAuthPresent false.
  const char* no_mfa = R"({"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}})";
  EXPECT_EQ(eval(no_mfa, Context{}), Tri::kTrue);
  EXPECT_EQ(eval(no_mfa, with({{"aws:MultiFactorAuthPresent", "false"}})), Tri::kTrue);
  EXPECT_EQ(eval(no_mfa, with({{"aws:MultiFactorAuthPresent", "true"}})), Tri::kFalse);
}

TEST(Null, TrueMeansAbsent) {
  Context tagged = with({{"aws:TokenIssueTime", "2024-01-01T00:00:00Z"}});
  EXPECT_EQ(eval(R"({"Null":{"aws:TokenIssueTime":"true"}})", Context{}), Tri::kTrue);
  EXPECT_EQ(eval(R"({"Null":{"aws:TokenIssueTime":"true"}})", tagged), Tri::kFalse);
  EXPECT_EQ(eval(R"({"Null":{"aws:TokenIssueTime":"false"}})", tagged), Tri::kTrue);
  EXPECT_EQ(eval(R"({"Null":{"aws:TokenIssueTime":false}})", Context{}), Tri::kFalse);
  Context empty_list;
  empty_list.set_list("aws:TagKeys", {});
  EXPECT_EQ(eval(R"({"Null":{"aws:TagKeys":"true"}})", empty_list), Tri::kTrue);
}

// ---- numeric, date, bool, binary -------------------------------------------

TEST(NumericOperators, AllSix) {
  Context ctx = with({{"s3:max-keys", "10"}});
  EXPECT_EQ(eval(R"({"NumericEquals":{"s3:max-keys":"10"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"NumericEquals":{"s3:max-keys":10.0}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"NumericNotEquals":{"s3:max-keys":"10"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"NumericLessThan":{"s3:max-keys":"10"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"NumericLessThanEquals":{"s3:max-keys":"10"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"NumericGreaterThan":{"s3:max-keys":"9.5"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"NumericGreaterThanEquals":{"s3:max-keys":"11"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"NumericLessThan":{"s3:max-keys":"abc"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"NumericEquals":{"s3:max-keys":"10"}})", with({{"s3:max-keys", "ten"}})), Tri::kFalse);
  EXPECT_EQ(cond(R"({"NumericLessThan":{"s3:max-keys":"abc"}})").warnings.size(), 1u);
}

TEST(DateOperators, Iso8601AndEpoch) {
  EXPECT_EQ(*parse_date("1970-01-02"), 86400);
  EXPECT_EQ(*parse_date("2020-01-01T00:00:00Z"), 1577836800);
  EXPECT_EQ(*parse_date("2020-01-01T02:00:00+02:00"), 1577836800);
  EXPECT_EQ(*parse_date("2020-01-01T00:00:00.500Z"), 1577836800.5);
  EXPECT_EQ(*parse_date("20200101T000000Z"), 1577836800);
  EXPECT_EQ(*parse_date("1577836800"), 1577836800);
  EXPECT_FALSE(parse_date("2020-13-01").has_value());
  EXPECT_FALSE(parse_date("yesterday").has_value());

  Context ctx = with({{"aws:CurrentTime", "2024-06-01T12:00:00Z"}});
  EXPECT_EQ(eval(R"({"DateGreaterThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"DateLessThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"DateEquals":{"aws:CurrentTime":"1717243200"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"DateNotEquals":{"aws:CurrentTime":"2024-06-01T12:00:00Z"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"DateLessThanEquals":{"aws:CurrentTime":"2024-06-01T14:00:00+02:00"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"DateGreaterThanEquals":{"aws:CurrentTime":"2024-06-01T12:00:01Z"}})", ctx), Tri::kFalse);
  // The user guide's time window example: between two dates.
  const char* window = R"({"DateGreaterThan":{"aws:CurrentTime":"2020-04-01T00:00:00Z"},
                           "DateLessThan":{"aws:CurrentTime":"2020-06-30T23:59:59Z"}})";
  EXPECT_EQ(eval(window, with({{"aws:CurrentTime", "2020-05-05T10:00:00Z"}})), Tri::kTrue);
  EXPECT_EQ(eval(window, ctx), Tri::kFalse);
}

TEST(BoolAndBinary, Operators) {
  EXPECT_EQ(eval(R"({"Bool":{"aws:SecureTransport":"false"}})", with({{"aws:SecureTransport", "false"}})), Tri::kTrue);
  EXPECT_EQ(eval(R"({"Bool":{"aws:SecureTransport":false}})", with({{"aws:SecureTransport", "FALSE"}})), Tri::kTrue);
  EXPECT_EQ(eval(R"({"Bool":{"aws:SecureTransport":"false"}})", with({{"aws:SecureTransport", "true"}})), Tri::kFalse);
  EXPECT_EQ(eval(R"({"BinaryEquals":{"key":"QmluYXJ5VmFsdWVJbkJhc2U2NA=="}})", with({{"key", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}})),
            Tri::kTrue);
  EXPECT_EQ(eval(R"({"BinaryEquals":{"key":"QmluYXJ5VmFsdWVJbkJhc2U2NA=="}})", with({{"key", "b3RoZXI="}})), Tri::kFalse);
}

// ---- IP and ARN ----------------------------------------------------------------

TEST(IpOperators, Ipv4AndIpv6Cidr) {
  const char* doc = R"({"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:DB8:1234:5678::/64"]}})";
  EXPECT_EQ(eval(doc, with({{"aws:SourceIp", "203.0.113.77"}})), Tri::kTrue);
  EXPECT_EQ(eval(doc, with({{"aws:SourceIp", "203.0.114.1"}})), Tri::kFalse);
  EXPECT_EQ(eval(doc, with({{"aws:SourceIp", "2001:db8:1234:5678:0:0:0:1"}})), Tri::kTrue);
  EXPECT_EQ(eval(doc, with({{"aws:SourceIp", "2001:db8:1234:5679::1"}})), Tri::kFalse);
  EXPECT_EQ(eval(doc, with({{"aws:SourceIp", "not-an-ip"}})), Tri::kFalse);
  EXPECT_EQ(eval(R"({"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}})", with({{"aws:SourceIp", "198.51.100.1"}})), Tri::kTrue);
  EXPECT_EQ(eval(R"({"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}})", with({{"aws:SourceIp", "203.0.113.9"}})), Tri::kFalse);
  // A bare address is a /32.
  EXPECT_EQ(eval(R"({"IpAddress":{"aws:SourceIp":"192.0.2.1"}})", with({{"aws:SourceIp", "192.0.2.1"}})), Tri::kTrue);
  EXPECT_EQ(eval(R"({"IpAddress":{"aws:SourceIp":"192.0.2.1"}})", with({{"aws:SourceIp", "192.0.2.2"}})), Tri::kFalse);
  EXPECT_EQ(eval(R"({"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}})", with({{"aws:SourceIp", "8.8.8.8"}})), Tri::kTrue);
  EXPECT_EQ(eval(R"({"IpAddress":{"aws:SourceIp":"::/0"}})", with({{"aws:SourceIp", "8.8.8.8"}})), Tri::kFalse);
  EXPECT_EQ(eval(R"({"IpAddress":{"aws:SourceIp":"10.1.0.0/17"}})", with({{"aws:SourceIp", "10.1.127.255"}})), Tri::kTrue);
  EXPECT_EQ(eval(R"({"IpAddress":{"aws:SourceIp":"10.1.0.0/17"}})", with({{"aws:SourceIp", "10.1.128.0"}})), Tri::kFalse);
  EXPECT_FALSE(parse_ip("10.0.0.0/33").has_value());
  EXPECT_FALSE(parse_ip("1:2:3").has_value());
  EXPECT_TRUE(parse_ip("::ffff:192.0.2.1").has_value());
}

TEST(ArnOperators, EqualsAndLikeAreTheSameNegatedToo) {
  Context ctx = with({{"aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:my-topic"}});
  EXPECT_EQ(eval(R"({"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:123456789012:my-topic"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ArnEquals":{"aws:SourceArn":"arn:aws:sns:*:123456789012:*"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:123456789012:my-*"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:210987654321:*"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"ArnNotEquals":{"aws:SourceArn":"arn:aws:sns:*:123456789012:*"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"ArnNotLike":{"aws:SourceArn":"arn:aws:sqs:*:*:*"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ArnLike":{"aws:SourceArn":"arn:aws:SNS:*:123456789012:my-topic"}})", ctx), Tri::kFalse);
}

// ---- set operators -------------------------------------------------------------

// "Set operators for multivalued context keys": ForAllValues is true when every
// request value matches one policy value, or the key is absent / empty;
// ForAnyValue when at least one does.
TEST(SetOperators, ForAllValuesAndForAnyValue) {
  Context tags;
  tags.set_list("aws:TagKeys", {"environment", "cost-center"});
  EXPECT_EQ(eval(R"({"ForAllValues:StringEquals":{"aws:TagKeys":["environment","cost-center","owner"]}})", tags), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ForAllValues:StringEquals":{"aws:TagKeys":["environment"]}})", tags), Tri::kFalse);
  EXPECT_EQ(eval(R"({"ForAnyValue:StringEquals":{"aws:TagKeys":["environment"]}})", tags), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ForAnyValue:StringEquals":{"aws:TagKeys":["owner"]}})", tags), Tri::kFalse);
  EXPECT_EQ(eval(R"({"ForAllValues:StringLike":{"aws:TagKeys":["env*","cost-*"]}})", tags), Tri::kTrue);
  // Negated: every value outside the list / some value outside it.
  EXPECT_EQ(eval(R"({"ForAllValues:StringNotEquals":{"aws:TagKeys":["owner","project"]}})", tags), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ForAllValues:StringNotEquals":{"aws:TagKeys":["environment"]}})", tags), Tri::kFalse);
  EXPECT_EQ(eval(R"({"ForAnyValue:StringNotEquals":{"aws:TagKeys":["environment"]}})", tags), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ForAnyValue:StringNotEquals":{"aws:TagKeys":["environment","cost-center"]}})", tags), Tri::kFalse);
  // The empty set: ForAllValues true (the documented trap with Allow), ForAnyValue false.
  Context empty;
  empty.set_list("aws:TagKeys", {});
  EXPECT_EQ(eval(R"({"ForAllValues:StringEquals":{"aws:TagKeys":["environment"]}})", empty), Tri::kTrue);
  EXPECT_EQ(eval(R"({"ForAnyValue:StringEquals":{"aws:TagKeys":["environment"]}})", empty), Tri::kFalse);
}

TEST(SetOperators, SingleValuedOperatorOnSeveralValues) {
  Context vias;
  vias.set_list("aws:CalledVia", {"cloudformation.amazonaws.com", "athena.amazonaws.com"});
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:CalledVia":"athena.amazonaws.com"}})", vias), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringNotEquals":{"aws:CalledVia":"athena.amazonaws.com"}})", vias), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringNotEquals":{"aws:CalledVia":"glue.amazonaws.com"}})", vias), Tri::kTrue);
}

// ---- variables in condition values ---------------------------------------------

TEST(ConditionVariables, SubstitutedInStringAndArnOperatorsOnly2012) {
  Context ctx = with({{"aws:username", "alice"}, {"aws:ResourceTag/owner", "alice"},
                      {"aws:PrincipalTag/team", "red"}, {"s3:prefix", "home/alice/x"}});
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringLike":{"s3:prefix":["home/${aws:username}/*"]}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"StringNotEquals":{"aws:ResourceTag/owner":"${aws:username}"}})", ctx), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringEqualsIgnoreCase":{"aws:ResourceTag/owner":"${aws:PrincipalTag/TEAM}"}})", ctx), Tri::kFalse);
  // Version 2008-10-17: the text is literal.
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}})", ctx, /*variables=*/false), Tri::kFalse);
  // A variable with no value never matches; a negated operator then holds.
  Context role = with({{"aws:ResourceTag/owner", "alice"}});
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}})", role), Tri::kFalse);
  EXPECT_EQ(eval(R"({"StringNotEquals":{"aws:ResourceTag/owner":"${aws:username}"}})", role), Tri::kTrue);
  // An unknown variable: unknown.
  role.set_unknown("aws:username");
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}})", role), Tri::kUnknown);
}

// ---- what CloudPeek cannot know ------------------------------------------------

TEST(Unknown, CarriesTheConditionText) {
  Context ctx;
  ctx.set_unknown("aws:SourceIp");
  ctx.set("aws:SecureTransport", "true");
  Condition c = cond(R"({"IpAddress":{"aws:SourceIp":["10.0.0.0/8"]},"Bool":{"aws:SecureTransport":"true"}})");
  ConditionResult r = evaluate_condition(c, Lookup(&ctx));
  EXPECT_EQ(r.value, Tri::kUnknown);
  ASSERT_EQ(r.unknown.size(), 1u);
  EXPECT_EQ(r.unknown[0]->text, R"(IpAddress aws:SourceIp ["10.0.0.0/8"])");
  // A known false part decides regardless of the unknown one.
  ctx.set("aws:SecureTransport", "false");
  r = evaluate_condition(c, Lookup(&ctx));
  EXPECT_EQ(r.value, Tri::kFalse);
  EXPECT_TRUE(r.unknown.empty());
}

TEST(Unknown, EveryUnknownKeyStyle) {
  Context ctx;
  ctx.set_unknown_by_default(true);
  EXPECT_EQ(eval(R"({"Null":{"aws:SourceVpce":"true"}})", ctx), Tri::kUnknown);
  EXPECT_EQ(eval(R"({"ForAllValues:StringEquals":{"aws:TagKeys":["a"]}})", ctx), Tri::kUnknown);
  EXPECT_EQ(eval(R"({"StringNotEqualsIfExists":{"aws:SourceVpc":"vpc-1"}})", ctx), Tri::kUnknown);
  Context prefixed;
  prefixed.set_prefix_state("aws:RequestTag/", KeyState::kUnknown);
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:RequestTag/owner":"x"}})", prefixed), Tri::kUnknown);
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:ResourceTag/owner":"x"}})", prefixed), Tri::kFalse);
}

// A condition that can never hold is false even when the key is unknown: a
// session created from now on has aws:TokenIssueTime >= now.
TEST(Unknown, ConditionsThatCanNeverHoldAreFalse) {
  const double now = *parse_date("2025-01-01T00:00:00Z");
  Context fresh;
  fresh.set_not_before("aws:TokenIssueTime", now, KeyState::kUnknown);
  fresh.set_not_before("aws:CurrentTime", now, KeyState::kUnknown);
  EXPECT_EQ(eval(R"({"DateLessThan":{"aws:TokenIssueTime":"2015-01-01T00:00:00Z"}})", fresh), Tri::kFalse);
  EXPECT_EQ(eval(R"({"DateGreaterThan":{"aws:TokenIssueTime":"2015-01-01T00:00:00Z"}})", fresh), Tri::kUnknown);
  EXPECT_EQ(eval(R"({"DateLessThan":{"aws:CurrentTime":"2024-12-31T23:59:59Z"}})", fresh), Tri::kFalse);
  EXPECT_EQ(eval(R"({"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}})", fresh), Tri::kUnknown);
  // Both bounds in the past: no value at or after now fits.
  EXPECT_EQ(eval(R"({"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"},
                     "DateLessThan":{"aws:CurrentTime":"2021-01-01T00:00:00Z"}})", fresh), Tri::kFalse);
  // Contradictions on an unknown key without a bound.
  Context unknown;
  unknown.set_unknown("s3:max-keys");
  EXPECT_EQ(eval(R"({"NumericLessThan":{"s3:max-keys":"3"},"NumericGreaterThan":{"s3:max-keys":"5"}})", unknown), Tri::kFalse);
  EXPECT_EQ(eval(R"({"NumericLessThan":{"s3:max-keys":"5"},"NumericGreaterThan":{"s3:max-keys":"4"}})", unknown), Tri::kUnknown);
}

TEST(Controlled, FutureRequestTimes) {
  Context attacker;
  set_future_request_times(attacker, *parse_date("2025-01-01T00:00:00Z"));
  EXPECT_EQ(eval(R"({"DateLessThan":{"aws:TokenIssueTime":"2015-01-01T00:00:00Z"}})", attacker), Tri::kFalse);
  EXPECT_EQ(eval(R"({"DateGreaterThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}})", attacker), Tri::kTrue);
  EXPECT_EQ(eval(R"({"NumericLessThan":{"aws:EpochTime":"1420070400"}})", attacker), Tri::kFalse);
  EXPECT_EQ(eval(R"({"NumericGreaterThan":{"aws:EpochTime":"1420070400"}})", attacker), Tri::kTrue);
  // Only the moment is free: it is never absent.
  EXPECT_EQ(eval(R"({"Null":{"aws:CurrentTime":"true"}})", attacker), Tri::kFalse);
}

TEST(Controlled, HoldsWhenTheCallerCanPickAValue) {
  Context ctx;
  ctx.set_controlled("aws:RequestTag/project");
  ctx.set_controlled("sts:RoleSessionName");
  Condition c = cond(R"({"StringEquals":{"aws:RequestTag/project":"blue"},"StringLike":{"sts:RoleSessionName":"ci-*"}})");
  ConditionResult r = evaluate_condition(c, Lookup(&ctx));
  EXPECT_EQ(r.value, Tri::kTrue);
  EXPECT_EQ(r.controlled.size(), 2u);
  EXPECT_TRUE(r.unknown.empty());
  // Not when the clauses on one key contradict each other.
  EXPECT_EQ(eval(R"({"StringEquals":{"aws:RequestTag/project":"blue"},
                     "StringNotEquals":{"aws:RequestTag/project":"blue"}})", ctx), Tri::kFalse);
  // A Deny's condition on a controlled key: the caller picks a value that avoids it.
  Condition deny = cond(R"({"StringNotEquals":{"aws:RequestTag/project":"blue"}})");
  EXPECT_EQ(evaluate_condition(deny, Lookup(&ctx), Want::kFail).value, Tri::kFalse);
  // ... unless no value avoids it: absent or any value, StringLikeIfExists "*" holds.
  Condition forced = cond(R"({"StringLikeIfExists":{"aws:RequestTag/project":"*"}})");
  EXPECT_EQ(evaluate_condition(forced, Lookup(&ctx), Want::kFail).value, Tri::kTrue);
  // Controlled IP: an address inside / outside a range is found.
  ctx.set_controlled("aws:SourceIp");
  EXPECT_EQ(eval(R"({"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"NotIpAddress":{"aws:SourceIp":"10.0.0.0/9"}})", ctx), Tri::kTrue);
  EXPECT_EQ(eval(R"({"IpAddress":{"aws:SourceIp":"10.0.0.0/9"},"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}})", ctx), Tri::kFalse);
}

TEST(Parse, ConditionErrors) {
  auto err = [](std::string_view text) {
    auto c = parse_condition(json::parse(text), true);
    return c.ok() ? std::string("(parsed)") : c.error().describe();
  };
  EXPECT_EQ(err(R"("x")"), "Condition: must be an object of condition operators");
  EXPECT_EQ(err(R"({"NullIfExists":{"a":"true"}})"), "Condition.NullIfExists: Null cannot take IfExists");
  EXPECT_EQ(err(R"({"StringEquals":"x"})"), "Condition.StringEquals: must be an object of condition keys");
  EXPECT_EQ(err(R"({"StringEquals":{"k":{"a":1}}})"), "Condition.StringEquals.k: condition values must be strings, numbers or booleans");
  EXPECT_EQ(err(R"({"ForAnyValue:Foo":{"k":"v"}})"), "Condition.ForAnyValue:Foo: unknown condition operator");
  Condition c = cond(R"({"ForAllValues:StringNotEqualsIgnoreCaseIfExists":{"aws:TagKeys":["A"]}})");
  ASSERT_EQ(c.clauses.size(), 1u);
  EXPECT_EQ(c.clauses[0].set, SetOp::kForAllValues);
  EXPECT_EQ(c.clauses[0].family, OpFamily::kStringIgnoreCase);
  EXPECT_TRUE(c.clauses[0].negated);
  EXPECT_TRUE(c.clauses[0].if_exists);
  EXPECT_EQ(c.clauses[0].key, "aws:tagkeys");
}

}  // namespace
}  // namespace cloudpeek::iam
