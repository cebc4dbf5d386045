// Organization-level: an organization trail (CloudTrail IsOrganizationTrail)
// records the activity of every account of the organization.
#include <algorithm>

#include "checks/organizations_admin_util.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kCoverage = "AWS::CloudTrail::TrailCoverage";

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto no = organizations::not_in_organization(r, "no organization trail records it")) return *no;
  const std::string org = r.props.value("organization_id", std::string());
  std::vector<std::string> others;
  for (const auto& cov : inv.of_type(kCoverage)) {
    for (const auto& t : cov.props.value("trails", json::array())) {
      if (t.value("is_organization_trail", false))
        return pass("Organization trail " + t.value("name", t.value("arn", std::string())) + " (home region " +
                    t.value("home_region", std::string()) + ") records every account of organization " + org + ".");
      std::string name = t.value("name", std::string());
      if (std::find(others.begin(), others.end(), name) == others.end()) others.push_back(name);
    }
  }
  // No organization trail seen: only a complete listing makes that a FAIL.
  if (auto gap = inv.gap_any_region(kCoverage)) return not_assessed("the trails were not all listed: " + *gap);
  if (inv.of_type(kCoverage).empty()) return not_assessed("cloudtrail:DescribeTrails: no region's trails were collected");
  std::string detail = "Organization " + org + " has no organization trail";
  if (others.empty()) return fail(detail + ", and this account has no trail at all.");
  std::string names;
  for (const auto& n : others) names += (names.empty() ? "" : ", ") + n;
  return fail(detail + ": the trails of this account (" + names + ") record it alone, new member accounts are not logged.");
}

const RegisterCheck reg({
    .meta = {.id = "organizations_organization_trail",
             .title = "An organization trail logs every account of the organization",
             .severity = Severity::kHigh,
             .service = organizations::kService,
             .resource_type = "AWS::Organizations::Administration",
             .description = "A CloudTrail trail with IsOrganizationTrail applies to the scanned regions (from "
                            "DescribeTrails with shadow trails). Judged in the scan of the management account or a "
                            "delegated administrator; whether it logs is judged by the cloudtrail_* checks.",
             .risk = "Without an organization trail each member must keep its own trail: a new account, or one whose "
                     "administrator deletes the trail, leaves no record of its API activity.",
             .remediation = {.text = "From the management account (or the CloudTrail delegated administrator), create "
                                     "a multi-region organization trail delivering to a bucket in the log archive "
                                     "account.",
                             .cli = "aws cloudtrail create-trail --name org-trail --s3-bucket-name <log archive bucket> "
                                    "--is-organization-trail --is-multi-region-trail && aws cloudtrail start-logging "
                                    "--name org-trail",
                             .terraform = "resource \"aws_cloudtrail\" \"org\" {\n  name                  = "
                                          "\"org-trail\"\n  s3_bucket_name        = \"<log archive bucket>\"\n  "
                                          "is_organization_trail = true\n  is_multi_region_trail = true\n}"},
             .references = {"https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html",
                            "https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/cloudtrail.html"}},
    .context_types = {kCoverage},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
