// The master key sealing secrets at rest (libsodium crypto_secretbox).
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cloudpeek::store {

struct MasterKey {
  std::array<unsigned char, 32> bytes{};
};

// 32 bytes as 64 hex digits or base64 (standard or URL-safe, padding optional);
// surrounding whitespace ignored. StoreError kMasterKey naming what is wrong
// ("CLOUDPEEK_MASTER_KEY must be 32 bytes as 64 hex digits or base64; got 12 bytes")
// — the text itself is never echoed.
MasterKey parse_master_key(std::string_view text);

// The key from `env_value` (CLOUDPEEK_MASTER_KEY) when given, else the file
// `data_dir/master.key` (created with mode 0600, random, on first run; a
// file readable by group/others is refused with kMasterKey).
MasterKey load_or_create_master_key(const std::filesystem::path& data_dir,
                                    const std::optional<std::string>& env_value);

// load_or_create_master_key with getenv("CLOUDPEEK_MASTER_KEY").
MasterKey master_key_from_environment(const std::filesystem::path& data_dir);

// Seal/open: nonce || crypto_secretbox_easy(plaintext). open throws kMasterKey
// when the box does not authenticate under this key.
std::string seal(const MasterKey& key, std::string_view plaintext);
std::string open_sealed(const MasterKey& key, std::string_view box);

}  // namespace cloudpeek::store
