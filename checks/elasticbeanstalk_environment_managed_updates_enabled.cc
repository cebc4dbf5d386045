// Elastic Beanstalk environments take managed platform updates (FSBP ElasticBeanstalk.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "managed_platform_updates", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("managed_platform_updates" " of " + r.id + " is not a boolean");
  if (v->get<bool>()) return pass("environment " + r.name + " applies managed platform updates");
  return fail("environment " + r.name + " does not apply managed platform updates (ManagedActionsEnabled is false)");
}

const RegisterCheck reg({
    .meta = {.id = "elasticbeanstalk_environment_managed_updates_enabled",
             .title = "Elastic Beanstalk managed platform updates should be enabled",
             .severity = Severity::kHigh,
             .service = "elasticbeanstalk",
             .resource_type = "AWS::ElasticBeanstalk::Environment",
             .description = "The environment's aws:elasticbeanstalk:managedactions ManagedActionsEnabled option is true (DescribeConfigurationSettings).",
             .risk = "Without managed updates the environment keeps running its platform version's operating system, runtime and web server until someone updates it by hand: known vulnerabilities stay exploitable.",
             .remediation = {.text = "Enable managed platform updates with a weekly maintenance window and an update level (minor or patch).",
                             .cli = "aws elasticbeanstalk update-environment --environment-name <env> --option-settings Namespace=aws:elasticbeanstalk:managedactions,OptionName=ManagedActionsEnabled,Value=true Namespace=aws:elasticbeanstalk:managedactions,OptionName=PreferredStartTime,Value=\"Sun:02:00\" Namespace=aws:elasticbeanstalk:managedactions:platformupdate,OptionName=UpdateLevel,Value=minor",
                             .terraform = "resource \"aws_elastic_beanstalk_environment\" \"this\" {\n  name        = \"web-prod\"\n  application = \"web\"\n  setting {\n    namespace = \"aws:elasticbeanstalk:managedactions\"\n    name      = \"ManagedActionsEnabled\"\n    value     = \"true\"\n  }\n  setting {\n    namespace = \"aws:elasticbeanstalk:managedactions\"\n    name      = \"PreferredStartTime\"\n    value     = \"Sun:02:00\"\n  }\n  setting {\n    namespace = \"aws:elasticbeanstalk:managedactions:platformupdate\"\n    name      = \"UpdateLevel\"\n    value     = \"minor\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-platform-update-managed.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticbeanstalk-controls.html#elasticbeanstalk-2"},
             .cis = {},
             .fsbp = {"ElasticBeanstalk.2"}},
    .reads = {"managed_platform_updates"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
