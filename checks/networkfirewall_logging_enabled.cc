// Network Firewall firewalls send flow or alert logs somewhere (FSBP NetworkFirewall.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* types = require_prop(r, "logging", &why);
  if (!types) return not_assessed(why);
  if (!types->is_array()) return not_assessed("logging of firewall " + r.id + " was not collected");
  if (types->empty()) return fail("firewall " + r.name + " has no log destination: its flows and alerts are not recorded");
  std::string list;
  for (const auto& t : *types) list += (list.empty() ? "" : ", ") + (t.is_string() ? t.get<std::string>() : "?");
  return pass("firewall " + r.name + " logs " + list);
}

const RegisterCheck reg({
    .meta = {.id = "networkfirewall_logging_enabled",
             .title = "Network Firewall logging should be enabled",
             .severity = Severity::kMedium,
             .service = "network-firewall",
             .resource_type = "AWS::NetworkFirewall::Firewall",
             .description = "The firewall's logging configuration (DescribeLoggingConfiguration) has at least one log destination (flow, alert or TLS logs to S3, CloudWatch Logs or Firehose).",
             .risk = "Without logs, the traffic the firewall passed, dropped or alerted on cannot be investigated or alarmed on.",
             .remediation = {.text = "Configure flow and alert logging for the firewall to S3, CloudWatch Logs or Data Firehose.",
                             .cli = "aws network-firewall update-logging-configuration --firewall-arn <firewall-arn> --logging-configuration '{\"LogDestinationConfigs\":[{\"LogType\":\"ALERT\",\"LogDestinationType\":\"CloudWatchLogs\",\"LogDestination\":{\"logGroup\":\"/network-firewall/alert\"}}]}'",
                             .terraform = "resource \"aws_networkfirewall_logging_configuration\" \"this\" {\n  firewall_arn = aws_networkfirewall_firewall.this.arn\n  logging_configuration {\n    log_destination_config {\n      log_destination      = { logGroup = aws_cloudwatch_log_group.alerts.name }\n      log_destination_type = \"CloudWatchLogs\"\n      log_type             = \"ALERT\"\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-logging.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/networkfirewall-controls.html#networkfirewall-2"},
             .cis = {},
             .fsbp = {}},
    .reads = {"logging"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
