// Views before any scan (nothing unassessed counts as a pass), settings,
// /meta, and input the scan route refuses.
#include <gtest/gtest.h>

#include "server/test_server.h"

namespace cloudpeek::server::testing {
namespace {

TEST(ApiViews, BeforeAnyScanNothingPassesAndViewsAreEmpty) {
  TestServer s;
  Client c = s.admin();
  auto comp = c.get("/api/v1/compliance").j();
  ASSERT_GT(comp["controls"].size(), 50u);
  for (const auto& control : comp["controls"]) {
    EXPECT_NE(control["status"], "pass") << control.dump();
    EXPECT_NE(control["status"], "fail");
  }
  auto dash = c.get("/api/v1/dashboard").j();
  EXPECT_EQ(dash["security_issues"], 0);
  EXPECT_TRUE(dash["last_scan"].is_null());
  for (const auto& section : dash["cis_sections"]) EXPECT_EQ(section["pass"], 0);
  EXPECT_EQ(c.get("/api/v1/findings").j()["total"], 0);
  EXPECT_TRUE(c.get("/api/v1/inventory/summary").j().empty());
  EXPECT_EQ(c.get("/api/v1/findings/12345").status, 404u);
  EXPECT_EQ(c.get("/api/v1/resources/12345").status, 404u);
  EXPECT_EQ(c.get("/api/v1/scans/12345").status, 404u);
}

TEST(ApiViews, SettingsRoundTripAndMeta) {
  TestServer s;
  Client c = s.admin();
  auto def = c.get("/api/v1/settings").j();
  EXPECT_EQ(def["reminder_window_minutes"], 30);
  EXPECT_TRUE(def["webhook_url"].is_null());
  auto put = c.send("PUT", "/api/v1/settings", {{"reminder_window_minutes", 90}, {"webhook_url", "https://hooks.example.com/x"}});
  ASSERT_EQ(put.status, 200u) << put.body;
  auto got = c.get("/api/v1/settings").j();
  EXPECT_EQ(got["reminder_window_minutes"], 90);
  EXPECT_EQ(got["webhook_url"], "https://hooks.example.com/x");
  EXPECT_EQ(c.send("PUT", "/api/v1/settings", {{"reminder_window_minutes", 0}}).status, 400u);
  EXPECT_TRUE(c.send("PUT", "/api/v1/settings", {{"webhook_url", nullptr}}).j()["webhook_url"].is_null());

  auto meta = c.get("/api/v1/meta").j();
  auto has = [](const json& list, const std::string& v) { return std::find(list.begin(), list.end(), v) != list.end(); };
  EXPECT_TRUE(has(meta["regions"], "us-east-1"));
  EXPECT_TRUE(has(meta["services"], "s3"));
  EXPECT_TRUE(has(meta["services"], "iam"));
  EXPECT_FALSE(meta["version"].get<std::string>().empty());
}

TEST(ApiViews, ScanRequestsAreValidated) {
  TestServer s;
  Client c = s.admin();
  std::string pid = s.add_provider(c);
  auto region = c.send("POST", "/api/v1/scans", {{"provider_id", pid}, {"regions", {"mars-north-1"}}});
  EXPECT_EQ(region.status, 400u);
  EXPECT_EQ(region.j()["error"]["field"], "regions");
  auto service = c.send("POST", "/api/v1/scans", {{"provider_id", pid}, {"services", {"notaservice"}}});
  EXPECT_EQ(service.status, 400u);
  EXPECT_EQ(service.j()["error"]["field"], "services");
  auto unknown = c.send("POST", "/api/v1/scans", {{"provider_id", "999"}});
  EXPECT_EQ(unknown.status, 404u);
  auto missing = c.send("POST", "/api/v1/scans", json::object());
  EXPECT_EQ(missing.status, 400u);
  EXPECT_EQ(missing.j()["error"]["field"], "provider_id");
  EXPECT_EQ(c.send("POST", "/api/v1/scans/999/cancel").status, 404u);
  EXPECT_EQ(c.get("/api/v1/findings?sort=drop-table").status, 400u);
}

}  // namespace
}  // namespace cloudpeek::server::testing
