// Migrations: a new database is at the latest version; older databases
// upgrade in place keeping their data; a newer one is refused untouched.
#include "store/sqlite_schema.h"

#include <gtest/gtest.h>

#include "store/sqlite_test_fixture.h"

namespace cloudpeek::store {
namespace {

using sqlite::Db;
using testing::TempDir;

const MasterKey kKey = parse_master_key(testing::kTestKeyHex);

int64_t scalar(Db& db, const std::string& sql) {
  auto s = db.prepare_uncached(sql);
  EXPECT_TRUE(s.step()) << sql;
  return s.i64(0);
}

TEST(Schema, MigrationsAreOrderedFromOne) {
  const auto& m = sqlite::migrations();
  ASSERT_FALSE(m.empty());
  for (size_t i = 0; i < m.size(); ++i) EXPECT_EQ(m[i].version, static_cast<int>(i + 1));
  EXPECT_EQ(sqlite::latest_schema_version(), m.back().version);
}

TEST(Schema, NewDatabaseIsAtTheLatestVersion) {
  TempDir dir;
  auto file = dir.path() / "db";
  open_sqlite_store(file, kKey).reset();
  open_sqlite_store(file, kKey).reset();  // opening again applies nothing twice
  Db db(file, 1000);
  EXPECT_EQ(sqlite::schema_version(db), sqlite::latest_schema_version());
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM schema_version"), static_cast<int64_t>(sqlite::migrations().size()));
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'findings_status_severity'"), 1);
}

TEST(Schema, UpgradeFromVersion1KeepsUsersAndSettings) {
  TempDir dir;
  auto file = dir.path() / "db";
  {
    Db db(file, 1000);
    sqlite::migrate(db, 1);
    EXPECT_EQ(sqlite::schema_version(db), 1);
    EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'providers'"), 0);
    db.exec_script(
        "INSERT INTO users (username, password_hash, created_at) VALUES ('alice', '$argon2id$x', 1);"
        "INSERT INTO settings (key, value) VALUES ('reminder_window_minutes', '45');");
  }
  auto store = open_sqlite_store(file, kKey);
  auto u = store->find_user_by_username("alice");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->password_hash, "$argon2id$x");
  EXPECT_EQ(store->get_setting("reminder_window_minutes"), "45");
  // The upgraded database works for everything later versions added.
  Provider p = store->create_provider(NewProvider{"prod", 0, nullptr},
                                      Credentials{"AKIA1", "secret-value", "", std::nullopt}, "alice");
  EXPECT_EQ(store->get_credentials(p.id)->secret_access_key, "secret-value");
  store.reset();
  Db db(file, 1000);
  EXPECT_EQ(sqlite::schema_version(db), sqlite::latest_schema_version());
}

TEST(Schema, UpgradeFromVersion3KeepsFindingsAddsIndexesAndCountsStats) {
  TempDir dir;
  auto file = dir.path() / "db";
  {
    Db db(file, 1000);
    sqlite::migrate(db, 3);
    EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'findings_status_severity'"), 0);
    db.exec_script(
        "INSERT INTO providers (id, label, schedule_minutes, created_at, updated_at) VALUES (7, 'old', 0, 1, 1);"
        "INSERT INTO scans (id, provider_id, status, created_at, finished_at, published) "
        "  VALUES (3, 7, 'succeeded', 1, 2, 1);"
        "INSERT INTO findings (provider_id, check_id, resource_arn, region, account, service, resource_type, "
        "  resource_name, severity, result, status, detail, first_seen, last_seen, last_scan_id, ever_failed) "
        "  VALUES (7, 'c', 'arn:aws:s3:::b', 'us-east-1', '1', 's3', 'AWS::S3::Bucket', 'b', 3, 'FAIL', 'open', "
        "  'd', 1, 2, 3, 1);");
  }
  auto store = open_sqlite_store(file, kKey);
  auto page = store->list_findings({}, {});
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].resource_arn, "arn:aws:s3:::b");
  EXPECT_EQ(page.items[0].status, FindingStatus::kOpen);
  EXPECT_EQ(store->get_scan("3")->status, ScanStatus::kSucceeded);
  // Migration 5 counted the existing findings into finding_stats.
  EXPECT_EQ(store->dashboard(std::nullopt, testing::day(0)).open_by_severity[Severity::kHigh], 1);
  store.reset();
  Db db(file, 1000);
  EXPECT_EQ(scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'findings_status_severity'"), 1);
}

TEST(Schema, UpgradeFromVersion5KeepsTheLastOfRepeatedStagedRows) {
  TempDir dir;
  auto file = dir.path() / "db";
  {
    Db db(file, 1000);
    sqlite::migrate(db, 5);
    db.exec_script(
        "INSERT INTO providers (id, label, schedule_minutes, created_at, updated_at) VALUES (1, 'p', 0, 1, 1);"
        "INSERT INTO scans (id, provider_id, status, created_at) VALUES (1, 1, 'running', 1);"
        "INSERT INTO scan_findings (scan_id, check_id, result, severity, service, resource_type, resource_arn, "
        "  resource_name, account, region, detail) VALUES "
        "  (1, 'c', 'FAIL', 3, 's3', 'AWS::S3::Bucket', 'arn:b', 'b', '1', 'us-east-1', 'first'),"
        "  (1, 'c', 'PASS', 3, 's3', 'AWS::S3::Bucket', 'arn:b', 'b', '1', 'us-east-1', 'second');");
  }
  auto store = open_sqlite_store(file, kKey);
  EXPECT_EQ(store->interrupt_unfinished_scans("interrupted: upgrade", testing::day(0)), 1);
  auto page = store->list_findings({}, {});
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].detail, "second");
}

TEST(Schema, NewerDatabaseIsRefusedUntouched) {
  TempDir dir;
  auto file = dir.path() / "db";
  open_sqlite_store(file, kKey).reset();
  {
    Db db(file, 1000);
    db.exec_script("INSERT INTO schema_version (version, description, applied_at) VALUES (999, 'future', 0)");
  }
  try {
    open_sqlite_store(file, kKey);
    FAIL() << "opened a database from the future";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kDatabase);
    EXPECT_NE(std::string(e.what()).find("newer than this CloudPeek"), std::string::npos) << e.what();
  }
  Db db(file, 1000);
  EXPECT_EQ(sqlite::schema_version(db), 999);
}

TEST(Schema, NotADatabaseIsAClearError) {
  TempDir dir;
  auto file = dir.path() / "db";
  {
    std::ofstream(file) << std::string(8192, 'x');
  }
  try {
    open_sqlite_store(file, kKey);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("not a database"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cloudpeek::store
