#include "aws/protocol/scalar_text.h"

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <optional>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "aws/core/encoding.h"
#include "aws/core/time_format.h"

namespace cloudpeek::parse_detail {

namespace {

// Values quoted in messages are cut short: a hostile body must not come back
// whole in an error message or a log line.
std::string quote(std::string_view text) {
  constexpr size_t kMax = 40;
  std::string out = "\"";
  for (char c : text.substr(0, kMax)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
  if (text.size() > kMax) out += "...";
  return out + "\"";
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Epoch seconds in text ("1398796238", "1398796238.5"). Anything beyond the
// year ~5000 is rejected: it is not a real timestamp, and converting it to a
// time_point would overflow.
std::optional<double> epoch_from_text(const std::string& s) {
  if (s.empty()) return std::nullopt;
  for (char c : s)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' ||
          c == 'E'))
      return std::nullopt;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  if (std::fabs(v) > 1e11) return std::nullopt;
  return v;
}

}  // namespace

json epoch_seconds(double seconds) {
  double whole = std::floor(seconds);
  if (whole == seconds && std::fabs(seconds) < 9e15) return static_cast<int64_t>(seconds);
  // Keep millisecond precision, drop binary noise below it.
  return std::round(seconds * 1000.0) / 1000.0;
}

json timestamp_from_text(std::string_view text, std::string_view what) {
  std::string s = trim(text);
  if (auto v = epoch_from_text(s)) return epoch_seconds(*v);
  std::optional<TimePoint> t = parse_iso8601(s);
  if (!t) t = parse_http_date(s);
  if (!t) fail(std::string(what) + " is not a timestamp: " + quote(text));
  using namespace std::chrono;
  auto ns = duration_cast<nanoseconds>(t->time_since_epoch()).count();
  if (ns % 1000000000 == 0) return static_cast<int64_t>(ns / 1000000000);
  return epoch_seconds(static_cast<double>(ns) / 1e9);
}

json integer_from_text(std::string_view text, std::string_view what) {
  std::string s = trim(text);
  if (s.empty()) fail(std::string(what) + " is empty where an integer is expected");
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size()) fail(std::string(what) + " is not an integer: " + quote(text));
  for (size_t j = i; j < s.size(); ++j)
    if (!std::isdigit(static_cast<unsigned char>(s[j])))
      fail(std::string(what) + " is not an integer: " + quote(text));
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno == ERANGE) fail(std::string(what) + " is out of range for an integer: " + quote(text));
  return static_cast<int64_t>(v);
}

json float_from_text(std::string_view text, std::string_view what) {
  std::string s = trim(text);
  if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (s == "Infinity") return std::numeric_limits<double>::infinity();
  if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
  bool ok = !s.empty();
  for (char c : s)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' ||
          c == 'E'))
      ok = false;
  char* end = nullptr;
  double v = ok ? std::strtod(s.c_str(), &end) : 0;
  if (!ok || end != s.c_str() + s.size() || !std::isfinite(v))
    fail(std::string(what) + " is not a number: " + quote(text));
  return v;
}

bool boolean_from_text(std::string_view text, std::string_view what) {
  std::string s = trim(text);
  if (s == "true") return true;
  if (s == "false") return false;
  fail(std::string(what) + " is not a boolean: " + quote(text));
}

std::string blob_from_base64(std::string_view text, std::string_view what) {
  std::string s = trim(text);
  auto bytes = base64_decode(s);
  if (!bytes) fail(std::string(what) + " is not base64: " + quote(text));
  return base64_encode(*bytes);
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= text.size();
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; ok && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc >> 6) != 0x2) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid too.
    if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
               (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF))
      ok = false;
    if (ok) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

bool is_scalar_type(const std::string& type) {
  return type == "string" || type == "character" || type == "integer" || type == "long" ||
         type == "short" || type == "byte" || type == "float" || type == "double" ||
         type == "boolean" || type == "timestamp" || type == "blob" || type == "bigInteger" ||
         type == "bigDecimal";
}

json scalar_from_text(const ShapeRef& shape, std::string_view text, std::string_view what) {
  const std::string& t = shape.type();
  if (t == "string" || t == "character") return valid_utf8(text);
  if (t == "integer" || t == "long" || t == "short" || t == "byte" || t == "bigInteger")
    return integer_from_text(text, what);
  if (t == "float" || t == "double" || t == "bigDecimal") return float_from_text(text, what);
  if (t == "boolean") return boolean_from_text(text, what);
  if (t == "timestamp") return timestamp_from_text(text, what);
  if (t == "blob") return blob_from_base64(text, what);
  fail(std::string(what) + " has shape " + shape.name() + " of type " + (t.empty() ? "?" : t) +
       ", which is not a scalar");
}

}  // namespace cloudpeek::parse_detail
