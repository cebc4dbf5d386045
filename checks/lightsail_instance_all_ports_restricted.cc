// Lightsail instances do not open every port to the whole internet.
#include "checks/check.h"
#include "checks/lightsail_ports.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* ports = require_prop(r, "ports", &why);
  if (!ports) return not_assessed(why);
  for (const auto& p : *ports)
    if (lightsail::open_to_world(p) && lightsail::all_ports(p))
      return fail("instance " + r.name + " opens every port (" + lightsail::describe(p) + ") to the whole internet");
  return pass("instance " + r.name + " opens only specific ports to the internet");
}

const RegisterCheck reg({
    .meta = {.id = "lightsail_instance_all_ports_restricted",
             .title = "Lightsail instances should not open all ports to the whole internet",
             .severity = Severity::kCritical,
             .service = "lightsail",
             .resource_type = "AWS::Lightsail::Instance",
             .description = "No rule of the instance firewall (GetInstances networking.ports) admits 0.0.0.0/0 or "
                            "::/0 on all protocols or on TCP 0-65535.",
             .risk = "Every service listening on the instance — databases, caches, admin consoles, debug ports — "
                     "is reachable from anywhere.",
             .remediation = {.text = "Replace the all-ports rule with rules for the ports the application serves.",
                             .cli = "aws lightsail close-instance-public-ports --instance-name <instance> --port-info fromPort=0,toPort=65535,protocol=all",
                             .terraform = "resource \"aws_lightsail_instance_public_ports\" \"this\" {\n  instance_name = aws_lightsail_instance.this.name\n  port_info {\n    protocol  = \"tcp\"\n    from_port = 443\n    to_port   = 443\n    cidrs     = [\"0.0.0.0/0\"]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/lightsail/latest/userguide/understanding-firewall-and-port-mappings-in-amazon-lightsail.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"ports"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
