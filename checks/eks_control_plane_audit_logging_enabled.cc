// EKS clusters send Kubernetes audit logs to CloudWatch Logs.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("logging_enabled_types")) return not_assessed(*why);
  const json* types = r.prop("logging_enabled_types");
  if (!types || !types->is_array()) return not_assessed("logging config of cluster " + r.name + " was not collected");
  std::string list;
  bool audit = false;
  for (const auto& t : *types) {
    if (!t.is_string()) continue;
    audit = audit || t == "audit";
    list += (list.empty() ? "" : ", ") + t.get<std::string>();
  }
  if (audit) return pass("cluster " + r.name + " has control plane logging enabled for: " + list);
  return fail("cluster " + r.name + " does not send audit logs to CloudWatch Logs (enabled: " +
              (list.empty() ? std::string("none") : list) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "eks_control_plane_audit_logging_enabled",
             .title = "EKS clusters have audit logging enabled",
             .severity = Severity::kMedium,
             .service = "eks",
             .resource_type = "AWS::EKS::Cluster",
             .description = "The cluster's control plane logging has the \"audit\" log type enabled.",
             .risk = "Without Kubernetes audit logs, who did what in the cluster (secrets read, RBAC changed, exec "
                     "into pods) cannot be investigated.",
             .remediation = {.text = "Enable the audit log type (and ideally api, authenticator, controllerManager, scheduler).",
                             .cli = "aws eks update-cluster-config --name <cluster> --logging '{\"clusterLogging\":[{\"types\":[\"api\",\"audit\",\"authenticator\",\"controllerManager\",\"scheduler\"],\"enabled\":true}]}'",
                             .terraform = "resource \"aws_eks_cluster\" \"this\" {\n  # ...\n  enabled_cluster_log_types = [\"api\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"]\n}"},
             .references = {"https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-8"},
             .cis = {},
             .fsbp = {"EKS.8"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
