// Redshift clusters require SSL for connections (FSBP Redshift.2): the
// cluster's parameter group sets require_ssl to true.
#include "checks/check.h"
#include "checks/redshift_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  const json* group = r.prop("parameter_group");
  const std::string in = group && group->is_string() ? " (parameter group " + group->get<std::string>() + ")" : "";
  return redshift::bool_setting(r, "require_ssl", true, "cluster " + r.name, "requires SSL connections" + in,
                                "accepts unencrypted connections: require_ssl is not true" + in);
}

const RegisterCheck reg({
    .meta = {.id = "redshift_cluster_in_transit_encryption_enabled",
             .title = "Connections to Amazon Redshift clusters should be encrypted in transit",
             .severity = Severity::kMedium,
             .service = "redshift",
             .resource_type = "AWS::Redshift::Cluster",
             .description = "Checks that the parameter group of each cluster sets require_ssl to true "
                            "(DescribeClusterParameters, once per parameter group in use). A group that does not "
                            "list require_ssl is taken at AWS's default for redshift-1.0 groups, false.",
             .risk = "Without require_ssl clients may connect in clear text, exposing credentials and query "
                     "results to anyone on the network path.",
             .remediation = {.text = "Use a custom parameter group with require_ssl set to true (default groups "
                                     "cannot be changed) and reboot the cluster to apply it.",
                             .cli = "aws redshift modify-cluster-parameter-group --parameter-group-name <group> --parameters ParameterName=require_ssl,ParameterValue=true && aws redshift modify-cluster --cluster-identifier <cluster> --cluster-parameter-group-name <group>",
                             .terraform = "resource \"aws_redshift_parameter_group\" \"ssl\" {\n  name   = \"require-ssl\"\n  family = \"redshift-1.0\"\n  parameter {\n    name  = \"require_ssl\"\n    value = \"true\"\n  }\n}\n\nresource \"aws_redshift_cluster\" \"this\" {\n  # ...\n  cluster_parameter_group_name = aws_redshift_parameter_group.ssl.name\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-2"},
             .cis = {},
             .fsbp = {"Redshift.2"}},
    .reads = {"require_ssl", "parameter_group"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
