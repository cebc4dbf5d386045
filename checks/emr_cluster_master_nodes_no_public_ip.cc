// EMR clusters' primary (master) nodes have no public IP address (FSBP EMR.1).
// DescribeCluster's MasterPublicDnsName is the public DNS name
// (ec2-….amazonaws.com) when the primary node has a public address, and its
// private name (ip-….internal) in a private subnet.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* dns = require_prop(r, "master_public_dns_name", &why);
  if (!dns) return not_assessed(why);
  const std::string name = dns->is_string() ? dns->get<std::string>() : "";
  if (name.empty())
    return not_assessed("cluster " + r.name + " (" + r.props.value("state", "") +
                        ") has no primary node address yet: whether it is public is not known");
  const bool is_private = name.ends_with(".internal") || name.starts_with("ip-");
  if (!is_private) return fail("cluster " + r.name + "'s primary node has a public address (" + name + ")");
  return pass("cluster " + r.name + "'s primary node has a private address only (" + name + ")");
}

const RegisterCheck reg({
    .meta = {.id = "emr_cluster_master_nodes_no_public_ip",
             .title = "Amazon EMR cluster primary nodes should not have public IP addresses",
             .severity = Severity::kHigh,
             .service = "emr",
             .resource_type = "AWS::EMR::Cluster",
             .description = "The active cluster's MasterPublicDnsName (DescribeCluster) is a private name "
                            "(ip-….internal): its primary node was launched without a public IP address.",
             .risk = "A primary node with a public address exposes the cluster's web interfaces (YARN, Spark, "
                     "Hue, Jupyter) and SSH to the internet wherever a security group allows it; unauthenticated "
                     "YARN endpoints are routinely abused to run code.",
             .remediation = {.text = "Launch clusters in a private subnet (reach them through a VPN, Systems "
                                     "Manager or a bastion) and turn on EMR block public access; a running "
                                     "cluster's subnet cannot be changed.",
                             .cli = "aws emr create-cluster --release-label emr-7.5.0 --ec2-attributes SubnetId=<private-subnet-id>,InstanceProfile=EMR_EC2_DefaultRole --instance-type m5.xlarge --instance-count 3 --use-default-roles",
                             .terraform = "resource \"aws_emr_cluster\" \"this\" {\n  name          = \"analytics\"\n  release_label = \"emr-7.5.0\"\n  service_role  = aws_iam_role.emr.arn\n  ec2_attributes {\n    subnet_id        = aws_subnet.private.id\n    instance_profile = aws_iam_instance_profile.emr.arn\n  }\n  master_instance_group { instance_type = \"m5.xlarge\" }\n}"},
             .references = {"https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-clusters-in-a-vpc.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/emr-controls.html#emr-1"},
             .cis = {},
             .fsbp = {"EMR.1"}},
    .reads = {"master_public_dns_name", "state"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
