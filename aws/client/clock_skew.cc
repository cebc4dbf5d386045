// Clock skew: AWS rejects a signature whose time is more than 5 minutes away
// from its own (RequestTimeTooSkewed, "Signature expired"). The offset is
// measured from every response's Date header, not only from skew errors, so a
// wrong local clock is corrected before the first rejection rather than after
// it (the JS v3 SDK does the same; others wait for the error). Only offsets
// beyond 4 minutes are applied: Date has one-second resolution and includes the
// network delay, so a small measured offset is noise that AWS tolerates anyway,
// and correcting it would only make signatures depend on that noise.
#include <cstdlib>

#include "aws/client/client.h"

namespace cloudpeek {
namespace {

constexpr long long kSkewThresholdSeconds = 4 * 60;
// Two measurements of the same skew differ by latency and rounding: not a change.
constexpr long long kSameSkewSeconds = 5;

}  // namespace

bool ClockSkew::update(Clock::time_point server_date, Clock::time_point local_now) {
  const long long measured =
      std::chrono::duration_cast<std::chrono::seconds>(server_date - local_now).count();
  const long long next = std::llabs(measured) > kSkewThresholdSeconds ? measured : 0;
  long long prev = offset_.load();
  if (next != 0 && prev != 0 && std::llabs(next - prev) <= kSameSkewSeconds) return false;
  if (next == prev) return false;
  // Concurrent responses race here; any of their measurements is as good as another.
  return offset_.compare_exchange_strong(prev, next);
}

}  // namespace cloudpeek
