// AWS Config checks on small inventories: PASS, FAIL and NOT_ASSESSED.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;
using testing::run_on;

constexpr const char* kRecorder = "AWS::Config::ConfigurationRecorder";

Resource recorder(json props) { return resource(kRecorder, "default", std::move(props), "eu-west-1"); }

TEST(ConfigRecorder, PassFailNotAssessed) {
  json good = {{"exists", true}, {"name", "default"}, {"all_supported", true},
               {"include_global_resource_types", true}, {"recording", true}, {"last_status", "SUCCESS"},
               {"delivery_channel", true}};
  EXPECT_EQ(run_on("config_recorder_all_regions_enabled", recorder(good)).status, CheckStatus::kPass);

  EXPECT_EQ(run_on("config_recorder_all_regions_enabled", recorder({{"exists", false}})).status, CheckStatus::kFail);
  json partial = good;
  partial["all_supported"] = false;
  EXPECT_EQ(run_on("config_recorder_all_regions_enabled", recorder(partial)).status, CheckStatus::kFail);
  json stopped = good;
  stopped["recording"] = false;
  auto f = run_on("config_recorder_all_regions_enabled", recorder(stopped));
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_NE(f.detail.find("not recording"), std::string::npos);
  json failing = good;
  failing["last_status"] = "FAILURE";
  EXPECT_EQ(run_on("config_recorder_all_regions_enabled", recorder(failing)).status, CheckStatus::kFail);

  Resource unknown = recorder(good);
  unknown.props.erase("recording");
  unknown.missing["recording"] = "config:DescribeConfigurationRecorderStatus denied (AccessDenied)";
  auto n = run_on("config_recorder_all_regions_enabled", unknown);
  EXPECT_EQ(n.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(n.detail, "config:DescribeConfigurationRecorderStatus denied (AccessDenied)");

  Inventory inv;
  inv.regions = {{"us-west-2", "opt-in-not-required", true}};
  inv.add_gap(denied("config", "config:DescribeConfigurationRecorders", "us-west-2", kRecorder));
  auto g = run_check(*find_check("config_recorder_all_regions_enabled"), inv);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].status, CheckStatus::kNotAssessed);
  EXPECT_EQ(g[0].region, "us-west-2");
}

}  // namespace
}  // namespace cloudpeek::checks
