// FSBP ELB.8: Classic Load Balancers with SSL listeners should use a predefined security policy that has strong configuration
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* listeners = require_prop(r, "listeners", &why);
  if (!listeners) return not_assessed(why);
  std::string weak;
  int tls = 0;
  for (const auto& l : *listeners) {
    std::string proto = l.value("protocol", "");
    if (proto != "HTTPS" && proto != "SSL") continue;
    ++tls;
    const json& ref = l.contains("reference_policy") ? l["reference_policy"] : json();
    std::string name = ref.is_string() ? ref.get<std::string>() : "";
    if (name != "ELBSecurityPolicy-TLS-1-2-2017-01")
      weak += (weak.empty() ? "" : ", ") + proto + ":" + std::to_string(l.value("port", 0)) + " uses " +
              (name.empty() ? "a custom or no negotiation policy" : name);
  }
  if (tls == 0) return not_applicable("Load balancer " + r.name + " has no HTTPS or SSL listeners.");
  if (weak.empty()) return pass("Every HTTPS/SSL listener of " + r.name + " uses ELBSecurityPolicy-TLS-1-2-2017-01.");
  return fail("Load balancer " + r.name + " has listeners without a strong predefined policy: " + weak + ".");
}

const RegisterCheck reg({
    .meta = {.id = "elb_insecure_ssl_ciphers",
             .title = "Classic Load Balancers with SSL listeners should use a predefined security policy that has strong configuration",
             .severity = Severity::kMedium,
             .service = "elb",
             .resource_type = "AWS::ElasticLoadBalancing::LoadBalancer",
             .description = "Checks that every HTTPS/SSL listener of a Classic Load Balancer uses an SSL negotiation policy referencing the predefined ELBSecurityPolicy-TLS-1-2-2017-01 (the control's default). Load balancers without HTTPS/SSL listeners get no finding.",
             .risk = "Older or custom negotiation policies allow TLS 1.0/1.1 and weak ciphers, which permit downgrade attacks and decryption of traffic.",
             .remediation = {.text = "Create an SSL negotiation policy referencing ELBSecurityPolicy-TLS-1-2-2017-01 and set it on each HTTPS/SSL listener.",
                             .cli = "aws elb create-load-balancer-policy --load-balancer-name <name> --policy-name tls12 --policy-type-name SSLNegotiationPolicyType --policy-attributes AttributeName=Reference-Security-Policy,AttributeValue=ELBSecurityPolicy-TLS-1-2-2017-01 && aws elb set-load-balancer-policies-of-listener --load-balancer-name <name> --load-balancer-port 443 --policy-names tls12",
                             .terraform = "resource \"aws_load_balancer_policy\" \"tls12\" {\n  load_balancer_name = aws_elb.this.name\n  policy_name        = \"tls12\"\n  policy_type_name   = \"SSLNegotiationPolicyType\"\n  policy_attribute {\n    name  = \"Reference-Security-Policy\"\n    value = \"ELBSecurityPolicy-TLS-1-2-2017-01\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-8"},
             .cis = {},
             .fsbp = {"ELB.8"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
