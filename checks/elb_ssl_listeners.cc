// FSBP ELB.3: Classic Load Balancer listeners should be configured with HTTPS or TLS termination
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* listeners = require_prop(r, "listeners", &why);
  if (!listeners) return not_assessed(why);
  std::string plain;
  for (const auto& l : *listeners) {
    std::string proto = l.value("protocol", "");
    if (proto != "HTTPS" && proto != "SSL") plain += (plain.empty() ? "" : ", ") + proto + ":" + std::to_string(l.value("port", 0));
  }
  if (plain.empty()) return pass("Every listener of " + r.name + " terminates HTTPS or SSL.");
  return fail("Load balancer " + r.name + " has unencrypted listeners: " + plain + ".");
}

const RegisterCheck reg({
    .meta = {.id = "elb_ssl_listeners",
             .title = "Classic Load Balancer listeners should be configured with HTTPS or TLS termination",
             .severity = Severity::kMedium,
             .service = "elb",
             .resource_type = "AWS::ElasticLoadBalancing::LoadBalancer",
             .description = "Checks that every listener of a Classic Load Balancer uses HTTPS or SSL (TLS) on the front end.",
             .risk = "HTTP and TCP listeners carry client traffic unencrypted across the internet.",
             .remediation = {.text = "Replace HTTP/TCP listeners with HTTPS/SSL listeners using an ACM certificate.",
                             .cli = "aws elb create-load-balancer-listeners --load-balancer-name <name> --listeners Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=<acm-arn>",
                             .terraform = "resource \"aws_elb\" \"this\" {\n  # ...\n  listener {\n    lb_port            = 443\n    lb_protocol        = \"https\"\n    instance_port      = 80\n    instance_protocol  = \"http\"\n    ssl_certificate_id = \"<acm-arn>\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-3"},
             .cis = {},
             .fsbp = {"ELB.3"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
