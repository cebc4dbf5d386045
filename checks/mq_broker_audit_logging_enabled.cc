// ActiveMQ brokers publish audit logs to CloudWatch Logs (Security Hub MQ.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  if (*engine != "ACTIVEMQ") return not_applicable("broker " + r.name + " runs " + engine->get<std::string>() + ", which has no audit log");
  const json* v = require_prop(r, "audit_logs", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>()) return pass("broker " + r.name + " publishes audit logs to CloudWatch Logs");
  return fail("broker " + r.name + " does not publish audit logs to CloudWatch Logs");
}

const RegisterCheck reg({
    .meta = {.id = "mq_broker_audit_logging_enabled",
             .title = "Amazon MQ ActiveMQ brokers should stream audit logs to CloudWatch",
             .severity = Severity::kMedium,
             .service = "mq",
             .resource_type = "AWS::AmazonMQ::Broker",
             .description = "Checks that Logs.Audit is true on each ActiveMQ broker (DescribeBroker; Security Hub MQ.2). RabbitMQ brokers have no audit log and get no finding.",
             .risk = "Without audit logs, management actions on the broker (queues, users, permissions) cannot be reviewed after an incident.",
             .remediation = {.text = "Turn on audit log publishing to CloudWatch Logs.",
                             .cli = "aws mq update-broker --broker-id <broker-id> --logs Audit=true,General=true",
                             .terraform = "resource \"aws_mq_broker\" \"this\" {\n  # ...\n  logs {\n    audit   = true\n    general = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring-configure-cloudwatch.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"engine", "audit_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
