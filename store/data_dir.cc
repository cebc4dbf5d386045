#include "store/data_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "store/store.h"

namespace cloudpeek::store {

namespace fs = std::filesystem;

fs::path default_data_dir() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg && fs::path(xdg).is_absolute()) return fs::path(xdg) / "cloudpeek";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / ".local" / "share" / "cloudpeek";
  throw StoreError(StoreError::Kind::kIo,
                   "cannot find a data directory: neither XDG_DATA_HOME nor HOME is set; pass --data-dir");
}

fs::path resolve_data_dir(const std::optional<fs::path>& override_dir) {
  if (override_dir && !override_dir->empty()) return *override_dir;
  return default_data_dir();
}

namespace {

std::string mode_text(mode_t mode) {
  char b[8];
  std::snprintf(b, sizeof b, "%04o", static_cast<unsigned>(mode & 07777));
  return b;
}

}  // namespace

void ensure_data_dir(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0)
      throw StoreError(StoreError::Kind::kIo, "cannot read data directory " + dir.string() + ": " + std::strerror(errno));
    if ((st.st_mode & 077) != 0)
      throw StoreError(StoreError::Kind::kIo,
                       "data directory " + dir.string() + " can be read by other users (mode " + mode_text(st.st_mode) +
                           "), and it holds the password hash, sessions, findings and inventory; run: chmod 700 " +
                           dir.string());
    return;
  }
  if (dir.has_parent_path() && !fs::exists(dir.parent_path(), ec)) {
    fs::create_directories(dir.parent_path(), ec);
    if (ec)
      throw StoreError(StoreError::Kind::kIo,
                       "cannot create directory " + dir.parent_path().string() + ": " + ec.message());
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw StoreError(StoreError::Kind::kIo, "cannot create data directory " + dir.string() + ": " + std::strerror(errno));
  // mkdir honours the umask, which can only remove bits: 0700 at most. Make it exact.
  ::chmod(dir.c_str(), 0700);
  if (!fs::is_directory(dir, ec))
    throw StoreError(StoreError::Kind::kIo, "data directory " + dir.string() + " is not a directory");
}

}  // namespace cloudpeek::store

namespace cloudpeek::store {

void secure_database_files(const fs::path& db_file) {
  // Created here, 0600 whatever the umask, before SQLite would create it 0644.
  int fd = ::open(db_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    throw StoreError(StoreError::Kind::kIo, "cannot open database " + db_file.string() + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);
  ::close(fd);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    fs::path f = db_file.string() + suffix;
    struct stat st {};
    if (::lstat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0) ::chmod(f.c_str(), 0600);
  }
}

DataDirLock::DataDirLock(const fs::path& dir, const std::string& owner) : path_(dir / "cloudpeek.lock") {
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd_ < 0)
    throw StoreError(StoreError::Kind::kIo, "cannot open lock file " + path_.string() + ": " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    std::string holder;
    char buf[512];
    ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
    if (n > 0) holder.assign(buf, static_cast<size_t>(n));
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    for (char& c : holder)
      if (c == '\n') c = ',';
    ::close(fd_);
    fd_ = -1;
    if (err != EWOULDBLOCK)
      throw StoreError(StoreError::Kind::kIo, "cannot lock " + path_.string() + ": " + std::strerror(err));
    throw StoreError(StoreError::Kind::kConflict,
                     "the data directory " + dir.string() + " is in use by another CloudPeek server (" +
                         (holder.empty() ? std::string("lock file ") + path_.string() : holder) +
                         "); stop that one first, or give this one its own --data-dir");
  }
  describe(owner);
}

DataDirLock::~DataDirLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock; the file stays for the next owner
}

void DataDirLock::describe(const std::string& owner) {
  std::string text = "pid " + std::to_string(::getpid()) + (owner.empty() ? "" : ", " + owner) + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    ssize_t ignored = ::pwrite(fd_, text.data(), text.size(), 0);
    (void)ignored;
  }
}

}  // namespace cloudpeek::store
