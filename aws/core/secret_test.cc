#include "aws/core/secret.h"

#include <gtest/gtest.h>

#include <type_traits>

#include "aws/core/error.h"
#include "aws/core/result.h"

namespace cloudpeek {
namespace {

TEST(Secret, RevealsOnlyOnRequest) {
  Secret s("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  EXPECT_FALSE(s.empty());
  EXPECT_TRUE(s.reveal() == "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  EXPECT_TRUE(Secret().empty());
}

// A Secret must not be streamable, so it cannot land in a log line by accident.
template <class T, class = void>
struct Streamable : std::false_type {};
template <class T>
struct Streamable<T, std::void_t<decltype(std::declval<std::ostream&>() << std::declval<T>())>>
    : std::true_type {};
static_assert(!Streamable<Secret>::value, "Secret must not be printable");
static_assert(!std::is_convertible_v<Secret, std::string>, "Secret must not convert to string");

TEST(Redact, RemovesEveryOccurrenceOfBothSecrets) {
  Secret key("SECRETKEY123"), token("TOKEN456");
  std::string text = "a SECRETKEY123 b TOKEN456 c SECRETKEY123SECRETKEY123";
  std::string out = redact(text, key, token);
  EXPECT_EQ(out.find("SECRETKEY123"), std::string::npos);
  EXPECT_EQ(out.find("TOKEN456"), std::string::npos);
  EXPECT_EQ(out, "a **** b **** c ********");
}

TEST(Redact, EmptySecretsLeaveTextAlone) {
  EXPECT_EQ(redact("plain text", Secret(), Secret()), "plain text");
}

TEST(ResultAndError, CarryValueOrActionableError) {
  Result<int> ok(7);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 7);
  Error e = make_error(ErrorKind::kExpiredToken, "The session token has expired.",
                       "Sign in to your AWS access portal again and copy new credentials.");
  e.code = "ExpiredToken";
  e.request_id = "abc-123";
  Result<int> bad(e);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::kExpiredToken);
  EXPECT_EQ(bad.error().describe(),
            "The session token has expired. Sign in to your AWS access portal again and copy new "
            "credentials. (ExpiredToken, request id abc-123)");
  EXPECT_EQ(to_string(ErrorKind::kClockSkew), "clock_skew");
}

}  // namespace
}  // namespace cloudpeek
