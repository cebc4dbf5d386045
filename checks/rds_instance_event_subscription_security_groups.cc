// FSBP RDS.22: an enabled RDS event subscription in the region sends DB security group events
// of the categories "configuration change", "failure" to SNS.
#include "checks/rds_event_subscription.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return rds_events::evaluate(r, "db-security-group", {"configuration change", "failure"});
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_event_subscription_security_groups",
             .title = "An RDS event notifications subscription should be configured for critical database security group events",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::EventSubscriptions",
             .description = "In each region, some enabled RDS event subscription (DescribeEventSubscriptions) has "
                            "source type db-security-group (or no source type: every source) and the event categories \"configuration change\", \"failure\" "
                            "(or all categories).",
             .risk = "Changes to a DB security group (opening the database to new networks) and its failures go unnoticed.",
             .remediation = {.text = "Create an event subscription for db-security-group with these categories to an SNS topic "
                                     "someone watches, or add the missing categories to an existing one and enable it.",
                             .cli = "aws rds create-event-subscription --subscription-name db-security-group-critical --sns-topic-arn <topic-arn> --source-type db-security-group --event-categories \"configuration change\" \"failure\" --enabled",
                             .terraform = "resource \"aws_db_event_subscription\" \"security_groups\" {\n  name        = \"db-security-group-critical\"\n  sns_topic   = aws_sns_topic.rds_events.arn\n  source_type = \"db-security-group\"\n  event_categories = [\"configuration change\", \"failure\"]\n  enabled     = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-22"},
             .cis = {},
             .fsbp = {"RDS.22"}},
    .reads = {"subscriptions"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
