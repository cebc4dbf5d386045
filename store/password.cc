#include "store/password.h"

#include <sodium.h>

#include "store/store.h"

namespace cloudpeek::store {

std::string hash_password(std::string_view password) {
  if (sodium_init() < 0) throw StoreError(StoreError::Kind::kInvalid, "libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw StoreError(StoreError::Kind::kInvalid, "password hashing ran out of memory");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  char buf[crypto_pwhash_STRBYTES] = {};
  hash.copy(buf, hash.size());
  return crypto_pwhash_str_verify(buf, password.data(), password.size()) == 0;
}

}  // namespace cloudpeek::store
