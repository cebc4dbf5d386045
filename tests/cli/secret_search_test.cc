// The secrets test is only as good as its search: it must find a secret, or a
// piece of one, however it is written.
#include "tests/cli/secret_search.h"

#include <gtest/gtest.h>

#include <string>

namespace cloudpeek::testing {
namespace {

const std::string kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

TEST(SecretSearch, FindsTheWholeSecret) {
  EXPECT_TRUE(contains_secret("aws_secret_access_key = " + kSecret + "\n", kSecret));
}

TEST(SecretSearch, FindsAnySixteenCharacterPiece) {
  for (size_t i = 0; i + 16 <= kSecret.size(); ++i)
    EXPECT_TRUE(contains_secret("log: ..." + kSecret.substr(i, 16) + "...", kSecret)) << "piece at " << i;
  EXPECT_FALSE(contains_secret("log: " + kSecret.substr(3, 15), kSecret)) << "15 characters are not a piece";
}

TEST(SecretSearch, FindsEncodedForms) {
  EXPECT_TRUE(contains_secret("GET /?k=wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYzEXAMPLEKEY", kSecret)) << "URL";
  EXPECT_TRUE(contains_secret(R"({"secret": "wJalrXUtnFEMI\/K7MDENG\/bPxRfiCYzEXAMPLEKEY"})", kSecret)) << "JSON";
}

TEST(SecretSearch, IgnoresOtherText) {
  EXPECT_FALSE(contains_secret("✔ The credentials work\n  Account: 111122223333\n", kSecret));
  EXPECT_FALSE(contains_secret("anything", ""));
  EXPECT_TRUE(contains_secret("a short one: abc", "abc")) << "a secret shorter than the window is searched whole";
}

}  // namespace
}  // namespace cloudpeek::testing
