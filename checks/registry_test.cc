// The registry and run_check's contract: one finding per resource the check
// applies to, and NOT_ASSESSED per region whose listing has a gap — never
// silence.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;

CheckResult flag_is_on(const Resource& r, const Inventory&) {
  if (r.props.value("kind", "") == "other") return not_applicable("flag " + r.id + " is of another kind");
  if (auto why = r.missing_reason("flag")) return not_assessed(*why);
  const json* flag = r.prop("flag");
  if (!flag) return not_assessed("flag not collected");
  return flag->get<bool>() ? pass("flag on") : fail("flag off");
}

const RegisterCheck reg({.meta = {.id = "zz_test_flag_on", .title = "Flag is on", .severity = Severity::kHigh,
                                  .service = "test", .resource_type = "Test::Flag"},
                         .evaluate = flag_is_on});

TEST(CheckRegistry, FindsRegisteredChecksSorted) {
  ASSERT_NE(find_check("zz_test_flag_on"), nullptr);
  EXPECT_EQ(find_check("no_such_check"), nullptr);
  const auto& all = all_checks();
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end(),
                             [](const Check* a, const Check* b) { return a->meta.id < b->meta.id; }));
  EXPECT_THROW(RegisterCheck({.meta = {.id = "zz_test_flag_on", .resource_type = "T"}, .evaluate = flag_is_on}),
               std::logic_error);
}

TEST(RunCheck, OneFindingPerResourceAndNotAssessedPerGap) {
  Inventory inv;
  inv.account = "111122223333";
  inv.regions = {{"us-east-1", "opt-in-not-required", true}, {"eu-west-1", "opt-in-not-required", true}};
  inv.add(resource("Test::Flag", "a", {{"flag", true}}));
  inv.add(resource("Test::Flag", "b", {{"flag", false}}));
  Resource c = resource("Test::Flag", "c", json::object());
  c.missing["flag"] = "test:GetFlag denied (AccessDenied)";
  inv.add(c);
  inv.add_gap(denied("test", "test:ListFlags", "eu-west-1", "Test::Flag"));

  auto findings = run_check(*find_check("zz_test_flag_on"), inv);
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].status, CheckStatus::kPass);
  EXPECT_EQ(findings[1].status, CheckStatus::kFail);
  EXPECT_EQ(findings[1].severity, Severity::kHigh);
  EXPECT_EQ(findings[2].status, CheckStatus::kNotAssessed);
  EXPECT_EQ(findings[2].detail, "test:GetFlag denied (AccessDenied)");
  EXPECT_EQ(findings[3].status, CheckStatus::kNotAssessed);
  EXPECT_EQ(findings[3].region, "eu-west-1");
  EXPECT_EQ(findings[3].detail, "test:ListFlags denied in eu-west-1 (AccessDenied)");
}

TEST(RunCheck, NoFindingForAResourceTheCheckDoesNotApplyTo) {
  Inventory inv;
  inv.account = "111122223333";
  inv.regions = {{"us-east-1", "opt-in-not-required", true}};
  inv.add(resource("Test::Flag", "a", {{"flag", true}}));
  inv.add(resource("Test::Flag", "other", {{"kind", "other"}, {"flag", true}}));
  inv.add(resource("Test::Flag", "b", {{"flag", false}}));
  const Check& check = *find_check("zz_test_flag_on");

  auto findings = run_check(check, inv);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].resource_name, "a");
  EXPECT_EQ(findings[1].resource_name, "b");
  EXPECT_FALSE(evaluate_one(check, inv.of_type("Test::Flag")[1], inv).has_value());
  // A caller that ignored the flag would read "not assessed", never PASS.
  CheckResult r = check.evaluate(inv.of_type("Test::Flag")[1], inv);
  EXPECT_FALSE(r.applicable);
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
}

TEST(RunCheck, GlobalGapReportedOnce) {
  Inventory inv;
  inv.account = "111122223333";
  inv.regions = {{"us-east-1", "opt-in-not-required", true}, {"eu-west-1", "opt-in-not-required", true}};
  inv.add_gap(denied("test", "test:ListFlags", "global", "Test::Flag"));
  auto findings = run_check(*find_check("zz_test_flag_on"), inv);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].detail, "test:ListFlags denied (AccessDenied)");
}

TEST(RunCheck, NoResourcesNoGapsMeansNoFindings) {
  Inventory inv;
  inv.regions = {{"us-east-1", "opt-in-not-required", true}};
  EXPECT_TRUE(run_check(*find_check("zz_test_flag_on"), inv).empty());
}

}  // namespace
}  // namespace cloudpeek::checks
