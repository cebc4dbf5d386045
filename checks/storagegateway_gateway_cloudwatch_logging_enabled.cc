// Storage Gateway gateways send their health and audit logs to a CloudWatch Logs group.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "cloudwatch_log_group", &why)) return not_assessed(why);
  const json* group = r.prop("cloudwatch_log_group");
  if (group && group->is_string() && !group->get<std::string>().empty())
    return pass("gateway " + r.name + " logs to " + group->get<std::string>());
  return fail("gateway " + r.name + " has no CloudWatch log group");
}

const RegisterCheck reg({
    .meta = {.id = "storagegateway_gateway_cloudwatch_logging_enabled",
             .title = "Storage Gateway gateways should log to a CloudWatch log group",
             .severity = Severity::kLow,
             .service = "storagegateway",
             .resource_type = "AWS::StorageGateway::Gateway",
             .description = "DescribeGatewayInformation names a CloudWatchLogGroupARN for the gateway.",
             .risk = "Without a log group, gateway health events and (for file gateways) file share audit logs are not kept: failures and unexpected access go unnoticed.",
             .remediation = {.text = "Create a log group and configure the gateway to use it.",
                             .cli = "aws storagegateway update-gateway-information --gateway-arn <gateway-arn> --cloud-watch-log-group-arn <log-group-arn>",
                             .terraform = "resource \"aws_storagegateway_gateway\" \"this\" {\n  # ...\n  cloudwatch_log_group_arn = aws_cloudwatch_log_group.gateway.arn\n}"},
             .references = {"https://docs.aws.amazon.com/filegateway/latest/files3/monitoring-file-gateway.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"cloudwatch_log_group"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
