// AWS Managed Microsoft AD directories forward their domain controllers'
// security event logs to CloudWatch Logs.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "type", &why);
  if (!type) return not_assessed(why);
  if (*type != "MicrosoftAD")
    return not_applicable("directory " + r.name + " is " + type->get<std::string>() +
                ": log forwarding exists only for AWS Managed Microsoft AD");
  const json* groups = require_prop(r, "log_groups", &why);
  if (!groups) return not_assessed(why);
  if (groups->is_array() && !groups->empty())
    return pass("directory " + r.name + " forwards its security logs to CloudWatch Logs group " +
                (*groups)[0].get<std::string>());
  return fail("directory " + r.name + " does not forward its domain controllers' security logs to CloudWatch Logs");
}

const RegisterCheck reg({
    .meta = {.id = "directoryservice_directory_log_forwarding_enabled",
             .title = "Directory Service Microsoft AD directories should forward security logs to CloudWatch Logs",
             .severity = Severity::kMedium,
             .service = "ds",
             .resource_type = "AWS::DirectoryService::Directory",
             .description = "An AWS Managed Microsoft AD directory has a log subscription (ListLogSubscriptions) "
                            "sending its domain controllers' security event logs to a CloudWatch Logs group. Simple "
                            "AD and AD Connector directories have no log forwarding and get no finding.",
             .risk = "Without forwarded logs, sign-in failures, password sprays, group membership and policy "
                     "changes on the domain controllers are neither alarmed on nor kept for an investigation.",
             .remediation = {.text = "Enable log forwarding for the directory to a CloudWatch Logs group whose "
                                     "resource policy lets ds.amazonaws.com write to it.",
                             .cli = "aws ds create-log-subscription --directory-id <directory-id> --log-group-name /aws/directoryservice/<directory-id>",
                             .terraform = "resource \"aws_directory_service_log_subscription\" \"this\" {\n  directory_id   = aws_directory_service_directory.this.id\n  log_group_name = aws_cloudwatch_log_group.ds.name\n}"},
             .references = {"https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_enable_log_forwarding.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"type", "log_groups"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
