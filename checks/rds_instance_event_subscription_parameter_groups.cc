// FSBP RDS.21: an enabled RDS event subscription in the region sends DB parameter group events
// of the categories "configuration change" to SNS.
#include "checks/rds_event_subscription.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return rds_events::evaluate(r, "db-parameter-group", {"configuration change"});
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_event_subscription_parameter_groups",
             .title = "An RDS event notifications subscription should be configured for critical database parameter group events",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::EventSubscriptions",
             .description = "In each region, some enabled RDS event subscription (DescribeEventSubscriptions) has "
                            "source type db-parameter-group (or no source type: every source) and the event categories \"configuration change\" "
                            "(or all categories).",
             .risk = "A parameter group change (turning off SSL enforcement or audit logging) applies to every database using it, unnoticed.",
             .remediation = {.text = "Create an event subscription for db-parameter-group with these categories to an SNS topic "
                                     "someone watches, or add the missing categories to an existing one and enable it.",
                             .cli = "aws rds create-event-subscription --subscription-name db-parameter-group-critical --sns-topic-arn <topic-arn> --source-type db-parameter-group --event-categories \"configuration change\" --enabled",
                             .terraform = "resource \"aws_db_event_subscription\" \"parameter_groups\" {\n  name        = \"db-parameter-group-critical\"\n  sns_topic   = aws_sns_topic.rds_events.arn\n  source_type = \"db-parameter-group\"\n  event_categories = [\"configuration change\"]\n  enabled     = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-21"},
             .cis = {},
             .fsbp = {"RDS.21"}},
    .reads = {"subscriptions"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
