// OpenSearch domains have at least three data nodes spread over zones (FSBP
// Opensearch.6, ES.6).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* nodes = require_prop(r, "data_nodes", &why);
  if (!nodes) return not_assessed(why);
  const json* zones = require_prop(r, "zone_awareness", &why);
  if (!zones) return not_assessed(why);
  const int n = nodes->is_number_integer() ? nodes->get<int>() : 0;
  const bool aware = zones->is_boolean() && zones->get<bool>();
  if (n >= 3 && aware) return pass("domain " + r.name + " has " + std::to_string(n) + " data nodes across zones");
  std::string problem = n < 3 ? std::to_string(n) + " data node(s), fewer than 3" : "";
  if (!aware) problem += (problem.empty() ? "" : ", and ") + std::string("zone awareness off");
  return fail("domain " + r.name + " has " + problem);
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_fault_tolerant_data_nodes",
             .title = "OpenSearch domains should have at least three data nodes",
             .severity = Severity::kMedium,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that ClusterConfig.InstanceCount is at least 3 and ZoneAwarenessEnabled is true.",
             .risk = "With fewer than three data nodes, or all of them in one Availability Zone, a node or zone "
                     "failure makes the domain unavailable or loses unreplicated shards.",
             .remediation = {.text = "Run at least three data nodes with zone awareness (two or three zones).",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --cluster-config 'InstanceCount=3,ZoneAwarenessEnabled=true,ZoneAwarenessConfig={AvailabilityZoneCount=3}'",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  cluster_config {\n    instance_count         = 3\n    zone_awareness_enabled = true\n    zone_awareness_config {\n      availability_zone_count = 3\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-multiaz.html",
                            opensearch::kReference},
             .cis = {},
             .fsbp = {"Opensearch.6", "ES.6"}},
    .reads = {"data_nodes", "zone_awareness"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
