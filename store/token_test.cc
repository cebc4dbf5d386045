#include "store/token.h"

#include <set>

#include <gtest/gtest.h>

namespace cloudpeek::store {
namespace {

TEST(Token, RandomUrlSafeAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string t = random_token();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ(random_token(16).size(), 22u);
}

TEST(Token, HashIsStableHexAndHidesTheToken) {
  std::string h = hash_token("abc");
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, hash_token("abc"));
  EXPECT_NE(h, hash_token("abd"));
  // BLAKE2b-256("abc")
  EXPECT_EQ(h, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST(Token, ConstantTimeEquality) {
  EXPECT_TRUE(tokens_equal("abc", "abc"));
  EXPECT_FALSE(tokens_equal("abc", "abd"));
  EXPECT_FALSE(tokens_equal("abc", "abcd"));
  EXPECT_TRUE(tokens_equal("", ""));
}

}  // namespace
}  // namespace cloudpeek::store
