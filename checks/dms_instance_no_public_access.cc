// DMS replication instances are not publicly accessible (FSBP DMS.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "publicly_accessible", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>())
    return fail("replication instance " + r.name + " is publicly accessible: it has a public IP address");
  return pass("replication instance " + r.name + " is not publicly accessible");
}

const RegisterCheck reg({
    .meta = {.id = "dms_instance_no_public_access",
             .title = "Database Migration Service replication instances should not be public",
             .severity = Severity::kCritical,
             .service = "dms",
             .resource_type = "AWS::DMS::ReplicationInstance",
             .description = "Checks that PubliclyAccessible is false on each replication instance "
                            "(DescribeReplicationInstances).",
             .risk = "A public replication instance holds connections to the source and target databases and can be "
                     "reached from the internet wherever its security groups allow.",
             .remediation = {.text = "Public accessibility is set at creation: create a private replication "
                                     "instance (--no-publicly-accessible), move the tasks to it, delete the public one.",
                             .cli = "aws dms create-replication-instance --replication-instance-identifier <name> --replication-instance-class dms.t3.medium --no-publicly-accessible",
                             .terraform = "resource \"aws_dms_replication_instance\" \"this\" {\n  # ...\n  publicly_accessible = false\n}"},
             .references = {"https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-1"},
             .cis = {},
             .fsbp = {"DMS.1"}},
    .reads = {"publicly_accessible"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
