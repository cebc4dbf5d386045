// OpenSearch domains run at least three dedicated master nodes (FSBP ES.7).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* masters = require_prop(r, "dedicated_masters", &why);
  if (!masters) return not_assessed(why);
  const int n = masters->is_number_integer() ? masters->get<int>() : 0;
  if (n == 0) return fail("domain " + r.name + " has no dedicated master nodes");
  if (n < 3) return fail("domain " + r.name + " has " + std::to_string(n) + " dedicated master node(s), fewer than 3");
  return pass("domain " + r.name + " has " + std::to_string(n) + " dedicated master nodes");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_fault_tolerant_master_nodes",
             .title = "OpenSearch domains should be configured with at least three dedicated master nodes",
             .severity = Severity::kMedium,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that ClusterConfig.DedicatedMasterEnabled is true with a DedicatedMasterCount of "
                            "at least 3.",
             .risk = "Without three dedicated master nodes, a single master failure (or a busy data node acting as "
                     "master) can stop the cluster from electing a master and make it unavailable.",
             .remediation = {.text = "Enable three dedicated master nodes.",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --cluster-config DedicatedMasterEnabled=true,DedicatedMasterCount=3,DedicatedMasterType=m6g.large.search",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  cluster_config {\n    dedicated_master_enabled = true\n    dedicated_master_count   = 3\n    dedicated_master_type    = \"m6g.large.search\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html",
                            opensearch::kReference},
             .cis = {},
             .fsbp = {"ES.7"}},
    .reads = {"dedicated_masters"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
