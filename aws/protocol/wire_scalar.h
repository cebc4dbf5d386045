// Scalars as the wire writes them: timestamps in the three AWS formats,
// numbers as Python/botocore print them (NaN and the infinities arrive as
// strings), booleans as true/false, blobs base64-encoded.
#pragma once

#include <string>

#include "aws/protocol/shape_ref.h"

namespace cloudpeek {

enum class TimeFormat { kIso8601, kEpochSeconds, kHttpDate };

// The member's timestampFormat trait if any, else the default of where it goes
// (query and XML: ISO 8601, JSON: epoch seconds, headers: HTTP date).
TimeFormat time_format_of(const ShapeRef& ref, TimeFormat location_default);

std::string format_timestamp(const Params& value, TimeFormat format);
// Epoch seconds as a JSON number (integral when whole); other formats as strings.
Params timestamp_json(const Params& value, TimeFormat format);

std::string number_text(const Params& value);

// Any scalar (string, enum, number, boolean, timestamp, blob) as text.
std::string scalar_text(const ShapeRef& ref, const Params& value, TimeFormat location_default);

}  // namespace cloudpeek
