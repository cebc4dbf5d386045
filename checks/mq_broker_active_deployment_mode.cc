// ActiveMQ brokers run active/standby (Security Hub MQ.5).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  if (*engine != "ACTIVEMQ") return not_applicable("broker " + r.name + " runs " + engine->get<std::string>() + " (judged by the cluster deployment check)");
  const json* mode = require_prop(r, "deployment_mode", &why);
  if (!mode) return not_assessed(why);
  if (*mode == "ACTIVE_STANDBY_MULTI_AZ") return pass("broker " + r.name + " runs active/standby across two zones");
  return fail("broker " + r.name + " runs as a single instance (" + (mode->is_string() ? mode->get<std::string>() : std::string("?")) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "mq_broker_active_deployment_mode",
             .title = "ActiveMQ brokers should use active/standby deployment mode",
             .severity = Severity::kLow,
             .service = "mq",
             .resource_type = "AWS::AmazonMQ::Broker",
             .description = "Checks that each ActiveMQ broker's DeploymentMode is ACTIVE_STANDBY_MULTI_AZ (ListBrokers; Security Hub MQ.5).",
             .risk = "A single-instance broker is down, and its messages unreachable, for as long as its instance or zone is.",
             .remediation = {.text = "Deployment mode is set at creation: create an active/standby broker and move clients to it.",
                             .cli = "aws mq create-broker --broker-name <name> --engine-type ACTIVEMQ --deployment-mode ACTIVE_STANDBY_MULTI_AZ --engine-version <version> --host-instance-type mq.m5.large --users Username=<admin>,Password=<password> --no-publicly-accessible --auto-minor-version-upgrade",
                             .terraform = "resource \"aws_mq_broker\" \"this\" {\n  # ...\n  engine_type     = \"ActiveMQ\"\n  deployment_mode = \"ACTIVE_STANDBY_MULTI_AZ\"\n}"},
             .references = {"https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/active-standby-broker-deployment.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"engine", "deployment_mode"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
