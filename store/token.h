// Random tokens (session cookies, CSRF, setup links) and their stored hashes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cloudpeek::store {

// `bytes` random bytes (libsodium randombytes_buf) as URL-safe base64 without padding.
std::string random_token(size_t bytes = 32);
// Hex BLAKE2b-256 (crypto_generichash) of the token: what the sessions table keeps.
std::string hash_token(std::string_view token);
// Constant-time comparison (sodium_memcmp) of equal-length strings; false if lengths differ.
bool tokens_equal(std::string_view a, std::string_view b);

}  // namespace cloudpeek::store
