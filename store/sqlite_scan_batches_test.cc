// Scan batches in the store: a batch keeps its request and skipped accounts;
// its scans name it and are listed with it; it survives reopening (a queued
// scan keeps its batch across a restart); a deleted provider's scans leave
// the batch, which keeps the others; a database of schema 14 gains the table
// and a NULL batch_id on its existing scans.
#include <gtest/gtest.h>

#include "store/sqlite_schema.h"
#include "store/sqlite_test_fixture.h"

namespace cloudpeek::store {
namespace {

using testing::day;
using testing::StoreTest;

ScanBatch batch(const std::string& label) {
  ScanBatch b;
  b.label = label;
  b.scope = {{"ou", "Root/Workloads"}};
  b.regions = {"us-east-1"};
  b.services = {"s3", "iam"};
  b.created_by = "alice";
  b.created_at = day(0);
  return b;
}

TEST_F(StoreTest, ABatchKeepsItsRequestAndListsItsScans) {
  std::string a = add_provider("a"), b = add_provider("b"), c = add_provider("c");
  ScanBatch made = store->create_scan_batch(batch("OU Root/Workloads"));
  ASSERT_FALSE(made.id.empty());
  Scan sa = store->create_scan(a, {"us-east-1"}, {"s3", "iam"}, day(0), made.id);
  Scan alone = store->create_scan(c, {}, {}, day(0));
  Scan sb = store->create_scan(b, {"us-east-1"}, {"s3", "iam"}, day(0), made.id);
  EXPECT_EQ(sa.batch_id, made.id);
  EXPECT_FALSE(alone.batch_id);
  EXPECT_EQ(store->get_scan(sb.id)->batch_id, made.id);

  auto scans = store->batch_scans(made.id);
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(scans[0].id, sa.id);  // oldest first
  EXPECT_EQ(scans[1].id, sb.id);

  Json skipped = Json::array({{{"provider_id", c}, {"label", "c"}, {"account_id", "111122223333"},
                               {"reason", "A scan of it is already queued or running."}, {"scan_id", alone.id}}});
  store->set_scan_batch_skipped(made.id, skipped);
  auto got = store->get_scan_batch(made.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->label, "OU Root/Workloads");
  EXPECT_EQ(got->scope, Json({{"ou", "Root/Workloads"}}));
  EXPECT_EQ(got->regions, std::vector<std::string>({"us-east-1"}));
  EXPECT_EQ(got->services, std::vector<std::string>({"s3", "iam"}));
  EXPECT_EQ(got->skipped, skipped);
  EXPECT_EQ(got->created_by, "alice");
  EXPECT_EQ(got->created_at, day(0));
  EXPECT_FALSE(got->cancelled_at);

  store->mark_scan_batch_cancelled(made.id, day(1));
  store->mark_scan_batch_cancelled(made.id, day(2));  // the first request counts
  EXPECT_EQ(store->get_scan_batch(made.id)->cancelled_at, day(1));
}

TEST_F(StoreTest, BatchesPageNewestFirstAndUnknownIdsAreNotFound) {
  std::string a = add_provider();
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(store->create_scan_batch(batch("b" + std::to_string(i))).id);
  auto page = store->list_scan_batches({1, 2});
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, ids[2]);
  EXPECT_EQ(page.items[1].id, ids[1]);
  auto second = store->list_scan_batches({2, 2});
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].id, ids[0]);

  EXPECT_FALSE(store->get_scan_batch("999"));
  EXPECT_FALSE(store->get_scan_batch("x"));
  EXPECT_TRUE(store->batch_scans("999").empty());
  try {
    store->create_scan(a, {}, {}, day(0), std::string("999"));
    ADD_FAILURE() << "a scan of a batch that does not exist";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kNotFound);
  }
  EXPECT_FALSE(store->active_scan(a));  // nothing was created
  EXPECT_THROW(store->set_scan_batch_skipped("999", Json::array()), StoreError);
  EXPECT_THROW(store->mark_scan_batch_cancelled("999", day(0)), StoreError);
}

TEST_F(StoreTest, ADeletedProvidersScansLeaveTheBatchTheRestStay) {
  std::string a = add_provider("a"), b = add_provider("b");
  ScanBatch made = store->create_scan_batch(batch("2 accounts"));
  store->create_scan(a, {}, {}, day(0), made.id);
  Scan sb = store->create_scan(b, {}, {}, day(0), made.id);
  store->delete_provider(a, "alice");
  ASSERT_TRUE(store->get_scan_batch(made.id));
  auto scans = store->batch_scans(made.id);
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0].id, sb.id);
}

TEST_F(StoreTest, AQueuedScanKeepsItsBatchWhenTheStoreIsOpenedAgain) {
  std::string a = add_provider();
  ScanBatch made = store->create_scan_batch(batch("1 account"));
  Scan s = store->create_scan(a, {"us-east-1"}, {}, day(0), made.id);
  store.reset();
  store = open_sqlite_store(db_path(), key);
  auto active = store->active_scan(a);
  ASSERT_TRUE(active);
  EXPECT_EQ(active->id, s.id);
  EXPECT_EQ(active->status, ScanStatus::kQueued);
  EXPECT_EQ(active->batch_id, made.id);
  EXPECT_EQ(store->get_scan_batch(made.id)->label, "1 account");
}

TEST(ScanBatchSchema, UpgradeFrom14KeepsScansWithoutABatch) {
  testing::TempDir dir;
  auto file = dir.path() / "db";
  {
    sqlite::Db db(file, 1000);
    sqlite::migrate(db, 14);
    db.exec_script(
        "INSERT INTO providers (id, label, schedule_minutes, created_at, updated_at) VALUES (7, 'old', 0, 1, 1);"
        "INSERT INTO scans (id, provider_id, status, created_at) VALUES (3, 7, 'queued', 1);");
  }
  auto store = open_sqlite_store(file, parse_master_key(testing::kTestKeyHex));
  auto old = store->get_scan("3");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->status, ScanStatus::kQueued);
  EXPECT_FALSE(old->batch_id);
  ScanBatch made = store->create_scan_batch(batch("after the upgrade"));
  store->create_scan("7", {}, {}, day(0), made.id);
  EXPECT_EQ(store->batch_scans(made.id).size(), 1u);
}

}  // namespace
}  // namespace cloudpeek::store
