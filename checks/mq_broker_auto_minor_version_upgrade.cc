// Amazon MQ brokers take minor version upgrades automatically (Security Hub MQ.3).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "auto_minor_version_upgrade", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>()) return pass("broker " + r.name + " takes minor version upgrades automatically");
  return fail("broker " + r.name + " does not take minor version upgrades automatically");
}

const RegisterCheck reg({
    .meta = {.id = "mq_broker_auto_minor_version_upgrade",
             .title = "Amazon MQ brokers should have automatic minor version upgrade enabled",
             .severity = Severity::kLow,
             .service = "mq",
             .resource_type = "AWS::AmazonMQ::Broker",
             .description = "Checks that AutoMinorVersionUpgrade is true on each broker (DescribeBroker; Security Hub MQ.3).",
             .risk = "A broker held on an old engine version misses the security fixes minor versions bring.",
             .remediation = {.text = "Turn on automatic minor version upgrades (applied in the maintenance window).",
                             .cli = "aws mq update-broker --broker-id <broker-id> --auto-minor-version-upgrade",
                             .terraform = "resource \"aws_mq_broker\" \"this\" {\n  # ...\n  auto_minor_version_upgrade = true\n}"},
             .references = {"https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"auto_minor_version_upgrade"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
