// FSBP ELB.2: Classic Load Balancers with SSL/HTTPS listeners should use a certificate provided by AWS Certificate Manager
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  std::string why;
  const json* listeners = require_prop(r, "listeners", &why);
  if (!listeners) return not_assessed(why);
  int tls = 0;
  std::string iam;
  for (const auto& l : *listeners) {
    std::string proto = l.value("protocol", "");
    if (proto != "HTTPS" && proto != "SSL") continue;
    ++tls;
    const json& cert = l.contains("certificate") ? l["certificate"] : json();
    if (!cert.is_string() || cert.get<std::string>().find(":acm:") == std::string::npos)
      iam += (iam.empty() ? "" : ", ") + std::to_string(l.value("port", 0));
  }
  if (tls == 0) return not_applicable("Load balancer " + r.name + " has no HTTPS or SSL listener.");
  if (iam.empty()) return pass("Every HTTPS/SSL listener of load balancer " + r.name + " uses an ACM certificate.");
  return fail("Load balancer " + r.name + " serves a certificate that is not from ACM on port(s) " + iam + ".");
}

const RegisterCheck reg({
    .meta = {.id = "elb_acm_certificate",
             .title = "Classic Load Balancers with SSL/HTTPS listeners should use a certificate provided by AWS Certificate Manager",
             .severity = Severity::kMedium,
             .service = "elb",
             .resource_type = "AWS::ElasticLoadBalancing::LoadBalancer",
             .description = "Checks that every HTTPS or SSL listener of each Classic Load Balancer uses an ACM certificate rather than one uploaded to IAM.",
             .risk = "Certificates uploaded to IAM are not renewed automatically: they expire and break TLS, or are kept with long lives and private keys handled outside AWS.",
             .remediation = {.text = "Request or import the certificate in ACM and set it on the listener.",
                             .cli = "aws elb set-load-balancer-listener-ssl-certificate --load-balancer-name <name> --load-balancer-port 443 --ssl-certificate-id <acm-certificate-arn>",
                             .terraform = "resource \"aws_elb\" \"this\" {\n  # ...\n  listener {\n    lb_port            = 443\n    lb_protocol        = \"https\"\n    instance_port      = 80\n    instance_protocol  = \"http\"\n    ssl_certificate_id = aws_acm_certificate.this.arn\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-update-ssl-cert.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-2"},
             .cis = {},
             .fsbp = {"ELB.2"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
