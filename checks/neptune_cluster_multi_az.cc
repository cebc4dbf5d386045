// Neptune clusters span more than one Availability Zone (Security Hub Neptune.9).
#include "checks/check.h"
#include "checks/documentdb_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return docdb::enabled(r, "multi_az", "Neptune cluster " + r.id, "has instances in more than one Availability Zone", "has all its instances in one Availability Zone (no Multi-AZ failover)");
}

const RegisterCheck reg({
    .meta = {.id = "neptune_cluster_multi_az",
             .title = "Neptune DB clusters should be deployed across multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "neptune",
             .resource_type = "AWS::Neptune::DBCluster",
             .description = "Checks that MultiAZ is true on each Neptune cluster (Security Hub Neptune.9): a read replica in another Availability Zone.",
             .risk = "A zone outage makes a single-zone cluster unavailable until it is recreated elsewhere.",
             .remediation = {.text = "Add a read replica instance in another Availability Zone.",
                             .cli = "aws neptune create-db-instance --db-instance-identifier <replica> --db-cluster-identifier <cluster> --engine neptune --db-instance-class db.r6g.large --availability-zone <other-az>",
                             .terraform = "resource \"aws_neptune_cluster_instance\" \"replica\" {\n  cluster_identifier = aws_neptune_cluster.this.id\n  instance_class     = \"db.r6g.large\"\n  availability_zone  = \"us-east-1b\"\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"multi_az"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
