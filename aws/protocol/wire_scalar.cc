#include "aws/protocol/wire_scalar.h"

#include <chrono>
#include <cmath>

#include "aws/core/encoding.h"
#include "aws/core/time_format.h"

namespace cloudpeek {

namespace {

// Epoch seconds (maybe fractional) from a number, a numeric string or any
// timestamp text the core parser knows.
double epoch_seconds(const Params& value) {
  if (value.is_number()) return value.get<double>();
  if (value.is_string()) {
    auto tp = parse_any_timestamp(value.get<std::string>());
    if (tp) {
      using namespace std::chrono;
      return duration<double>(tp->time_since_epoch()).count();
    }
  }
  throw SerializeError("invalid timestamp: " + value.dump());
}

TimePoint to_time_point(double seconds) {
  using namespace std::chrono;
  auto ms = static_cast<long long>(std::llround(seconds * 1000.0));
  return TimePoint(duration_cast<system_clock::duration>(milliseconds(ms)));
}

bool is_whole(double seconds) { return std::llround(seconds * 1000.0) % 1000 == 0; }

}  // namespace

TimeFormat time_format_of(const ShapeRef& ref, TimeFormat location_default) {
  std::string f = ref.text_trait("timestampFormat");
  if (f == "iso8601") return TimeFormat::kIso8601;
  if (f == "unixTimestamp") return TimeFormat::kEpochSeconds;
  if (f == "rfc822") return TimeFormat::kHttpDate;
  return location_default;
}

std::string format_timestamp(const Params& value, TimeFormat format) {
  double s = epoch_seconds(value);
  switch (format) {
    case TimeFormat::kIso8601:
      return is_whole(s) ? format_iso8601(to_time_point(s)) : format_iso8601_millis(to_time_point(s));
    case TimeFormat::kHttpDate:
      return format_http_date(to_time_point(s));
    case TimeFormat::kEpochSeconds:
      break;
  }
  return timestamp_json(value, format).dump();
}

Params timestamp_json(const Params& value, TimeFormat format) {
  if (format != TimeFormat::kEpochSeconds) return format_timestamp(value, format);
  double s = epoch_seconds(value);
  if (is_whole(s)) return static_cast<long long>(std::llround(s));
  return std::llround(s * 1000.0) / 1000.0;
}

std::string number_text(const Params& value) {
  if (value.is_string()) return value.get<std::string>();  // "NaN", "Infinity", "-Infinity"
  if (value.is_number()) return value.dump();  // shortest round-trip form, as Python's repr
  throw SerializeError("expected a number, got " + value.dump());
}

std::string scalar_text(const ShapeRef& ref, const Params& value, TimeFormat location_default) {
  const std::string& type = ref.type();
  if (type == "timestamp") return format_timestamp(value, time_format_of(ref, location_default));
  if (type == "blob") {
    if (!value.is_string()) throw SerializeError("expected blob bytes as a string, got " + value.dump());
    return base64_encode(value.get<std::string>());
  }
  if (type == "boolean" || value.is_boolean()) {
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_string()) return value.get<std::string>();
    throw SerializeError("expected a boolean, got " + value.dump());
  }
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return number_text(value);
  throw SerializeError("expected a " + type + " value, got " + value.dump());
}

}  // namespace cloudpeek
