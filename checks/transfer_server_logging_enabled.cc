// Transfer Family servers write their activity to CloudWatch Logs.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "logging_role", &why)) return not_assessed(why);
  const json* role = r.prop("logging_role");
  const json* structured = r.prop("structured_logs");
  if (structured && structured->is_array() && !structured->empty())
    return pass("server " + r.id + " sends structured logs to " + std::to_string(structured->size()) + " log group(s)");
  if (role && role->is_string()) return pass("server " + r.id + " logs to CloudWatch with role " + role->get<std::string>());
  return fail("server " + r.id + " has no logging role nor structured log destination: logins and transfers are not recorded");
}

const RegisterCheck reg({
    .meta = {.id = "transfer_server_logging_enabled",
             .title = "Transfer Family servers should have logging enabled",
             .severity = Severity::kMedium,
             .service = "transfer",
             .resource_type = "AWS::Transfer::Server",
             .description = "The server (DescribeServer) has a LoggingRole or structured log destinations, so user activity reaches CloudWatch Logs.",
             .risk = "Without logs, who logged in and which files were uploaded or downloaded cannot be investigated.",
             .remediation = {.text = "Give the server a logging role (or structured log destinations) that may write to CloudWatch Logs.",
                             .cli = "aws transfer update-server --server-id <server-id> --logging-role arn:aws:iam::<account-id>:role/<transfer-logging-role>",
                             .terraform = "resource \"aws_transfer_server\" \"this\" {\n  # ...\n  logging_role = aws_iam_role.transfer_logging.arn\n}"},
             .references = {"https://docs.aws.amazon.com/transfer/latest/userguide/structured-logging.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"logging_role", "structured_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
