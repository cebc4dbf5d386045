// Redshift clusters use enhanced VPC routing (FSBP Redshift.7).
#include "checks/check.h"
#include "checks/redshift_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return redshift::bool_setting(r, "enhanced_vpc_routing", true, "cluster " + r.name,
                                "routes COPY and UNLOAD traffic through its VPC",
                                "sends COPY and UNLOAD traffic outside its VPC (enhanced VPC routing off)");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_cluster_enhanced_vpc_routing",
             .title = "Redshift clusters should use enhanced VPC routing",
             .severity = Severity::kMedium,
             .service = "redshift",
             .resource_type = "AWS::Redshift::Cluster",
             .description = "Checks that EnhancedVpcRouting is true on each cluster.",
             .risk = "Without enhanced VPC routing, COPY and UNLOAD traffic to S3 bypasses the VPC's security "
                     "groups, network ACLs, endpoint policies and flow logs.",
             .remediation = {.text = "Turn on enhanced VPC routing (give the VPC an S3 gateway endpoint or NAT "
                                     "route first).",
                             .cli = "aws redshift modify-cluster --cluster-identifier <cluster> --enhanced-vpc-routing",
                             .terraform = "resource \"aws_redshift_cluster\" \"this\" {\n  # ...\n  enhanced_vpc_routing = true\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-7"},
             .cis = {},
             .fsbp = {"Redshift.7"}},
    .reads = {"enhanced_vpc_routing"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
