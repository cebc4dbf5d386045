// The hashes SigV4 needs (OpenSSL underneath).
#pragma once

#include <string>
#include <string_view>

namespace cloudpeek {

std::string sha256(std::string_view data);                          // raw 32 bytes
std::string sha256_hex(std::string_view data);                      // lower-case hex
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw 32 bytes

}  // namespace cloudpeek
