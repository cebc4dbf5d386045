// OpenSearch domains should be in a VPC (FSBP Opensearch.2, ES.2).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return opensearch::enabled(r, "in_vpc", "is in a VPC", "has a public endpoint (not in a VPC)");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_in_vpc",
             .title = "OpenSearch domains should be in a VPC",
             .severity = Severity::kHigh,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that each domain is placed in a VPC (VPCOptions names a VPC or subnets) rather than on a public endpoint.",
             .risk = "A public endpoint is reachable from the internet and protected only by its access policy; a permissive or IP-based policy then exposes the data.",
             .remediation = {.text = "A domain cannot move into a VPC: create a VPC domain and restore a snapshot of the public one into it.",
                             .cli = "aws opensearch create-domain --domain-name <domain> --vpc-options SubnetIds=<subnet-1>,<subnet-2>,SecurityGroupIds=<sg> --engine-version OpenSearch_2.11",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  vpc_options {\n    subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id]\n    security_group_ids = [aws_security_group.search.id]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html", opensearch::kReference},
             .cis = {},
             .fsbp = {"Opensearch.2", "ES.2"}},
    .reads = {"in_vpc"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
