// Load balancer checks: classic (listeners, TLS negotiation policy, access
// logs) and v2 (HTTP→HTTPS redirect, TLS policies, attributes).
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

const char kV2[] = "AWS::ElasticLoadBalancingV2::LoadBalancer";
const char kClassic[] = "AWS::ElasticLoadBalancing::LoadBalancer";

Resource v2(std::string type, json listeners, json attributes) {
  return resource(kV2, "lb-1", {{"type", type}, {"listeners", listeners}, {"attributes", attributes}});
}
json listener(int port, std::string proto, json policy = nullptr, bool redirect = false) {
  return {{"port", port}, {"protocol", proto}, {"ssl_policy", policy}, {"redirects_to_https", redirect}};
}
Resource v2_denied(const char* property, const char* action) {
  Resource r = resource(kV2, "lb-1", {{"type", "application"}});
  r.missing[property] = std::string(action) + " denied (AccessDenied)";
  return r;
}

TEST(Elbv2Checks, Attributes) {
  struct {
    const char* check;
    const char* key;
  } cases[] = {{"elbv2_drop_invalid_header_fields_enabled", "routing.http.drop_invalid_header_fields.enabled"},
               {"elbv2_logging_enabled", "access_logs.s3.enabled"},
               {"elbv2_deletion_protection", "deletion_protection.enabled"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.check);
    EXPECT_EQ(run_on(c.check, v2("application", json::array(), {{c.key, "true"}})).status, CheckStatus::kPass);
    EXPECT_EQ(run_on(c.check, v2("application", json::array(), {{c.key, "false"}})).status, CheckStatus::kFail);
    auto na = run_on(c.check, v2_denied("attributes", "elasticloadbalancing:DescribeLoadBalancerAttributes"));
    EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(na.detail, "elasticloadbalancing:DescribeLoadBalancerAttributes denied (AccessDenied)");
  }
  // Dropping invalid headers is an ALB attribute: an NLB passes.
  EXPECT_FALSE(run_on("elbv2_drop_invalid_header_fields_enabled", v2("network", json::array(), json::object())).applicable);
}

TEST(Elbv2Checks, TlsPolicies) {
  const char* id = "elbv2_listeners_secure_tls_policy";
  EXPECT_EQ(run_on(id, v2("application", {listener(443, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06")}, {})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(id, v2("network", {listener(443, "TLS", "ELBSecurityPolicy-FS-1-2-Res-2020-10")}, {})).status,
            CheckStatus::kPass);
  EXPECT_FALSE(run_on(id, v2("application", {listener(80, "HTTP")}, {})).applicable);
  auto weak = run_on(id, v2("network", {listener(443, "TLS", "ELBSecurityPolicy-TLS13-1-0-2021-06")}, {}));
  EXPECT_EQ(weak.status, CheckStatus::kFail);
  EXPECT_EQ(weak.detail,
            "Load balancer lb-1 has listeners with outdated TLS policies: TLS:443 uses ELBSecurityPolicy-TLS13-1-0-2021-06.");
  EXPECT_EQ(run_on(id, v2("application", {listener(443, "HTTPS", "ELBSecurityPolicy-2016-08")}, {})).status,
            CheckStatus::kFail);
  EXPECT_EQ(run_on(id, v2_denied("listeners", "elasticloadbalancing:DescribeListeners")).detail,
            "elasticloadbalancing:DescribeListeners denied (AccessDenied)");
}

TEST(Elbv2Checks, HttpRedirect) {
  const char* id = "elbv2_alb_http_redirect_to_https";
  EXPECT_EQ(run_on(id, v2("application", {listener(80, "HTTP", nullptr, true), listener(443, "HTTPS", "p")}, {})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(id, v2("application", {listener(80, "HTTP")}, {})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(id, v2_denied("listeners", "elasticloadbalancing:DescribeListeners")).status,
            CheckStatus::kNotAssessed);
  EXPECT_FALSE(run_on(id, v2("network", {listener(80, "TCP")}, {})).applicable);
}

TEST(Elbv2Checks, GatewayLoadBalancersHaveNoAccessLogs) {
  auto r = run_on("elbv2_logging_enabled", v2("gateway", json::array(), {{"access_logs.s3.enabled", "false"}}));
  EXPECT_FALSE(r.applicable) << r.detail;
  EXPECT_EQ(run_on("elbv2_logging_enabled", v2("network", json::array(), {{"access_logs.s3.enabled", "false"}})).status,
            CheckStatus::kFail);
}

Resource classic(json listeners, bool logs = true) {
  return resource(kClassic, "clb-1", {{"listeners", listeners}, {"access_log_enabled", logs}});
}
json clistener(std::string proto, int port, json ref = nullptr) {
  return {{"protocol", proto}, {"port", port}, {"policy", ref.is_null() ? json(nullptr) : json("p")},
          {"reference_policy", ref}};
}

TEST(ElbClassicChecks, ListenersPoliciesAndLogs) {
  EXPECT_EQ(run_on("elb_ssl_listeners", classic({clistener("HTTPS", 443)})).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("elb_ssl_listeners", classic({clistener("HTTPS", 443), clistener("HTTP", 80)})).detail,
            "Load balancer clb-1 has unencrypted listeners: HTTP:80.");
  const char* tls = "elb_insecure_ssl_ciphers";
  EXPECT_EQ(run_on(tls, classic({clistener("SSL", 443, "ELBSecurityPolicy-TLS-1-2-2017-01")})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(tls, classic({clistener("HTTPS", 443, "ELBSecurityPolicy-2016-08")})).status, CheckStatus::kFail);
  EXPECT_EQ(run_on(tls, classic({clistener("HTTPS", 443)})).status, CheckStatus::kFail);  // custom policy
  EXPECT_FALSE(run_on(tls, classic({clistener("TCP", 25)})).applicable);
  EXPECT_EQ(run_on("elb_logging_enabled", classic({}, true)).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("elb_logging_enabled", classic({}, false)).status, CheckStatus::kFail);

  Resource denied = resource(kClassic, "clb-1", json::object());
  denied.missing["listeners"] = "elasticloadbalancing:DescribeLoadBalancerPolicies denied (AccessDenied)";
  denied.missing["access_log_enabled"] = "elasticloadbalancing:DescribeLoadBalancerAttributes denied (AccessDenied)";
  EXPECT_EQ(run_on("elb_ssl_listeners", denied).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(run_on(tls, denied).detail, "elasticloadbalancing:DescribeLoadBalancerPolicies denied (AccessDenied)");
  EXPECT_EQ(run_on("elb_logging_enabled", denied).detail,
            "elasticloadbalancing:DescribeLoadBalancerAttributes denied (AccessDenied)");
}

TEST(Elbv2Checks, DesyncMitigationAndZones) {
  const char* desync = "elbv2_desync_mitigation_mode";
  EXPECT_EQ(run_on(desync, v2("application", json::array(), {{"routing.http.desync_mitigation_mode", "defensive"}})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(desync, v2("application", json::array(), {{"routing.http.desync_mitigation_mode", "strictest"}})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on(desync, v2("application", json::array(), {{"routing.http.desync_mitigation_mode", "monitor"}})).status,
            CheckStatus::kFail);
  EXPECT_FALSE(run_on(desync, v2("network", json::array(), json::object())).applicable);
  EXPECT_EQ(run_on(desync, v2("application", json::array(), json::object())).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(run_on(desync, v2_denied("attributes", "elasticloadbalancing:DescribeLoadBalancerAttributes")).status,
            CheckStatus::kNotAssessed);

  EXPECT_EQ(run_on("elbv2_multi_az", resource(kV2, "lb-1", {{"availability_zones", {"us-east-1a", "us-east-1b"}}})).status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on("elbv2_multi_az", resource(kV2, "lb-1", {{"availability_zones", {"us-east-1a"}}})).status,
            CheckStatus::kFail);
  EXPECT_EQ(run_on("elbv2_multi_az", resource(kV2, "lb-1", json::object())).status, CheckStatus::kNotAssessed);
}

TEST(ElbClassicChecks, AttributesZonesAndCertificates) {
  json good = {{"availability_zones", {"us-east-1a", "us-east-1b"}}, {"connection_draining", true},
               {"cross_zone", true}, {"desync_mitigation_mode", "defensive"},
               {"listeners", {clistener("HTTPS", 443), clistener("HTTP", 80)}}};
  good["listeners"][0]["certificate"] = "arn:aws:acm:us-east-1:111122223333:certificate/abc";
  struct {
    const char* check;
    const char* prop;
    json bad;
  } cases[] = {{"elb_multi_az", "availability_zones", {"us-east-1a"}},
               {"elb_connection_draining_enabled", "connection_draining", false},
               {"elb_cross_zone_load_balancing_enabled", "cross_zone", false},
               {"elb_desync_mitigation_mode", "desync_mitigation_mode", "monitor"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.check);
    EXPECT_EQ(run_on(c.check, resource(kClassic, "clb", good)).status, CheckStatus::kPass);
    json bad = good;
    bad[c.prop] = c.bad;
    EXPECT_EQ(run_on(c.check, resource(kClassic, "clb", bad)).status, CheckStatus::kFail);
    Resource missing = resource(kClassic, "clb", good);
    missing.props.erase(c.prop);
    missing.missing[c.prop] = "elasticloadbalancing:DescribeLoadBalancerAttributes denied (AccessDenied)";
    EXPECT_EQ(run_on(c.check, missing).detail, "elasticloadbalancing:DescribeLoadBalancerAttributes denied (AccessDenied)");
  }
  EXPECT_EQ(run_on("elb_acm_certificate", resource(kClassic, "clb", good)).status, CheckStatus::kPass);
  json iam = good;
  iam["listeners"][0]["certificate"] = "arn:aws:iam::111122223333:server-certificate/old";
  auto r = run_on("elb_acm_certificate", resource(kClassic, "clb", iam));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Load balancer clb serves a certificate that is not from ACM on port(s) 443.");
  json plain = good;
  plain["listeners"] = {clistener("HTTP", 80)};
  EXPECT_FALSE(run_on("elb_acm_certificate", resource(kClassic, "clb", plain)).applicable);
  EXPECT_EQ(run_on("elb_acm_certificate", resource(kClassic, "clb", json::object())).status, CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::checks
