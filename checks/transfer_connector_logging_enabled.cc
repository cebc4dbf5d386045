// Transfer Family connectors log to CloudWatch (FSBP Transfer.3).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "logging_role", &why)) return not_assessed(why);
  const json* role = r.prop("logging_role");
  if (role && role->is_string()) return pass("connector " + r.id + " logs with role " + role->get<std::string>());
  return fail("connector " + r.id + " has no logging role: its file transfers to partners are not recorded");
}

const RegisterCheck reg({
    .meta = {.id = "transfer_connector_logging_enabled",
             .title = "Transfer Family connectors should have logging enabled",
             .severity = Severity::kMedium,
             .service = "transfer",
             .resource_type = "AWS::Transfer::Connector",
             .description = "The connector (DescribeConnector) has a LoggingRole that lets it write to CloudWatch Logs.",
             .risk = "Without logs, what the connector sent to or received from trading partners, and its failures, cannot be traced.",
             .remediation = {.text = "Set a logging role on the connector.",
                             .cli = "aws transfer update-connector --connector-id <connector-id> --logging-role arn:aws:iam::<account-id>:role/<transfer-logging-role>",
                             .terraform = "resource \"aws_transfer_connector\" \"this\" {\n  # ...\n  logging_role = aws_iam_role.transfer_logging.arn\n}"},
             .references = {"https://docs.aws.amazon.com/transfer/latest/userguide/configure-as2-connector.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/transfer-controls.html#transfer-3"},
             .cis = {},
             .fsbp = {}},
    .reads = {"logging_role"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
