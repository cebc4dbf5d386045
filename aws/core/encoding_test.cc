#include "aws/core/encoding.h"

#include <gtest/gtest.h>

namespace cloudpeek {
namespace {

TEST(Hex, LowerCase) {
  EXPECT_EQ(hex_encode(""), "");
  EXPECT_EQ(hex_encode(std::string("\x00\x0f\xab\xff", 4)), "000fabff");
}

TEST(Base64, KnownVectors) {
  // RFC 4648 section 10.
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
  };
  for (auto [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(base64_decode(encoded), plain);
  }
}

TEST(Base64, RoundTripsEveryByteAndLength) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(char(i));
  for (size_t n = 0; n <= all.size(); n += 7) {
    std::string part = all.substr(all.size() - n);
    EXPECT_EQ(base64_decode(base64_encode(part)), part) << n;
  }
}

TEST(Base64, ToleratesLineBreaks) {
  EXPECT_EQ(base64_decode("Zm9v\r\nYmFy\n"), "foobar");
}

TEST(Base64, RejectsInvalidInput) {
  for (const char* bad : {"Zm9v!", "Zm 9v", "Z", "Zm9vY", "Zg=x", "Zg===", "====", "=Zg=", "Zm9v=", "Zg=", "-_8="})
    EXPECT_FALSE(base64_decode(bad)) << bad;
}

TEST(UriEncode, UnreservedStayReservedEscaped) {
  EXPECT_EQ(uri_encode("AZaz09-_.~"), "AZaz09-_.~");
  EXPECT_EQ(uri_encode(" !\"#$%&'()*+,/:;<=>?@[\\]^`{|}"),
            "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D");
  EXPECT_EQ(uri_encode("a/b c", /*keep_slash=*/true), "a/b%20c");
  EXPECT_EQ(uri_encode("a/b", /*keep_slash=*/false), "a%2Fb");
}

TEST(UriEncode, Utf8BytesUpperCaseHex) {
  EXPECT_EQ(uri_encode("\xe1\x88\xb4"), "%E1%88%B4");  // U+1234
  EXPECT_EQ(uri_encode("caf\xc3\xa9"), "caf%C3%A9");
  EXPECT_EQ(uri_encode(std::string("\0", 1)), "%00");
}

TEST(UriDecode, EscapesPlusAndMalformed) {
  EXPECT_EQ(uri_decode("%E1%88%b4"), "\xe1\x88\xb4");
  EXPECT_EQ(uri_decode("a+b"), "a+b");
  EXPECT_EQ(uri_decode("a+b", /*plus_is_space=*/true), "a b");
  EXPECT_EQ(uri_decode("100%"), "100%");
  EXPECT_EQ(uri_decode("%4"), "%4");
  EXPECT_EQ(uri_decode("%zz%41"), "%zzA");
  EXPECT_EQ(uri_decode("%41"), "A");
}

TEST(UriEncode, DecodeInvertsEncode) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(char(i));
  EXPECT_EQ(uri_decode(uri_encode(all)), all);
}

}  // namespace
}  // namespace cloudpeek
