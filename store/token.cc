#include "store/token.h"

#include <sodium.h>

#include <vector>

#include "store/store.h"

namespace cloudpeek::store {

std::string random_token(size_t bytes) {
  if (sodium_init() < 0) throw StoreError(StoreError::Kind::kInvalid, "libsodium failed to initialise");
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string hash_token(std::string_view token) {
  if (sodium_init() < 0) throw StoreError(StoreError::Kind::kInvalid, "libsodium failed to initialise");
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

bool tokens_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace cloudpeek::store
