// Organization-level: service control policies other than the AWS managed
// FullAWSAccess are attached somewhere in the organization.
#include "checks/organizations_admin_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto no = organizations::not_in_organization(r, "no service control policy limits its principals")) return *no;
  for (const char* p : {"scp_policy_type_enabled", "scps"})
    if (auto why = r.missing_reason(p)) return not_assessed(*why);
  const json* enabled = r.prop("scp_policy_type_enabled");
  const json* scps = r.prop("scps");
  if (!enabled || !scps || !scps->is_array()) return not_assessed("organizations:ListPolicies: SCPs not collected");
  const std::string org = r.props.value("organization_id", std::string());
  if (!enabled->get<bool>())
    return fail("Service control policies are not enabled in the root of organization " + org +
                ": nothing limits what member accounts' administrators may do.");
  std::vector<std::string> attached, unattached;
  for (const auto& p : *scps) {
    if (p.value("aws_managed", false)) continue;  // FullAWSAccess allows everything
    const auto& targets = p.value("targets", json::array());
    std::string name = p.value("name", p.value("id", std::string()));
    if (targets.empty()) {
      unattached.push_back(name);
      continue;
    }
    std::string where;
    for (const auto& t : targets) where += (where.empty() ? "" : ", ") + t.value("name", t.value("id", std::string()));
    attached.push_back(name + " (on " + where + ")");
  }
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
    return s;
  };
  if (!attached.empty())
    return pass("Organization " + org + " attaches " + std::to_string(attached.size()) + " service control polic" +
                (attached.size() == 1 ? "y" : "ies") + " beyond FullAWSAccess: " + list(attached) + ".");
  std::string detail = "Organization " + org + " attaches no service control policy beyond the AWS managed FullAWSAccess";
  if (!unattached.empty()) detail += " (written but attached nowhere: " + list(unattached) + ")";
  return fail(detail + ".");
}

const RegisterCheck reg({
    .meta = {.id = "organizations_scps_in_use",
             .title = "Service control policies beyond FullAWSAccess are in use in the organization",
             .severity = Severity::kMedium,
             .service = organizations::kService,
             .resource_type = "AWS::Organizations::Administration",
             .description = "The organization has the SERVICE_CONTROL_POLICY type enabled in its root and attaches at "
                            "least one customer SCP (not the AWS managed FullAWSAccess) to its root, an OU or an "
                            "account. Judged in the scan of the management account or a delegated administrator.",
             .risk = "Without guardrail SCPs, an administrator (or an attacker with administrator rights) in any "
                     "member account can disable CloudTrail or GuardDuty, leave the organization, or use any region.",
             .remediation = {.text = "Enable service control policies and attach guardrails (deny leaving the "
                                     "organization, deny stopping CloudTrail/GuardDuty/Config, restrict regions) to "
                                     "the root or OUs.",
                             .cli = "aws organizations enable-policy-type --root-id <r-...> --policy-type "
                                    "SERVICE_CONTROL_POLICY && aws organizations create-policy --type "
                                    "SERVICE_CONTROL_POLICY --name Guardrails --content file://scp.json && aws "
                                    "organizations attach-policy --policy-id <p-...> --target-id <r-... or ou-...>",
                             .terraform = "resource \"aws_organizations_policy\" \"guardrails\" {\n  name    = "
                                          "\"Guardrails\"\n  type    = \"SERVICE_CONTROL_POLICY\"\n  content = "
                                          "data.aws_iam_policy_document.guardrails.json\n}\n\nresource "
                                          "\"aws_organizations_policy_attachment\" \"root\" {\n  policy_id = "
                                          "aws_organizations_policy.guardrails.id\n  target_id = "
                                          "data.aws_organizations_organization.this.roots[0].id\n}"},
             .references = {"https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
                            "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
