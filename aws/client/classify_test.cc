#include "aws/client/classify.h"

#include <gtest/gtest.h>

#include "aws/client/scrub.h"

namespace cloudpeek {
namespace {

WireError wire(std::string code, std::string message, int status, std::string request_id = "req-1") {
  WireError w;
  w.code = std::move(code);
  w.message = std::move(message);
  w.http_status = status;
  w.request_id = std::move(request_id);
  w.parsed = true;
  return w;
}

CallContext ctx(std::string action = "sts:GetCallerIdentity", std::string region = "us-east-1") {
  CallContext c;
  c.service = action.substr(0, action.find(':'));
  c.action = std::move(action);
  c.region = std::move(region);
  c.credential_source = "environment";
  return c;
}

CallContext temporary(CallContext c) {
  c.temporary_credentials = true;
  return c;
}

// Error responses as AWS sends them (code, message, HTTP status), with the kind each must become.
struct Case {
  const char* code;
  const char* message;
  int status;
  ErrorKind kind;
  bool temporary = false;
  const char* region = "us-east-1";
};

const Case kCases[] = {
    {"ExpiredToken", "The security token included in the request is expired", 403, ErrorKind::kExpiredToken, true},
    {"ExpiredTokenException", "The security token included in the request is expired", 400,
     ErrorKind::kExpiredToken, true},
    {"RequestExpired", "Request has expired.", 400, ErrorKind::kExpiredToken, true},
    {"RequestExpired", "Request has expired.", 400, ErrorKind::kClockSkew, false},
    {"TokenRefreshRequired", "The provided token must be refreshed.", 400, ErrorKind::kExpiredToken, true},
    {"InvalidClientTokenId", "The security token included in the request is invalid.", 403,
     ErrorKind::kInvalidKeyId},
    {"UnrecognizedClientException", "The security token included in the request is invalid.", 400,
     ErrorKind::kInvalidKeyId},
    {"InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403,
     ErrorKind::kInvalidKeyId},
    {"AuthFailure", "AWS was not able to validate the provided access credentials", 401, ErrorKind::kInvalidKeyId},
    {"InvalidToken", "The provided token is malformed or otherwise invalid.", 400, ErrorKind::kInvalidKeyId, true},
    // An opt-in region that is not enabled answers with the codes of an unknown key.
    {"InvalidClientTokenId", "The security token included in the request is invalid.", 403,
     ErrorKind::kRegionNotEnabled, false, "ap-east-1"},
    {"AuthFailure", "AWS was not able to validate the provided access credentials", 401,
     ErrorKind::kRegionNotEnabled, false, "me-south-1"},
    {"UnrecognizedClientException", "The security token included in the request is invalid.", 400,
     ErrorKind::kRegionNotEnabled, true, "eu-south-2"},
    {"SignatureDoesNotMatch",
     "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
     "Access Key and signing method. Consult the service documentation for details.",
     403, ErrorKind::kWrongSecret},
    {"InvalidSignatureException",
     "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
     "Access Key and signing method. Consult the service documentation for details.",
     400, ErrorKind::kWrongSecret},
    {"SignatureDoesNotMatch",
     "Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z (20240101T001500Z - 5 min.)", 403,
     ErrorKind::kClockSkew},
    {"SignatureDoesNotMatch",
     "Signature not yet current: 20240101T003000Z is still later than 20240101T002000Z (20240101T001500Z + 5 "
     "min.)",
     403, ErrorKind::kClockSkew},
    {"InvalidSignatureException",
     "Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z (20240101T001500Z - 5 min.)", 400,
     ErrorKind::kClockSkew},
    {"RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403,
     ErrorKind::kClockSkew},
    {"RequestInTheFuture", "Request is not yet valid", 403, ErrorKind::kClockSkew},
    {"AccessDenied",
     "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListUsers on resource: "
     "arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action",
     403, ErrorKind::kAccessDenied},
    {"AccessDeniedException",
     "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: kms:ListKeys because no "
     "identity-based policy allows the kms:ListKeys action",
     400, ErrorKind::kAccessDenied},
    {"UnauthorizedOperation", "You are not authorized to perform this operation.", 403, ErrorKind::kAccessDenied},
    {"AuthorizationError",
     "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: SNS:ListTopics on resource: "
     "arn:aws:sns:us-east-1:123456789012:*",
     403, ErrorKind::kAccessDenied},
    {"ForbiddenException", "No access", 403, ErrorKind::kAccessDenied},
    {"", "", 403, ErrorKind::kAccessDenied},  // S3 HEAD: 403 and no body
    {"UnauthorizedException", "Session token not found or invalid", 401, ErrorKind::kSsoTokenExpired},
    {"OptInRequired", "You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.",
     403, ErrorKind::kRegionNotEnabled},
    {"RegionDisabledException",
     "STS is not activated in this region for account:123456789012. Your account administrator can activate STS "
     "in this region using the IAM Console.",
     403, ErrorKind::kRegionNotEnabled},
    {"Throttling", "Rate exceeded", 400, ErrorKind::kThrottled},
    {"ThrottlingException", "Rate exceeded", 400, ErrorKind::kThrottled},
    {"RequestLimitExceeded", "Request limit exceeded.", 503, ErrorKind::kThrottled},
    {"SlowDown", "Please reduce your request rate.", 503, ErrorKind::kThrottled},
    {"TooManyRequestsException", "Too Many Requests", 429, ErrorKind::kThrottled},
    {"NoSuchEntity", "The user with name alice cannot be found.", 404, ErrorKind::kServiceError},
    {"InternalError", "We encountered an internal error. Please try again.", 500, ErrorKind::kServiceError},
    {"ValidationError", "1 validation error detected", 400, ErrorKind::kServiceError},
};

TEST(Classify, RealAwsErrorsMapToTheirKind) {
  for (const Case& c : kCases) {
    CallContext x = ctx("iam:ListUsers", c.region);
    x.temporary_credentials = c.temporary;
    Error e = classify_error(wire(c.code, c.message, c.status), x);
    EXPECT_EQ(to_string(e.kind), to_string(c.kind)) << c.code << ": " << c.message << " in " << c.region;
    EXPECT_EQ(e.code, c.code);
    EXPECT_EQ(e.request_id, "req-1");
    EXPECT_EQ(e.http_status, c.status);
    EXPECT_FALSE(e.message.empty()) << c.code;
    if (e.kind != ErrorKind::kServiceError) EXPECT_FALSE(e.advice.empty()) << c.code;
  }
}

TEST(Classify, ExpiredSessionTokenSaysSignInAgain) {
  Error e = classify_error(wire("ExpiredToken", "The security token included in the request is expired", 403),
                           temporary(ctx()));
  EXPECT_EQ(e.kind, ErrorKind::kExpiredToken);
  EXPECT_EQ(e.describe().find("The session token has expired: sign in to your AWS access portal again and copy "
                              "new credentials."),
            0u)
      << e.describe();
  EXPECT_EQ(e.describe(),
            "The session token has expired: sign in to your AWS access portal again and copy new credentials. "
            "AWS said: The security token included in the request is expired. Copy all three values (access key "
            "id, secret access key, session token) from the same set. (ExpiredToken, request id req-1)");
}

TEST(Classify, ExpiredSsoProfileSaysSsoLogin) {
  CallContext c = temporary(ctx());
  c.credential_source = "profile prod (sso)";
  Error e = classify_error(wire("ExpiredToken", "The security token included in the request is expired", 403), c);
  EXPECT_EQ(e.kind, ErrorKind::kExpiredToken);
  EXPECT_NE(e.message.find("run `aws sso login --profile prod`"), std::string::npos) << e.message;

  Error portal = classify_error(wire("UnauthorizedException", "Session token not found or invalid", 401), c);
  EXPECT_EQ(portal.kind, ErrorKind::kSsoTokenExpired);
  EXPECT_EQ(portal.advice, "Run `aws sso login --profile prod`, then try again.");
}

TEST(Classify, OptInRegionAdvice) {
  Error e = classify_error(wire("InvalidClientTokenId", "The security token included in the request is invalid.", 403),
                           ctx("sts:GetCallerIdentity", "af-south-1"));
  EXPECT_EQ(e.kind, ErrorKind::kRegionNotEnabled);
  EXPECT_EQ(e.advice,
            "Enable af-south-1 in the account settings (Account → AWS Regions) or exclude it from the scan. If it is "
            "enabled, check the access key id.");
  EXPECT_TRUE(is_opt_in_region("il-central-1"));
  EXPECT_FALSE(is_opt_in_region("eu-west-1"));
}

TEST(Classify, WrongSecretAdvice) {
  Error e = classify_error(wire("SignatureDoesNotMatch", "The request signature we calculated does not match", 403),
                           ctx());
  EXPECT_EQ(e.kind, ErrorKind::kWrongSecret);
  EXPECT_EQ(e.message.rfind("The secret access key does not match the access key id", 0), 0u);
}

TEST(Classify, InvalidKeyIdAdvice) {
  Error e = classify_error(wire("InvalidClientTokenId", "The security token included in the request is invalid.", 403),
                           temporary(ctx()));
  EXPECT_EQ(e.kind, ErrorKind::kInvalidKeyId);
  EXPECT_EQ(e.advice,
            "The access key id, secret access key and session token must come from the same set: copy all three "
            "again from your AWS access portal.");
}

TEST(Classify, AccessDeniedNamesActionAndPermissionSet) {
  Error e = classify_error(
      wire("AccessDenied",
           "User: arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_ReadOnly_0123456789abcdef/alice@example.com "
           "is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no "
           "identity-based policy allows the iam:ListUsers action",
           403),
      ctx("iam:GetAccountSummary"));
  EXPECT_EQ(e.kind, ErrorKind::kAccessDenied);
  EXPECT_EQ(e.action, "iam:ListUsers");  // from the message, over the context's
  EXPECT_EQ(e.permission_set, "ReadOnly");
  EXPECT_EQ(e.advice,
            "Your IAM Identity Center permission set ReadOnly does not allow it: ask your administrator to assign you "
            "the SecurityAuditor permission set (AWS managed policy SecurityAudit) for this account.");
  EXPECT_EQ(e.message.rfind("Access denied to iam:ListUsers for arn:aws:sts::123456789012:assumed-role/"
                            "AWSReservedSSO_ReadOnly_0123456789abcdef/alice@example.com in us-east-1.",
                            0),
            0u)
      << e.message;
}

TEST(Classify, AccessDeniedWithoutDetailsUsesContext) {
  CallContext c = ctx("s3:GetBucketPolicy");
  c.caller_arn = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Dev_Team_a1b2c3d4e5f60718/bob";
  WireError w;
  w.http_status = 403;  // HEAD: no body at all
  Error e = classify_error(w, c);
  EXPECT_EQ(e.kind, ErrorKind::kAccessDenied);
  EXPECT_EQ(e.action, "s3:GetBucketPolicy");
  EXPECT_EQ(e.permission_set, "Dev_Team");

  Error plain = classify_error(wire("AccessDenied", "Access Denied", 403), ctx("s3:ListBuckets"));
  EXPECT_EQ(plain.advice,
            "Attach the AWS managed policy SecurityAudit to this identity (in IAM Identity Center: the "
            "SecurityAuditor permission set).");
}

TEST(Classify, ExplicitDenyInScpIsCalledOut) {
  Error e = classify_error(
      wire("UnauthorizedOperation",
           "You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/bob is not "
           "authorized to perform: ec2:DescribeInstances with an explicit deny in a service control policy. "
           "Encoded authorization failure message: " +
               std::string(600, 'Q'),
           403),
      ctx("ec2:DescribeRegions"));
  EXPECT_EQ(e.action, "ec2:DescribeInstances");
  EXPECT_EQ(e.advice.rfind("A service control policy of your organization denies it", 0), 0u) << e.advice;
  EXPECT_LT(e.message.size(), 600u);  // the encoded blob is cut
}

TEST(Classify, UnparsedBodyKeepsStatus) {
  WireError w;
  w.http_status = 502;
  Error e = classify_error(w, ctx());
  EXPECT_EQ(e.kind, ErrorKind::kServiceError);
  EXPECT_EQ(e.http_status, 502);
  EXPECT_EQ(e.message, "AWS answered HTTP 502 without an error document CloudPeek could read.");
  EXPECT_EQ(e.advice, "This is on AWS's side: try again later.");
}

TEST(Classify, ServiceErrorKeepsCodeAndMessage) {
  Error e = classify_error(wire("NoSuchEntity", "The user with name alice cannot be found.", 404), ctx());
  EXPECT_EQ(e.message, "AWS answered NoSuchEntity: The user with name alice cannot be found.");
  EXPECT_EQ(e.code, "NoSuchEntity");
}

TEST(Classify, ClockSkewAdviceFromOffset) {
  EXPECT_EQ(clock_skew_advice(std::chrono::seconds(420)),
            "Your clock is 7 minutes behind AWS's: sync it (timedatectl set-ntp true, or your NTP client).");
  EXPECT_EQ(clock_skew_advice(std::chrono::seconds(-3600)),
            "Your clock is 60 minutes ahead of AWS's: sync it (timedatectl set-ntp true, or your NTP client).");
  Error e = classify_error(wire("RequestTimeTooSkewed", "The difference ... is too large.", 403), ctx());
  apply_clock_offset(e, std::chrono::seconds(420));
  EXPECT_EQ(e.clock_offset, std::chrono::seconds(420));
  EXPECT_NE(e.describe().find("7 minutes behind"), std::string::npos);
}

TEST(Classify, PermissionSetFromArn) {
  EXPECT_EQ(permission_set_from_arn("AWSReservedSSO_SecurityAuditor_0123abcd"), "SecurityAuditor");
  EXPECT_EQ(permission_set_from_arn(
                "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_AdministratorAccess_1a2b3c4d5e6f7a8b/alice"),
            "AdministratorAccess");
  EXPECT_EQ(permission_set_from_arn("arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/"
                                    "AWSReservedSSO_Read_Only_Audit_0123456789abcdef"),
            "Read_Only_Audit");
  EXPECT_EQ(permission_set_from_arn("arn:aws:iam::123456789012:user/bob"), "");
  EXPECT_EQ(permission_set_from_arn("AWSReservedSSO_"), "");
}

TEST(Classify, SecretsEchoedByAwsAreCut) {
  const std::string token = "IQoJb3JpZ2luX2VjEJr" + std::string(300, 'x') + "==";
  const std::string message =
      "Bad request. Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/sts/aws4_request, "
      "SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7\n"
      "query: X-Amz-Security-Token=" +
      token + "&X-Amz-Signature=deadbeefcafe0123 and also " + std::string(150, 'Z');
  Error e = classify_error(wire("AccessDenied", message, 403), ctx());
  const std::string all = e.describe();
  EXPECT_EQ(all.find("5d672d79c15b"), std::string::npos) << all;
  EXPECT_EQ(all.find("IQoJb3JpZ2lu"), std::string::npos) << all;
  EXPECT_EQ(all.find("deadbeefcafe"), std::string::npos) << all;
  EXPECT_EQ(all.find(std::string(150, 'Z')), std::string::npos) << all;

  EXPECT_EQ(scrub_aws_message("Encoded authorization failure message: abc"),
            "Encoded authorization failure message: abc");  // prose is left alone
  EXPECT_EQ(scrub_aws_message(std::string(1000, 'a') + " end", 10).size(), 10u + std::string("…").size());
  EXPECT_EQ(scrub_aws_message("\"X-Amz-Security-Token\":\"abc\""), "\"X-Amz-Security-Token\":\"[redacted]\"");
}

}  // namespace
}  // namespace cloudpeek
