#include <gtest/gtest.h>

#include "aws/client/client.h"

namespace cloudpeek {
namespace {

using namespace std::chrono_literals;

const Clock::time_point kLocal = Clock::time_point(std::chrono::seconds(1'700'000'000));

TEST(ClockSkew, SmallOffsetsAreIgnored) {
  ClockSkew skew;
  EXPECT_FALSE(skew.update(kLocal + 3s, kLocal));
  EXPECT_FALSE(skew.update(kLocal - 90s, kLocal));
  EXPECT_FALSE(skew.update(kLocal + 4min, kLocal));  // the threshold itself is not skew
  EXPECT_EQ(skew.offset().count(), 0);
}

TEST(ClockSkew, LocalClockBehindIsCorrected) {
  ClockSkew skew;
  // Server says 10:07, we think 10:00: server - local = +7 minutes.
  EXPECT_TRUE(skew.update(kLocal + 7min, kLocal));
  EXPECT_EQ(skew.offset(), std::chrono::seconds(420));
  auto corrected = skew.now();
  EXPECT_NEAR(std::chrono::duration_cast<std::chrono::seconds>(corrected - Clock::now()).count(), 420, 2);
}

TEST(ClockSkew, LocalClockAheadIsCorrected) {
  ClockSkew skew;
  EXPECT_TRUE(skew.update(kLocal - 20min, kLocal));
  EXPECT_EQ(skew.offset(), -std::chrono::seconds(1200));
}

TEST(ClockSkew, SameSkewMeasuredAgainIsNotAChange) {
  ClockSkew skew;
  ASSERT_TRUE(skew.update(kLocal + 7min, kLocal));
  EXPECT_FALSE(skew.update(kLocal + 7min + 2s, kLocal));
  EXPECT_FALSE(skew.update(kLocal + 7min - 1s, kLocal));
  EXPECT_EQ(skew.offset(), std::chrono::seconds(420));
}

TEST(ClockSkew, ClockFixedDuringTheRunResetsTheOffset) {
  ClockSkew skew;
  ASSERT_TRUE(skew.update(kLocal + 7min, kLocal));
  EXPECT_TRUE(skew.update(kLocal + 1s, kLocal));
  EXPECT_EQ(skew.offset().count(), 0);
}

TEST(ClockSkew, ChangedSkewIsAdopted) {
  ClockSkew skew;
  ASSERT_TRUE(skew.update(kLocal + 7min, kLocal));
  EXPECT_TRUE(skew.update(kLocal + 30min, kLocal));
  EXPECT_EQ(skew.offset(), std::chrono::seconds(1800));
}

}  // namespace
}  // namespace cloudpeek
