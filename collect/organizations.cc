// Organizations (global): whether the account belongs to an organization.
//
// AWS::Organizations::Organization  arn: the organization's ARN, or
//   arn:aws:organizations::ACCOUNT:no-organization when the account is in none
//   in_organization (false on AWSOrganizationsNotInUseException — a fact),
//   id, master_account_id, feature_set
//   missing: in_organization when DescribeOrganization failed otherwise
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kOrganization = "AWS::Organizations::Organization";

void collect_organizations(CollectContext& ctx, const std::string& region) {
  Resource r;
  r.type = kOrganization;
  r.arn = "arn:" + ctx.partition() + ":organizations::" + ctx.account() + ":no-organization";
  r.account = ctx.account();
  r.region = "global";
  r.id = ctx.account();
  r.name = "organization of account " + ctx.account();
  auto out = ctx.call("organizations", "DescribeOrganization", json::object(), region);
  if (out) {
    json org = out->value("Organization", json::object());
    r.arn = org.value("Arn", r.arn);
    r.id = org.value("Id", r.id);
    r.name = r.id;
    r.props = {{"in_organization", true},
               {"id", org.value("Id", "")},
               {"master_account_id", org.value("MasterAccountId", "")},
               {"feature_set", org.value("FeatureSet", "")}};
    r.raw = org;
  } else if (out.error().code == "AWSOrganizationsNotInUseException") {
    r.props = {{"in_organization", false}};
  } else {
    record_missing(ctx, r, "in_organization", out.error(), "organizations", "DescribeOrganization");
  }
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "organizations",
                             .global = true,
                             .produces = {kOrganization},
                             .collect = collect_organizations});

}  // namespace
}  // namespace cloudpeek::collect
