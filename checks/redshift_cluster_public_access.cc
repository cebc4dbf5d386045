// Redshift clusters are not publicly accessible (FSBP Redshift.1).
#include "checks/check.h"
#include "checks/redshift_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return redshift::bool_setting(r, "publicly_accessible", false, "cluster " + r.name,
                                "is not publicly accessible",
                                "is publicly accessible: its endpoint resolves to a public IP address");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_cluster_public_access",
             .title = "Amazon Redshift clusters should prohibit public access",
             .severity = Severity::kCritical,
             .service = "redshift",
             .resource_type = "AWS::Redshift::Cluster",
             .description = "Checks that PubliclyAccessible is false on each provisioned Redshift cluster "
                            "(DescribeClusters).",
             .risk = "A publicly accessible cluster can be reached from the internet wherever its security groups "
                     "allow it; a single permissive rule then exposes the data warehouse to password guessing and "
                     "exploitation.",
             .remediation = {.text = "Turn off public accessibility and reach the cluster through the VPC (VPN, "
                                     "Direct Connect, a bastion or Redshift-managed VPC endpoints).",
                             .cli = "aws redshift modify-cluster --cluster-identifier <cluster> --no-publicly-accessible",
                             .terraform = "resource \"aws_redshift_cluster\" \"this\" {\n  # ...\n  publicly_accessible = false\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-1"},
             .cis = {},
             .fsbp = {"Redshift.1"}},
    .reads = {"publicly_accessible"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
