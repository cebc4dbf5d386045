// The SQLite layer under load: busy timeout against another connection's
// write lock, readers beside a writer (WAL), two stores on one file, many
// threads on one store, transactions rolling back, the statement cache.
#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "store/sqlite_test_fixture.h"

namespace cloudpeek::store {
namespace {

using namespace std::chrono_literals;
using testing::StoreTest;

// Another process's connection holding the write lock for `hold`.
class LockHolder {
 public:
  LockHolder(const std::filesystem::path& file, std::chrono::milliseconds hold) {
    EXPECT_EQ(sqlite3_open(file.c_str(), &db_), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db_, "BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('uncommitted', 'x');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    thread_ = std::thread([this, hold] {
      std::this_thread::sleep_for(hold);
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    });
  }
  ~LockHolder() {
    thread_.join();
    sqlite3_close(db_);
  }

 private:
  sqlite3* db_ = nullptr;
  std::thread thread_;
};

TEST_F(StoreTest, WriterWaitsForAnotherConnectionsLockWithinBusyTimeout) {
  LockHolder other(db_path(), 400ms);
  auto t0 = std::chrono::steady_clock::now();
  store->put_setting("k", "v");
  auto waited = std::chrono::steady_clock::now() - t0;
  EXPECT_GE(waited, 300ms);
  EXPECT_EQ(store->get_setting("k"), "v");
}

TEST_F(StoreTest, BusyTimeoutExpiryIsAClearError) {
  auto impatient = open_sqlite_store(db_path(), key, SqliteOptions{100});
  LockHolder other(db_path(), 1500ms);
  try {
    impatient->put_setting("k", "v");
    FAIL() << "wrote through another connection's lock";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kDatabase);
    EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
  }
}

TEST_F(StoreTest, ReadersAreNotBlockedByAWriterAndSeeOnlyCommittedData) {
  store->put_setting("committed", "yes");
  LockHolder other(db_path(), 800ms);
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(store->get_setting("committed"), "yes");
  EXPECT_FALSE(store->get_setting("uncommitted"));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 400ms);
}

TEST_F(StoreTest, TwoStoresOnOneFileSeeEachOthersWrites) {
  auto second = open_sqlite_store(db_path(), key);
  store->put_setting("from_first", "1");
  second->put_setting("from_second", "2");
  EXPECT_EQ(second->get_setting("from_first"), "1");
  EXPECT_EQ(store->get_setting("from_second"), "2");
  std::string pid = add_provider();
  EXPECT_EQ(second->get_credentials(pid)->access_key_id, "AKIAIOSFODNN7EXAMPLE");
}

TEST_F(StoreTest, ManyThreadsOnTwoStores) {
  auto second = open_sqlite_store(db_path(), key);
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      Store& s = t % 2 ? *second : *store;
      for (int i = 0; i < 40; ++i) {
        try {
          std::string k = "t" + std::to_string(t) + "-" + std::to_string(i);
          s.put_setting(k, std::to_string(i));
          if (s.get_setting(k) != std::to_string(i)) ++errors;
          s.all_settings();
        } catch (const std::exception& e) {
          ++errors;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(store->all_settings().size(), 320u);
}

TEST(SqliteDb, TransactionRollsBackUnlessCommitted) {
  testing::TempDir dir;
  sqlite::Db db(dir.path() / "t.db", 1000);
  db.exec_script("CREATE TABLE t (x INTEGER)");
  try {
    sqlite::Transaction tx(db);
    db.prepare("INSERT INTO t (x) VALUES (?)").bind(1, 1).exec();
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  {
    sqlite::Transaction tx(db);
    db.prepare("INSERT INTO t (x) VALUES (?)").bind(1, 2).exec();
    tx.commit();
  }
  auto s = db.prepare("SELECT COUNT(*), SUM(x) FROM t");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.i64(0), 1);
  EXPECT_EQ(s.i64(1), 2);
}

TEST(SqliteDb, CachedStatementsCanNestAndReset) {
  testing::TempDir dir;
  sqlite::Db db(dir.path() / "t.db", 1000);
  db.exec_script("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);");
  int pairs = 0;
  auto outer = db.prepare("SELECT x FROM t ORDER BY x");
  while (outer.step()) {
    auto inner = db.prepare("SELECT x FROM t ORDER BY x");  // same SQL while the first is in use
    while (inner.step()) ++pairs;
  }
  EXPECT_EQ(pairs, 9);
  // Abandoned mid-iteration, a cached statement comes back reset.
  {
    auto s = db.prepare("SELECT x FROM t ORDER BY x");
    s.step();
  }
  auto again = db.prepare("SELECT x FROM t ORDER BY x");
  ASSERT_TRUE(again.step());
  EXPECT_EQ(again.i64(0), 1);
  // Unique violations are conflicts; other constraint failures invalid.
  db.exec_script("CREATE TABLE u (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
  db.prepare("INSERT INTO u VALUES ('a', 'x')").exec();
  try {
    db.prepare("INSERT INTO u VALUES ('a', 'y')").exec();
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kConflict);
  }
  try {
    db.prepare("INSERT INTO u (k) VALUES ('b')").exec();
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kInvalid);
  }
}

}  // namespace
}  // namespace cloudpeek::store
