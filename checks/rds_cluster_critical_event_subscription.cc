// FSBP RDS.19: an enabled RDS event subscription in the region sends DB cluster events
// of the categories "maintenance", "failure" to SNS.
#include "checks/rds_event_subscription.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return rds_events::evaluate(r, "db-cluster", {"maintenance", "failure"});
}

const RegisterCheck reg({
    .meta = {.id = "rds_cluster_critical_event_subscription",
             .title = "An RDS event notifications subscription should be configured for critical cluster events",
             .severity = Severity::kLow,
             .service = "rds",
             .resource_type = "AWS::RDS::EventSubscriptions",
             .description = "In each region, some enabled RDS event subscription (DescribeEventSubscriptions) has "
                            "source type db-cluster (or no source type: every source) and the event categories \"maintenance\", \"failure\" "
                            "(or all categories).",
             .risk = "Cluster failures and maintenance (failovers, patching that restarts the writer) go unnoticed until applications fail: nobody is told when the cluster is down or about to be.",
             .remediation = {.text = "Create an event subscription for db-cluster with these categories to an SNS topic "
                                     "someone watches, or add the missing categories to an existing one and enable it.",
                             .cli = "aws rds create-event-subscription --subscription-name db-cluster-critical --sns-topic-arn <topic-arn> --source-type db-cluster --event-categories \"maintenance\" \"failure\" --enabled",
                             .terraform = "resource \"aws_db_event_subscription\" \"cluster\" {\n  name        = \"db-cluster-critical\"\n  sns_topic   = aws_sns_topic.rds_events.arn\n  source_type = \"db-cluster\"\n  event_categories = [\"maintenance\", \"failure\"]\n  enabled     = true\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Subscribing.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-19"},
             .cis = {},
             .fsbp = {"RDS.19"}},
    .reads = {"subscriptions"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
