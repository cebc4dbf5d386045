// The CIS v3.0.0 catalog and its roll-up: a failure anywhere fails the
// control, an unassessed part never counts as a pass.
#include "model/compliance.h"

#include <gtest/gtest.h>

#include <set>

namespace cloudpeek {
namespace {

Finding finding(std::string check, CheckStatus status, std::string detail = {}) {
  Finding f;
  f.check_id = std::move(check);
  f.status = status;
  f.detail = std::move(detail);
  return f;
}

TEST(CisV3Catalog, HasEveryControlOnceAndTheManualOnes) {
  std::set<std::string> ids, manual;
  for (const auto& c : cis_v3_controls()) {
    EXPECT_TRUE(ids.insert(c.id).second) << c.id;
    if (c.manual) manual.insert(c.id);
  }
  EXPECT_EQ(ids.size(), 62u);
  EXPECT_EQ(manual, (std::set<std::string>{"1.1", "1.2", "1.3", "1.18", "1.21", "1.22", "2.1.3", "5.5"}));
}

TEST(CisV3Rollup, StatusPerControl) {
  std::map<std::string, CheckMetadata> checks;
  checks["a"] = CheckMetadata{.id = "a", .cis = {"1.4"}};
  checks["b"] = CheckMetadata{.id = "b", .cis = {"1.5"}};
  checks["c"] = CheckMetadata{.id = "c", .cis = {"1.5"}};
  checks["d"] = CheckMetadata{.id = "d", .cis = {"2.3.1"}};
  checks["e"] = CheckMetadata{.id = "e", .cis = {"3.1"}};
  std::vector<Finding> findings = {finding("a", CheckStatus::kPass), finding("b", CheckStatus::kPass),
                                   finding("c", CheckStatus::kFail), finding("e", CheckStatus::kPass),
                                   finding("e", CheckStatus::kNotAssessed, "cloudtrail:GetTrailStatus denied")};
  std::map<std::string, ControlStatus> by_id;
  for (auto& s : cis_v3_rollup(findings, checks)) by_id[s.control.id] = s;
  EXPECT_EQ(by_id["1.1"].status, "MANUAL");
  EXPECT_EQ(by_id["1.4"].status, "PASS");
  EXPECT_EQ(by_id["1.5"].status, "FAIL");
  EXPECT_EQ(by_id["2.3.1"].status, "NO_RESOURCES");
  EXPECT_EQ(by_id["3.1"].status, "NOT_ASSESSED");
  EXPECT_EQ(by_id["3.1"].reason, "cloudtrail:GetTrailStatus denied");
  EXPECT_EQ(by_id["5.6"].status, "NOT_RUN");

  auto sections = cis_v3_sections_rollup(cis_v3_rollup(findings, checks));
  ASSERT_EQ(sections.size(), 5u);
  EXPECT_EQ(sections[0].fail, 1);
  EXPECT_EQ(sections[0].pass, 1);
  EXPECT_EQ(sections[0].manual, 6);  // 1.1, 1.2, 1.3, 1.18, 1.21, 1.22
  EXPECT_EQ(sections[2].not_assessed, 1);
}

// What a streaming scan keeps: counts per check. A control shared by two
// checks takes the worst; a check that found nothing to evaluate is
// NO_RESOURCES (counted with the passes in its section), never NOT_RUN.
TEST(CisV3Rollup, FromCountsPerCheck) {
  std::vector<CheckCounts> counts = {{"a", {"1.4"}, 1, 0, 0},
                                     {"b", {"1.5", "1.6"}, 0, 1, 0},
                                     {"c", {"2.1.1"}, 2, 0, 1, "s3:GetBucketPolicy denied"},
                                     {"d", {"1.10"}, 0, 0, 0},
                                     {"e", {"1.4"}, 3, 0, 0}};
  std::map<std::string, ControlStatus> by_id;
  for (auto& s : cis_v3_rollup(counts)) by_id[s.control.id] = s;
  EXPECT_EQ(by_id["1.4"].status, "PASS");
  EXPECT_EQ(by_id["1.4"].pass, 4u);
  EXPECT_EQ(by_id["1.4"].checks, (std::vector<std::string>{"a", "e"}));
  EXPECT_EQ(by_id["1.5"].status, "FAIL");
  EXPECT_EQ(by_id["1.6"].status, "FAIL");
  EXPECT_EQ(by_id["1.10"].status, "NO_RESOURCES");
  EXPECT_EQ(by_id["2.1.1"].status, "NOT_ASSESSED");
  EXPECT_EQ(by_id["2.1.1"].reason, "s3:GetBucketPolicy denied");
  EXPECT_EQ(by_id["2.1.3"].status, "MANUAL");
  EXPECT_EQ(by_id["3.1"].status, "NOT_RUN");

  auto sections = cis_v3_sections_rollup(cis_v3_rollup(counts));
  EXPECT_EQ(sections[0].pass, 2);  // 1.4, 1.10
  EXPECT_EQ(sections[0].fail, 2);  // 1.5, 1.6
  EXPECT_EQ(sections[0].manual, 6);
  EXPECT_EQ(sections[1].not_assessed, 1);
}

}  // namespace
}  // namespace cloudpeek
