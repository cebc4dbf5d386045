// EKS cluster API endpoints are not open to the whole internet.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  for (const char* p : {"endpoint_public_access", "public_access_cidrs"})
    if (auto why = r.missing_reason(p)) return not_assessed(*why);
  const json* pub = r.prop("endpoint_public_access");
  if (!pub || !pub->is_boolean()) return not_assessed("endpoint access of cluster " + r.name + " was not collected");
  if (!pub->get<bool>()) return pass("cluster " + r.name + " has a private API endpoint only");
  const json* cidrs = r.prop("public_access_cidrs");
  std::string list;
  if (cidrs && cidrs->is_array()) {
    for (const auto& c : *cidrs) {
      if (c == "0.0.0.0/0" || c == "::/0")
        return fail("cluster " + r.name + " API endpoint is publicly accessible from " + c.get<std::string>());
      list += (list.empty() ? "" : ", ") + c.get<std::string>();
    }
  }
  if (list.empty()) return fail("cluster " + r.name + " API endpoint is publicly accessible from any address");
  return pass("cluster " + r.name + " public API endpoint is restricted to " + list);
}

const RegisterCheck reg({
    .meta = {.id = "eks_cluster_not_publicly_accessible",
             .title = "EKS cluster endpoints are not publicly accessible",
             .severity = Severity::kHigh,
             .service = "eks",
             .resource_type = "AWS::EKS::Cluster",
             .description = "The cluster's Kubernetes API endpoint is private, or its public access is restricted "
                            "to specific CIDR blocks (not 0.0.0.0/0).",
             .risk = "An API server reachable from the whole internet is exposed to credential stuffing, "
                     "vulnerabilities in the API server and leaked kubeconfigs.",
             .remediation = {.text = "Turn on private endpoint access and turn off public access, or limit "
                                     "publicAccessCidrs to your networks.",
                             .cli = "aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true",
                             .terraform = "resource \"aws_eks_cluster\" \"this\" {\n  # ...\n  vpc_config {\n    subnet_ids              = var.subnet_ids\n    endpoint_private_access = true\n    endpoint_public_access  = false\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-1"},
             .cis = {},
             .fsbp = {"EKS.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
