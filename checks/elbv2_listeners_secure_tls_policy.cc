// FSBP ELB.17: Application and Network Load Balancers with listeners should use recommended security policies
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  static const std::string kTls12[] = {"ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
                                       "ELBSecurityPolicy-FS-1-2-2019-08", "ELBSecurityPolicy-FS-1-2-Res-2019-08",
                                       "ELBSecurityPolicy-FS-1-2-Res-2020-10"};
  std::string why;
  const json* listeners = require_prop(r, "listeners", &why);
  if (!listeners) return not_assessed(why);
  std::string weak;
  int tls = 0;
  for (const auto& l : *listeners) {
    std::string proto = l.value("protocol", "");
    if (proto != "HTTPS" && proto != "TLS") continue;
    ++tls;
    std::string policy = l.value("ssl_policy", json("")).is_string() ? l.value("ssl_policy", std::string()) : "";
    bool ok = policy.rfind("ELBSecurityPolicy-TLS13-1-2", 0) == 0 || policy.rfind("ELBSecurityPolicy-TLS13-1-3", 0) == 0;
    for (const auto& p : kTls12) ok = ok || policy == p;
    if (!ok) weak += (weak.empty() ? "" : ", ") + proto + ":" + std::to_string(l.value("port", 0)) + " uses " + (policy.empty() ? "no policy" : policy);
  }
  if (tls == 0) return not_applicable("Load balancer " + r.name + " has no HTTPS or TLS listeners.");
  if (weak.empty()) return pass("Every HTTPS/TLS listener of " + r.name + " uses a recommended TLS 1.2+ policy.");
  return fail("Load balancer " + r.name + " has listeners with outdated TLS policies: " + weak + ".");
}

const RegisterCheck reg({
    .meta = {.id = "elbv2_listeners_secure_tls_policy",
             .title = "Application and Network Load Balancers with listeners should use recommended security policies",
             .severity = Severity::kMedium,
             .service = "elbv2",
             .resource_type = "AWS::ElasticLoadBalancingV2::LoadBalancer",
             .description = "Checks that every HTTPS and TLS listener uses a security policy that allows only TLS 1.2 or later: the ELBSecurityPolicy-TLS13-1-2-*/TLS13-1-3-* families or ELBSecurityPolicy-TLS-1-2-2017-01, -TLS-1-2-Ext-2018-06, -FS-1-2-2019-08, -FS-1-2-Res-2019-08, -FS-1-2-Res-2020-10.",
             .risk = "Policies that still accept TLS 1.0/1.1 or weak ciphers let attackers downgrade connections and decrypt or tamper with traffic.",
             .remediation = {.text = "Change the listener's security policy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or a stricter one).",
                             .cli = "aws elbv2 modify-listener --listener-arn <listener-arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06",
                             .terraform = "resource \"aws_lb_listener\" \"https\" {\n  # ...\n  protocol   = \"HTTPS\"\n  ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\"\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-17"},
             .cis = {},
             .fsbp = {"ELB.17"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
