// Tests only: a store on a real SQLite file in a fresh temporary directory,
// plus builders for findings, resources and whole scans.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>

#include "store/master_key.h"
#include "store/sqlite_store.h"
#include "store/store.h"
#include "store/temp_dir_for_test.h"

namespace cloudpeek::store::testing {

inline const char* kTestKeyHex = "8f2c1e5d7a9b3c4d6e8f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3";

inline Time at(int64_t seconds) { return Time(std::chrono::seconds(seconds)); }
// 2026-11-30T00:00:00Z and days after it.
inline Time day(int n, int64_t plus_seconds = 0) { return at(1795996800 + n * 86400 + plus_seconds); }

inline Finding make_finding(const std::string& check, const std::string& arn, CheckStatus status,
                            Severity severity = Severity::kHigh, const std::string& region = "us-east-1",
                            const std::string& service = "s3", const std::string& type = "AWS::S3::Bucket") {
  Finding f;
  f.check_id = check;
  f.status = status;
  f.severity = severity;
  f.service = service;
  f.resource_type = type;
  f.resource_arn = arn;
  f.resource_name = arn.substr(arn.rfind(':') + 1);
  f.account = "111122223333";
  f.region = region;
  f.detail = std::string(cloudpeek::to_string(status)) + " for " + f.resource_name;
  return f;
}

inline Resource make_resource(const std::string& arn, const std::string& type = "AWS::S3::Bucket",
                              const std::string& region = "us-east-1") {
  Resource r;
  r.type = type;
  r.arn = arn;
  r.account = "111122223333";
  r.region = region;
  r.id = arn.substr(arn.rfind(':') + 1);
  r.name = r.id;
  r.tags = {{"env", "prod"}};
  r.props = {{"versioning", false}};
  r.raw = {{"Name", r.id}};
  return r;
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class StoreTest : public ::testing::Test {
 protected:
  TempDir dir;
  MasterKey key = parse_master_key(kTestKeyHex);
  std::unique_ptr<Store> store = open_sqlite_store(db_path(), key);

  std::filesystem::path db_path() const { return dir.path() / "cloudpeek.db"; }

  std::string add_provider(const std::string& label = "prod") {
    Credentials c{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "", std::nullopt};
    return store->create_provider(NewProvider{label, 0, Json{{"account", "111122223333"}}}, c, "alice").id;
  }

  // A whole scan: created, running, rows streamed, finished. checks_run and
  // regions_scanned default to what the findings name.
  Scan run_scan(const std::string& provider, const std::vector<Finding>& findings,
                const std::vector<Resource>& resources, Time finished,
                ScanStatus status = ScanStatus::kSucceeded, std::optional<std::vector<std::string>> checks_run = {},
                std::vector<CoverageGap> gaps = {}, std::vector<std::string> services = {}) {
    Scan s = store->create_scan(provider, {}, services, finished - std::chrono::seconds(60));
    store->mark_scan_running(s.id, finished - std::chrono::seconds(59), Json{{"account", "111122223333"}});
    if (!resources.empty()) store->add_scan_resources(s.id, resources);
    if (!findings.empty()) store->add_scan_findings(s.id, findings);
    ScanFinish f;
    f.status = status;
    if (status == ScanStatus::kInterrupted) f.reason = "interrupted: credentials expired";
    f.finished_at = finished;
    f.gaps = std::move(gaps);
    std::set<std::string> checks, regions;
    for (const auto& x : findings) {
      checks.insert(x.check_id);
      regions.insert(x.region);
    }
    for (const auto& r : resources) regions.insert(r.region);
    f.checks_run = checks_run ? *checks_run : std::vector<std::string>(checks.begin(), checks.end());
    f.regions_scanned.assign(regions.begin(), regions.end());
    if (f.regions_scanned.empty()) f.regions_scanned.push_back("us-east-1");
    return store->finish_scan(s.id, f);
  }

  // The one current finding of (check, arn), or a test failure.
  FindingRow only(const std::string& check, const std::string& arn) {
    FindingFilter f;
    f.checks = {check};
    f.resource_arn = arn;
    auto page = store->list_findings(f, {});
    EXPECT_EQ(page.total, 1) << check << " " << arn;
    if (page.items.empty()) return {};
    return page.items.front();
  }
};

}  // namespace cloudpeek::store::testing
