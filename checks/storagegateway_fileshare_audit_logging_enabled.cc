// Storage Gateway file shares send audit logs of file access to a CloudWatch Logs group.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "audit_destination", &why)) return not_assessed(why);
  const json* dest = r.prop("audit_destination");
  if (dest && dest->is_string() && !dest->get<std::string>().empty())
    return pass("file share " + r.name + " sends audit logs to " + dest->get<std::string>());
  return fail("file share " + r.name + " has no audit log destination: file access is not logged");
}

const RegisterCheck reg({
    .meta = {.id = "storagegateway_fileshare_audit_logging_enabled",
             .title = "Storage Gateway file shares should have audit logging enabled",
             .severity = Severity::kMedium,
             .service = "storagegateway",
             .resource_type = "AWS::StorageGateway::FileShare",
             .description = "The file share names an AuditDestinationARN (DescribeNFSFileShares / DescribeSMBFileShares), the log group that receives its audit logs.",
             .risk = "Without audit logs, who opened, changed, renamed or deleted files through the gateway cannot be established after an incident.",
             .remediation = {.text = "Configure an audit log destination (a CloudWatch Logs group) for the file share.",
                             .cli = "aws storagegateway update-smb-file-share --file-share-arn <arn> --audit-destination-arn <log-group-arn>  # update-nfs-file-share for NFS",
                             .terraform = "resource \"aws_storagegateway_smb_file_share\" \"this\" {\n  # ...\n  audit_destination_arn = aws_cloudwatch_log_group.file_share_audit.arn\n}"},
             .references = {"https://docs.aws.amazon.com/filegateway/latest/files3/monitoring-file-gateway.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"audit_destination"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
