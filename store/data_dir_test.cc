#include "store/data_dir.h"

#include <sys/stat.h>

#include <cstdlib>

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

}  // namespace
}  // namespace cloudpeek::store
