#include "store/master_key.h"

#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>

#include "store/store.h"
#include "store/temp_dir_for_test.h"

namespace cloudpeek::store {
namespace {

const std::string kHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const std::string kB64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

std::string error_of(std::string_view text) {
  try {
    parse_master_key(text);
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kMasterKey);
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(MasterKey, ParsesHexAndBase64Variants) {
  MasterKey a = parse_master_key(kHex);
  EXPECT_EQ(a.bytes[0], 0);
  EXPECT_EQ(a.bytes[31], 31);
  EXPECT_EQ(parse_master_key(kB64).bytes, a.bytes);
  EXPECT_EQ(parse_master_key("  " + kB64 + "\n").bytes, a.bytes);
  EXPECT_EQ(parse_master_key(kB64.substr(0, kB64.size() - 1)).bytes, a.bytes);  // no padding
  std::string upper = kHex;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(parse_master_key(upper).bytes, a.bytes);
  // URL-safe alphabet
  MasterKey b = parse_master_key("-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_8");
  EXPECT_EQ(b.bytes[0], 0xfb);
}

TEST(MasterKey, MalformedKeysGiveClearErrorsWithoutEchoingTheText) {
  std::string short_hex = error_of("0011223344");
  EXPECT_NE(short_hex.find("10 hex digits, not 64"), std::string::npos) << short_hex;
  EXPECT_EQ(short_hex.find("0011223344"), std::string::npos);
  std::string short_b64 = error_of("c2VjcmV0LXRleHQ=");
  EXPECT_NE(short_b64.find("decodes to 11 bytes, not 32"), std::string::npos) << short_b64;
  std::string garbage = error_of("not a key at all!!");
  EXPECT_NE(garbage.find("neither hex nor base64"), std::string::npos) << garbage;
  EXPECT_EQ(garbage.find("not a key at all"), std::string::npos);
  EXPECT_NE(error_of("   ").find("empty"), std::string::npos);
  EXPECT_NE(error_of(kHex + "00").find("CLOUDPEEK_MASTER_KEY"), std::string::npos);
}

TEST(MasterKey, CreatedOnFirstRunWithMode0600AndReusedAfter) {
  testing::TempDir dir;
  MasterKey k1 = load_or_create_master_key(dir.path(), std::nullopt);
  struct stat st {};
  ASSERT_EQ(::stat((dir.path() / "master.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  MasterKey k2 = load_or_create_master_key(dir.path(), std::nullopt);
  EXPECT_EQ(k1.bytes, k2.bytes);
  // No temporary files left behind.
  int files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST(MasterKey, EnvironmentValueWinsAndCreatesNoFile) {
  testing::TempDir dir;
  MasterKey k = load_or_create_master_key(dir.path(), kHex);
  EXPECT_EQ(k.bytes[5], 5);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "master.key"));
  EXPECT_THROW(load_or_create_master_key(dir.path(), std::string("zz")), StoreError);
}

TEST(MasterKey, KeyFileReadableByOthersIsRefused) {
  testing::TempDir dir;
  load_or_create_master_key(dir.path(), std::nullopt);
  ::chmod((dir.path() / "master.key").c_str(), 0644);
  try {
    load_or_create_master_key(dir.path(), std::nullopt);
    FAIL() << "no error";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kMasterKey);
    EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
  }
}

TEST(MasterKey, CorruptKeyFileIsAClearError) {
  testing::TempDir dir;
  {
    std::ofstream(dir.path() / "master.key") << "truncated";
  }
  ::chmod((dir.path() / "master.key").c_str(), 0600);
  try {
    load_or_create_master_key(dir.path(), std::nullopt);
    FAIL() << "no error";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kMasterKey);
    EXPECT_NE(std::string(e.what()).find("master key file"), std::string::npos) << e.what();
  }
}

TEST(MasterKey, SealOpenRoundTripAndWrongKeyFails) {
  MasterKey k = parse_master_key(kHex);
  std::string box = seal(k, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  EXPECT_EQ(box.find("wJalrXUtnFEMI"), std::string::npos);
  EXPECT_EQ(open_sealed(k, box), "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  EXPECT_NE(seal(k, "same"), seal(k, "same"));  // fresh nonce each time
  MasterKey other = k;
  other.bytes[0] ^= 1;
  try {
    open_sealed(other, box);
    FAIL() << "opened with the wrong key";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::kMasterKey);
    EXPECT_NE(std::string(e.what()).find("cannot be decrypted with this master key"), std::string::npos);
  }
  EXPECT_THROW(open_sealed(k, "short"), StoreError);
  std::string tampered = box;
  tampered.back() ^= 1;
  EXPECT_THROW(open_sealed(k, tampered), StoreError);
  EXPECT_EQ(open_sealed(k, seal(k, "")), "");
}

}  // namespace
}  // namespace cloudpeek::store
