// Users, sessions, settings, providers with sealed credentials, the audit log,
// encryption at rest and the master key check, on a real SQLite file.
#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "store/password.h"
#include "store/sqlite_test_fixture.h"
#include "store/token.h"

namespace cloudpeek::store {
namespace {

using testing::StoreTest;
using testing::day;

const std::string kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzSECRETzz";
const std::string kToken = "IQoJb3JpZ2luX2VjEXAMPLEzzTOKENzzFwoGZXIvYXdzEBYaDHhBTEXAMPLE";

std::string kind_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const StoreError& e) {
    switch (e.kind()) {
      case StoreError::Kind::kNotFound: return "not_found";
      case StoreError::Kind::kConflict: return "conflict";
      case StoreError::Kind::kInvalid: return "invalid";
      case StoreError::Kind::kMasterKey: return "master_key";
      case StoreError::Kind::kIo: return "io";
      case StoreError::Kind::kDatabase: return "database";
    }
  }
  return "none";
}

TEST_F(StoreTest, UsersCreateFindCountAndUniqueNames) {
  EXPECT_EQ(store->user_count(), 0);
  std::string hash = hash_password("a long enough password");
  User u = store->create_user("alice", hash);
  EXPECT_FALSE(u.id.empty());
  EXPECT_EQ(store->user_count(), 1);
  auto found = store->find_user_by_username("alice");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, u.id);
  EXPECT_TRUE(verify_password(found->password_hash, "a long enough password"));
  EXPECT_EQ(store->get_user(u.id)->username, "alice");
  EXPECT_FALSE(store->find_user_by_username("bob"));
  EXPECT_FALSE(store->get_user("999"));
  EXPECT_FALSE(store->get_user("not-a-number"));
  EXPECT_EQ(kind_of([&] { store->create_user("alice", hash); }), "conflict");
  EXPECT_EQ(kind_of([&] { store->create_user("", hash); }), "invalid");
  store->set_password_hash(u.id, hash_password("another password!"));
  EXPECT_TRUE(verify_password(store->get_user(u.id)->password_hash, "another password!"));
  EXPECT_EQ(kind_of([&] { store->set_password_hash("77", "x"); }), "not_found");
}

TEST_F(StoreTest, SessionsByTokenHashUntilExpiry) {
  User u = store->create_user("alice", "h");
  std::string token = random_token();
  Session s = store->create_session(u.id, hash_token(token), "csrf-1", day(1));
  EXPECT_EQ(s.user_id, u.id);
  auto found = store->find_session(hash_token(token), day(0));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->csrf_token, "csrf-1");
  EXPECT_EQ(found->user_id, u.id);
  EXPECT_FALSE(store->find_session(hash_token(token), day(1)));  // expired at its expiry
  EXPECT_FALSE(store->find_session(hash_token("other"), day(0)));
  store->create_session(u.id, hash_token("t2"), "csrf-2", day(3));
  EXPECT_EQ(store->delete_expired_sessions(day(2)), 1);
  EXPECT_TRUE(store->find_session(hash_token("t2"), day(2)));
  store->delete_session(hash_token("t2"));
  EXPECT_FALSE(store->find_session(hash_token("t2"), day(2)));
  // The raw token is never stored.
  store.reset();
  EXPECT_EQ(testing::slurp(db_path()).find(token), std::string::npos);
}

TEST_F(StoreTest, SettingsPutGetOverwrite) {
  EXPECT_FALSE(store->get_setting("reminder_window_minutes"));
  store->put_setting("reminder_window_minutes", "30");
  store->put_setting("webhook_url", "https://example.com/hook");
  store->put_setting("reminder_window_minutes", "45");
  EXPECT_EQ(store->get_setting("reminder_window_minutes"), "45");
  auto all = store->all_settings();
  EXPECT_EQ(all.size(), 2u);
  EXPECT_EQ(all["webhook_url"], "https://example.com/hook");
  EXPECT_EQ(kind_of([&] { store->put_setting("", "x"); }), "invalid");
}

TEST_F(StoreTest, ProviderCreateShowsOnlyLast4AndExpiry) {
  Credentials c{"ASIAXEXAMPLEKEYAB12", kSecret, kToken, day(1)};
  Provider p = store->create_provider(NewProvider{"prod", 60, nullptr}, c, "alice");
  EXPECT_EQ(p.label, "prod");
  EXPECT_EQ(p.access_key_id_last4, "AB12");
  EXPECT_TRUE(p.has_session_token);
  EXPECT_EQ(p.expires_at, day(1));
  EXPECT_EQ(p.schedule_minutes, 60);
  EXPECT_TRUE(p.identity.is_null());
  auto creds = store->get_credentials(p.id);
  ASSERT_TRUE(creds);
  EXPECT_EQ(creds->access_key_id, "ASIAXEXAMPLEKEYAB12");
  EXPECT_EQ(creds->secret_access_key, kSecret);
  EXPECT_EQ(creds->session_token, kToken);
  EXPECT_EQ(creds->expires_at, day(1));
  EXPECT_EQ(store->list_providers().size(), 1u);
  EXPECT_FALSE(store->get_provider("42"));
  EXPECT_FALSE(store->get_credentials("42"));
}

TEST_F(StoreTest, ProviderValidation) {
  Credentials ok{"AKIAEXAMPLE", kSecret, "", std::nullopt};
  EXPECT_EQ(kind_of([&] { store->create_provider(NewProvider{"", 0, nullptr}, ok, "a"); }), "invalid");
  EXPECT_EQ(kind_of([&] { store->create_provider(NewProvider{"x", -1, nullptr}, ok, "a"); }), "invalid");
  EXPECT_EQ(kind_of([&] {
              store->create_provider(NewProvider{"x", 0, nullptr}, Credentials{"", kSecret, "", {}}, "a");
            }),
            "invalid");
  EXPECT_EQ(kind_of([&] {
              store->create_provider(NewProvider{"x", 0, nullptr}, Credentials{"AKIA1", "", "", {}}, "a");
            }),
            "invalid");
  EXPECT_TRUE(store->list_providers().empty());
  EXPECT_EQ(kind_of([&] { store->update_provider("5", ProviderPatch{"y", {}}, "a"); }), "not_found");
  EXPECT_EQ(kind_of([&] { store->replace_credentials("abc", ok, "a"); }), "not_found");
}

TEST_F(StoreTest, ProviderUpdateReplaceIdentityAndAuditWithoutValues) {
  Provider p = store->create_provider(NewProvider{"prod", 0, nullptr},
                                      Credentials{"AKIAOLDKEY0001", kSecret, "", std::nullopt}, "alice");
  EXPECT_FALSE(p.has_session_token);
  Provider q = store->update_provider(p.id, ProviderPatch{"production", 30}, "bob");
  EXPECT_EQ(q.label, "production");
  EXPECT_EQ(q.schedule_minutes, 30);
  Provider r = store->replace_credentials(p.id, Credentials{"ASIANEWKEY0002", "new" + kSecret, kToken, day(2)}, "bob");
  EXPECT_EQ(r.access_key_id_last4, "0002");
  EXPECT_TRUE(r.has_session_token);
  EXPECT_EQ(store->get_credentials(p.id)->secret_access_key, "new" + kSecret);
  store->set_provider_identity(p.id, Json{{"account", "123456789012"}, {"arn", "arn:aws:iam::123456789012:user/a"}});
  EXPECT_EQ(store->get_provider(p.id)->identity["account"], "123456789012");
  store->add_audit(p.id, "bob", "tested");
  auto audit = store->list_audit(p.id);
  ASSERT_EQ(audit.size(), 5u);
  EXPECT_EQ(audit[0].action, "tested");
  EXPECT_EQ(audit[1].action, "credentials_replaced");
  EXPECT_EQ(audit[2].action, "schedule_changed");
  EXPECT_EQ(audit[3].action, "label_changed");
  EXPECT_EQ(audit[4].action, "created");
  EXPECT_EQ(audit[4].user, "alice");
  EXPECT_EQ(audit[1].user, "bob");
  for (const auto& a : audit) {
    EXPECT_EQ(a.action.find(kSecret), std::string::npos);
    EXPECT_EQ(a.provider_label.find("AKIA"), std::string::npos);
  }
  // An unchanged patch writes no audit row.
  store->update_provider(p.id, ProviderPatch{"production", 30}, "bob");
  EXPECT_EQ(store->list_audit(p.id).size(), 5u);
}

TEST_F(StoreTest, DeleteProviderCascadesButKeepsTheAudit) {
  std::string pid = add_provider("doomed");
  std::string other = add_provider("kept");
  run_scan(pid, {testing::make_finding("c1", "arn:aws:s3:::b1", CheckStatus::kFail)},
           {testing::make_resource("arn:aws:s3:::b1")}, day(0));
  run_scan(other, {testing::make_finding("c1", "arn:aws:s3:::b2", CheckStatus::kFail)},
           {testing::make_resource("arn:aws:s3:::b2")}, day(0));
  store->delete_provider(pid, "alice");
  EXPECT_FALSE(store->get_provider(pid));
  EXPECT_FALSE(store->get_credentials(pid));
  EXPECT_EQ(store->list_scans(pid, {}).total, 0);
  FindingFilter f;
  EXPECT_EQ(store->list_findings(f, {}).total, 1);  // only the other provider's
  EXPECT_EQ(store->list_resources({}, {}).total, 1);
  auto audit = store->list_audit(pid);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "deleted");
  EXPECT_EQ(audit[0].provider_label, "doomed");
  EXPECT_EQ(kind_of([&] { store->delete_provider(pid, "alice"); }), "not_found");
  // No orphans left anywhere.
  store.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path().c_str(), &db), SQLITE_OK);
  for (const char* t : {"credentials", "scans", "findings", "resources", "open_daily"}) {
    sqlite3_stmt* s = nullptr;
    std::string sql = std::string("SELECT COUNT(*) FROM ") + t + " WHERE provider_id = " + pid;
    ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << t;
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int64(s, 0), 0) << t;
    sqlite3_finalize(s);
  }
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM finding_history h LEFT JOIN findings f ON f.id = h.finding_id WHERE f.id IS NULL", -1, &s, nullptr);
  sqlite3_step(s);
  EXPECT_EQ(sqlite3_column_int64(s, 0), 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
}

// Issue 8: ids came back after a delete (SQLite reuses the last row's id), and
// "01" named provider 1.
TEST_F(StoreTest, IdsAreCanonicalAndNeverReused) {
  std::string first = add_provider("first");
  std::string last = add_provider("last");
  std::string scan = store->create_scan(last, {}, {}, day(0)).id;
  store->delete_provider(last, "alice");  // the highest provider id, and with it the highest scan id
  std::string next = add_provider("next");
  EXPECT_GT(std::stoll(next), std::stoll(last));
  std::string next_scan = store->create_scan(next, {}, {}, day(0)).id;
  EXPECT_GT(std::stoll(next_scan), std::stoll(scan));
  // Only the canonical spelling of an id names anything.
  ASSERT_EQ(first, "1");
  for (const std::string bad : {"01", "+1", " 1", "1 ", "1.0", "0x1", "0", "-1", ""})
    EXPECT_EQ(kind_of([&] { store->delete_provider(bad, "alice"); }), "not_found") << "\"" << bad << "\"";
  EXPECT_TRUE(store->get_provider(first));
}

TEST_F(StoreTest, ProvidersExpiringSoonestFirst) {
  store->create_provider(NewProvider{"long-term", 0, nullptr}, Credentials{"AKIA1", kSecret, "", std::nullopt}, "a");
  store->create_provider(NewProvider{"later", 0, nullptr}, Credentials{"ASIA2", kSecret, kToken, day(5)}, "a");
  store->create_provider(NewProvider{"expired", 0, nullptr}, Credentials{"ASIA3", kSecret, kToken, day(-1)}, "a");
  store->create_provider(NewProvider{"soon", 0, nullptr}, Credentials{"ASIA4", kSecret, kToken, day(0, 600)}, "a");
  auto list = store->providers_expiring(day(0, 1800));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].label, "expired");
  EXPECT_EQ(list[1].label, "soon");
  EXPECT_EQ(store->providers_expiring(day(10)).size(), 3u);
}

TEST_F(StoreTest, SecretAndTokenAreEncryptedAtRest) {
  store->create_provider(NewProvider{"prod", 0, nullptr}, Credentials{"ASIAKEYIDVISIBLE01", kSecret, kToken, day(1)}, "a");
  std::string pid2 = store->create_provider(NewProvider{"rotated", 0, nullptr},
                                            Credentials{"AKIA2", "old-" + kSecret, "", std::nullopt}, "a").id;
  store->replace_credentials(pid2, Credentials{"AKIA3", "rotated-" + kSecret, kToken + "-2", std::nullopt}, "a");
  // Bytes as they sit in the data directory, WAL included (before and after a checkpoint).
  auto all_bytes = [&] {
    std::string bytes;
    for (auto& e : std::filesystem::directory_iterator(dir.path())) bytes += testing::slurp(e.path());
    return bytes;
  };
  std::string live = all_bytes();
  EXPECT_NE(live.find("ASIAKEYIDVISIBLE01"), std::string::npos) << "the key id may be stored plain (sanity check)";
  for (const std::string& needle : {kSecret, kToken, std::string("wJalrXUtnFEMI"), std::string("IQoJb3JpZ2lu")})
    EXPECT_EQ(live.find(needle), std::string::npos) << "plain secret in the live files";
  store.reset();  // closes: checkpoints the WAL into the main file
  std::string closed = all_bytes();
  for (const std::string& needle : {kSecret, kToken, std::string("wJalrXUtnFEMI"), std::string("IQoJb3JpZ2lu")})
    EXPECT_EQ(closed.find(needle), std::string::npos) << "plain secret in the closed database";
  // And they come back with the right key.
  store = open_sqlite_store(db_path(), key);
  EXPECT_EQ(store->get_credentials("1")->secret_access_key, kSecret);
  EXPECT_EQ(store->get_credentials(pid2)->session_token, kToken + "-2");
}

TEST_F(StoreTest, WrongMasterKeyIsAClearErrorNotGarbage) {
  store->create_provider(NewProvider{"prod", 0, nullptr}, Credentials{"ASIA1", kSecret, kToken, day(1)}, "a");
  store.reset();
  MasterKey wrong = key;
  wrong.bytes[7] ^= 0x40;
  try {
    open_sqlite_store(db_path(), wrong);
    FAIL() << "opened with the wrong master key";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kMasterKey);
    std::string msg = e.what();
    EXPECT_NE(msg.find("master key does not match"), std::string::npos) << msg;
    EXPECT_NE(msg.find("CLOUDPEEK_MASTER_KEY"), std::string::npos) << msg;
    EXPECT_EQ(msg.find(testing::kTestKeyHex), std::string::npos);
  }
  // The right key still works: nothing was changed by the failed open.
  store = open_sqlite_store(db_path(), key);
  EXPECT_EQ(store->get_credentials("1")->session_token, kToken);
}

TEST_F(StoreTest, DatabaseUsesWalAndForeignKeys) {
  store.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, nullptr);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "wal");
  sqlite3_finalize(s);
  sqlite3_close(db);
  // foreign_keys is per connection: the store's must enforce it.
  store = open_sqlite_store(db_path(), key);
  EXPECT_EQ(kind_of([&] { store->create_session("999", "h", "c", day(1)); }), "invalid");
}

TEST_F(StoreTest, DataDirOpenCreatesPrivateDirAndKeyFile) {
  auto data = dir.path() / "data";
  ::unsetenv("CLOUDPEEK_MASTER_KEY");
  {
    auto s = open_store_in_data_dir(data);
    s->put_setting("k", "v");
  }
  EXPECT_TRUE(std::filesystem::exists(data / "cloudpeek.db"));
  EXPECT_TRUE(std::filesystem::exists(data / "master.key"));
  auto s = open_store_in_data_dir(data);
  EXPECT_EQ(s->get_setting("k"), "v");
  // The same database with an env key that differs from the file's: refused clearly.
  ::setenv("CLOUDPEEK_MASTER_KEY", testing::kTestKeyHex, 1);
  EXPECT_EQ(kind_of([&] { open_store_in_data_dir(data); }), "master_key");
  ::setenv("CLOUDPEEK_MASTER_KEY", "garbage", 1);
  EXPECT_EQ(kind_of([&] { open_store_in_data_dir(data); }), "master_key");
  ::unsetenv("CLOUDPEEK_MASTER_KEY");
}

}  // namespace
}  // namespace cloudpeek::store
