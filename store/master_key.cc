#include "store/master_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "store/store.h"

namespace cloudpeek::store {

namespace fs = std::filesystem;

namespace {

void init_sodium() {
  if (sodium_init() < 0) throw StoreError(StoreError::Kind::kMasterKey, "libsodium failed to initialise");
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool all_hex(const std::string& s) {
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Decoded length, or -1 when `s` is not base64 in any of libsodium's variants.
long decode_base64(const std::string& s, std::vector<unsigned char>& out) {
  out.assign(s.size(), 0);
  for (int variant : {sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING,
                      sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING}) {
    size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), s.data(), s.size(), nullptr, &len, &end, variant) == 0 &&
        end == s.data() + s.size())
      return static_cast<long>(len);
  }
  return -1;
}

std::string encode_base64(const MasterKey& key) {
  char buf[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(buf, sizeof buf, key.bytes.data(), key.bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  return buf;
}

constexpr const char* kFormatAdvice = "the master key must be 32 bytes written as 64 hex digits or as base64";

MasterKey parse_or_throw(std::string_view text, const std::string& source) {
  init_sodium();
  std::string s = trim(text);
  MasterKey key;
  if (s.empty()) throw StoreError(StoreError::Kind::kMasterKey, source + " is empty: " + kFormatAdvice);
  if (s.size() == 64 && all_hex(s)) {
    size_t len = 0;
    if (sodium_hex2bin(key.bytes.data(), key.bytes.size(), s.data(), s.size(), nullptr, &len, nullptr) == 0 &&
        len == 32)
      return key;
  }
  std::vector<unsigned char> out;
  long n = decode_base64(s, out);
  if (n == 32) {
    std::memcpy(key.bytes.data(), out.data(), 32);
    sodium_memzero(out.data(), out.size());
    return key;
  }
  sodium_memzero(out.data(), out.size());
  if (n >= 0)
    throw StoreError(StoreError::Kind::kMasterKey,
                     source + " decodes to " + std::to_string(n) + " bytes, not 32: " + kFormatAdvice);
  if (all_hex(s))
    throw StoreError(StoreError::Kind::kMasterKey, source + " has " + std::to_string(s.size()) +
                                                       " hex digits, not 64: " + kFormatAdvice);
  throw StoreError(StoreError::Kind::kMasterKey, source + " is neither hex nor base64: " + kFormatAdvice);
}

MasterKey read_key_file(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0)
    throw StoreError(StoreError::Kind::kIo, "cannot read master key file " + file.string() + ": " + std::strerror(errno));
  if ((st.st_mode & 077) != 0)
    throw StoreError(StoreError::Kind::kMasterKey,
                     "master key file " + file.string() + " is readable by other users (mode " +
                         [&] {
                           char b[8];
                           std::snprintf(b, sizeof b, "%04o", st.st_mode & 07777);
                           return std::string(b);
                         }() +
                         "); run: chmod 600 " + file.string());
  std::ifstream in(file, std::ios::binary);
  if (!in) throw StoreError(StoreError::Kind::kIo, "cannot read master key file " + file.string());
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  MasterKey key = parse_or_throw(text, "master key file " + file.string());
  sodium_memzero(text.data(), text.size());
  return key;
}

}  // namespace

MasterKey parse_master_key(std::string_view text) { return parse_or_throw(text, "CLOUDPEEK_MASTER_KEY"); }

MasterKey load_or_create_master_key(const fs::path& data_dir, const std::optional<std::string>& env_value) {
  init_sodium();
  if (env_value) return parse_master_key(*env_value);
  fs::path file = data_dir / "master.key";
  std::error_code ec;
  if (fs::exists(file, ec)) return read_key_file(file);

  MasterKey key;
  randombytes_buf(key.bytes.data(), key.bytes.size());
  std::string text = encode_base64(key) + "\n";
  // Write a private temporary file, then link it into place: link() fails if
  // another process created the key first, and then that key wins.
  fs::path tmp = data_dir / ("master.key.tmp." + std::to_string(::getpid()));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    throw StoreError(StoreError::Kind::kIo, "cannot create master key file in " + data_dir.string() + ": " +
                                                std::strerror(errno));
  ::fchmod(fd, 0600);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  sodium_memzero(text.data(), text.size());
  if (!ok) {
    ::unlink(tmp.c_str());
    throw StoreError(StoreError::Kind::kIo, "cannot write master key file in " + data_dir.string());
  }
  int rc = ::link(tmp.c_str(), file.c_str());
  int err = errno;
  ::unlink(tmp.c_str());
  if (rc != 0) {
    if (err == EEXIST) return read_key_file(file);
    throw StoreError(StoreError::Kind::kIo, "cannot create master key file " + file.string() + ": " + std::strerror(err));
  }
  return key;
}

MasterKey master_key_from_environment(const fs::path& data_dir) {
  const char* env = std::getenv("CLOUDPEEK_MASTER_KEY");
  return load_or_create_master_key(data_dir, env ? std::optional<std::string>(env) : std::nullopt);
}

std::string seal(const MasterKey& key, std::string_view plaintext) {
  init_sodium();
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(p, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(p + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        plaintext.size(), p, key.bytes.data());
  return out;
}

std::string open_sealed(const MasterKey& key, std::string_view box) {
  init_sodium();
  if (box.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    throw StoreError(StoreError::Kind::kMasterKey, "a sealed value is truncated");
  const auto* p = reinterpret_cast<const unsigned char*>(box.data());
  std::string out(box.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()), p + crypto_secretbox_NONCEBYTES,
                                 box.size() - crypto_secretbox_NONCEBYTES, p, key.bytes.data()) != 0)
    throw StoreError(StoreError::Kind::kMasterKey,
                     "a stored secret cannot be decrypted with this master key (wrong CLOUDPEEK_MASTER_KEY or "
                     "master.key file?)");
  return out;
}

}  // namespace cloudpeek::store
