// The rate-limit buckets of one AWS account, shared by every scan of it in
// this process. AWS meters API calls per account (and region, and API or
// service): two scans of one account at once (two providers for it, an
// organization scan and a single-account one) draw on one budget, so they
// share one set of buckets and together stay within AWS's limits; scans of
// different accounts never share one.
#pragma once

#include <memory>
#include <string_view>

#include "scan/rate_limits.h"

namespace cloudpeek::scan {

// The buckets of `account`, created with `config` by the first scan that asks
// and kept while a scan holds them: once none does, the next scan starts with
// full buckets (as AWS's refill after a quiet spell). A scan with another limit
// table (a test's) gets buckets of its own rather than another table's pace;
// so does an empty account id (unknown: nothing to share with).
std::shared_ptr<RateLimiters> shared_rate_limiters(std::string_view account, const RateLimitConfig& config);

}  // namespace cloudpeek::scan
