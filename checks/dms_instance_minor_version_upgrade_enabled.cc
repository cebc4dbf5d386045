// DMS replication instances take minor version upgrades automatically
// (Security Hub DMS.6, which the FSBP catalog here predates).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "auto_minor_version_upgrade", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>())
    return pass("replication instance " + r.name + " takes minor version upgrades in its maintenance window");
  return fail("replication instance " + r.name + " does not take minor version upgrades automatically");
}

const RegisterCheck reg({
    .meta = {.id = "dms_instance_minor_version_upgrade_enabled",
             .title = "DMS replication instances should have automatic minor version upgrade enabled",
             .severity = Severity::kMedium,
             .service = "dms",
             .resource_type = "AWS::DMS::ReplicationInstance",
             .description = "Checks that AutoMinorVersionUpgrade is true on each replication instance.",
             .risk = "An instance held on an old engine version misses the security fixes minor versions bring.",
             .remediation = {.text = "Turn on automatic minor version upgrades.",
                             .cli = "aws dms modify-replication-instance --replication-instance-arn <arn> --auto-minor-version-upgrade --apply-immediately",
                             .terraform = "resource \"aws_dms_replication_instance\" \"this\" {\n  # ...\n  auto_minor_version_upgrade = true\n}"},
             .references = {"https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.Modifying.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"auto_minor_version_upgrade"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
