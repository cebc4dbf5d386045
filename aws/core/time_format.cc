#include "aws/core/time_format.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <charconv>
#include <cstring>
#include <ctime>

namespace cloudpeek {

namespace {

std::tm to_tm(TimePoint t) {
  // floor, not to_time_t's truncation: a time just before 1970 belongs to 1969.
  std::time_t tt = std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}

std::optional<TimePoint> from_fields(int y, int mo, int d, int h, int mi, int s, double frac) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  // system_clock counts nanoseconds in 64 bits: about 1678..2262. Years outside
  // a sane window are malformed input, not a reason to overflow.
  if (y < 1900 || y > 2200) return std::nullopt;
  using namespace std::chrono;
  auto ymd = year{y} / month{unsigned(mo)} / day{unsigned(d)};
  if (!ymd.ok()) return std::nullopt;
  auto tp = sys_days{ymd} + hours{h} + minutes{mi} + seconds{s};
  return time_point_cast<system_clock::duration>(tp) +
         duration_cast<system_clock::duration>(duration<double>(frac));
}

bool read_int(std::string_view s, size_t& pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    out = out * 10 + (c - '0');
  }
  pos += n;
  return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) { ++pos; return true; }
  return false;
}

// "+hh", "+hhmm" or "+hh:mm" (and '-'); the colon form needs both parts.
bool read_offset(std::string_view s, size_t& pos, int& minutes) {
  if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return false;
  int sign = s[pos] == '-' ? -1 : 1;
  ++pos;
  int oh = 0, om = 0;
  if (!read_int(s, pos, 2, oh)) return false;
  if (expect(s, pos, ':')) {
    if (!read_int(s, pos, 2, om)) return false;
  } else if (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
    if (!read_int(s, pos, 2, om)) return false;
  }
  if (oh > 23 || om > 59) return false;
  minutes = sign * (oh * 60 + om);
  return true;
}

}  // namespace

std::string format_amz_date(TimePoint t) {
  std::tm tm = to_tm(t);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string format_date_stamp(TimePoint t) { return format_amz_date(t).substr(0, 8); }

std::string format_iso8601(TimePoint t) {
  std::tm tm = to_tm(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string format_iso8601_millis(TimePoint t) {
  using namespace std::chrono;
  auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count() % 1000;
  if (ms < 0) ms += 1000;
  std::string s = format_iso8601(t);
  s.pop_back();
  return s + fmt::format(".{:03}Z", ms);
}

std::string format_http_date(TimePoint t) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm tm = to_tm(t);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::optional<TimePoint> parse_iso8601(std::string_view s) {
  size_t p = 0;
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!read_int(s, p, 4, y)) return std::nullopt;
  bool basic = !expect(s, p, '-');
  if (!read_int(s, p, 2, mo)) return std::nullopt;
  if (!basic && !expect(s, p, '-')) return std::nullopt;
  if (!read_int(s, p, 2, d)) return std::nullopt;
  double frac = 0;
  int offset_minutes = 0;
  if (p < s.size()) {
    if (s[p] != 'T' && s[p] != 't' && s[p] != ' ') return std::nullopt;
    ++p;
    if (!read_int(s, p, 2, h)) return std::nullopt;
    if (!basic && !expect(s, p, ':')) return std::nullopt;
    if (!read_int(s, p, 2, mi)) return std::nullopt;
    if (!basic && !expect(s, p, ':')) return std::nullopt;
    if (!read_int(s, p, 2, sec)) return std::nullopt;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
      size_t start = ++p;
      while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
      if (p == start) return std::nullopt;
      frac = std::stod("0." + std::string(s.substr(start, std::min<size_t>(p - start, 9))));
    }
    if (p < s.size()) {
      if (s[p] == 'Z' || s[p] == 'z') {
        ++p;
      } else if (!read_offset(s, p, offset_minutes)) {
        return std::nullopt;
      }
    }
    if (p != s.size()) return std::nullopt;
  }
  auto tp = from_fields(y, mo, d, h, mi, sec, frac);
  if (!tp) return std::nullopt;
  return *tp - std::chrono::minutes(offset_minutes);
}

std::optional<TimePoint> parse_http_date(std::string_view s) {
  // "Sun, 30 Aug 2015 12:36:00 GMT"
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  size_t comma = s.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  size_t p = comma + 1;
  while (p < s.size() && s[p] == ' ') ++p;
  int d, y, h, mi, sec;
  size_t dstart = p;
  while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
  if (p == dstart || p - dstart > 2) return std::nullopt;
  d = std::stoi(std::string(s.substr(dstart, p - dstart)));
  if (!expect(s, p, ' ') && !expect(s, p, '-')) return std::nullopt;
  if (p + 3 > s.size()) return std::nullopt;
  int mo = 0;
  for (int i = 0; i < 12; ++i)
    if (s.substr(p, 3) == kMonths[i]) mo = i + 1;
  if (!mo) return std::nullopt;
  p += 3;
  if (!expect(s, p, ' ') && !expect(s, p, '-')) return std::nullopt;
  if (!read_int(s, p, 4, y)) return std::nullopt;
  if (!expect(s, p, ' ')) return std::nullopt;
  if (!read_int(s, p, 2, h) || !expect(s, p, ':') || !read_int(s, p, 2, mi) || !expect(s, p, ':') ||
      !read_int(s, p, 2, sec))
    return std::nullopt;
  // The zone is required: without it, or with a name like PST, the time is ambiguous.
  if (!expect(s, p, ' ')) return std::nullopt;
  int offset_minutes = 0;
  std::string_view zone = s.substr(p);
  if (zone != "GMT" && zone != "UTC" && zone != "Z" && !(read_offset(s, p, offset_minutes) && p == s.size()))
    return std::nullopt;
  auto tp = from_fields(y, mo, d, h, mi, sec, 0);
  if (!tp) return std::nullopt;
  return *tp - std::chrono::minutes(offset_minutes);
}

std::optional<TimePoint> parse_any_timestamp(std::string_view s) {
  if (auto t = parse_iso8601(s)) return t;
  if (auto t = parse_http_date(s)) return t;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  // The bound keeps nan, inf and huge values out of the integer clock (UB otherwise).
  if (ec == std::errc() && end == s.data() + s.size() && !s.empty() && std::abs(v) < 9e9) {
    using namespace std::chrono;
    return TimePoint(duration_cast<system_clock::duration>(duration<double>(v)));
  }
  return std::nullopt;
}

}  // namespace cloudpeek
