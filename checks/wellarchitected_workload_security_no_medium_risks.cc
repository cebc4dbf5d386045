// Well-Architected workloads whose review found no MEDIUM risk in the security
// pillar of the Well-Architected Framework lens.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "security_risks", &why)) return not_assessed(why);
  const json* risks = r.prop("security_risks");
  if (!risks || !risks->is_object())
    return not_assessed("workload " + r.name + " has no review of the Well-Architected Framework lens");
  const long long n = risks->value("MEDIUM", 0LL);
  if (n == 0) return pass("workload " + r.name + " has no medium-risk issue in the security pillar");
  return fail("workload " + r.name + " has " + std::to_string(n) + " medium-risk issue" + (n == 1 ? "" : "s") +
              " in the security pillar");
}

const RegisterCheck reg({
    .meta = {.id = "wellarchitected_workload_security_no_medium_risks",
             .title = "Well-Architected workloads should have no medium-risk issues in the security pillar",
             .severity = Severity::kMedium,
             .service = "wellarchitected",
             .resource_type = "AWS::WellArchitected::Workload",
             .description = "The workload's review of the Well-Architected Framework lens (GetLensReview) counts no "
                            "MEDIUM risk in the security pillar.",
             .risk = "The team answered the security pillar's questions and the answers show medium-risk gaps "
                     "(identity, detection, data protection, incident response) that are known and still open.",
             .remediation = {.text = "Work through the improvement plan of the security pillar and update the "
                                     "answers, or record a milestone once the risks are resolved.",
                             .cli = "aws wellarchitected list-lens-review-improvements --workload-id <id> --lens-alias wellarchitected --pillar-id security",
                             .terraform = "# Well-Architected reviews are answered in the Well-Architected Tool; fix the resources the improvement plan names."},
             .references = {"https://docs.aws.amazon.com/wellarchitected/latest/userguide/workloads-improvement-plan.html",
                            "https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/welcome.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"security_risks"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
