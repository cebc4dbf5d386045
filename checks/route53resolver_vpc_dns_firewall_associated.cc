// Each VPC has a Route 53 Resolver DNS Firewall rule group associated.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kAssociation = "AWS::Route53Resolver::FirewallRuleGroupAssociation";

CheckResult evaluate(const Resource& vpc, const Inventory& inv) {
  if (auto gap = inv.gap(kAssociation, vpc.region)) return not_assessed(*gap);
  for (const auto& a : inv.of_type(kAssociation)) {
    if (a.region != vpc.region || a.account != vpc.account) continue;
    const json* id = a.prop("vpc_id");
    if (!id || *id != vpc.id) continue;
    const json* status = a.prop("status");
    const std::string s = status && status->is_string() ? status->get<std::string>() : "";
    if (s == "DELETING") continue;
    return pass("VPC " + vpc.id + " has DNS Firewall rule group association " + a.name + " (" + s + ")");
  }
  return fail("VPC " + vpc.id + " has no Route 53 Resolver DNS Firewall rule group: DNS queries to any domain are resolved");
}

const RegisterCheck reg({
    .meta = {.id = "route53resolver_vpc_dns_firewall_associated",
             .title = "VPCs should have a Route 53 Resolver DNS Firewall rule group associated",
             .severity = Severity::kMedium,
             .service = "route53resolver",
             .resource_type = "AWS::EC2::VPC",
             .description = "A DNS Firewall rule group association names the VPC and is not being deleted (ListFirewallRuleGroupAssociations, matched against the VPCs DescribeVpcs lists).",
             .risk = "Without DNS Firewall, workloads in the VPC can resolve known malicious domains and use DNS for command and control or data exfiltration unhindered.",
             .remediation = {.text = "Associate a DNS Firewall rule group (for example one using the AWS managed domain lists) with the VPC.",
                             .cli = "aws route53resolver associate-firewall-rule-group --name vpc-dns-firewall --firewall-rule-group-id <rule-group-id> --vpc-id <vpc-id> --priority 101 --creator-request-id $(date +%s)",
                             .terraform = "resource \"aws_route53_resolver_firewall_rule_group_association\" \"this\" {\n  name                   = \"vpc-dns-firewall\"\n  firewall_rule_group_id = aws_route53_resolver_firewall_rule_group.this.id\n  vpc_id                 = aws_vpc.this.id\n  priority               = 101\n}"},
             .references = {"https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-dns-firewall.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::Route53Resolver::FirewallRuleGroupAssociation"},
    .reads = {"AWS::Route53Resolver::FirewallRuleGroupAssociation.vpc_id", "AWS::Route53Resolver::FirewallRuleGroupAssociation.status"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
