#include "aws/endpoints/endpoints.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace cloudpeek {
namespace {

Endpoint resolve(const std::string& service, const std::string& region, const EndpointOverrides& o = {}) {
  auto r = resolve_endpoint(service, region, o);
  EXPECT_TRUE(r.ok()) << service << " " << region << ": " << (r.ok() ? "" : r.error().describe());
  return r.ok() ? r.value() : Endpoint{};
}

void expect_endpoint(const Endpoint& e, const std::string& url, const std::string& signing_region,
                     const std::string& signing_name) {
  EXPECT_EQ(e.url, url);
  EXPECT_EQ(e.signing_region, signing_region) << url;
  EXPECT_EQ(e.signing_name, signing_name) << url;
}

TEST(Partition, KnownAndFutureRegionsByRegex) {
  EXPECT_EQ(partition_of("us-east-1").id, "aws");
  EXPECT_EQ(partition_of("il-central-1").id, "aws");
  EXPECT_EQ(partition_of("mx-central-1").id, "aws");
  EXPECT_EQ(partition_of("eu-future-9").id, "aws");
  EXPECT_EQ(partition_of("cn-north-1").id, "aws-cn");
  EXPECT_EQ(partition_of("cn-northwest-1").dns_suffix, "amazonaws.com.cn");
  EXPECT_EQ(partition_of("cn-somewhere-7").id, "aws-cn");
  EXPECT_EQ(partition_of("us-gov-west-1").id, "aws-us-gov");
  EXPECT_EQ(partition_of("us-gov-east-1").dns_suffix, "amazonaws.com");
  EXPECT_EQ(partition_of("something-else").id, "aws");  // the SDKs' default partition
}

TEST(Regional, DefaultPatternPerPartition) {
  expect_endpoint(resolve("ec2", "eu-west-1"), "https://ec2.eu-west-1.amazonaws.com", "eu-west-1", "ec2");
  expect_endpoint(resolve("kms", "cn-north-1"), "https://kms.cn-north-1.amazonaws.com.cn", "cn-north-1", "kms");
  expect_endpoint(resolve("kms", "us-gov-west-1"), "https://kms.us-gov-west-1.amazonaws.com", "us-gov-west-1",
                  "kms");
  EXPECT_FALSE(resolve("ec2", "eu-west-1").path_style);
  EXPECT_FALSE(resolve("ec2", "eu-west-1").overridden);
}

TEST(Global, Iam) {
  expect_endpoint(resolve("iam", "eu-west-1"), "https://iam.amazonaws.com", "us-east-1", "iam");
  expect_endpoint(resolve("iam", "cn-northwest-1"), "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "iam");
  expect_endpoint(resolve("iam", "us-gov-east-1"), "https://iam.us-gov.amazonaws.com", "us-gov-west-1", "iam");
}

TEST(Global, Organizations) {
  expect_endpoint(resolve("organizations", "ap-south-1"), "https://organizations.us-east-1.amazonaws.com",
                  "us-east-1", "organizations");
  expect_endpoint(resolve("organizations", "cn-north-1"), "https://organizations.cn-northwest-1.amazonaws.com.cn",
                  "cn-northwest-1", "organizations");
  expect_endpoint(resolve("organizations", "us-gov-east-1"), "https://organizations.us-gov-west-1.amazonaws.com",
                  "us-gov-west-1", "organizations");
}

TEST(Global, CloudFrontAndRoute53) {
  expect_endpoint(resolve("cloudfront", "eu-central-1"), "https://cloudfront.amazonaws.com", "us-east-1",
                  "cloudfront");
  expect_endpoint(resolve("cloudfront", "cn-north-1"), "https://cloudfront.cn-northwest-1.amazonaws.com.cn",
                  "cn-northwest-1", "cloudfront");
  // WAF Classic's global API: one endpoint signed for us-east-1, whatever region is asked.
  expect_endpoint(resolve("waf", "us-east-1"), "https://waf.amazonaws.com", "us-east-1", "waf");
  expect_endpoint(resolve("waf", "eu-west-1"), "https://waf.amazonaws.com", "us-east-1", "waf");
  expect_endpoint(resolve("route53", "us-west-2"), "https://route53.amazonaws.com", "us-east-1", "route53");
  expect_endpoint(resolve("route53", "cn-north-1"), "https://route53.amazonaws.com.cn", "cn-northwest-1", "route53");
  expect_endpoint(resolve("route53", "us-gov-west-1"), "https://route53.us-gov.amazonaws.com", "us-gov-west-1",
                  "route53");
}

TEST(Sts, RegionalByDefault) {
  expect_endpoint(resolve("sts", "us-east-1"), "https://sts.us-east-1.amazonaws.com", "us-east-1", "sts");
  expect_endpoint(resolve("sts", "eu-west-1"), "https://sts.eu-west-1.amazonaws.com", "eu-west-1", "sts");
  expect_endpoint(resolve("sts", "cn-north-1"), "https://sts.cn-north-1.amazonaws.com.cn", "cn-north-1", "sts");
  expect_endpoint(resolve("sts", "aws-global"), "https://sts.amazonaws.com", "us-east-1", "sts");
}

TEST(Sts, LegacyModeGlobalOnlyForTheOriginalRegions) {
  EndpointOverrides legacy;
  legacy.sts_regional = false;
  expect_endpoint(resolve("sts", "eu-west-1", legacy), "https://sts.amazonaws.com", "us-east-1", "sts");
  expect_endpoint(resolve("sts", "us-east-1", legacy), "https://sts.amazonaws.com", "us-east-1", "sts");
  // Opt-in and newer regions, and other partitions, stay regional.
  expect_endpoint(resolve("sts", "ap-east-1", legacy), "https://sts.ap-east-1.amazonaws.com", "ap-east-1", "sts");
  expect_endpoint(resolve("sts", "us-gov-west-1", legacy), "https://sts.us-gov-west-1.amazonaws.com",
                  "us-gov-west-1", "sts");
  expect_endpoint(resolve("sts", "cn-north-1", legacy), "https://sts.cn-north-1.amazonaws.com.cn", "cn-north-1",
                  "sts");
}

TEST(S3, RegionalNamesVirtualHosted) {
  Endpoint e = resolve("s3", "us-east-1");
  expect_endpoint(e, "https://s3.us-east-1.amazonaws.com", "us-east-1", "s3");
  EXPECT_FALSE(e.path_style);
  expect_endpoint(resolve("s3", "eu-west-1"), "https://s3.eu-west-1.amazonaws.com", "eu-west-1", "s3");
  expect_endpoint(resolve("s3", "cn-north-1"), "https://s3.cn-north-1.amazonaws.com.cn", "cn-north-1", "s3");
}

TEST(S3, LegacyGlobalNameForUsEast1WhenAsked) {
  EndpointOverrides legacy;
  legacy.s3_us_east_1_regional = false;
  expect_endpoint(resolve("s3", "us-east-1", legacy), "https://s3.amazonaws.com", "us-east-1", "s3");
  expect_endpoint(resolve("s3", "us-west-2", legacy), "https://s3.us-west-2.amazonaws.com", "us-west-2", "s3");
  expect_endpoint(resolve("s3", "aws-global"), "https://s3.amazonaws.com", "us-east-1", "s3");
}

TEST(S3Control, SignsAsS3) {
  // The {AccountId}. host prefix is the operation's (hostPrefix), added by the client.
  expect_endpoint(resolve("s3-control", "eu-west-1"), "https://s3-control.eu-west-1.amazonaws.com", "eu-west-1", "s3");
  EndpointOverrides o;
  o.per_service["S3_CONTROL"] = "http://127.0.0.1:4566";
  Endpoint e = resolve("s3-control", "us-east-1", o);
  EXPECT_EQ(e.url, "http://127.0.0.1:4566");
  EXPECT_EQ(e.signing_name, "s3");
  EXPECT_FALSE(e.path_style);
}

TEST(Ecr, HostApiEcrSignsAsEcr) {
  // ECR's endpoint prefix is api.ecr; its requests are signed for "ecr" (the
  // model's signingName); AWS rejects a credential scoped to api.ecr.
  expect_endpoint(resolve("api.ecr", "eu-west-1"), "https://api.ecr.eu-west-1.amazonaws.com", "eu-west-1", "ecr");
  EndpointOverrides o;
  o.per_service["ECR"] = "http://127.0.0.1:4566";
  Endpoint e = resolve("api.ecr", "us-east-1", o);
  EXPECT_EQ(e.url, "http://127.0.0.1:4566");
  EXPECT_EQ(e.signing_name, "ecr");
}

TEST(SsoPortal, HostAndSigningName) {
  expect_endpoint(resolve("portal.sso", "eu-west-1"), "https://portal.sso.eu-west-1.amazonaws.com", "eu-west-1",
                  "awsssoportal");
  expect_endpoint(resolve("portal.sso", "cn-north-1"), "https://portal.sso.cn-north-1.amazonaws.com.cn",
                  "cn-north-1", "awsssoportal");
}

TEST(InvalidRegion, RejectedNamingTheRegion) {
  for (const char* bad : {"", "us-east-1/evil", "us east 1", "US-EAST-1", "us-east-1.", "-us-east-1", "us-east-1-",
                          "https://ec2.us-east-1.amazonaws.com", "us-east-1\n"}) {
    auto r = resolve_endpoint("ec2", bad, {});
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
    EXPECT_NE(r.error().message.find(*bad ? std::string(bad) : "(empty)"), std::string::npos) << r.error().message;
  }
  // Even when an override would make the region unused in the host name: it still signs.
  EndpointOverrides o;
  o.global = "http://127.0.0.1:4566";
  EXPECT_FALSE(resolve_endpoint("sts", "bad region", o).ok());
}

TEST(Override, GlobalUrlHttpAllowedAndPathKept) {
  EndpointOverrides o;
  o.global = "http://127.0.0.1:4566/prefix/";
  Endpoint e = resolve("ec2", "eu-west-1", o);
  expect_endpoint(e, "http://127.0.0.1:4566/prefix", "eu-west-1", "ec2");
  EXPECT_TRUE(e.overridden);
}

TEST(Override, SigningRegionStaysRequestedOrGlobal) {
  EndpointOverrides o;
  o.global = "http://localhost:4566";
  expect_endpoint(resolve("sts", "eu-west-1", o), "http://localhost:4566", "eu-west-1", "sts");
  expect_endpoint(resolve("iam", "eu-west-1", o), "http://localhost:4566", "us-east-1", "iam");
  expect_endpoint(resolve("iam", "cn-north-1", o), "http://localhost:4566", "cn-north-1", "iam");
  expect_endpoint(resolve("portal.sso", "eu-west-1", o), "http://localhost:4566", "eu-west-1", "awsssoportal");
  o.sts_regional = false;  // legacy mode does not apply to an override
  expect_endpoint(resolve("sts", "eu-west-1", o), "http://localhost:4566", "eu-west-1", "sts");
}

TEST(Override, S3UsesPathStyle) {
  EndpointOverrides o;
  o.global = "http://localhost:4566";
  Endpoint e = resolve("s3", "us-east-1", o);
  EXPECT_TRUE(e.path_style);
  EXPECT_EQ(e.url, "http://localhost:4566");
  EXPECT_FALSE(resolve("ec2", "us-east-1", o).path_style);
}

TEST(Override, ServiceSpecificWinsOverGlobal) {
  EndpointOverrides o;
  o.global = "https://global.example";
  o.per_service["S3"] = "https://s3.example";
  o.per_service["SSO"] = "http://portal.example:8080";
  o.per_service["ROUTE_53"] = "https://r53.example";
  o.per_service["CLOUDWATCH_LOGS"] = "https://logs.example";
  EXPECT_EQ(resolve("s3", "eu-west-1", o).url, "https://s3.example");
  EXPECT_EQ(resolve("portal.sso", "eu-west-1", o).url, "http://portal.example:8080");
  EXPECT_EQ(resolve("route53", "eu-west-1", o).url, "https://r53.example");
  EXPECT_EQ(resolve("logs", "eu-west-1", o).url, "https://logs.example");
  EXPECT_EQ(resolve("ec2", "eu-west-1", o).url, "https://global.example");
}

TEST(Override, SharedPrefixFindsEitherServiceId) {
  EndpointOverrides o;
  o.per_service["ELASTIC_LOAD_BALANCING"] = "https://elb.example";
  EXPECT_EQ(resolve("elasticloadbalancing", "eu-west-1", o).url, "https://elb.example");
}

TEST(Override, IgnoredWhenAsked) {
  EndpointOverrides o;
  o.global = "http://localhost:4566";
  o.per_service["STS"] = "http://localhost:4567";
  o.ignore_configured_endpoint_urls = true;
  Endpoint e = resolve("sts", "eu-west-1", o);
  EXPECT_EQ(e.url, "https://sts.eu-west-1.amazonaws.com");
  EXPECT_FALSE(e.overridden);
}

TEST(Override, MalformedUrlRejectedNamingTheVariable) {
  for (const char* bad : {"localhost:4566", "ftp://host", "http://", "http:///path", "http://host?x=1", "http://a b"}) {
    EndpointOverrides o;
    o.per_service["STS"] = bad;
    auto r = resolve_endpoint("sts", "us-east-1", o);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
    EXPECT_NE(r.error().message.find("AWS_ENDPOINT_URL_STS"), std::string::npos) << r.error().message;
  }
}

TEST(FromEnvironment, ReadsTheStandardVariables) {
  setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:1", 1);
  setenv("AWS_ENDPOINT_URL_SSO_OIDC", "http://127.0.0.1:2", 1);
  setenv("AWS_ENDPOINT_URL_S3", "", 1);  // empty means unset
  setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE", 1);
  setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy", 1);
  setenv("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", "Legacy", 1);
  EndpointOverrides o = EndpointOverrides::from_environment();
  EXPECT_EQ(o.global, "http://127.0.0.1:1");
  EXPECT_EQ(o.per_service.at("SSO_OIDC"), "http://127.0.0.1:2");
  EXPECT_FALSE(o.per_service.contains("S3"));
  EXPECT_TRUE(o.ignore_configured_endpoint_urls);
  EXPECT_FALSE(o.sts_regional);
  EXPECT_FALSE(o.s3_us_east_1_regional);
  for (const char* v : {"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SSO_OIDC", "AWS_ENDPOINT_URL_S3",
                        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_STS_REGIONAL_ENDPOINTS",
                        "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT"})
    unsetenv(v);
  EndpointOverrides d = EndpointOverrides::from_environment();
  EXPECT_FALSE(d.global);
  EXPECT_FALSE(d.ignore_configured_endpoint_urls);
  EXPECT_TRUE(d.sts_regional);
  EXPECT_TRUE(d.s3_us_east_1_regional);
}

}  // namespace
}  // namespace cloudpeek
