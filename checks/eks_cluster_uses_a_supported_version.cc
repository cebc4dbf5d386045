// EKS clusters run a Kubernetes version still in EKS standard support.
//
// End of standard / extended support per minor version, from the Amazon EKS
// Kubernetes release calendar
// (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html,
// as of 2026-11). Versions older than the table are long unsupported;
// versions newer than the table are newer than any CloudPeek knows to have
// ended, so they pass.
#include <chrono>
#include <cstdio>

#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

struct Support {
  int minor;                 // 1.<minor>
  int std_y, std_m, std_d;   // end of standard support
  int ext_y, ext_m, ext_d;   // end of extended support
};

constexpr Support kCalendar[] = {
    {28, 2024, 11, 26, 2025, 11, 26}, {29, 2025, 3, 23, 2026, 3, 23}, {30, 2025, 7, 23, 2026, 7, 23},
    {31, 2025, 11, 26, 2026, 11, 26}, {32, 2026, 3, 23, 2027, 3, 23}, {33, 2026, 7, 29, 2027, 7, 29},
    {34, 2026, 12, 2, 2027, 12, 2},   {35, 2027, 3, 27, 2028, 3, 27},
};

std::string date_text(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("version")) return not_assessed(*why);
  const json* v = r.prop("version");
  if (!v || !v->is_string()) return not_assessed("Kubernetes version of cluster " + r.name + " was not collected");
  const std::string version = v->get<std::string>();
  int major = 0, minor = 0;
  if (std::sscanf(version.c_str(), "%d.%d", &major, &minor) != 2)
    return not_assessed("cluster " + r.name + " reports an unrecognised Kubernetes version \"" + version + "\"");
  using namespace std::chrono;
  const sys_days today = floor<days>(system_clock::now());
  if (major == 1 && minor < kCalendar[0].minor)
    return fail("cluster " + r.name + " runs Kubernetes " + version + ", no longer supported by Amazon EKS");
  for (const auto& s : kCalendar) {
    if (major != 1 || minor != s.minor) continue;
    const sys_days std_end{year{s.std_y} / s.std_m / s.std_d};
    const sys_days ext_end{year{s.ext_y} / s.ext_m / s.ext_d};
    if (today <= std_end)
      return pass("cluster " + r.name + " runs Kubernetes " + version + ", in standard support until " +
                  date_text(s.std_y, s.std_m, s.std_d));
    if (today <= ext_end)
      return fail("cluster " + r.name + " runs Kubernetes " + version + ": standard support ended " +
                  date_text(s.std_y, s.std_m, s.std_d) + ", extended support (extra cost) ends " +
                  date_text(s.ext_y, s.ext_m, s.ext_d));
    return fail("cluster " + r.name + " runs Kubernetes " + version + ": all EKS support ended " +
                date_text(s.ext_y, s.ext_m, s.ext_d));
  }
  return pass("cluster " + r.name + " runs Kubernetes " + version + ", newer than any version past its support");
}

const RegisterCheck reg({
    .meta = {.id = "eks_cluster_uses_a_supported_version",
             .title = "EKS clusters run on a supported Kubernetes version",
             .severity = Severity::kHigh,
             .service = "eks",
             .resource_type = "AWS::EKS::Cluster",
             .description = "The cluster's Kubernetes minor version is within Amazon EKS standard support.",
             .risk = "Past standard support a version gets no new fixes except in paid extended support, and after "
                     "extended support the cluster is force-upgraded: known vulnerabilities and disruptive upgrades.",
             .remediation = {.text = "Upgrade the control plane (one minor version at a time), then the node groups and add-ons.",
                             .cli = "aws eks update-cluster-version --name <cluster> --kubernetes-version <next-minor>",
                             .terraform = "resource \"aws_eks_cluster\" \"this\" {\n  # ...\n  version = \"1.34\"\n}"},
             .references = {"https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-2"},
             .cis = {},
             .fsbp = {"EKS.2"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
