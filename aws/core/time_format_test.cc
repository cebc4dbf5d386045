#include "aws/core/time_format.h"

#include <gtest/gtest.h>

namespace cloudpeek {
namespace {

using namespace std::chrono;

// 2015-08-30T12:36:00Z, the AWS SigV4 suite's signing time.
const TimePoint kT = TimePoint(seconds(1440938160));

TEST(FormatTime, AllWireFormats) {
  EXPECT_EQ(format_amz_date(kT), "20150830T123600Z");
  EXPECT_EQ(format_date_stamp(kT), "20150830");
  EXPECT_EQ(format_iso8601(kT), "2015-08-30T12:36:00Z");
  EXPECT_EQ(format_iso8601_millis(kT + milliseconds(7)), "2015-08-30T12:36:00.007Z");
  EXPECT_EQ(format_iso8601(kT + milliseconds(999)), "2015-08-30T12:36:00Z");
  EXPECT_EQ(format_http_date(kT), "Sun, 30 Aug 2015 12:36:00 GMT");
}

TEST(FormatTime, BeforeEpochWithFractionRoundsDown) {
  TimePoint t = TimePoint(milliseconds(-500));
  EXPECT_EQ(format_iso8601_millis(t), "1969-12-31T23:59:59.500Z");
}

TEST(ParseIso8601, ExtendedBasicAndDateOnly) {
  EXPECT_EQ(parse_iso8601("2015-08-30T12:36:00Z"), kT);
  EXPECT_EQ(parse_iso8601("2015-08-30t12:36:00z"), kT);
  EXPECT_EQ(parse_iso8601("20150830T123600Z"), kT);
  EXPECT_EQ(parse_iso8601("2015-08-30 12:36:00Z"), kT);
  EXPECT_EQ(parse_iso8601("2015-08-30"), kT - hours(12) - minutes(36));
}

TEST(ParseIso8601, Fractions) {
  EXPECT_EQ(parse_iso8601("2015-08-30T12:36:00.5Z"), kT + milliseconds(500));
  EXPECT_EQ(parse_iso8601("2015-08-30T12:36:00.123Z"), kT + milliseconds(123));
  EXPECT_EQ(parse_iso8601("2015-08-30T12:36:00.123456Z"), kT + microseconds(123456));
  // Digits past nanoseconds are accepted and ignored.
  EXPECT_EQ(parse_iso8601("2015-08-30T12:36:00.1234567891234Z"), kT + nanoseconds(123456789));
}

TEST(ParseIso8601, Offsets) {
  EXPECT_EQ(parse_iso8601("2015-08-30T14:36:00+02:00"), kT);
  EXPECT_EQ(parse_iso8601("2015-08-30T14:36:00+0200"), kT);
  EXPECT_EQ(parse_iso8601("2015-08-30T14:36:00+02"), kT);
  EXPECT_EQ(parse_iso8601("2015-08-30T07:06:00-05:30"), kT);
  EXPECT_EQ(parse_iso8601("2015-08-30T12:36:00.250+00:00"), kT + milliseconds(250));
  EXPECT_EQ(parse_iso8601("2015-08-30T12:36:00"), kT);  // no zone: UTC, as AWS means
}

TEST(ParseIso8601, RejectsBadInput) {
  for (const char* bad :
       {"", "2015", "2015-08", "2015-13-01T00:00:00Z", "2015-02-30T00:00:00Z", "2015-08-30T24:00:00Z",
        "2015-08-30T12:60:00Z", "2015-08-30T12:36:61Z", "2015-08-30T12:36Z", "2015-08-30T12:36:00.Z",
        "2015-08-30T12:36:00ZZ", "2015-08-30T12:36:00+2", "2015-08-30T12:36:00+02:", "2015-08-30T12:36:00+24:00",
        "2015-08-30T12:36:00+02:60", "2015-08-30X12:36:00Z", "2015-08-30T12:36:00 GMT", "x015-08-30T12:36:00Z",
        "2015-08-30T12:36:00Z ", " 2015-08-30T12:36:00Z",
        // Found by fuzz_paste: years past ~2262 overflowed system_clock's nanoseconds (UB).
        "9337-11-25T12:00:00+00:00", "0001-01-01T00:00:00Z"})
    EXPECT_FALSE(parse_iso8601(bad)) << bad;
}

TEST(ParseHttpDate, ImfFixdate) {
  EXPECT_EQ(parse_http_date("Sun, 30 Aug 2015 12:36:00 GMT"), kT);
  EXPECT_EQ(parse_http_date("Sun, 06 Sep 2015 00:00:00 GMT"), TimePoint(seconds(1441497600)));
  EXPECT_EQ(parse_http_date("Sun, 6 Sep 2015 00:00:00 GMT"), TimePoint(seconds(1441497600)));
}

TEST(ParseHttpDate, NumericZoneApplied) {
  EXPECT_EQ(parse_http_date("Sun, 30 Aug 2015 14:36:00 +0200"), kT);
  EXPECT_EQ(parse_http_date("Sun, 30 Aug 2015 12:36:00 UTC"), kT);
}

TEST(ParseHttpDate, RejectsBadInput) {
  for (const char* bad :
       {"", "Sun 30 Aug 2015 12:36:00 GMT", "Sun, 30 Foo 2015 12:36:00 GMT", "Sun, 31 Sep 2015 12:36:00 GMT",
        "Sun, 30 Aug 15 12:36:00 GMT", "Sun, 30 Aug 2015 12:36 GMT", "Sun, 30 Aug 2015 25:36:00 GMT",
        "Sun, 30 Aug 2015 12:36:00 GMT trailing", "Sun, 30 Aug 2015 12:36:00 PST", "Sun, 123 Aug 2015 12:36:00 GMT",
        "Sun, 30 Aug 2015 12:36:00"})
    EXPECT_FALSE(parse_http_date(bad)) << bad;
}

TEST(ParseAnyTimestamp, EachFormatAndEpoch) {
  EXPECT_EQ(parse_any_timestamp("2015-08-30T12:36:00Z"), kT);
  EXPECT_EQ(parse_any_timestamp("Sun, 30 Aug 2015 12:36:00 GMT"), kT);
  EXPECT_EQ(parse_any_timestamp("1440938160"), kT);
  EXPECT_EQ(parse_any_timestamp("1440938160.5"), kT + milliseconds(500));
}

TEST(ParseAnyTimestamp, RejectsNonNumbersAndOutOfRange) {
  for (const char* bad : {"", "abc", "12abc", "nan", "inf", "-inf", "1e300", "-1e300", "0x10"})
    EXPECT_FALSE(parse_any_timestamp(bad)) << bad;
}

TEST(TimeFormat, RoundTrips) {
  for (TimePoint t : {kT, TimePoint(seconds(0)), TimePoint(seconds(4102444799))}) {
    EXPECT_EQ(parse_iso8601(format_iso8601(t)), t);
    EXPECT_EQ(parse_iso8601(format_amz_date(t)), t);
    EXPECT_EQ(parse_http_date(format_http_date(t)), t);
  }
  TimePoint ms = kT + milliseconds(42);
  EXPECT_EQ(parse_iso8601(format_iso8601_millis(ms)), ms);
}

}  // namespace
}  // namespace cloudpeek
