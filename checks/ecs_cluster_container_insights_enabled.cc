// ECS clusters have Container Insights (or its enhanced observability) on.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "container_insights", &why);
  if (!v) return not_assessed(why);
  if (*v == "enabled" || *v == "enhanced")
    return pass("cluster " + r.name + " has Container Insights " + v->get<std::string>());
  return fail("cluster " + r.name + " has Container Insights " + (v->is_string() ? v->get<std::string>() : "off"));
}

const RegisterCheck reg({
    .meta = {.id = "ecs_cluster_container_insights_enabled",
             .title = "ECS clusters should use Container Insights",
             .severity = Severity::kMedium,
             .service = "ecs",
             .resource_type = "AWS::ECS::Cluster",
             .description = "The cluster's containerInsights setting is enabled or enhanced.",
             .risk = "Without Container Insights, resource exhaustion, crash loops and unusual task behaviour go "
                     "unnoticed and there are no per-task metrics to investigate an incident with.",
             .remediation = {.text = "Turn on Container Insights for the cluster (and as the account default with "
                                     "put-account-setting-default).",
                             .cli = "aws ecs update-cluster-settings --cluster <cluster> --settings name=containerInsights,value=enabled",
                             .terraform = "resource \"aws_ecs_cluster\" \"this\" {\n  name = \"main\"\n  setting {\n    name  = \"containerInsights\"\n    value = \"enabled\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12"},
             .cis = {},
             .fsbp = {"ECS.12"}},
    .reads = {"container_insights"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
