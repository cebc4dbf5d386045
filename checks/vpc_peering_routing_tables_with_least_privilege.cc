// Routes through a VPC peering connection do not send all traffic to the peer.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kTables = "AWS::EC2::RouteTable";

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto gap = inv.gap(kTables, r.region)) return not_assessed(*gap);
  std::string wide;
  int routes = 0;
  for (const auto& t : inv.of_type(kTables)) {
    if (t.region != r.region || t.account != r.account) continue;
    const json* list = t.prop("routes");
    if (!list || !list->is_array()) continue;
    for (const auto& route : *list) {
      if (route.value("target", "") != r.id) continue;
      ++routes;
      const std::string dest = route.value("destination", "");
      if (dest == "0.0.0.0/0" || dest == "::/0") wide += (wide.empty() ? "" : ", ") + t.id + " (" + dest + ")";
    }
  }
  if (!wide.empty())
    return fail("peering connection " + r.id + " is the default route of route table(s) " + wide +
                ": all traffic without a more specific route goes to the peer VPC");
  return pass("peering connection " + r.id + " carries " + std::to_string(routes) +
              " route(s), none of them a default route");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_peering_routing_tables_with_least_privilege",
             .title = "Route tables should not route all traffic through VPC peering connections",
             .severity = Severity::kMedium,
             .service = "vpc",
             .resource_type = "AWS::EC2::VPCPeeringConnection",
             .description = "No route table of the account in the region has a default route (0.0.0.0/0 or ::/0) whose target is the peering connection (DescribeRouteTables).",
             .risk = "A default route through a peering connection sends all of the subnet's outbound traffic to another VPC — often another account — instead of only the networks it needs to reach.",
             .remediation = {.text = "Replace the default route with routes to the specific peer subnets the workload needs.",
                             .cli = "aws ec2 delete-route --route-table-id <rtb-id> --destination-cidr-block 0.0.0.0/0 && aws ec2 create-route --route-table-id <rtb-id> --destination-cidr-block <peer-subnet-cidr> --vpc-peering-connection-id <pcx-id>",
                             .terraform = "resource \"aws_route\" \"to_peer_subnet\" {\n  route_table_id            = aws_route_table.private.id\n  destination_cidr_block    = \"10.20.1.0/24\"\n  vpc_peering_connection_id = aws_vpc_peering_connection.this.id\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::EC2::RouteTable"},
    .reads = {"status", "AWS::EC2::RouteTable.routes"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
