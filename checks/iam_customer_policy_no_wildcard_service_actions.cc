// FSBP IAM.21: Ensure customer managed policies do not allow wildcard actions for services.
#include "checks/iam_common.h"

namespace cloudpeek::checks {
namespace {

using namespace iam;

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (r.props.value("aws_managed", false)) return pass("Policy " + r.name + " is AWS managed; the control covers customer managed policies.");
  std::string why;
  const json* doc = document_of(r, &why);
  if (!doc) return not_assessed(why);
  auto wild = wildcard_service_actions(*doc);
  if (!wild.empty()) return fail("Policy " + r.name + " allows wildcard service actions: " + join(wild) + ".");
  return pass("Policy " + r.name + " has no wildcard service actions.");
}

const RegisterCheck reg({
    .meta = {.id = "iam_customer_policy_no_wildcard_service_actions",
             .title = "Ensure customer managed policies do not allow wildcard actions for services",
             .severity = Severity::kLow,
             .service = "iam",
             .resource_type = "AWS::IAM::Policy",
             .description = "Customer managed policies should not have Allow statements with whole-service wildcards (\"s3:*\", \"*\") or NotAction.",
             .risk = "Service wildcards grant every present and future action of the service, including destructive and permission-changing ones.",
             .remediation = {.text = "List the specific actions the policy needs instead of service:*.",
                             .cli = "aws iam create-policy-version --policy-arn <arn> --policy-document file://least-privilege.json --set-as-default",
                             .terraform = "# In aws_iam_policy documents, replace \"service:*\" with explicit actions."},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21", "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_elements_action.html"},
             .cis = {},
             .fsbp = {"IAM.21"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
