// Directory Service directories send their status changes to an SNS topic.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* topics = require_prop(r, "event_topics", &why);
  if (!topics) return not_assessed(why);
  std::string broken;
  if (topics->is_array())
    for (const auto& t : *topics) {
      if (t.value("status", "") == "Registered")
        return pass("directory " + r.name + " notifies status changes to SNS topic " + t.value("topic", ""));
      broken += (broken.empty() ? "" : ", ") + t.value("topic", "") + " (" + t.value("status", "") + ")";
    }
  if (!broken.empty())
    return fail("directory " + r.name + " has no working status notification: its SNS topics are " + broken);
  return fail("directory " + r.name + " has no SNS topic registered for status notifications");
}

const RegisterCheck reg({
    .meta = {.id = "directoryservice_directory_monitor_notifications",
             .title = "Directory Service directories should send status notifications to SNS",
             .severity = Severity::kMedium,
             .service = "ds",
             .resource_type = "AWS::DirectoryService::Directory",
             .description = "The directory has an SNS topic registered for status notifications (DescribeEventTopics) "
                            "in status Registered; a topic AWS reports as not found, failed or deleted does not count.",
             .risk = "A directory that becomes Impaired or Inoperable stops authenticating users and machines; "
                     "without a notification nobody learns of it until sign-ins fail.",
             .remediation = {.text = "Register an SNS topic, with subscribers, for the directory's status messages.",
                             .cli = "aws ds register-event-topic --directory-id <directory-id> --topic-name <sns-topic-name>",
                             .terraform = "# The AWS provider has no resource for directory event topics: register it with the CLI\n# (aws ds register-event-topic) or CloudFormation after creating the aws_sns_topic."},
             .references = {"https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_enable_notifications.html",
                            "https://docs.aws.amazon.com/directoryservice/latest/devguide/API_RegisterEventTopic.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"event_topics"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
