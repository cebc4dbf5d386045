// FSBP RDS.20: an enabled RDS event subscription in the region sends DB instance events
// of the categories "maintenance", "configuration change", "failure" to SNS.
#include "checks/rds_event_subscription.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return rds_events::evaluate(r, "db-instance", {"maintenance", "configuration change", "failure"});
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_critical_event_subscription",
             .title = "An RDS event notifications subscription should be configured for critical database instance events",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::EventSubscriptions",
             .description = "In each region, some enabled RDS event subscription (DescribeEventSubscriptions) has "
                            "source type db-instance (or no source type: every source) and the event categories \"maintenance\", \"configuration change\", \"failure\" "
                            "(or all categories).",
             .risk = "Instance failures, maintenance and configuration changes (made public, backups turned off, storage changed) happen without anyone being told.",
             .remediation = {.text = "Create an event subscription for db-instance with these categories to an SNS topic "
                                     "someone watches, or add the missing categories to an existing one and enable it.",
                             .cli = "aws rds create-event-subscription --subscription-name db-instance-critical --sns-topic-arn <topic-arn> --source-type db-instance --event-categories \"maintenance\" \"configuration change\" \"failure\" --enabled",
                             .terraform = "resource \"aws_db_event_subscription\" \"instance\" {\n  name        = \"db-instance-critical\"\n  sns_topic   = aws_sns_topic.rds_events.arn\n  source_type = \"db-instance\"\n  event_categories = [\"maintenance\", \"configuration change\", \"failure\"]\n  enabled     = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-20"},
             .cis = {},
             .fsbp = {"RDS.20"}},
    .reads = {"subscriptions"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
