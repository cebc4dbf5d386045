// Account and Organizations checks: PASS, FAIL and NOT_ASSESSED for each.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

Resource contacts(json security) {
  return resource("AWS::Account::AlternateContacts", "111122223333",
                  {{"security", security}, {"billing", {{"set", true}}}}, "global");
}

TEST(AccountChecks, SecurityContactRegistered) {
  const char* id = "account_security_contact_registered";
  EXPECT_EQ(run_on(id, contacts({{"set", true}, {"email", "sec@example.com"}})).status, CheckStatus::kPass);
  auto none = run_on(id, contacts({{"set", false}}));
  EXPECT_EQ(none.status, CheckStatus::kFail);
  EXPECT_EQ(none.detail, "No security alternate contact is registered.");
  Resource denied = resource("AWS::Account::AlternateContacts", "111122223333", json::object(), "global");
  denied.missing["security"] = "account:GetAlternateContact denied (AccessDeniedException)";
  auto na = run_on(id, denied);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(na.detail, "account:GetAlternateContact denied (AccessDeniedException)");
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"Account.1"});
}

TEST(AccountChecks, PartOfOrganization) {
  const char* id = "organizations_account_part_of_organizations";
  auto org = [](json props) { return resource("AWS::Organizations::Organization", "o-1", props, "global"); };
  auto in = run_on(id, org({{"in_organization", true}, {"id", "o-exampleorg1"}}));
  EXPECT_EQ(in.status, CheckStatus::kPass);
  EXPECT_EQ(in.detail, "Account 111122223333 belongs to organization o-exampleorg1.");
  EXPECT_EQ(run_on(id, org({{"in_organization", false}})).status, CheckStatus::kFail);
  Resource denied = org(json::object());
  denied.missing["in_organization"] = "organizations:DescribeOrganization denied (AccessDeniedException)";
  auto na = run_on(id, denied);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(na.detail, "organizations:DescribeOrganization denied (AccessDeniedException)");
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"Account.2"});
}

}  // namespace
}  // namespace cloudpeek::checks
