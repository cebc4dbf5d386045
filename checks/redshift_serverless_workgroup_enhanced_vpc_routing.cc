// Redshift Serverless workgroups use enhanced VPC routing (Security Hub
// RedshiftServerless.1, which the FSBP catalog here predates).
#include "checks/check.h"
#include "checks/redshift_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return redshift::bool_setting(r, "enhanced_vpc_routing", true, "workgroup " + r.name,
                                "routes COPY and UNLOAD traffic through its VPC",
                                "sends COPY and UNLOAD traffic outside its VPC (enhanced VPC routing off)");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_serverless_workgroup_enhanced_vpc_routing",
             .title = "Redshift Serverless workgroups should use enhanced VPC routing",
             .severity = Severity::kMedium,
             .service = "redshift-serverless",
             .resource_type = "AWS::RedshiftServerless::Workgroup",
             .description = "Checks that enhancedVpcRouting is true on each workgroup.",
             .risk = "Without it, COPY and UNLOAD traffic bypasses the VPC's security groups, endpoint policies "
                     "and flow logs.",
             .remediation = {.text = "Turn on enhanced VPC routing for the workgroup.",
                             .cli = "aws redshift-serverless update-workgroup --workgroup-name <workgroup> --enhanced-vpc-routing",
                             .terraform = "resource \"aws_redshiftserverless_workgroup\" \"this\" {\n  # ...\n  enhanced_vpc_routing = true\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-workgroup-namespace.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshiftserverless-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"enhanced_vpc_routing"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
