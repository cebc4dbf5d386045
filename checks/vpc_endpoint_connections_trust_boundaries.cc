// VPC endpoint policies do not allow every principal without an account or
// organization condition.
#include "checks/app_policy.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  if (!r.props.contains("policy")) return not_assessed("policy of VPC endpoint " + r.id + " was not collected");
  const json* policy = r.prop("policy");
  if (!policy || policy->is_null())
    return pass("VPC endpoint " + r.id + " has no endpoint policy (its service does not support one)");
  if (auto sid = app_policy::public_statement(*policy))
    return fail("VPC endpoint " + r.id + " policy statement " + *sid +
                " allows any principal (\"*\") without an aws:PrincipalAccount, aws:PrincipalOrgID or similar condition");
  return pass("VPC endpoint " + r.id + " policy allows only named principals or principals under conditions");
}

const RegisterCheck reg({
    .meta = {.id = "vpc_endpoint_connections_trust_boundaries",
             .title = "VPC endpoint policies should not allow access to any principal",
             .severity = Severity::kMedium,
             .service = "vpc",
             .resource_type = "AWS::EC2::VPCEndpoint",
             .description = "No Allow statement of the endpoint policy names every principal (\"*\") without a condition pinning the caller or the resource to an account, organization or ARN. AWS's default endpoint policy (full access for \"*\") fails.",
             .risk = "A full-access endpoint lets credentials of any account — an attacker's included — be used through the VPC's private path, for example to copy data to the attacker's own S3 buckets (exfiltration past egress controls).",
             .remediation = {.text = "Replace the default policy with one that allows only your organization's principals (aws:PrincipalOrgID) and, for S3, your own buckets (aws:ResourceOrgID).",
                             .cli = "aws ec2 modify-vpc-endpoint --vpc-endpoint-id <vpce-id> --policy-document file://org-only-policy.json",
                             .terraform = "resource \"aws_vpc_endpoint_policy\" \"this\" {\n  vpc_endpoint_id = aws_vpc_endpoint.this.id\n  policy          = data.aws_iam_policy_document.org_only.json\n}"},
             .references = {"https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
