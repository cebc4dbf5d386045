// DMS replication instances run Multi-AZ (Security Hub DMS.13, which the FSBP
// catalog here predates).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "multi_az", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>()) return pass("replication instance " + r.name + " is Multi-AZ");
  return fail("replication instance " + r.name + " runs in a single Availability Zone (no standby)");
}

const RegisterCheck reg({
    .meta = {.id = "dms_instance_multi_az_enabled",
             .title = "DMS replication instances should be configured to use multiple Availability Zones",
             .severity = Severity::kMedium,
             .service = "dms",
             .resource_type = "AWS::DMS::ReplicationInstance",
             .description = "Checks that MultiAZ is true on each replication instance.",
             .risk = "A single-zone replication instance stops ongoing replication for as long as its zone or host "
                     "is down.",
             .remediation = {.text = "Turn on Multi-AZ for the replication instance.",
                             .cli = "aws dms modify-replication-instance --replication-instance-arn <arn> --multi-az --apply-immediately",
                             .terraform = "resource \"aws_dms_replication_instance\" \"this\" {\n  # ...\n  multi_az = true\n}"},
             .references = {"https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"multi_az"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
