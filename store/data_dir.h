// Where CloudPeek keeps its database and master key.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace cloudpeek::store {

// $XDG_DATA_HOME/cloudpeek when XDG_DATA_HOME is set and absolute, else
// $HOME/.local/share/cloudpeek. StoreError kIo when neither can be found.
std::filesystem::path default_data_dir();

// `override_dir` (the server's --data-dir) when given, else default_data_dir().
std::filesystem::path resolve_data_dir(const std::optional<std::filesystem::path>& override_dir);

// Creates the directory (and parents) with mode 0700 if it does not exist. An
// existing directory that other users may enter or read (any of mode 077) is
// refused, as master.key is: it holds the password hash, sessions, findings
// and inventory. StoreError kIo with the path, its mode and the chmod to run.
void ensure_data_dir(const std::filesystem::path& dir);

// The database files (cloudpeek.db, -wal, -shm) readable by their owner only:
// created 0600 before SQLite opens them (SQLite gives -wal and -shm the
// database file's mode), and existing ones tightened to 0600.
void secure_database_files(const std::filesystem::path& db_file);

// An exclusive lock on a data directory (flock on `cloudpeek.lock`, which
// holds the owner's pid and address), held for the object's lifetime. Two
// servers on one directory each marked the other's running scans
// interrupted and refused their results; the second now stops at start with
// a message naming the first. The kernel drops the lock when the process
// ends, however it ends, so a kill -9 leaves nothing to clean up.
class DataDirLock {
 public:
  // Throws StoreError kConflict naming the holder when another process has it.
  DataDirLock(const std::filesystem::path& dir, const std::string& owner);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

  // Rewrites what the lock file says about its owner (e.g. once the port is bound).
  void describe(const std::string& owner);
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace cloudpeek::store
