// FSx for NetApp ONTAP file systems are deployed across Availability Zones (FSBP FSx.4).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "file_system_type", &why);
  if (!type) return not_assessed(why);
  if (*type != "ONTAP") return not_applicable("file system " + r.name + " is not FSx for NetApp ONTAP: the control applies to FSx for NetApp ONTAP");
  if (!has_prop(r, "deployment_type", &why)) return not_assessed(why);
  const json* dep = r.prop("deployment_type");
  if (dep && (*dep == "MULTI_AZ_1" || *dep == "MULTI_AZ_2")) return pass("FSx for NetApp ONTAP file system " + r.name + " is deployed across Availability Zones (" + dep->get<std::string>() + ")");
  return fail("FSx for NetApp ONTAP file system " + r.name + " is deployed in one Availability Zone (" +
              (dep && dep->is_string() ? dep->get<std::string>() : std::string("no deployment type")) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "fsx_ontap_file_system_multi_az_enabled",
             .title = "FSx for NetApp ONTAP file systems should be configured for Multi-AZ deployment",
             .severity = Severity::kMedium,
             .service = "fsx",
             .resource_type = "AWS::FSx::FileSystem",
             .description = "The file system's DeploymentType (DescribeFileSystems) is MULTI_AZ_1 or MULTI_AZ_2.",
             .risk = "A single-AZ file system is unavailable while its Availability Zone is impaired and during some maintenance: the applications and users that depend on the share stop.",
             .remediation = {.text = "The deployment type cannot be changed: create a Multi-AZ file system (for example from a backup) and move clients to it.",
                             .cli = "aws fsx create-file-system-from-backup --backup-id <backup-id> --subnet-ids <subnet-a> <subnet-b> --ontap-configuration DeploymentType=MULTI_AZ_1,PreferredSubnetId=<subnet-a>,ThroughputCapacity=<mbps>",
                             .terraform = "resource \"aws_fsx_ontap_file_system\" \"this\" {\n  # ...\n  deployment_type     = \"MULTI_AZ_1\"\n  subnet_ids          = [aws_subnet.a.id, aws_subnet.b.id]\n  preferred_subnet_id = aws_subnet.a.id\n}"},
             .references = {"https://docs.aws.amazon.com/fsx/latest/ONTAPGuide/high-availability-AZ.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/fsx-controls.html#fsx-4"},
             .cis = {},
             .fsbp = {"FSx.4"}},
    .reads = {"file_system_type", "deployment_type"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
