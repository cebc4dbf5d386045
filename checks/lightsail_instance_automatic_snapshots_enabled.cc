// Lightsail instances take automatic daily snapshots.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "auto_snapshot", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("auto_snapshot" " of " + r.id + " is not a boolean");
  if (v->get<bool>()) return pass("instance " + r.name + " takes automatic snapshots");
  return fail("instance " + r.name + " has no automatic snapshots (the AutoSnapshot add-on is not enabled)");
}

const RegisterCheck reg({
    .meta = {.id = "lightsail_instance_automatic_snapshots_enabled",
             .title = "Lightsail instances should have automatic snapshots enabled",
             .severity = Severity::kLow,
             .service = "lightsail",
             .resource_type = "AWS::Lightsail::Instance",
             .description = "The instance's AutoSnapshot add-on is Enabled (GetInstances addOns).",
             .risk = "Without snapshots, an instance destroyed by ransomware, a bad change or a deletion cannot be restored.",
             .remediation = {.text = "Enable the automatic snapshot add-on with a daily snapshot time.",
                             .cli = "aws lightsail enable-add-on --resource-name <instance> --add-on-request addOnType=AutoSnapshot,autoSnapshotAddOnRequest={snapshotTimeOfDay=06:00}",
                             .terraform = "resource \"aws_lightsail_instance\" \"this\" {\n  name              = \"web\"\n  availability_zone = \"us-east-1a\"\n  blueprint_id      = \"amazon_linux_2023\"\n  bundle_id         = \"small_3_0\"\n  add_on {\n    type          = \"AutoSnapshot\"\n    snapshot_time = \"06:00\"\n    status        = \"Enabled\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-configuring-automatic-snapshots.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"auto_snapshot"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
