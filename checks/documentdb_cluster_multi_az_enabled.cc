// DocumentDB clusters have instances in more than one Availability Zone
// (Prowler documentdb_cluster_multi_az_enabled).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::enabled(r, "multi_az", "DocumentDB cluster " + r.id, "has instances in more than one Availability Zone",
                        "has all its instances in one Availability Zone (no replica to fail over to)");
}

const RegisterCheck reg({
    .meta = {.id = "documentdb_cluster_multi_az_enabled",
             .title = "Amazon DocumentDB clusters should be deployed across multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "docdb",
             .resource_type = "AWS::DocDB::DBCluster",
             .description = "Checks that MultiAZ is true on each DocumentDB cluster (DescribeDBClusters): a replica "
                            "instance in another Availability Zone.",
             .risk = "A zone outage, or the loss of the primary instance, makes a single-zone cluster unavailable "
                     "until an instance is recreated.",
             .remediation = {.text = "Add a replica instance in another Availability Zone.",
                             .cli = "aws docdb create-db-instance --db-instance-identifier <replica> --db-cluster-identifier <cluster> --engine docdb --db-instance-class db.r6g.large --availability-zone <other-az>",
                             .terraform = "resource \"aws_docdb_cluster_instance\" \"replica\" {\n  cluster_identifier = aws_docdb_cluster.this.id\n  instance_class     = \"db.r6g.large\"\n  availability_zone  = \"us-east-1b\"\n}"},
             .references = {"https://docs.aws.amazon.com/documentdb/latest/developerguide/failover.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"multi_az"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
