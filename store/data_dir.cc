#include "store/data_dir.h"

#include <sys/stat.h>

#include <cerrno>
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

void ensure_data_dir(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return;
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
