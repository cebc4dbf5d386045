#include "store/password.h"

#include <gtest/gtest.h>

namespace cloudpeek::store {
namespace {

TEST(Password, HashIsArgon2idAndVerifies) {
  std::string h = hash_password("correct horse battery staple");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
  EXPECT_EQ(h.find("correct horse"), std::string::npos);
  EXPECT_TRUE(verify_password(h, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(h, "correct horse battery stapl"));
  EXPECT_FALSE(verify_password(h, ""));
}

TEST(Password, SaltedSoSamePasswordHashesDiffer) {
  EXPECT_NE(hash_password("same password 123"), hash_password("same password 123"));
}

TEST(Password, MalformedHashIsFalseNotACrash) {
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "x"));
  EXPECT_FALSE(verify_password(std::string(500, 'a'), "x"));
}

}  // namespace
}  // namespace cloudpeek::store
