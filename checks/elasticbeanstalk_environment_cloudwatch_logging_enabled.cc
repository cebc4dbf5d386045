// Elastic Beanstalk environments stream their instance logs to CloudWatch Logs (FSBP ElasticBeanstalk.3).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "stream_logs", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("stream_logs" " of " + r.id + " is not a boolean");
  if (v->get<bool>()) return pass("environment " + r.name + " streams its logs to CloudWatch Logs");
  return fail("environment " + r.name + " does not stream its logs to CloudWatch Logs (StreamLogs is false)");
}

const RegisterCheck reg({
    .meta = {.id = "elasticbeanstalk_environment_cloudwatch_logging_enabled",
             .title = "Elastic Beanstalk should stream logs to CloudWatch",
             .severity = Severity::kHigh,
             .service = "elasticbeanstalk",
             .resource_type = "AWS::ElasticBeanstalk::Environment",
             .description = "The environment's aws:elasticbeanstalk:cloudwatch:logs StreamLogs option is true (DescribeConfigurationSettings).",
             .risk = "Logs kept only on the instances disappear when Auto Scaling replaces them: what happened during an incident cannot be reconstructed, and no alarm can watch them.",
             .remediation = {.text = "Turn on instance log streaming to CloudWatch Logs with a retention period.",
                             .cli = "aws elasticbeanstalk update-environment --environment-name <env> --option-settings Namespace=aws:elasticbeanstalk:cloudwatch:logs,OptionName=StreamLogs,Value=true Namespace=aws:elasticbeanstalk:cloudwatch:logs,OptionName=RetentionInDays,Value=90",
                             .terraform = "resource \"aws_elastic_beanstalk_environment\" \"this\" {\n  name        = \"web-prod\"\n  application = \"web\"\n  setting {\n    namespace = \"aws:elasticbeanstalk:cloudwatch:logs\"\n    name      = \"StreamLogs\"\n    value     = \"true\"\n  }\n  setting {\n    namespace = \"aws:elasticbeanstalk:cloudwatch:logs\"\n    name      = \"RetentionInDays\"\n    value     = \"90\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/AWSHowTo.cloudwatchlogs.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticbeanstalk-controls.html#elasticbeanstalk-3"},
             .cis = {},
             .fsbp = {"ElasticBeanstalk.3"}},
    .reads = {"stream_logs"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
