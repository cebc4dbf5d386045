// Amazon MQ brokers are not reachable from the internet (Prowler mq_broker_not_publicly_accessible).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "publicly_accessible", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>()) return fail("broker " + r.name + " is publicly accessible from the internet");
  return pass("broker " + r.name + " is reachable from its VPC only");
}

const RegisterCheck reg({
    .meta = {.id = "mq_broker_not_publicly_accessible",
             .title = "Amazon MQ brokers should not be publicly accessible",
             .severity = Severity::kHigh,
             .service = "mq",
             .resource_type = "AWS::AmazonMQ::Broker",
             .description = "Checks that PubliclyAccessible is false on each broker (DescribeBroker).",
             .risk = "A public broker's endpoints, and its web console, can be reached from the internet; only its user passwords stand in the way.",
             .remediation = {.text = "Public accessibility is set at creation: create a private broker in your VPC and move clients to it.",
                             .cli = "aws mq create-broker --broker-name <name> --no-publicly-accessible --subnet-ids <subnet> --security-groups <sg> --engine-type <engine> --deployment-mode <mode> --engine-version <version> --host-instance-type mq.m5.large --users Username=<admin>,Password=<password> --auto-minor-version-upgrade",
                             .terraform = "resource \"aws_mq_broker\" \"this\" {\n  # ...\n  publicly_accessible = false\n}"},
             .references = {"https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/amazon-mq-working-with-private-brokers.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"publicly_accessible"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
