// Password hashing: libsodium crypto_pwhash_str (Argon2id, interactive limits).
#pragma once

#include <string>
#include <string_view>

namespace cloudpeek::store {

// The encoded "$argon2id$..." string (salt and parameters included).
std::string hash_password(std::string_view password);
// False for a wrong password or a malformed hash; never throws for either.
bool verify_password(std::string_view hash, std::string_view password);

}  // namespace cloudpeek::store
