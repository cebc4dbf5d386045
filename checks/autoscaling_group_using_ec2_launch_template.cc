// EC2 Auto Scaling groups launch from an EC2 launch template (directly or
// through a mixed instances policy), not from a launch configuration.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "launch_template", &why)) return not_assessed(why);
  if (!has_prop(r, "launch_configuration", &why)) return not_assessed(why);
  const json& tmpl = r.props["launch_template"];
  if (tmpl.is_object()) {
    std::string name = tmpl.value("name", "");
    if (name.empty()) name = tmpl.value("id", "");
    return pass("Auto Scaling group " + r.name + " uses launch template " + name + " (version " +
                tmpl.value("version", "$Default") + ")");
  }
  const json& config = r.props["launch_configuration"];
  if (config.is_string())
    return fail("Auto Scaling group " + r.name + " uses launch configuration " + config.get<std::string>());
  return fail("Auto Scaling group " + r.name + " has no launch template");
}

const RegisterCheck reg({
    .meta = {.id = "autoscaling_group_using_ec2_launch_template",
             .title = "EC2 Auto Scaling groups should use EC2 launch templates",
             .severity = Severity::kMedium,
             .service = "autoscaling",
             .resource_type = "AWS::AutoScaling::AutoScalingGroup",
             .description = "The group launches instances from an EC2 launch template (LaunchTemplate, or the "
                            "launch template of its mixed instances policy), not from a launch configuration.",
             .risk = "Launch configurations are legacy: they cannot be versioned and do not get newer EC2 "
                     "features (IMDSv2 defaults, newer instance types, Spot/On-Demand mixes); AWS no longer adds "
                     "instance types to them, so hardening work done in launch templates does not reach the group.",
             .remediation = {.text = "Create a launch template from the launch configuration (the console can copy "
                                     "it) and point the group at the template; then delete the launch configuration.",
                             .cli = "aws autoscaling update-auto-scaling-group --auto-scaling-group-name <group> --launch-template LaunchTemplateName=<template>,Version='$Latest'",
                             .terraform = "resource \"aws_autoscaling_group\" \"this\" {\n  # ...\n  launch_template {\n    id      = aws_launch_template.app.id\n    version = \"$Latest\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/autoscaling/ec2/userguide/migrate-to-launch-templates.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-9"},
             .cis = {},
             .fsbp = {"AutoScaling.9"}},
    .reads = {"launch_template", "launch_configuration"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
