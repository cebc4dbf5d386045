// AWS Config is recording in all regions.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  (void)inv;
  if (!r.props.value("exists", false)) return fail("no AWS Config configuration recorder in " + r.region);
  if (auto why = r.missing_reason("recording")) return not_assessed(*why);
  if (!r.props.value("all_supported", false))
    return fail("configuration recorder " + r.name + " in " + r.region + " does not record all supported resource types");
  if (!r.props.value("recording", false))
    return fail("configuration recorder " + r.name + " in " + r.region + " is not recording");
  if (r.props.value("last_status", "") == "FAILURE")
    return fail("configuration recorder " + r.name + " in " + r.region + " is failing to record (last status FAILURE)");
  return pass("configuration recorder " + r.name + " records all supported resources in " + r.region);
}

const RegisterCheck reg({
    .meta = {.id = "config_recorder_all_regions_enabled",
             .title = "AWS Config is recording in all regions",
             .severity = Severity::kMedium,
             .service = "config",
             .resource_type = "AWS::Config::ConfigurationRecorder",
             .description = "The region has a configuration recorder that records all supported resource types and is recording without failures.",
             .risk = "Without AWS Config, configuration changes in the region are not recorded, so drift, misconfiguration and its history cannot be audited.",
             .remediation = {.text = "Create a configuration recorder recording all supported resources (global ones in one region), a delivery channel, and start recording.",
                             .cli = "aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> --recording-group allSupported=true,includeGlobalResourceTypes=true && aws configservice start-configuration-recorder --configuration-recorder-name default",
                             .terraform = "resource \"aws_config_configuration_recorder\" \"this\" {\n  name     = \"default\"\n  role_arn = aws_iam_role.config.arn\n  recording_group {\n    all_supported                 = true\n    include_global_resource_types = true\n  }\n}\n\nresource \"aws_config_configuration_recorder_status\" \"this\" {\n  name       = aws_config_configuration_recorder.this.name\n  is_enabled = true\n  depends_on = [aws_config_delivery_channel.this]\n}"},
             .references = {"https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1"},
             .cis = {"3.3"},
             .fsbp = {"Config.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
