#include "store/data_dir.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>

#include <gtest/gtest.h>

#include "store/store.h"
#include "store/temp_dir_for_test.h"

namespace cloudpeek::store {
namespace {

class EnvGuard {
 public:
  explicit EnvGuard(const char* name) : name_(name) {
    if (const char* v = std::getenv(name)) old_ = v;
  }
  ~EnvGuard() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(DataDir, XdgDataHomeThenHome) {
  EnvGuard g1("XDG_DATA_HOME"), g2("HOME");
  ::setenv("XDG_DATA_HOME", "/x/data", 1);
  ::setenv("HOME", "/home/u", 1);
  EXPECT_EQ(default_data_dir(), "/x/data/cloudpeek");
  ::setenv("XDG_DATA_HOME", "relative/ignored", 1);
  EXPECT_EQ(default_data_dir(), "/home/u/.local/share/cloudpeek");
  ::unsetenv("XDG_DATA_HOME");
  EXPECT_EQ(default_data_dir(), "/home/u/.local/share/cloudpeek");
  ::unsetenv("HOME");
  EXPECT_THROW(default_data_dir(), StoreError);
}

TEST(DataDir, OverrideWins) {
  EnvGuard g1("XDG_DATA_HOME");
  ::setenv("XDG_DATA_HOME", "/x/data", 1);
  EXPECT_EQ(resolve_data_dir(std::filesystem::path("/srv/cp")), "/srv/cp");
  EXPECT_EQ(resolve_data_dir(std::nullopt), "/x/data/cloudpeek");
}

TEST(DataDir, CreatedWithMode0700IncludingParents) {
  testing::TempDir tmp;
  auto dir = tmp.path() / "a" / "b" / "cloudpeek";
  mode_t old = ::umask(0);
  ensure_data_dir(dir);
  ::umask(old);
  struct stat st {};
  ASSERT_EQ(::stat(dir.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700);
  ensure_data_dir(dir);  // idempotent
}

TEST(DataDir, AFileInTheWayIsAClearError) {
  testing::TempDir tmp;
  auto f = tmp.path() / "file";
  { std::FILE* fp = std::fopen(f.c_str(), "w"); std::fclose(fp); }
  try {
    ensure_data_dir(f);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kIo);
    EXPECT_NE(std::string(e.what()).find(f.string()), std::string::npos);
  }
}

mode_t mode_of(const std::filesystem::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(no error)";
}

// Issue 8: a data directory created 0755 beforehand stayed so, silently.
TEST(DataDir, ExistingDirectoryOthersCanReadIsRefused) {
  testing::TempDir tmp;
  auto dir = tmp.path() / "shared";
  std::filesystem::create_directory(dir);
  for (mode_t m : {0755, 0750, 0701}) {
    ::chmod(dir.c_str(), m);
    std::string msg = message_of([&] { ensure_data_dir(dir); });
    EXPECT_NE(msg.find("can be read by other users"), std::string::npos) << msg;
    EXPECT_NE(msg.find("chmod 700 " + dir.string()), std::string::npos) << msg;
    EXPECT_EQ(mode_of(dir), m) << "refused, not changed behind the user's back";
  }
  ::chmod(dir.c_str(), 0700);
  EXPECT_EQ(message_of([&] { ensure_data_dir(dir); }), "(no error)");
}

// Issue 8: cloudpeek.db, -wal and -shm were created 0644 under a 022 umask.
TEST(DataDir, DatabaseFilesAreOwnerOnly) {
  testing::TempDir tmp;
  auto db = tmp.path() / "cloudpeek.db";
  mode_t old = ::umask(022);
  secure_database_files(db);
  ::umask(old);
  EXPECT_EQ(mode_of(db), 0600);
  // Files left 0644 by an earlier version are tightened.
  for (const char* f : {"cloudpeek.db", "cloudpeek.db-wal", "cloudpeek.db-shm"}) {
    std::FILE* fp = std::fopen((tmp.path() / f).c_str(), "a");
    std::fclose(fp);
    ::chmod((tmp.path() / f).c_str(), 0644);
  }
  secure_database_files(db);
  for (const char* f : {"cloudpeek.db", "cloudpeek.db-wal", "cloudpeek.db-shm"})
    EXPECT_EQ(mode_of(tmp.path() / f), 0600) << f;
}

// Issue 8: a second server on the same directory marked the first one's scans
// interrupted. Only one holder at a time; the refusal names the holder.
TEST(DataDir, LockIsExclusiveAndNamesItsHolder) {
  testing::TempDir tmp;
  {
    DataDirLock first(tmp.path(), "http://127.0.0.1:8080/");
    std::string msg = message_of([&] { DataDirLock second(tmp.path(), "http://127.0.0.1:9090/"); });
    EXPECT_NE(msg.find("is in use by another CloudPeek server (pid " + std::to_string(::getpid()) +
                       ", http://127.0.0.1:8080/)"),
              std::string::npos)
        << msg;
    EXPECT_NE(msg.find("--data-dir"), std::string::npos) << msg;
    first.describe("http://127.0.0.1:8081/");
    msg = message_of([&] { DataDirLock second(tmp.path(), "x"); });
    EXPECT_NE(msg.find("http://127.0.0.1:8081/"), std::string::npos) << msg;
    EXPECT_EQ(mode_of(first.path()), 0600);
  }
  // Released with its holder: the next server takes it.
  EXPECT_EQ(message_of([&] { DataDirLock again(tmp.path(), "x"); }), "(no error)");
  // A holder killed with -9 releases it too (the kernel drops flocks with the process).
  pid_t child = ::fork();
  if (child == 0) {
    for (;;) {  // the parent's probes may hold it for a moment
      try {
        DataDirLock held(tmp.path(), "child");
        ::pause();
      } catch (const StoreError&) {
        ::usleep(1000);
      }
    }
  }
  for (int i = 0; i < 200 && message_of([&] { DataDirLock probe(tmp.path(), "x"); }) == "(no error)"; ++i)
    ::usleep(10000);
  EXPECT_NE(message_of([&] { DataDirLock probe(tmp.path(), "x"); }).find("child"), std::string::npos);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  EXPECT_EQ(message_of([&] { DataDirLock after(tmp.path(), "x"); }), "(no error)");
}

}  // namespace
}  // namespace cloudpeek::store
