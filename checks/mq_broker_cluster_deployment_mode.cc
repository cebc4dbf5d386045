// RabbitMQ brokers run as a cluster (Security Hub MQ.6).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  if (*engine != "RABBITMQ") return not_applicable("broker " + r.name + " runs " + engine->get<std::string>() + " (judged by the active/standby check)");
  const json* mode = require_prop(r, "deployment_mode", &why);
  if (!mode) return not_assessed(why);
  if (*mode == "CLUSTER_MULTI_AZ") return pass("broker " + r.name + " runs as a cluster across three zones");
  return fail("broker " + r.name + " runs as a single instance (" + (mode->is_string() ? mode->get<std::string>() : std::string("?")) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "mq_broker_cluster_deployment_mode",
             .title = "RabbitMQ brokers should use cluster deployment mode",
             .severity = Severity::kLow,
             .service = "mq",
             .resource_type = "AWS::AmazonMQ::Broker",
             .description = "Checks that each RabbitMQ broker's DeploymentMode is CLUSTER_MULTI_AZ (ListBrokers; Security Hub MQ.6).",
             .risk = "A single-instance broker is down, and its messages unreachable, for as long as its instance or zone is.",
             .remediation = {.text = "Deployment mode is set at creation: create a cluster broker and move clients to it.",
                             .cli = "aws mq create-broker --broker-name <name> --engine-type RABBITMQ --deployment-mode CLUSTER_MULTI_AZ --engine-version <version> --host-instance-type mq.m5.large --users Username=<admin>,Password=<password> --no-publicly-accessible --auto-minor-version-upgrade",
                             .terraform = "resource \"aws_mq_broker\" \"this\" {\n  # ...\n  engine_type     = \"RabbitMQ\"\n  deployment_mode = \"CLUSTER_MULTI_AZ\"\n}"},
             .references = {"https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-broker-architecture.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"engine", "deployment_mode"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
