// Elastic Beanstalk environments report enhanced health (FSBP ElasticBeanstalk.1).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "enhanced_health", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("enhanced_health" " of " + r.id + " is not a boolean");
  if (v->get<bool>()) return pass("environment " + r.name + " has enhanced health reporting");
  return fail("environment " + r.name + " reports basic health only (SystemType is not enhanced)");
}

const RegisterCheck reg({
    .meta = {.id = "elasticbeanstalk_environment_enhanced_health_reporting",
             .title = "Elastic Beanstalk environments should have enhanced health reporting enabled",
             .severity = Severity::kLow,
             .service = "elasticbeanstalk",
             .resource_type = "AWS::ElasticBeanstalk::Environment",
             .description = "The environment's aws:elasticbeanstalk:healthreporting:system SystemType option is enhanced (DescribeConfigurationSettings).",
             .risk = "With basic health only, failing instances, rising error rates and latency in the environment go unnoticed until users report them; an attack that degrades the application is seen late.",
             .remediation = {.text = "Set the health reporting system type to enhanced (it needs the environment's service role and instance profile).",
                             .cli = "aws elasticbeanstalk update-environment --environment-name <env> --option-settings Namespace=aws:elasticbeanstalk:healthreporting:system,OptionName=SystemType,Value=enhanced",
                             .terraform = "resource \"aws_elastic_beanstalk_environment\" \"this\" {\n  name        = \"web-prod\"\n  application = \"web\"\n  setting {\n    namespace = \"aws:elasticbeanstalk:healthreporting:system\"\n    name      = \"SystemType\"\n    value     = \"enhanced\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/health-enhanced-enable.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticbeanstalk-controls.html#elasticbeanstalk-1"},
             .cis = {},
             .fsbp = {"ElasticBeanstalk.1"}},
    .reads = {"enhanced_health"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
