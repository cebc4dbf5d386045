// MSK clusters have enhanced monitoring (Security Hub MSK.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "enhanced_monitoring", &why)) return not_assessed(why);
  const json* level = r.prop("enhanced_monitoring");
  if (!level || level->is_null()) return pass("serverless cluster " + r.name + " is monitored by MSK itself");
  const std::string l = level->is_string() ? level->get<std::string>() : "";
  if (l.empty() || l == "DEFAULT") return fail("cluster " + r.name + " has only the default monitoring level");
  return pass("cluster " + r.name + " has enhanced monitoring (" + l + ")");
}

const RegisterCheck reg({
    .meta = {.id = "msk_cluster_enhanced_monitoring_enabled",
             .title = "MSK clusters should have enhanced monitoring configured",
             .severity = Severity::kLow,
             .service = "kafka",
             .resource_type = "AWS::MSK::Cluster",
             .description = "Checks that EnhancedMonitoring is above DEFAULT (PER_BROKER or finer) on each provisioned cluster (Security Hub MSK.2).",
             .risk = "With default metrics only, disk, throughput and consumer lag problems of single brokers surface late.",
             .remediation = {.text = "Raise the monitoring level to PER_BROKER or finer.",
                             .cli = "aws kafka update-monitoring --cluster-arn <arn> --current-version <version> --enhanced-monitoring PER_BROKER",
                             .terraform = "resource \"aws_msk_cluster\" \"this\" {\n  # ...\n  enhanced_monitoring = \"PER_BROKER\"\n}"},
             .references = {"https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"enhanced_monitoring"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
