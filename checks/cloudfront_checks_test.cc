// CloudFront checks over small distributions.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

// A distribution every CloudFront check passes.
json good() {
  return {{"viewer_protocol_policies", {{{"path", "*"}, {"policy", "redirect-to-https"}}}},
          {"web_acl_id", "arn:aws:wafv2:us-east-1:111122223333:global/webacl/cf/1"},
          {"cloudfront_default_certificate", false},
          {"ssl_support_method", "sni-only"},
          {"minimum_protocol_version", "TLSv1.2_2021"},
          {"origins",
           {{{"id", "s3"}, {"kind", "s3"}, {"oac_id", "E2OAC"}, {"oai", ""}},
            {{"id", "api"}, {"kind", "custom"}, {"oac_id", ""}, {"origin_protocol_policy", "https-only"},
             {"origin_ssl_protocols", {"TLSv1.2"}}}}},
          {"default_root_object", "index.html"},
          {"logging_enabled", true}};
}

Resource dist(json props) { return resource("AWS::CloudFront::Distribution", "E1", std::move(props), "global"); }

Resource without_config() {
  Resource r = dist(good());
  r.props.erase("default_root_object");
  r.props.erase("logging_enabled");
  r.missing["default_root_object"] = "cloudfront:GetDistributionConfig denied (AccessDenied)";
  r.missing["logging_enabled"] = r.missing["default_root_object"];
  return r;
}

Resource missing(const std::string& prop) {
  Resource r = dist(good());
  r.props.erase(prop);
  r.missing[prop] = "cloudfront:ListDistributions denied (AccessDenied)";
  return r;
}

void expect_all(const char* id, json bad, const std::string& missing_prop) {
  SCOPED_TRACE(id);
  auto p = run_on(id, dist(good()));
  EXPECT_EQ(p.status, CheckStatus::kPass) << p.detail;
  json props = good();
  props.merge_patch(bad);
  auto f = run_on(id, dist(props));
  EXPECT_EQ(f.status, CheckStatus::kFail) << f.detail;
  auto n = run_on(id, missing_prop == "config" ? without_config() : missing(missing_prop));
  EXPECT_EQ(n.status, CheckStatus::kNotAssessed) << n.detail;
  EXPECT_NE(n.detail.find("cloudfront:"), std::string::npos) << n.detail;
}

TEST(CloudFront, DefaultRootObject) {
  expect_all("cloudfront_distributions_default_root_object", {{"default_root_object", ""}}, "config");
}

TEST(CloudFront, Https) {
  expect_all("cloudfront_distributions_https_enabled",
             {{"viewer_protocol_policies",
               {{{"path", "*"}, {"policy", "https-only"}}, {{"path", "/img/*"}, {"policy", "allow-all"}}}}},
             "viewer_protocol_policies");
}

TEST(CloudFront, Logging) {
  expect_all("cloudfront_distributions_logging_enabled", {{"logging_enabled", false}}, "config");
}

TEST(CloudFront, Waf) { expect_all("cloudfront_distributions_using_waf", {{"web_acl_id", ""}}, "web_acl_id"); }

TEST(CloudFront, CustomCertificateAndSni) {
  expect_all("cloudfront_distributions_custom_ssl_certificate", {{"cloudfront_default_certificate", true}},
             "cloudfront_default_certificate");
  expect_all("cloudfront_distributions_https_sni_enabled", {{"ssl_support_method", "vip"}}, "ssl_support_method");
  EXPECT_FALSE(run_on("cloudfront_distributions_https_sni_enabled",
                   dist(json{{"cloudfront_default_certificate", true}, {"ssl_support_method", nullptr}})).applicable);
}

TEST(CloudFront, OriginTrafficEncrypted) {
  json http_only = good();
  http_only["origins"][1]["origin_protocol_policy"] = "http-only";
  expect_all("cloudfront_distributions_origin_traffic_encrypted", {{"origins", http_only["origins"]}}, "origins");
  // match-viewer is only a FAIL when viewers may use HTTP.
  json match = good();
  match["origins"][1]["origin_protocol_policy"] = "match-viewer";
  EXPECT_EQ(run_on("cloudfront_distributions_origin_traffic_encrypted", dist(match)).status, CheckStatus::kPass);
  match["viewer_protocol_policies"][0]["policy"] = "allow-all";
  EXPECT_EQ(run_on("cloudfront_distributions_origin_traffic_encrypted", dist(match)).status, CheckStatus::kFail);
}

TEST(CloudFront, DeprecatedOriginSsl) {
  json sslv3 = good();
  sslv3["origins"][1]["origin_ssl_protocols"] = {"SSLv3", "TLSv1"};
  expect_all("cloudfront_distributions_using_deprecated_ssl_protocols", {{"origins", sslv3["origins"]}}, "origins");
}

TEST(CloudFront, S3OriginAccessControl) {
  json oai = good();
  oai["origins"][0]["oac_id"] = "";
  oai["origins"][0]["oai"] = "origin-access-identity/cloudfront/E3OAI";
  auto f = run_on("cloudfront_distributions_s3_origin_access_control", dist(oai));
  EXPECT_NE(f.detail.find("legacy origin access identity"), std::string::npos);
  expect_all("cloudfront_distributions_s3_origin_access_control", {{"origins", oai["origins"]}}, "origins");
}

}  // namespace
}  // namespace cloudpeek::checks
