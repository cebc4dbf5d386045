// Lightsail instances do not open SSH (22) or RDP (3389) to the whole
// internet. Lightsail opens SSH to everyone by default on new Linux instances.
#include "checks/check.h"
#include "checks/lightsail_ports.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* ports = require_prop(r, "ports", &why);
  if (!ports) return not_assessed(why);
  std::string open;
  for (const auto& p : *ports) {
    if (!lightsail::open_to_world(p)) continue;
    for (int admin : {22, 3389})
      if (lightsail::covers_tcp(p, admin)) {
        open += (open.empty() ? "" : ", ") + std::string(admin == 22 ? "SSH" : "RDP") + " (" + lightsail::describe(p) + ")";
        break;
      }
  }
  if (!open.empty()) return fail("instance " + r.name + " opens " + open + " to the whole internet");
  return pass("instance " + r.name + " opens neither SSH nor RDP to the whole internet");
}

const RegisterCheck reg({
    .meta = {.id = "lightsail_instance_admin_ports_restricted",
             .title = "Lightsail instances should not allow SSH or RDP from the whole internet",
             .severity = Severity::kHigh,
             .service = "lightsail",
             .resource_type = "AWS::Lightsail::Instance",
             .description = "No rule of the instance firewall (GetInstances networking.ports) admits 0.0.0.0/0 or "
                            "::/0 on TCP 22 or 3389 (or all protocols).",
             .risk = "Remote administration ports open to everyone are brute-forced and scanned for vulnerable "
                     "services within minutes of an instance starting.",
             .remediation = {.text = "Limit SSH and RDP rules to known addresses (or use the browser-based client "
                                     "only: the lightsail-connect alias).",
                             .cli = "aws lightsail put-instance-public-ports --instance-name <instance> --port-infos fromPort=22,toPort=22,protocol=tcp,cidrs=203.0.113.10/32 fromPort=443,toPort=443,protocol=tcp,cidrs=0.0.0.0/0",
                             .terraform = "resource \"aws_lightsail_instance_public_ports\" \"this\" {\n  instance_name = aws_lightsail_instance.this.name\n  port_info {\n    protocol  = \"tcp\"\n    from_port = 22\n    to_port   = 22\n    cidrs     = [\"203.0.113.10/32\"]\n  }\n  port_info {\n    protocol  = \"tcp\"\n    from_port = 443\n    to_port   = 443\n    cidrs     = [\"0.0.0.0/0\"]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/lightsail/latest/userguide/understanding-firewall-and-port-mappings-in-amazon-lightsail.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"ports"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
