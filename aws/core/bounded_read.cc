#include "aws/core/bounded_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace cloudpeek {

namespace {

Error too_large(const std::string& subject, size_t max_bytes) {
  Error e = make_error(ErrorKind::kInvalidInput,
                       fmt::format("{} is larger than {}, more than any sound one holds.", subject,
                                   size_text(max_bytes)),
                       "Check that it is the file you meant (not /dev/zero or a log); fix or replace it.");
  e.code = "FileTooLarge";
  return e;
}

Error unreadable(std::string_view what, const std::string& path, std::string reason) {
  Error e = make_error(ErrorKind::kInvalidInput, fmt::format("Cannot read {} {}: {}.", what, path, reason),
                       "Check the path and that this user may read it.");
  e.code = "FileUnreadable";
  return e;
}

}  // namespace

std::string size_text(size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  if (bytes >= 1024 && bytes % 1024 == 0) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} bytes", bytes);
}

Result<std::string> read_file_limited(const std::string& path, size_t max_bytes, std::string_view what) {
  // O_NONBLOCK: opening a FIFO with no writer must not block; cleared below.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return unreadable(what, path, std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return unreadable(what, path, std::strerror(err));
  }
  if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode)) {
    ::close(fd);
    return unreadable(what, path, S_ISDIR(st.st_mode) ? "it is a directory" : "it is not a regular file");
  }
  if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > max_bytes) {
    ::close(fd);
    return too_large(fmt::format("{} {}", what, path), max_bytes);
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string out;
  char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return unreadable(what, path, std::strerror(err));
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {  // a device that never ends, or a file still growing
      ::close(fd);
      return too_large(fmt::format("{} {}", what, path), max_bytes);
    }
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

Result<std::string> read_stream_limited(std::istream& in, size_t max_bytes, std::string_view what) {
  std::string out;
  char buf[16384];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    size_t n = static_cast<size_t>(in.gcount());
    if (out.size() + n > max_bytes) return too_large(std::string(what), max_bytes);
    out.append(buf, n);
  }
  return out;
}

}  // namespace cloudpeek
